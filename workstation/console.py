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
    """Print ``obj`` as JSON on standard output (file names that are not UTF-8 shown with
    their bytes escaped, never a crash)."""
    text = json.dumps(obj, indent=2, ensure_ascii=False, default=str)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        from workstation.printable import printable_tree

        text = json.dumps(printable_tree(json.loads(text)), indent=2, ensure_ascii=False)
    sys.stdout.write(text)
    sys.stdout.write("\n")
    sys.stdout.flush()


def say(message: str) -> None:
    """A message or progress line on standard error."""
    print(message, file=sys.stderr, flush=True)
