"""``workstation examine CAPTURE [--specimen ID] [--json] [--report OUT.pdf]`` (formats.md §4)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from workstation.examination.results import Examination


def _print_summary(ex: Examination) -> None:
    print(f"capture:  {ex.capture_path}")
    print(f"specimen: {ex.specimen_id or '(none matched)'}")
    if ex.mrz is not None and ex.mrz.found:
        print(f"MRZ:      {ex.mrz.format} {'valid' if ex.mrz.valid else 'INVALID'}")
        for line in ex.mrz.lines:
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
    from workstation.examination.pipeline import run_examination

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
