"""``workstation mrz IMAGE... [--json]`` (formats.md §4).

Each image is read in turn; an image that cannot be read (missing, not an
image, empty) gets a one-line message on standard error and, with ``--json``,
an element ``{"file": ..., "found": false, "error": "..."}`` in the list so
the list still has one element per argument. Exit status: 0 when every image
was read (whether or not an MRZ was found in it), 2 when any image could not
be read (the others are still read and printed), 1 for any other failure.
"""

from __future__ import annotations

import argparse
from typing import Any


def _known_states() -> set[str]:
    """Issuing states of the specimens in the library folder, read from their
    ``specimen.json`` only (no images, nothing written)."""
    from workstation.errors import FormatError
    from workstation.paths import data_dir
    from workstation.safeio import load_json_object

    states: set[str] = set()
    folder = data_dir(create=False) / "specimens"
    if not folder.is_dir():
        return states
    for meta in folder.glob("*/specimen.json"):
        try:
            state = load_json_object(meta, root=meta.parent).get("issuing_state")
        except FormatError:
            continue  # an unreadable package only costs its state's warning
        if isinstance(state, str) and state:
            states.add(state)
    return states


def _error_element(path: str, message: str) -> dict[str, Any]:
    return {"file": path, "found": False, "format": None, "lines": [], "valid": False,
            "fields": {}, "check_digits": {}, "corrections": [], "warnings": [],
            "region": None, "error": message}


def _cmd_mrz(args: argparse.Namespace) -> int:
    from workstation.console import emit_json, say
    from workstation.errors import FormatError
    from workstation.imageio import read_image
    from workstation.mrz.read import read_mrz

    known = _known_states()
    out: list[dict[str, Any]] = []
    unreadable = 0
    for path in args.images:
        try:
            image = read_image(path)
            if image.size == 0:
                raise FormatError(path, "empty image (no pixels)")
        except FormatError as exc:
            say(f"workstation: error: {exc}")
            unreadable += 1
            out.append(_error_element(path, exc.problem))
            continue
        except MemoryError:
            say(f"workstation: error: {path}: image too large to load into memory")
            unreadable += 1
            out.append(_error_element(path, "image too large to load into memory"))
            continue
        result = read_mrz(image, known_states=known)
        del image
        element = result.to_json(file=path)
        out.append(element)
        if not args.json:
            if not result.found:
                print(f"{path}: no MRZ found")
            else:
                state = "valid" if result.valid else "INVALID"
                print(f"{path}: {result.format or 'unknown format'} {state}")
                for line in result.lines:
                    print(f"  {line}")
                for c in result.corrections:
                    sure = (f", read with probability {c['confidence']:.2f}"
                            if "confidence" in c else "")
                    print(f"  repaired line {c['line'] + 1} position {c['position'] + 1}: "
                          f"read {c['from']}, taken as {c['to']} ({c['reason']}{sure})")
                for w in result.warnings:
                    print(f"  warning {w['name']}: {w['message']}")
    if args.json:
        emit_json(out)
    return 2 if unreadable else 0


def register(subparsers: Any) -> None:
    """Add the ``mrz`` sub-command."""
    p = subparsers.add_parser(
        "mrz", help="find and read the MRZ in each image",
        description="Find, read and validate the machine-readable zone in each image. "
                    "Exit status 0 when every image was read (found or not), 2 when any "
                    "image could not be read (missing, not an image, empty).")
    p.add_argument("images", nargs="+", metavar="IMAGE", help="image files (PNG, JPEG, TIFF)")
    p.add_argument("--json", action="store_true", help="print a JSON list (formats.md §4)")
    p.set_defaults(handler=_cmd_mrz)
