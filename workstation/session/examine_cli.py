"""``workstation examine CAPTURE... [--specimen ID] [--json] [--report OUT.pdf]`` (formats.md §4).

It composes three domain packages, so it lives in the session layer: the examination
(:func:`workstation.examination.pipeline.run_examination`), the case database (the
examination is stored, in the case ``--case`` names or a new one, unless
``--no-store``) and the reports (``--report``: signed after the examination is
stored, recorded with it, then written — :mod:`workstation.session.reporting`). The
report carries the case reference whenever the examination is in a case, and the
audit chain's head after its examination was stored.

One capture prints one object (or the summary). Once the capture has loaded (bad
input opens nothing), the case database is opened in a background thread while the
capture is examined. Several captures are a batch
(:mod:`workstation.session.examine_batch`): one process, a JSON list.

Signing needs a signed-in account (:mod:`workstation.identity`): ``--user`` (default:
this operating-system account's, else ``$WORKSTATION_USER`` or the login name) with
its password from ``--secret-fd`` or the terminal, or the configured PKCS#12 file —
asked before the examination. When the database stays locked longer than a write
waits, the examination is kept in the spool (:mod:`workstation.cases.spool`) instead
of lost.
"""

from __future__ import annotations

import argparse
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workstation.cases import CaseRepository, User
    from workstation.examination.results import Examination
    from workstation.reports.ca import Identity
    from workstation.reports.config import ReportConfig
    from workstation.specimens.library import SpecimenLibrary


def print_summary(ex: Examination) -> None:
    """The human-readable summary of one examination on standard output."""
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


def result_json(ex: Examination) -> dict[str, Any]:
    """The formats.md §4 object of one examination (with the §5 ``chip`` summary when a
    chip was read)."""
    from workstation.chip.skipped import chip_summary

    result = ex.to_json()
    chip = chip_summary(list(ex.checks))
    if chip is not None:
        result["chip"] = chip
    return result


def library_for(specimen_id: str | None) -> SpecimenLibrary:
    """The data folder's library; ``InputError`` when ``specimen_id`` is not in it."""
    from workstation.errors import InputError, SpecimenError
    from workstation.specimens.library import open_library

    library = open_library()
    if specimen_id is not None:
        try:
            library.get(specimen_id)
        except SpecimenError as exc:
            raise InputError(str(exc)) from None
    return library


def _login() -> str:
    from workstation.paths import login_name

    return login_name()


def open_store() -> tuple[CaseRepository, User]:
    """The configured case database, opened and migrated, and the session's user."""
    from workstation.cases import CaseRepository
    from workstation.paths import login_name

    repo = CaseRepository.open(on_busy=_say_busy)
    try:
        return repo, repo.ensure_user(login_name())
    except BaseException:
        repo.close()
        raise


def _cmd_examine(args: argparse.Namespace) -> int:
    from workstation.errors import InputError

    captures: list[str] = args.capture
    if args.lang is not None:
        from workstation.i18n import parse_language

        if not args.report:
            raise InputError("--lang chooses the report's language: it needs --report OUT.pdf")
        args.lang = parse_language(args.lang)  # before any work: fail fast
    if len(captures) > 1:
        if args.report:
            raise InputError("--report writes one report: give one capture with it")
        from workstation.session.examine_batch import run_batch

        return run_batch(captures, specimen_id=args.specimen, store=not args.no_store,
                         case_ref=args.case, as_json=args.json)
    return _examine_one(captures[0], args)


def _examine_one(path: str, args: argparse.Namespace) -> int:
    from workstation.cases.spool import store_or_spool
    from workstation.console import emit_json, say
    from workstation.examination.pipeline import run_examination

    config: ReportConfig | None = None
    identity: Identity | None = None
    signer: str | None = None
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="examine") as pool:
        store: Future[tuple[CaseRepository, User]] | None = None
        if args.report:
            # accounts live in the case database, and signing in may ask for a password
            # on the terminal: both before the examination, in this thread
            from workstation.identity.cli import signing_identity_from_args
            from workstation.reports.config import load_config

            config = load_config()
            if args.lang is not None:
                config = replace(config, language=args.lang)
            from workstation.cases import CaseRepository

            repo_now = CaseRepository.open(on_busy=_say_busy)
            try:
                identity, signer = signing_identity_from_args(args, repo_now)
                user_now = repo_now.ensure_user(signer) if signer else repo_now.ensure_user(
                    _login())
            except BaseException:
                repo_now.close()
                raise
            done_store: Future[tuple[CaseRepository, User]] = Future()
            done_store.set_result((repo_now, user_now))
            store = done_store

        def start(*_progress: object) -> None:
            """Called as the examination begins (the capture has loaded: bad input
            opened nothing): the database in the background."""
            nonlocal store
            if store is None and not args.no_store:
                store = pool.submit(open_store)

        try:
            ex = run_examination(path, specimen_id=args.specimen, progress=start)
            start()
            if args.no_store:
                if args.report:
                    assert identity is not None and config is not None
                    out = _report(ex, Path(args.report), case_ref=args.case or "",
                                  repository=None, examination_id=None, user="",
                                  identity=identity, config=config)
                    say(f"report written: {out} (not stored: --no-store)")
            else:
                assert store is not None
                repo, user = store.result()
                stored = store_or_spool(repo, ex, user=user, case_ref=args.case)
                say(f"stored as examination {stored.examination_id} in case "
                    f"{stored.case_reference}")
                if args.report:
                    assert identity is not None and config is not None
                    out = _report(ex, Path(args.report), case_ref=stored.case_reference,
                                  repository=repo, examination_id=stored.examination_id,
                                  user=user, identity=identity, config=config)
                    say(f"report written: {out} (recorded with examination "
                        f"{stored.examination_id})")
        finally:
            if store is not None and not store.cancel() and store.exception() is None:
                store.result()[0].close()
    if args.json:
        emit_json(result_json(ex))
    else:
        print_summary(ex)
    return 0


def _say_busy(waited: float) -> None:
    from workstation.console import say

    if waited >= 1.0:
        say(f"the case database is locked by another program ({waited:.0f} s); waiting...")


def _report(ex: Examination, out: Path, *, case_ref: str, repository: Any,
            examination_id: int | None, user: Any, identity: Identity,
            config: ReportConfig) -> Path:
    """Build, sign, record (when stored) and write the report; returns the file. The
    report carries the audit chain's head after its examination was stored."""
    from workstation.session.reporting import build_unsigned, sign_and_record

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
        "examine", help="run the full examination of capture folders",
        description="Find the document, identify its specimen from the MRZ (or use "
                    "--specimen), register the capture onto it and run every check. "
                    "Several capture folders are examined in one process: --json then "
                    "prints a list, one object per capture (a folder that cannot be read "
                    "gives an object with \"error\"; the exit status is then 2).")
    p.add_argument("capture", metavar="CAPTURE", nargs="+",
                   help="capture folder (workstation.capture/1); several for a batch")
    p.add_argument("--specimen", metavar="ID", help="compare with this specimen of the library")
    p.add_argument("--json", action="store_true",
                   help="print the result as JSON (a list for several captures)")
    p.add_argument("--report", metavar="OUT.pdf",
                   help="also write a signed PDF report (one capture only)")
    p.add_argument("--lang", metavar="LANG",
                   help="the report's language: en, mn (Mongolian), ru (Russian); default: "
                        "the report configuration's 'language' (en)")
    p.add_argument("--case", metavar="REF", help="store the examination in this case "
                   "(created when missing; default: a new case for each capture)")
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
