"""``workstation trends ...`` and ``workstation alerts ...``.

    workstation trends [--since DATE] [--until DATE] [--by state,check] [--where DIM=V,V]
                       [--json]
    workstation trends examinations [--since ...] [--where ...] [--limit N] [--json]
    workstation trends export OUT [--since DATE] [--until DATE] [--k 5] [--office NAME]
    workstation trends import FILE... [--json]
    workstation trends verify FILE [--json]
    workstation trends imported [--office NAME] [--by office,month] [--json]
    workstation trends rebuild
    workstation site [--location NAME] [--office NAME] [--json]
    workstation alerts list|show|publish|withdraw|expire|match ...   (see alerts_cli)

The user is ``$WORKSTATION_USER`` (or the login name), a local account of the
case database; exporting, importing and alerts need a supervisor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from workstation.console import emit_json, say

if TYPE_CHECKING:
    from workstation.cases import CaseRepository, User


def register(sub: Any) -> None:
    """Add the ``trends`` and ``alerts`` sub-commands."""
    from workstation.trends import alerts_cli

    trends = sub.add_parser("trends", help="fraud trends: counts by state, type, series, "
                            "check, forgery kind and border point; exports for a central "
                            "office")
    _query_options(trends)
    trends.add_argument("--by", default="", help="dimensions, comma-separated: point, state, "
                        "type, series, check, kind, conclusion, verdict and one of day, "
                        "week, month, year")
    trends.set_defaults(handler=_trends)
    tsub = trends.add_subparsers(dest="trends_command", metavar="ACTION")

    ex = tsub.add_parser("examinations", help="the examinations behind a figure "
                         "(supervisors and forensic examiners)")
    _query_options(ex)
    ex.add_argument("--limit", type=int, default=200, help="at most this many (default 200)")
    ex.set_defaults(handler=_examinations)

    out = tsub.add_parser("export", help="write the office's anonymised, signed figures "
                          "(counts only, small cells suppressed)")
    out.add_argument("out", help="the JSON file to write")
    out.add_argument("--since", default=None, help="from this day's month (YYYY-MM-DD)")
    out.add_argument("--until", default=None, help="to this day's month (default: now)")
    out.add_argument("--k", type=int, default=5, help="counts below k are written as "
                     "'< k' (default 5)")
    out.add_argument("--office", default=None, help="the office's name (default: site "
                     "setting 'office', else the signer's organisation)")
    out.add_argument("--password-fd", type=int, default=None, help="read the PKCS#12 "
                     "password from this file descriptor (when reports/config.json names "
                     "a PKCS#12 file)")
    out.set_defaults(handler=_export)

    imp = tsub.add_parser("import", help="verify and merge other offices' exports")
    imp.add_argument("files", nargs="+", help="export files")
    imp.add_argument("--json", action="store_true", help="print JSON on standard output")
    imp.set_defaults(handler=_import)

    ver = tsub.add_parser("verify", help="check an export's signature and content "
                          "without importing it")
    ver.add_argument("file")
    ver.add_argument("--json", action="store_true", help="print JSON on standard output")
    ver.set_defaults(handler=_verify)

    got = tsub.add_parser("imported", help="figures imported from other offices")
    got.add_argument("--office", default=None, help="only this office")
    got.add_argument("--by", default="office,month", help="office and columns of the "
                     "export (default office,month)")
    got.add_argument("--json", action="store_true", help="print JSON on standard output")
    got.set_defaults(handler=_imported)

    reb = tsub.add_parser("rebuild", help="recount the summaries from the examinations")
    reb.set_defaults(handler=_rebuild)

    site = sub.add_parser("site", help="this workstation's border point and office "
                          "(site.json in the data folder)")
    site.add_argument("--location", default=None, help="set the border point")
    site.add_argument("--office", default=None, help="set the office")
    site.add_argument("--json", action="store_true", help="print JSON on standard output")
    site.set_defaults(handler=_site)

    alerts_cli.register(sub)


def _query_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", default=None, help="from this UTC day (YYYY-MM-DD)")
    p.add_argument("--until", default=None, help="to this UTC day, inclusive")
    p.add_argument("--where", action="append", default=[], metavar="DIM=V1,V2",
                   help="only these values of a dimension (repeatable); '-' is 'none'")
    p.add_argument("--json", action="store_true", help="print JSON on standard output")


def parse_date(value: str | None, what: str) -> dt.date | None:
    """``YYYY-MM-DD`` or ``None``; ``InputError`` otherwise."""
    from workstation.errors import InputError

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what}: not a date YYYY-MM-DD: {value!r}") from None


def _filters(items: Sequence[str]) -> dict[str, tuple[str, ...]]:
    from workstation.errors import InputError

    out: dict[str, tuple[str, ...]] = {}
    for item in items:
        name, sep, values = item.partition("=")
        if not sep or not name.strip():
            raise InputError(f"--where needs DIM=VALUE[,VALUE...], not {item!r}")
        vals = tuple("" if v.strip() == "-" else v.strip() for v in values.split(","))
        out[name.strip().lower()] = out.get(name.strip().lower(), ()) + vals
    return out


def _query(args: argparse.Namespace, by: str = "") -> Any:
    from workstation.trends import TrendQuery
    from workstation.trends.query import parse_dimensions

    return TrendQuery(since=parse_date(args.since, "--since"),
                      until=parse_date(args.until, "--until"), by=parse_dimensions(by),
                      where=_filters(args.where))


def open_repository() -> CaseRepository:
    """The configured case database."""
    from workstation.cases import CaseRepository

    return CaseRepository.open()


def current_user(repo: CaseRepository, *, create: bool = False) -> User:
    """The command line's user (``$WORKSTATION_USER`` or the login name)."""
    from workstation.errors import InputError
    from workstation.paths import login_name

    name = login_name()
    user = repo.ensure_user(name) if create else repo.get_user(name)
    if user is None:
        raise InputError(f"no account {name!r} in the case database (set WORKSTATION_USER "
                         "to a supervisor's account)")
    return user


