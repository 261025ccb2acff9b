"""``workstation train ...``: the trainer's courses and records.

    workstation train courses [--json]              the ready courses
    workstation train check FILE... [--json]        check course files (exit 2 on the first bad one)
    workstation train progress [--trainee NAME] [--json]   completed courses, oldest first
"""

from __future__ import annotations

import argparse
from typing import Any

from workstation.console import emit_json, say


def register(sub: Any) -> None:
    """Add the ``train`` sub-command."""
    train = sub.add_parser("train", help="the trainer: courses and trainees' records")
    tsub = train.add_subparsers(dest="train_command", metavar="ACTION")
    train.set_defaults(handler=lambda _args: (train.print_help(), 2)[1])

    courses = tsub.add_parser("courses", help="list the ready courses")
    courses.add_argument("--json", action="store_true", help="JSON on standard output")
    courses.set_defaults(handler=_courses)

    check = tsub.add_parser("check", help="check course files (formats.md §9)")
    check.add_argument("files", nargs="+", help="course files (JSON)")
    check.add_argument("--json", action="store_true", help="JSON on standard output")
    check.set_defaults(handler=_check)

    progress = tsub.add_parser("progress", help="completed courses per trainee, oldest first")
    progress.add_argument("--trainee", default=None, help="one trainee's (default: everyone's)")
    progress.add_argument("--json", action="store_true", help="JSON on standard output")
    progress.set_defaults(handler=_progress)


def _documents() -> list[str]:
    from workstation.specimens.library import SpecimenLibrary

    return SpecimenLibrary().ids()


def _courses(args: argparse.Namespace) -> int:
    from workstation.training.course import ready_courses

    courses = ready_courses(documents=_documents())
    if args.json:
        emit_json([c.to_json() for c in courses])
    else:
        for c in courses:
            print(f"{c.id:<20} {c.count:>3} documents  {c.title}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from workstation.training.course import load_course

    documents = _documents()
    checked = [load_course(f, documents=documents) for f in args.files]  # InputError: exit 2
    if args.json:
        emit_json([{"file": f, "id": c.id, "ok": True} for f, c in zip(args.files, checked,
                                                                         strict=True)])
    else:
        for f, c in zip(args.files, checked, strict=True):
            say(f"{f}: ok ({c.id}, {c.count} documents)")
    return 0


def _progress(args: argparse.Namespace) -> int:
    from workstation.cases import CaseRepository
    from workstation.training.records import TrainingStore

    with CaseRepository.open() as repo:
        runs = TrainingStore(repo).runs(args.trainee)
    if args.json:
        emit_json([{"run": r.run_uid, "trainee": r.trainee, "course": r.course_id,
                    "finished_at": r.finished_at.isoformat(), "documents": r.documents,
                    "share": round(r.share, 4), "passed": r.passed,
                    "per_kind": {k: round(v, 4) for k, v in r.per_kind.items()},
                    "certificate_sha256": r.certificate_sha256} for r in runs])
    else:
        for r in runs:
            print(f"{r.finished_at:%Y-%m-%d %H:%M}  {r.trainee:<16} {r.course_id:<20} "
                  f"{r.share * 100:5.1f} %  {'passed' if r.passed else 'not passed'}")
    return 0
