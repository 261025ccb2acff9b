"""The ``workstation`` command (formats.md §4). No Qt import.

Each package contributes its sub-commands through a ``register(subparsers)``
function in its own ``cli`` module (imported in :func:`build_parser`, in the order
the commands are listed); those modules import heavy dependencies inside their
handlers so that ``workstation --version`` stays fast. A handler returns the exit
status. Output goes through :mod:`workstation.console`.

Exit status: 0 when the command did its job (whatever it found), 2 for bad
arguments or unreadable input (one-line reason on standard error), 1 for any
other failure. Machine-readable output goes to standard output as JSON with
``--json``; messages and progress go to standard error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from workstation import __version__
from workstation.console import say
from workstation.errors import InputError, WorkstationError
from workstation.printable import printable

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every registered sub-command."""
    parser = argparse.ArgumentParser(
        prog="workstation",
        description="Open document-examination workstation: MRZ, specimens, examination, "
                    "reports.",
    )
    parser.add_argument("--version", action="version", version=f"workstation {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    from workstation.barcodes import cli as barcodes_cli
    from workstation.cases import cli as cases_cli
    from workstation.chip import cli as chip_cli
    from workstation.examination import learn_cli
    from workstation.examination.authoring import cli as authoring_cli
    from workstation.hardware import cli as hardware_cli
    from workstation.hardware import simulate_cli
    from workstation.identity import cli as identity_cli
    from workstation.mrz import cli as mrz_cli
    from workstation.reports import cli as reports_cli
    from workstation.session import examine_cli
    from workstation.session import specimen_sharing as sharing_cli
    from workstation.specimens import cli as specimens_cli
    from workstation.training import cli as training_cli
    from workstation.trends import cli as trends_cli

    for module in (mrz_cli, barcodes_cli, examine_cli, specimens_cli, learn_cli, authoring_cli,
                   sharing_cli, simulate_cli, cases_cli, identity_cli, reports_cli, hardware_cli,
                   chip_cli, trends_cli, training_cli):
        module.register(sub)
    from workstation.session.specimen_sharing import register_hooks

    register_hooks()
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
        say(f"workstation: error: {printable(exc)}")
        return 2
    except WorkstationError as exc:
        say(f"workstation: error: {printable(exc)}")
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
