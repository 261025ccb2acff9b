"""``workstation examine CAPTURE... [--specimen ID] [--json] [--report OUT.pdf]`` (formats.md §4).

It composes three domain packages, so it lives in the session layer: the examination
(:func:`workstation.examination.pipeline.run_examination`), the case database (the
examination is stored, in the case ``--case`` names or a new one, unless
``--no-store``) and the reports (``--report``: signed after the examination is
stored, recorded with it, then written — :mod:`workstation.session.reporting`). The
report carries the case reference whenever the examination is in a case.

One capture prints one object (or the summary). Once the capture has loaded (bad
input opens nothing), the case database is opened and, with ``--report``, the
signing identity made ready (the local CA's keys are generated on first use) in
background threads while the capture is examined: neither waits for the other.
Several captures are a batch (:mod:`workstation.session.examine_batch`): one
process, a JSON list.
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


def open_store() -> tuple[CaseRepository, User]:
    """The configured case database, opened and migrated, and the session's user."""
    from workstation.cases import CaseRepository
    from workstation.paths import login_name

    repo = CaseRepository.open()
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
    from workstation.console import emit_json, say
    from workstation.examination.pipeline import run_examination

    config: ReportConfig | None = None
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="examine") as pool:
        store: Future[tuple[CaseRepository, User]] | None = None
        identity: Future[Identity] | None = None
        if args.report:
            from workstation.reports.config import load_config

            config = load_config()
            if args.lang is not None:
                config = replace(config, language=args.lang)
            if config.pkcs12:  # a missing password fails before the examination
                identity = _resolved(config)

        def start(*_progress: object) -> None:
            """Called as the examination begins (the capture has loaded: bad input
            opened nothing): the database and the signing identity in the background."""
            nonlocal store, identity
            if store is None and not args.no_store:
                store = pool.submit(open_store)
            if identity is None and config is not None:
                from workstation.reports import resolve_identity

                identity = pool.submit(resolve_identity, config)

        try:
            ex = run_examination(path, specimen_id=args.specimen, progress=start)
            start()
            if store is None:
                if args.report:
                    assert identity is not None and config is not None
                    out = _report(ex, Path(args.report), case_ref=args.case or "",
                                  repository=None, examination_id=None, user="",
                                  identity=identity.result(), config=config)
                    say(f"report written: {out} (not stored: --no-store)")
            else:
                repo, user = store.result()
                stored = repo.store_examination(ex, user=user, case_ref=args.case)
                say(f"stored as examination {stored.examination_id} in case "
                    f"{stored.case_reference}")
                if args.report:
                    assert identity is not None and config is not None
                    out = _report(ex, Path(args.report), case_ref=stored.case_reference,
                                  repository=repo, examination_id=stored.examination_id,
                                  user=user, identity=identity.result(), config=config)
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


def _resolved(config: ReportConfig) -> Future[Identity]:
    """The configured PKCS#12 identity, resolved now (as a finished future)."""
    from workstation.reports import resolve_identity

    done: Future[Identity] = Future()
    done.set_result(resolve_identity(config))
    return done


def _report(ex: Examination, out: Path, *, case_ref: str, repository: Any,
            examination_id: int | None, user: Any, identity: Identity,
            config: ReportConfig) -> Path:
    """Build, sign, record (when stored) and write the report; returns the file."""
    from workstation.session.reporting import build_unsigned, sign_and_record

    pdf = build_unsigned(ex, case_ref=case_ref, examiner=config.examiner_name(),
                         config=config)
    done = sign_and_record(pdf, identity, repository=repository,
                           examination_id=examination_id, user=user, config=config, out=out)
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
    p.set_defaults(handler=_cmd_examine)
