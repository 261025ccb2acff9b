"""PDF examination reports: build, sign (PAdES), verify."""
