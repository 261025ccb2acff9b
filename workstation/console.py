"""Standard output and standard error for the command line (formats.md §4): JSON
results on standard output, messages and progress on standard error.

Every package's ``cli`` module writes through these two functions, so the command's
output discipline lives in one place (and no package imports the top-level
:mod:`workstation.cli`, which imports them all).
"""

from __future__ import annotations

import json
import sys
from typing import Any


def emit_json(obj: Any) -> None:
    """Print ``obj`` as JSON on standard output."""
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    sys.stdout.flush()


def say(message: str) -> None:
    """A message or progress line on standard error."""
    print(message, file=sys.stderr, flush=True)
