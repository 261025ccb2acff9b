"""ICAO 9303 machine-readable zones: locate, recognise, parse, validate, repair."""
