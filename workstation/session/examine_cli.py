"""``workstation examine CAPTURE [--specimen ID] [--json] [--report OUT.pdf]`` (formats.md §4).

It composes three domain packages, so it lives in the session layer: the examination
(:func:`workstation.examination.pipeline.run_examination`), the case database (the
examination is stored, in the case ``--case`` names or a new one, unless
``--no-store``) and the reports (``--report``: signed after the examination is
stored, recorded with it, then written — :mod:`workstation.session.reporting`). The
report carries the case reference whenever the examination is in a case.
"""

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
    from workstation.console import emit_json, say
    from workstation.examination.pipeline import run_examination

    ex = run_examination(args.capture, specimen_id=args.specimen)
    if args.no_store:
        if args.report:
            out = _report(ex, Path(args.report), case_ref=args.case or "", repository=None,
                          examination_id=None, user="")
            say(f"report written: {out} (not stored: --no-store)")
    else:
        from workstation.cases import CaseRepository
        from workstation.paths import login_name

        with CaseRepository.open() as repo:
            user = repo.ensure_user(login_name())
            stored = repo.store_examination(ex, user=user, case_ref=args.case)
            say(f"stored as examination {stored.examination_id} in case "
                f"{stored.case_reference}")
            if args.report:
                out = _report(ex, Path(args.report), case_ref=stored.case_reference,
                              repository=repo, examination_id=stored.examination_id,
                              user=user)
                say(f"report written: {out} (recorded with examination "
                    f"{stored.examination_id})")
    if args.json:
        from workstation.chip.skipped import chip_summary

        result = ex.to_json()
        chip = chip_summary(list(ex.checks))
        if chip is not None:
            result["chip"] = chip
        emit_json(result)
    else:
        _print_summary(ex)
    return 0


def _report(ex: Examination, out: Path, *, case_ref: str, repository: Any,
            examination_id: int | None, user: Any) -> Path:
    """Build, sign, record (when stored) and write the report; returns the file."""
    from workstation.reports import resolve_identity
    from workstation.reports.config import load_config
    from workstation.session.reporting import build_unsigned, sign_and_record

    config = load_config()
    identity = resolve_identity(config)  # before building: a missing password fails fast
    pdf = build_unsigned(ex, case_ref=case_ref, examiner=config.examiner_name(),
                         config=config)
    done = sign_and_record(pdf, identity, repository=repository,
                           examination_id=examination_id, user=user, config=config, out=out)
    assert done.path is not None
    return done.path


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