def _label(value: str) -> str:
    return value if value else "-"


def _trends(args: argparse.Namespace) -> int:
    from workstation.trends import TrendStore

    q = _query(args, args.by)
    with open_repository() as repo:
        table = TrendStore(repo).query(q)
    if args.json:
        emit_json(table.to_json())
        return 0
    heads = [*q.by, "examinations", "forgeries", "flagged"]
    rows = [[*(_label(k) for k in r.key), str(r.examinations), str(r.forgeries),
             str(r.flagged)] for r in table.rows]
    total = table.total
    rows.append(["total", *[""] * max(0, len(q.by) - 1), str(total.examinations),
                 str(total.forgeries), str(total.flagged)] if q.by else
                [str(total.examinations), str(total.forgeries), str(total.flagged)])
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(heads)]
    print("  ".join(h.ljust(w) if i < len(q.by) else h.rjust(w)
                    for i, (h, w) in enumerate(zip(heads, widths, strict=True))))
    for r in rows:
        print("  ".join(v.ljust(w) if i < len(q.by) else v.rjust(w)
                        for i, (v, w) in enumerate(zip(r, widths, strict=True))))
    return 0


def _examinations(args: argparse.Namespace) -> int:
    from workstation.trends import TrendStore

    q = _query(args)
    with open_repository() as repo:
        found = TrendStore(repo).drill_down(q, user=current_user(repo), limit=args.limit)
    if args.json:
        emit_json([{"id": s.id, "case": s.case_reference, "created_at": s.created_at,
                    "status": s.status.value, "verdict": s.verdict,
                    "conclusion": s.conclusion.value if s.conclusion else None,
                    "issuing_state": s.issuing_state, "document_code": s.document_code,
                    "specimen": s.specimen_id, "name": s.name,
                    "document_number": s.document_number} for s in found])
        return 0
    for s in found:
        print(f"{s.id:>8}  {s.created_at:%Y-%m-%d %H:%M}  {s.case_reference:<16} "
              f"{s.issuing_state:<3} {s.document_code:<2} {s.verdict:<12} "
              f"{s.conclusion.value if s.conclusion else '-':<12} {s.name}")
    say(f"{len(found)} examination(s)")
    return 0


def _read_password(fd: int | None) -> str | None:
    if fd is None:
        return None
    with os.fdopen(fd, "r", encoding="utf-8", closefd=False) as fh:
        return fh.readline().rstrip("\r\n")


