"""Identification, registration onto the specimen, the security-feature checks, verdict."""
