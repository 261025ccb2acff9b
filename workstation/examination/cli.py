"""``workstation examine CAPTURE [--specimen ID] [--json] [--report OUT.pdf]`` (formats.md §4)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workstation.types import Examination


def run_examination(capture_path: str | Path, *, specimen_id: str | None = None,
                    progress: Any = None) -> Examination:
    """Load the capture folder and examine it against the data folder's library.

    The one seam the command uses (the cases package may store what it returns).

    Raises:
        InputError: unreadable capture folder or unknown specimen id.
    """
    from workstation.capture import load_capture
    from workstation.errors import InputError, SpecimenError
    from workstation.examination.pipeline import examine
    from workstation.specimens.library import open_library

    capture = load_capture(capture_path)
    library = open_library()
    try:
        return examine(capture, library=library, specimen_id=specimen_id,
                       capture_path=str(capture_path), progress=progress)
    except SpecimenError as exc:
        raise InputError(str(exc)) from None


def _print_summary(ex: Examination) -> None:
    print(f"capture:  {ex.capture_path}")
    print(f"specimen: {ex.specimen_id or '(none matched)'}")
    if ex.mrz is not None and ex.mrz.get("found"):
        print(f"MRZ:      {ex.mrz.get('format')} "
              f"{'valid' if ex.mrz.get('valid') else 'INVALID'}")
        for line in ex.mrz.get("lines", []):
            print(f"          {line}")
    else:
        print("MRZ:      not found")
    for c in ex.checks:
        score = "" if c.score is None else f" {c.score:.3g}"
        if c.threshold is not None:
            score += f" (threshold {c.threshold:.3g})"
        where = f" [{c.zone}" + (f", {c.light.value}]" if c.light else "]") if c.zone else ""
        print(f"  {c.status.value.upper():8} {c.id}{where} {c.code}{score}: {c.message}")
    print(f"verdict:  {ex.verdict.value}")


def _cmd_examine(args: argparse.Namespace) -> int:
    from workstation.cli import emit_json, say

    ex = run_examination(args.capture, specimen_id=args.specimen)
    report_pdf: bytes | None = None
    if args.report:
        try:
            from workstation.reports import write_signed_report
        except ImportError:
            from workstation.errors import ReportError

            raise ReportError("the reports package is not available") from None
        out = write_signed_report(ex, Path(args.report), case_ref=args.case or "")
        say(f"report written: {out}")
        report_pdf = Path(out).read_bytes()
    if not args.no_store:
        from workstation.cases import store_examination

        stored = store_examination(ex, case_ref=args.case, report_pdf=report_pdf)
        say(f"stored as examination {stored.examination_id} in case {stored.case_reference}")
    if args.json:
        emit_json(ex.to_json())
    else:
        _print_summary(ex)
    return 0


def register(subparsers: Any) -> None:
    """Add the ``examine`` command."""
    p = subparsers.add_parser(
        "examine", help="run the full examination of a capture folder",
        description="Find the document, identify its specimen from the MRZ (or use "
                    "--specimen), register the capture onto it and run every check.")
    p.add_argument("capture", metavar="CAPTURE", help="capture folder (workstation.capture/1)")
    p.add_argument("--specimen", metavar="ID", help="compare with this specimen of the library")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument("--report", metavar="OUT.pdf", help="also write a signed PDF report")
    p.add_argument("--case", metavar="REF", help="store the examination in this case "
                   "(created when missing; default: a new case)")
    p.add_argument("--no-store", action="store_true",
                   help="do not store the examination in the case database")
    p.set_defaults(handler=_cmd_examine)
