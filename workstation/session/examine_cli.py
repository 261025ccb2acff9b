"""``workstation examine CAPTURE [--specimen ID] [--json] [--report OUT.pdf]`` (formats.md §4).

It composes three domain packages, so it lives in the session layer: the examination
(:func:`workstation.examination.pipeline.run_examination`), the case database (the
examination is stored, in the case ``--case`` names or a new one, unless
``--no-store``) and the reports (``--report``: signed after the examination is
stored, recorded with it, then written — :mod:`workstation.session.reporting`). The
report carries the case reference whenever the examination is in a case, and the
audit chain's head after its examination was stored.

Signing needs a signed-in account (:mod:`workstation.identity`): ``--user`` (default:
this operating-system account's, else ``$WORKSTATION_USER`` or the login name) with
its password from ``--secret-fd`` or the terminal, or the configured PKCS#12 file.
When the database stays locked longer than a write waits, the examination is kept in
the spool (:mod:`workstation.cases.spool`) instead of lost.
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

    repo: Any = None
    identity: Any = None
    signer: str | None = None
    try:
        if not args.no_store or args.report:  # accounts live in the case database
            from workstation.cases import CaseRepository

            repo = CaseRepository.open(on_busy=_say_busy)
        if args.report:
            from workstation.identity.cli import signing_identity_from_args

            identity, signer = signing_identity_from_args(args, repo)  # before the work
        ex = run_examination(args.capture, specimen_id=args.specimen)
        if args.no_store:
            if args.report:
                out = _report(ex, Path(args.report), case_ref=args.case or "",
                              repository=None, examination_id=None, user="",
                              identity=identity)
                say(f"report written: {out} (not stored: --no-store)")
        else:
            from workstation.cases.spool import store_or_spool
            from workstation.paths import login_name

            user = repo.ensure_user(signer or login_name())
            stored = store_or_spool(repo, ex, user=user, case_ref=args.case)
            say(f"stored as examination {stored.examination_id} in case "
                f"{stored.case_reference}")
            if args.report:
                out = _report(ex, Path(args.report), case_ref=stored.case_reference,
                              repository=repo, examination_id=stored.examination_id,
                              user=user, identity=identity)
                say(f"report written: {out} (recorded with examination "
                    f"{stored.examination_id})")
    finally:
        if repo is not None:
            repo.close()
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


def _say_busy(waited: float) -> None:
    from workstation.console import say

    if waited >= 1.0:
        say(f"the case database is locked by another program ({waited:.0f} s); waiting...")


def _report(ex: Examination, out: Path, *, case_ref: str, repository: Any,
            examination_id: int | None, user: Any, identity: Any) -> Path:
    """Build, sign, record (when stored) and write the report; returns the file. The
    report carries the audit chain's head after its examination was stored."""
    from workstation.reports.config import load_config
    from workstation.session.reporting import build_unsigned, sign_and_record

    config = load_config()
    checkpoint = repository.audit_checkpoint() if repository is not None else None
    pdf = build_unsigned(ex, case_ref=case_ref, examiner=identity.name, config=config,
                         audit_checkpoint=checkpoint)
    done = sign_and_record(pdf, identity, repository=repository,
                           examination_id=examination_id, user=user, config=config, out=out,
                           checkpoint=checkpoint)
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
    p.add_argument("--user", metavar="NAME",
                   help="with --report: the account that signs (default: this "
                        "operating-system account's, else $WORKSTATION_USER or the login "
                        "name); it must sign in")
    p.add_argument("--secret-fd", type=int, metavar="FD",
                   help="with --report: read the signer's password (or the PKCS#12 file's) "
                        "from this file descriptor (0: standard input), else from the "
                        "terminal; never from the environment or the command line")
    p.set_defaults(handler=_cmd_examine)
