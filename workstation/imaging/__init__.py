"""Pure functions on numpy arrays: page finding, registration, overlays, measurement."""
