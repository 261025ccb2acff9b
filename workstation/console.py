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


class Progress:
    """Progress over ``total`` items on standard error: a tqdm bar when standard error
    is a terminal, else one plain line per item (``what [3/10] label``), so logs and
    pipes get readable lines and people get a bar. Messages printed through
    :meth:`say` go above the bar.
    """

    def __init__(self, total: int, what: str, *, tty: bool | None = None) -> None:
        self.total = total
        self.what = what
        self.done = 0
        self._bar: Any = None
        if sys.stderr.isatty() if tty is None else tty:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=what, unit="", file=sys.stderr,
                             dynamic_ncols=True, leave=True)

    def say(self, message: str) -> None:
        """A message on standard error that does not break the bar."""
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            say(message)

    def step(self, label: str) -> None:
        """One item is done; ``label`` says which and how it went."""
        self.done += 1
        if self._bar is not None:
            self._bar.set_postfix_str(label[-60:], refresh=False)
            self._bar.update(1)
        else:
            say(f"{self.what} [{self.done}/{self.total}] {label}")

    def close(self) -> None:
        """Finish the bar (nothing for plain lines)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class JsonListWriter:
    """A JSON list on standard output, one element at a time (what :func:`emit_json`
    prints for the whole list, byte for byte), so a long batch shows its results as
    they come and holds none of them. Until :meth:`close` the output is not valid
    JSON: an interrupted batch is never mistaken for a complete one."""

    def __init__(self) -> None:
        self.count = 0
        sys.stdout.write("[")
        sys.stdout.flush()

    def add(self, obj: Any) -> None:
        """Print one element (indented by its lines, split at ``\n`` only: a string may
        hold U+2028 or U+0085, which ``str.splitlines`` would break)."""
        text = json.dumps(obj, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write(("\n" if self.count == 0 else ",\n")
                         + "\n".join("  " + line for line in text.split("\n")))
        sys.stdout.flush()
        self.count += 1

    def close(self) -> None:
        """End the list."""
        sys.stdout.write("\n]\n" if self.count else "]\n")
        sys.stdout.flush()
