"""The checks, one module per family; each registers itself in the check registry."""
