"""Barcodes and digital seals of identity documents (issue 21)."""
