"""``workstation cases list|export`` and ``workstation audit verify``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from workstation.console import emit_json, say


def register(sub: Any) -> None:
    """Add the ``cases`` and ``audit`` sub-commands."""
    cases = sub.add_parser("cases", help="the case database: list and export cases")
    cases_sub = cases.add_subparsers(dest="cases_command", metavar="ACTION")
    cases.set_defaults(handler=lambda _a: _usage(cases))

    ls = cases_sub.add_parser("list", help="list examinations, newest first")
    ls.add_argument("--json", action="store_true", help="print JSON on standard output")
    ls.add_argument("--search", default="", help="reference, name or document number prefix")
    ls.add_argument("--status", action="append", default=[],
                    help="only this status (draft, open, concluded, under_review, approved, "
                         "returned)")
    ls.add_argument("--conclusion", action="append", default=[],
                    help="only this conclusion (no_anomaly, counterfeit, forged, inconclusive)")
    ls.add_argument("--from", dest="date_from", default=None, help="created on or after "
                    "YYYY-MM-DD (UTC)")
    ls.add_argument("--to", dest="date_to", default=None, help="created on or before "
                    "YYYY-MM-DD (UTC)")
    ls.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")
    ls.set_defaults(handler=_list)

    ex = cases_sub.add_parser("export", help="export a case (images, examination JSON, "
                              "audit excerpt, reports) as a zip file")
    ex.add_argument("id", help="case id, or case reference")
    ex.add_argument("out", help="the zip file to write")
    ex.add_argument("--allow-unverified", action="store_true",
                    help="export even when the audit trail does not verify (labelled as not "
                         "certified)")
    ex.set_defaults(handler=_export)

    fl = cases_sub.add_parser("flush", help="store the examinations kept in the spool while "
                              "the database was locked")
    fl.set_defaults(handler=_flush)

    aud = sub.add_parser("audit", help="the audit trail")
    aud_sub = aud.add_subparsers(dest="audit_command", metavar="ACTION")
    aud.set_defaults(handler=lambda _a: _usage(aud))
    ver = aud_sub.add_parser("verify", help="walk the audit hash chain and name the first "
                             "broken link")
    ver.add_argument("--json", action="store_true", help="print JSON on standard output")
    ver.add_argument("--checkpoint", action="append", default=[], metavar="SEQ:HASH",
                     help="also check a checkpoint held elsewhere (e.g. printed in a signed "
                          "report): the chain must still hold event SEQ with HASH")
    ver.set_defaults(handler=_verify)
    cp = aud_sub.add_parser("checkpoint", help="print the chain's head as a checkpoint to "
                                               "keep elsewhere (SEQ:HASH)")
    cp.set_defaults(handler=_checkpoint)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


def _date(value: str | None, what: str) -> dt.date | None:
    from workstation.errors import InputError

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what}: not a date YYYY-MM-DD: {value!r}") from None


def _list(args: argparse.Namespace) -> int:
    from workstation.cases import CaseRepository, SearchQuery, Status
    from workstation.errors import InputError
    from workstation.findings import Conclusion

    try:
        statuses = tuple(Status(s) for s in args.status)
        conclusions = tuple(Conclusion(c) for c in args.conclusion)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    query = SearchQuery(text=args.search, statuses=statuses, conclusions=conclusions,
                        date_from=_date(args.date_from, "--from"),
                        date_to=_date(args.date_to, "--to"), limit=args.limit)
    with CaseRepository.open() as repo:
        rows = repo.search(query)
    if args.json:
        emit_json([{
            "id": r.id, "case_id": r.case_id, "case_reference": r.case_reference,
            "created_at": r.created_at.isoformat(), "status": r.status.value,
            "verdict": r.verdict, "conclusion": r.conclusion.value if r.conclusion else None,
            "surname": r.surname, "given_names": r.given_names,
            "document_number": r.document_number, "issuing_state": r.issuing_state,
            "document_code": r.document_code, "specimen": r.specimen_id, "version": r.version,
        } for r in rows])
    else:
        if rows:
            print(f"{'ID':>7}  {'CASE':<20} {'CREATED':<16}  {'STATUS':<12} "
                  f"{'VERDICT':<12} {'CONCLUSION':<13} {'DOCUMENT':<10} NAME")
        for r in rows:
            print(f"{r.id:>7}  {r.case_reference:<20} {r.created_at:%Y-%m-%d %H:%M}  "
                  f"{r.status.value:<12} {r.verdict:<12} "
                  f"{(r.conclusion.value if r.conclusion else '-'):<13} "
                  f"{r.document_number:<10} {r.name}")
        say(f"{len(rows)} examination(s)")
    return 0


def _flush(args: argparse.Namespace) -> int:
    from workstation.cases import CaseRepository
    from workstation.cases.spool import pending, replay

    waiting = len(pending())
    with CaseRepository.open() as repo:
        stored = replay(repo)
    for ids in stored:
        say(f"stored examination {ids.examination_id} in case {ids.case_reference}")
    say(f"{len(stored)} of {waiting} spooled examination(s) stored")
    return 0


def _export(args: argparse.Namespace) -> int:
    from workstation.cases import CaseRepository
    from workstation.cases.export import export_case

    with CaseRepository.open() as repo:
        ref = args.id.strip()
        case = repo.get_case(int(ref)) if ref.isdigit() else repo.find_case(ref)
        if case is None:
            from workstation.errors import InputError

            raise InputError(f"no case with id or reference {ref!r}")
        path = export_case(repo, case.id, args.out, allow_unverified=args.allow_unverified)
    say(f"exported case {case.reference} to {path}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    import dataclasses

    from workstation.cases import CaseRepository
    from workstation.errors import InputError

    held: list[tuple[int, str]] = []
    for raw in args.checkpoint:
        seq, _, digest = raw.partition(":")
        if not seq.isdigit() or len(digest) != 64:
            raise InputError(f"--checkpoint wants SEQ:HASH (64 hex digits), got {raw!r}")
        held.append((int(seq), digest.lower()))
    with CaseRepository.open() as repo:
        report = repo.verify_audit()
        extra = [problem for seq, digest in held
                 if (problem := repo.checkpoint_problem(seq, digest))]
    if extra:
        problems = (*report.problems, *extra)
        report = dataclasses.replace(report, ok=False, problems=problems,
                                     problem=report.problem or extra[0])
    if args.json:
        emit_json(report.to_json())
    if report.ok:
        say(f"audit trail verified: {report.events} event(s), {report.rows_checked} row(s) "
            f"against the chain, {report.checkpoints} checkpoint(s) outside the database"
            + (f", {report.legacy_events} legacy event(s) from before the chain was keyed"
               if report.legacy_events else ""))
    elif report.broken_seq is not None:
        say(f"audit chain BROKEN at event {report.broken_seq}: {report.problem}")
    else:
        say(f"audit trail NOT VERIFIED: {report.problem}")
    for problem in report.problems[1:]:
        say(f"  also: {problem}")
    return 0


def _checkpoint(args: argparse.Namespace) -> int:
    from workstation.cases import CaseRepository

    with CaseRepository.open() as repo:
        cp = repo.audit_checkpoint()
    print(f"{cp['seq']}:{cp['hash']}")
    return 0
