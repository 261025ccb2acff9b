"""``workstation specimens import|list|show|remove`` (formats.md §4).

Packages above this one add actions to the group through :func:`add_action`
(``specimens learn`` comes from the examination package).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workstation.types import Specimen

#: Checks run on a package before it is imported, added by higher layers (the package
#: signature: ``workstation.session.specimen_sharing``): each returns a one-line note
#: to print ("" for none) or raises ``WorkstationError`` to refuse the package.
PACKAGE_CHECKS: list[Callable[[Path], str]] = []
#: Further facts of a library specimen for ``list --json`` and ``show`` (its package
#: signature...), added by higher layers: each returns a dict merged into the summary.
SUMMARY_EXTRAS: list[Callable[[Specimen], dict[str, Any]]] = []


def specimen_summary(spec: Specimen) -> dict[str, Any]:
    """The JSON object ``specimens list --json`` prints for one specimen."""
    from workstation.specimens.package import specimen_identity

    out = {
        **specimen_identity(spec),
        "lights": [light.value for light in spec.image_lights],
        "zones": len(spec.zones),
    }
    prov = spec.extra.get("provenance")
    if isinstance(prov, dict):
        out["provenance"] = {k: prov.get(k) for k in ("authored_by", "authored_at",
                                                       "exemplars", "blurred_zones")}
    for extra in SUMMARY_EXTRAS:
        out.update(extra(spec))
    return out


def _cmd_import(args: argparse.Namespace) -> int:
    from workstation.console import emit_json, say
    from workstation.errors import WorkstationError
    from workstation.specimens.library import SpecimenLibrary

    lib = SpecimenLibrary()
    imported: list[dict[str, Any]] = []
    errors = 0
    for path in args.paths:
        try:
            for check in PACKAGE_CHECKS:
                note = check(Path(path))
                if note:
                    say(f"{path}: {note}")
            spec = lib.import_package(path)
        except WorkstationError as exc:
            say(f"workstation: error: {exc}")
            errors += 1
            continue
        say(f"imported {spec.id}: {spec.title}")
        imported.append(specimen_summary(spec))
    if args.json:
        emit_json(imported)
    return 2 if errors else 0


def _cmd_list(args: argparse.Namespace) -> int:
    from workstation.console import emit_json
    from workstation.specimens.library import SpecimenLibrary

    specs = SpecimenLibrary().specimens()
    if args.json:
        emit_json([specimen_summary(s) for s in specs])
    else:
        for s in specs:
            print(f"{s.id:<16} {s.issuing_state:<4} {s.document_code:<3} "
                  f"{s.mrz_format or '-':<5} {s.title}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from workstation.console import emit_json
    from workstation.errors import InputError, SpecimenError
    from workstation.specimens.library import SpecimenLibrary
    from workstation.specimens.package import specimen_json

    try:
        spec = SpecimenLibrary().get(args.id)
    except SpecimenError as exc:
        raise InputError(str(exc)) from None
    meta = specimen_json(spec, {light: f"{light.value}.png" for light in spec.image_lights})
    meta["source"] = spec.source
    if args.json:
        emit_json(meta)
    else:
        print(f"{spec.id}: {spec.title}")
        print(f"  issuing state {spec.issuing_state}, document code {spec.document_code}, "
              f"MRZ {spec.mrz_format or 'none'}, series {spec.series or '-'}")
        print(f"  valid {meta['valid_from'] or '...'} to {meta['valid_until'] or '...'}; "
              f"{spec.size_mm[0]:g} x {spec.size_mm[1]:g} mm at {spec.dpi:g} dpi; "
              f"lights {', '.join(light.value for light in spec.image_lights)}")
        summary = specimen_summary(spec)
        if "signature" in summary:
            print(f"  package signature: {summary['signature']['text']}")
        prov = summary.get("provenance")
        if prov:
            print(f"  authored by {prov['authored_by'] or '-'} at {prov['authored_at']} from "
                  f"{prov['exemplars']} exemplar(s); blurred: "
                  f"{', '.join(prov['blurred_zones'] or []) or 'nothing'}")
        for z in spec.zones:
            checks = ", ".join(f"{c.light.value}:{c.text}" for c in z.checks)
            face = "" if z.face == "front" else f" ({z.face})"
            print(f"  zone {z.id:<20} role {z.role or '-':<20} {checks}{face}")
    return 0


def _cmd_remove(args: argparse.Namespace) -> int:
    from workstation.console import say
    from workstation.errors import InputError, SpecimenError
    from workstation.specimens.library import SpecimenLibrary

    lib = SpecimenLibrary()
    for sid in args.ids:
        try:
            lib.remove(sid)
        except SpecimenError as exc:
            raise InputError(str(exc)) from None
        say(f"removed {sid}")
    return 0


_GROUP: list[Any] = []


def add_action(name: str, **kwargs: Any) -> argparse.ArgumentParser:
    """A new action of the ``specimens`` group (after :func:`register` ran)."""
    if not _GROUP:
        raise RuntimeError("the specimens command is not registered yet")
    parser: argparse.ArgumentParser = _GROUP[-1].add_parser(name, **kwargs)
    return parser


def register(subparsers: Any) -> None:
    """Add ``specimens`` and its sub-commands."""
    p = subparsers.add_parser("specimens",
                              help="the specimen library: import, list, show, learn, remove")
    sub = p.add_subparsers(dest="specimens_command", metavar="ACTION", required=True)
    _GROUP.append(sub)

    imp = sub.add_parser("import", help="add specimen packages (folder or .zip) to the library")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    imp.add_argument("--json", action="store_true", help="print the imported specimens as JSON")
    imp.set_defaults(handler=_cmd_import)

    lst = sub.add_parser("list", help="list the library")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_cmd_list)

    show = sub.add_parser("show", help="show one specimen's metadata and zones")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_cmd_show)

    rm = sub.add_parser("remove", help="remove specimens from the library")
    rm.add_argument("ids", nargs="+", metavar="ID")
    rm.set_defaults(handler=_cmd_remove)
