"""``workstation specimens author CAPTURE... --id ID [--title T] [--series S]
[--valid-from DATE] [--valid-until DATE] [--out PATH] [--author NAME] [--blur-personal]
[--json]``: propose a specimen from genuine captures
(:mod:`workstation.examination.authoring.propose`) and add it to the library, or write
it as a package (folder, or ``.zip``) with ``--out``.

``workstation specimens export ID OUT [--blur-personal] [--author NAME]``: write a
library specimen as a package with its provenance (personal data blurred on request).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any


def _date(text: str | None, option: str) -> dt.date | None:
    from workstation.errors import InputError

    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(f"{option}: not a date (YYYY-MM-DD): {text!r}") from None


def _cmd_author(args: argparse.Namespace) -> int:
    from workstation.capture import load_capture
    from workstation.console import emit_json, say
    from workstation.errors import InputError, SpecimenError, WorkstationError
    from workstation.examination.authoring.pages import AuthoringError
    from workstation.examination.authoring.propose import author_specimen
    from workstation.examination.authoring.share import blur_personal_data, finalise_provenance
    from workstation.specimens.library import SpecimenLibrary
    from workstation.specimens.package import save_specimen
    from workstation.types import CaptureSet

    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and (out.suffix.lower() != ".zip" or out.is_dir()):
        raise InputError(f"{out}: already exists (give a new folder or a .zip)")
    vf, vu = _date(args.valid_from, "--valid-from"), _date(args.valid_until, "--valid-until")
    if vf is not None and vu is not None and vu < vf:
        raise InputError("--valid-until is before --valid-from")
    lib = SpecimenLibrary() if out is None else None
    if lib is not None and args.id in lib:
        raise InputError(f"a specimen with id {args.id!r} is already in the library; "
                         "remove it first or choose another id")
    captures: list[tuple[str, CaptureSet]] = []
    for path in args.captures:
        try:
            captures.append((path, load_capture(path)))
        except WorkstationError as exc:
            raise InputError(str(exc)) from None

    def progress(fraction: float, message: str) -> None:
        say(f"[{fraction:4.0%}] {message}")

    try:
        result = author_specimen(captures, specimen_id=args.id, title=args.title,
                                 series=args.series,
                                 progress=None if args.json else progress)
    except AuthoringError as exc:
        raise InputError(str(exc)) from None
    spec = result.specimen
    if vf is not None or vu is not None:
        import dataclasses

        spec = dataclasses.replace(spec, valid_from=vf, valid_until=vu,
                                   _cache=dict(spec._cache))
        result.notes = [n for n in result.notes if not n.startswith("validity period")]
    if args.blur_personal:
        spec = blur_personal_data(spec)
    spec = finalise_provenance(spec, author=args.author)
    if out is not None:
        try:
            save_specimen(spec, out)
        except OSError as exc:
            raise InputError(f"{out}: cannot write the package: {exc}") from None
        where = str(out)
    else:
        assert lib is not None
        with tempfile.TemporaryDirectory(prefix="author-") as tmp:
            package = save_specimen(spec, Path(tmp) / args.id)
            try:
                lib.import_package(package)
            except SpecimenError as exc:
                raise InputError(str(exc)) from None
        where = f"the library ({lib.root})"
    for note in result.notes:
        say(f"note: {note}")
    say(f"{spec.id}: {len(spec.zones)} zones proposed from {spec.statistics.exemplars} "
        f"genuine exemplar(s); written to {where}")
    if args.json:
        summary: dict[str, Any] = result.to_json()
        summary["written_to"] = where
        summary["blurred_zones"] = spec.extra.get("provenance", {}).get("blurred_zones", [])
        emit_json(summary)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from workstation.console import say
    from workstation.errors import InputError, SpecimenError
    from workstation.examination.authoring.share import blur_personal_data, finalise_provenance
    from workstation.specimens.library import SpecimenLibrary
    from workstation.specimens.package import save_specimen

    out = Path(args.out)
    if out.exists() and (out.suffix.lower() != ".zip" or out.is_dir()):
        raise InputError(f"{out}: already exists (give a new folder or a .zip)")
    try:
        spec = SpecimenLibrary().get(args.id)
    except SpecimenError as exc:
        raise InputError(str(exc)) from None
    if args.blur_personal:
        spec = blur_personal_data(spec)
    spec = finalise_provenance(spec, author=args.author)
    try:
        save_specimen(spec, out)
    except OSError as exc:
        raise InputError(f"{out}: cannot write the package: {exc}") from None
    blurred = spec.extra.get("provenance", {}).get("blurred_zones", [])
    say(f"exported {spec.id} to {out}"
        + (f" ({len(blurred)} personal zone(s) blurred)" if blurred else ""))
    return 0


def register(subparsers: Any) -> None:
    """Add ``specimens author`` and ``specimens export`` to the ``specimens`` group."""
    from workstation.specimens.cli import add_action

    del subparsers
    p = add_action("author", help="propose a specimen from genuine captures of one document type")
    p.add_argument("captures", nargs="+", metavar="CAPTURE", help="genuine capture folders")
    p.add_argument("--id", required=True, help="the new specimen's id, e.g. MNG-P-2021")
    p.add_argument("--title", default=None, help="its title (default: from the MRZ)")
    p.add_argument("--series", default="", help="the series (e.g. 2021)")
    p.add_argument("--valid-from", default=None, metavar="DATE",
                   help="first issue date of the series (YYYY-MM-DD)")
    p.add_argument("--valid-until", default=None, metavar="DATE",
                   help="last issue date of the series (YYYY-MM-DD)")
    p.add_argument("--out", default=None, metavar="PATH",
                   help="write a package (folder, or .zip) instead of adding to the library")
    p.add_argument("--author", default="", help="who authored it (recorded in the package)")
    p.add_argument("--blur-personal", action="store_true",
                   help="blur the holder's portrait, signature and personal data in the images")
    p.add_argument("--json", action="store_true", help="print the proposal as JSON")
    p.set_defaults(handler=_cmd_author)

    e = add_action("export", help="write a library specimen as a package with its provenance")
    e.add_argument("id", help="the specimen in the library")
    e.add_argument("out", metavar="OUT", help="a new folder, or a .zip")
    e.add_argument("--author", default="", help="who authored it (kept if already recorded)")
    e.add_argument("--blur-personal", action="store_true",
                   help="blur the holder's portrait, signature and personal data in the images")
    e.set_defaults(handler=_cmd_export)
