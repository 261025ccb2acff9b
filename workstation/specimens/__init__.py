"""Reference specimens: the package format, the library and the synthetic document generator."""
