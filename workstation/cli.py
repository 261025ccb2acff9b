"""The ``workstation`` command (formats.md §4). No Qt import.

Each package contributes its sub-commands through a ``register(subparsers)``
function in its own ``cli`` module (listed in :data:`COMMAND_MODULES`); those
modules import heavy dependencies inside their handlers so that
``workstation --version`` stays fast. A handler returns the exit status.

Exit status: 0 when the command did its job (whatever it found), 2 for bad
arguments or unreadable input (one-line reason on standard error), 1 for any
other failure. Machine-readable output goes to standard output as JSON with
``--json``; messages and progress go to standard error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from workstation import __version__
from workstation.errors import InputError, WorkstationError

#: Modules that add sub-commands, in the order their commands are listed.
COMMAND_MODULES = (
    "workstation.mrz.cli",
    "workstation.examination.cli",
    "workstation.specimens.cli",
    "workstation.specimens.simulate_cli",
    "workstation.cases.cli",
    "workstation.reports.cli",
    "workstation.hardware.cli",
)

Handler = Callable[[argparse.Namespace], int]


def emit_json(obj: Any) -> None:
    """Print ``obj`` as JSON on standard output."""
    json.dump(obj, sys.stdout, indent=2, ensure_ascii=False, default=str)
    sys.stdout.write("\n")
    sys.stdout.flush()


def say(message: str) -> None:
    """A message or progress line on standard error."""
    print(message, file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="workstation",
        description="Open document-examination workstation: MRZ, specimens, examination, "
                    "reports.",
    )
    parser.add_argument("--version", action="version", version=f"workstation {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list == ["--version"]:
        # answered before any sub-command module (NumPy, SQLAlchemy...) is imported
        print(f"workstation {__version__}")
        return 0
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        return handler(args)
    except InputError as exc:
        say(f"workstation: error: {exc}")
        return 2
    except WorkstationError as exc:
        say(f"workstation: error: {exc}")
        return 1
    except KeyboardInterrupt:
        say("workstation: interrupted")
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except MemoryError:
        say("workstation: error: out of memory")
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
