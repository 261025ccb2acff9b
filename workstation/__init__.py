"""workstation: an open document-examination workstation for border secondary inspection."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("workstation")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