def _export(args: argparse.Namespace) -> int:
    from workstation.cases import Role
    from workstation.errors import InputError
    from workstation.site import load_site
    from workstation.trends import TrendStore
    from workstation.trends.export import write_export

    with open_repository() as repo:
        user = current_user(repo)
        if user.role is not Role.SUPERVISOR:  # said before anyone is asked to sign in
            raise InputError(f"{user.name} is a {user.role.label}: only a supervisor "
                             "exports the office's figures")
        identity = _signing_identity(repo, user.name, _read_password(args.password_fd))
        office = args.office or load_site().office or _organisation(identity) or identity.name
        export = write_export(TrendStore(repo), args.out, user=user, identity=identity,
                              office=office, since=parse_date(args.since, "--since"),
                              until=parse_date(args.until, "--until"), k=args.k)
    period = export.payload["period"]
    say(f"export written: {args.out} ({office}, {period['from']} to {period['to']}, "
        f"{export.cells} counts, {export.suppressed_primary} below k={args.k} and "
        f"{export.suppressed_secondary} more suppressed, signed by {identity.name})")
    return 0


def _signing_identity(repo: Any, name: str, password: str | None) -> Any:
    """The configured PKCS#12 file with ``password``, else the account ``name`` signed in
    with it (:func:`workstation.identity.sign_in`; an operating-system account needs none)."""
    from workstation.identity import sign_in
    from workstation.reports import resolve_identity
    from workstation.reports.config import load_config

    config = load_config()
    if config.pkcs12:
        return resolve_identity(config, password=password)
    return sign_in(repo, name, password).identity


def _organisation(identity: Any) -> str:
    from cryptography.x509.oid import NameOID

    orgs = identity.certificate.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    return str(orgs[0].value) if orgs else ""


def _import(args: argparse.Namespace) -> int:
    from workstation.trends.imports import import_export

    results = []
    with open_repository() as repo:
        user = current_user(repo)
        for path in args.files:
            got = import_export(repo, path, user=user)
            results.append({"file": path, **got.to_json()})
            say(f"{path}: {'already imported' if got.already_imported else 'imported'} — "
                f"{got.office}, {got.period[0]} to {got.period[1]}, {got.rows} rows, "
                f"signed by {got.signer}")
    if args.json:
        emit_json(results)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from workstation.trends.export import EXPORT_TYPE
    from workstation.trends.imports import check_payload
    from workstation.trends.signing import read_signed_file

    signed = read_signed_file(args.file, typ=EXPORT_TYPE)
    rows = check_payload(signed.payload, args.file)
    out = {"file": args.file, "intact": True, "signer": signed.signer,
           "trusted": signed.trusted, "problem": signed.problem or None,
           "office": signed.payload["office"], "period": signed.payload["period"],
           "k": signed.payload["k"], "rows": rows, "sha256": signed.sha256}
    if args.json:
        emit_json(out)
    else:
        trust = "trusted" if signed.trusted else f"NOT TRUSTED ({signed.problem})"
        print(f"{args.file}: intact, signed by {signed.signer}, {trust}; office "
              f"{out['office']}, {out['period']['from']} to {out['period']['to']}, {rows} rows")
    return 0


def _imported(args: argparse.Namespace) -> int:
    from workstation.trends.imports import imported_figures, offices

    by = [b.strip() for b in args.by.split(",") if b.strip()]
    with open_repository() as repo:
        figures = imported_figures(repo, by=by, office=args.office)
        known = offices(repo)
    if args.json:
        emit_json({"offices": known, "by": by, "rows": [f.to_json(by) for f in figures]})
        return 0
    for f in figures:
        cells = [f"{m}={lo}" if lo == f.high[m] else f"{m}={lo}..{f.high[m]}"
                 for m, lo in f.low.items()]
        print("  ".join([*(_label(k) for k in f.key), *cells]))
    return 0


def _rebuild(args: argparse.Namespace) -> int:
    from workstation.trends import TrendStore

    with open_repository() as repo:
        counted = TrendStore(repo).rebuild(user=current_user(repo))
    say(f"trend summaries recounted from {counted} examination(s)")
    return 0


def _site(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from workstation.site import load_site, save_site, site_path

    current = load_site()
    if args.location is not None or args.office is not None:
        stored = replace(current,
                         location=args.location if args.location is not None
                         else current.location,
                         office=args.office if args.office is not None else current.office)
        save_site(stored)
        say(f"saved {site_path()}")
        current = load_site()
    if args.json:
        emit_json({"location": current.location, "office": current.office,
                   "file": str(site_path())})
    else:
        print(f"border point: {current.location or '(location not set)'}")
        print(f"office:       {current.office or '(not set)'}")
        if os.environ.get("WORKSTATION_LOCATION") or os.environ.get("WORKSTATION_OFFICE"):
            say("(the environment overrides site.json)")
    return 0
