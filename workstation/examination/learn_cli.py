"""``workstation specimens learn ID CAPTURE...``: add genuine captures to a specimen's
statistics (see :mod:`workstation.examination.learn`)."""

from __future__ import annotations

import argparse
from typing import Any


def _cmd_learn(args: argparse.Namespace) -> int:
    from workstation.capture import load_capture
    from workstation.console import emit_json, say
    from workstation.errors import InputError, SpecimenError, WorkstationError
    from workstation.examination.learn import Exemplar, learn
    from workstation.specimens.library import SpecimenLibrary
    from workstation.types import CaptureSet, Specimen

    lib = SpecimenLibrary()
    try:
        spec = lib.get(args.id)
    except SpecimenError as exc:
        raise InputError(str(exc)) from None
    captures: list[tuple[str, CaptureSet]] = []
    unreadable: list[Exemplar] = []
    for path in args.captures:
        try:
            captures.append((path, load_capture(path)))
        except WorkstationError as exc:
            say(f"workstation: error: {exc}")
            unreadable.append(Exemplar(name=path, learned=False, reason=str(exc)))
    if not captures:  # nothing to learn from: the errors above say why
        if args.json:
            emit_json({"specimen": spec.id, "exemplars": spec.statistics.exemplars,
                       "captures": [e.to_json() for e in unreadable]})
        return 2

    def progress(fraction: float, message: str) -> None:
        say(f"[{fraction:4.0%}] {message}")

    result = learn(spec, captures, progress=progress if not args.json else None)
    stored = spec
    if result.learned:
        from workstation.examination.learn import merge

        def change(current: Specimen) -> Specimen:
            # merged into the package as stored now (another workstation may have
            # learned meanwhile; a capture it already counted is not counted again)
            return merge(current, result.exemplars)

        stored = lib.update(args.id, change)
    for ex in result.exemplars:
        say(f"{'learned ' if ex.learned else 'skipped '} {ex.name}"
            + (f": {ex.reason}" if ex.reason else
               f" (registration quality {ex.registration_quality:.2f})"))
    st = stored.statistics
    say(f"{stored.id}: statistics from {st.exemplars} genuine exemplar(s)")
    if args.json:
        emit_json({"specimen": stored.id, "exemplars": st.exemplars,
                   "captures": [e.to_json() for e in [*result.exemplars, *unreadable]]})
    return 2 if unreadable else 0


def register(subparsers: Any) -> None:
    """Add ``specimens learn`` to the ``specimens`` group."""
    from workstation.specimens.cli import add_action

    del subparsers
    p = add_action("learn", help="add genuine captures to a specimen's statistics")
    p.add_argument("id", help="the specimen in the library")
    p.add_argument("captures", nargs="+", metavar="CAPTURE", help="capture folders")
    p.add_argument("--json", action="store_true", help="print what each capture gave as JSON")
    p.set_defaults(handler=_cmd_learn)
