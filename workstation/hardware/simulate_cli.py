"""``workstation simulate``: write a capture folder of a synthetic document (Utopia, or
the Mongolian-style ``MNG-P-2021`` the bundled library holds no specimen of).

    workstation simulate --document UTO-P-2020 --forgery office_paper --seed 7 --out DIR
                         [--dpi 300] [--lights LIST] [--cropped] [--jpeg] [--json]
    workstation simulate --list [--json]

By default every light the document has features for is captured (the passport:
white, UV 365, IR, UV 254, oblique from the left and the top, coaxial and
transmitted; the card has no transmitted-light feature); ``--lights`` chooses.
Without ``--cropped`` the capture is the simulated reader's: the whole platen,
the document placed and turned on it; ``--cropped`` writes the document cropped
exactly to its edges. A document with a back face (the identity card) is
captured on both faces: ``capture.json`` gets its ``back``. ``--jpeg`` stores
JPEG images (as many readers do) instead of PNG. The ground truth is in
``capture.json`` under ``simulation``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workstation.console import emit_json, say
from workstation.errors import InputError, WorkstationError

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workstation.types import CaptureSet, Light

#: JPEG quality of ``--jpeg`` captures.
JPEG_QUALITY = 90


def register(subparsers: Any) -> None:
    """Add the ``simulate`` command."""
    p = subparsers.add_parser(
        "simulate", help="write a simulated capture of a synthetic document (genuine or forged)",
        description="Write a capture folder (formats.md §2) of a synthetic document (the "
                    "Utopia documents, or the Mongolian-style MNG-P-2021 the bundled library "
                    "holds no specimen of), genuine or forged, as the simulated reader "
                    "captures it.")
    p.add_argument("--document", default="UTO-P-2020", metavar="ID",
                   help="document id (default UTO-P-2020; see --list)")
    p.add_argument("--forgery", default=None, metavar="ID",
                   help="forgery id (default: genuine; see --list)")
    p.add_argument("--seed", type=int, default=0, help="seed of the person, print variation, "
                                                      "placement and noise (default 0)")
    p.add_argument("--out", type=Path, metavar="DIR", help="capture folder to write")
    p.add_argument("--dpi", type=float, default=300.0, help="pixel density (default 300)")
    p.add_argument("--lights", default=None, metavar="LIST",
                   help="comma-separated lights (white, uv, ir, uv254, oblique, oblique_top, "
                        "coaxial, transmitted; default: every light the document has "
                        "features for)")
    p.add_argument("--cropped", action="store_true",
                   help="crop to the document's edges instead of the whole platen")
    p.add_argument("--jpeg", action="store_true", help="store JPEG images instead of PNG")
    p.add_argument("--no-chip", action="store_true",
                   help="write no chip/ folder (by default the document's chip, read through "
                        "the simulated card reader, goes with the capture)")
    p.add_argument("--list", action="store_true", help="name the documents and forgeries")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Handle ``workstation simulate``."""
    from workstation.chip.personalise import CHIP_FORGERIES
    from workstation.specimens import render

    if args.list:
        catalogue = render.list_catalogue()
        catalogue["forgeries"] += [{"id": k, "description": v}
                                   for k, v in CHIP_FORGERIES.items()]
        if args.json:
            emit_json(catalogue)
        else:
            print("documents:")
            for d in catalogue["documents"]:
                note = "" if d["bundled_specimen"] else "  (no bundled specimen)"
                print(f"  {d['id']:<14} {d['title']}{note}")
            print("forgeries:")
            for f in catalogue["forgeries"]:
                print(f"  {f['id']:<24} {f['description']}")
        return 0
    if args.out is None:
        raise InputError("simulate: --out DIR is required (or --list)")
    forgery = args.forgery
    if forgery in ("", "genuine", "none"):
        forgery = None
    if args.document not in render.ALL_DOCUMENTS:
        raise InputError(f"unknown document {args.document!r} "
                         f"(known: {', '.join(render.ALL_DOCUMENTS)})")
    has_chip = render.DESIGNS[args.document].has_chip
    known = (*render.FORGERIES, *CHIP_FORGERIES)
    if forgery is not None and forgery not in known:
        raise InputError(f"unknown forgery {forgery!r} (known: {', '.join(known)})")
    if forgery in CHIP_FORGERIES and args.no_chip:
        raise InputError(f"--no-chip: the forgery {forgery} is in the chip")
    if forgery in CHIP_FORGERIES and not has_chip:
        raise InputError(f"{args.document} has no chip: the forgery {forgery} needs one")
    if not 50.0 <= args.dpi <= 1200.0:
        raise InputError(f"--dpi must be between 50 and 1200, got {args.dpi:g}")
    lights = _parse_lights(args.lights) if args.lights is not None else None
    out: Path = args.out
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    capture = simulate_capture(args.document, forgery=forgery, seed=args.seed, dpi=args.dpi,
                               cropped=args.cropped, lights=lights,
                               chip=has_chip and not args.no_chip)
    try:
        write_capture(capture, out, jpeg=args.jpeg)
    except OSError as exc:
        raise WorkstationError(f"{out}: cannot write the capture "
                               f"({exc.strerror or exc})") from None
    what = f"{args.document} ({forgery or 'genuine'}, seed {args.seed})"
    say(f"wrote {out} — {what}")
    if args.json:
        emit_json({"out": str(out), "simulation": capture.metadata.get("simulation")})
    return 0


def _parse_lights(text: str) -> tuple[Light, ...]:
    from workstation.hardware.simulated import ALL_LIGHTS
    from workstation.types import Light

    names = [n.strip() for n in text.split(",") if n.strip()]
    lights: list[Light] = []
    for name in names:
        try:
            light = Light.parse(name)
        except ValueError as exc:
            raise InputError(f"--lights: {exc}") from None
        if light not in ALL_LIGHTS:
            raise InputError(f"--lights: the simulator cannot render {light} "
                             f"(it can: {', '.join(map(str, ALL_LIGHTS))})")
        if light not in lights:
            lights.append(light)
    if Light.WHITE not in lights:
        raise InputError("--lights must include white")
    return tuple(lights)


def simulate_capture(doc_id: str, *, forgery: str | None, seed: int, dpi: float,
                     cropped: bool, lights: Sequence[Light] | None = None,
                     chip: bool = False) -> CaptureSet:
    """The :class:`~workstation.types.CaptureSet` ``simulate`` writes (every light the
    document has features for unless ``lights`` says otherwise); with ``chip`` the
    document's chip files too
    (a chip forgery changes only the chip: the page is printed genuine)."""
    from workstation.chip.personalise import CHIP_FORGERIES

    capture = _simulate_page(doc_id, forgery=None if forgery in CHIP_FORGERIES else forgery,
                             seed=seed, dpi=dpi, cropped=cropped, lights=lights)
    if forgery in CHIP_FORGERIES:
        truth = capture.metadata.get("simulation")
        if isinstance(truth, dict):
            truth["forgery"] = forgery
            truth["altered"] = {"chip": CHIP_FORGERIES[forgery]}
    if chip:
        from workstation.chip.simulate import simulated_chip_files

        capture.chip_files = simulated_chip_files(doc_id, forgery=forgery, seed=seed)
    return capture


def _simulate_page(doc_id: str, *, forgery: str | None, seed: int, dpi: float,
                   cropped: bool, lights: Sequence[Light] | None = None) -> CaptureSet:
    import datetime as dt

    from workstation.specimens.back import has_back
    from workstation.specimens.render import document_lights
    from workstation.types import CaptureSet

    lights = tuple(lights) if lights else document_lights(doc_id)
    if cropped:
        from workstation.specimens.back import render_back
        from workstation.specimens.render import render_document

        doc = render_document(doc_id, forgery=forgery, seed=seed, dpi=dpi, lights=lights)
        back = None
        if has_back(doc_id):
            rev = render_back(doc_id, forgery=forgery, seed=seed, dpi=dpi, lights=lights)
            back = CaptureSet(images=rev.images, dpi=dpi)
            doc.truth["back"] = rev.truth
        return CaptureSet(images=doc.images, dpi=dpi, device="workstation simulate (cropped)",
                          captured_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                          metadata={"simulation": doc.truth}, back=back)
    from workstation.hardware.simulated import SimulatedReader

    reader = SimulatedReader(document=doc_id, forgery=forgery, seed=seed, dpi=dpi,
                             lights=lights)
    with reader:
        capture = reader.capture_all()
        if has_back(doc_id):
            # the examiner turns the card over and captures its back
            reader.turn_over()
            back = reader.capture_all()
            capture.back = CaptureSet(images=back.images, dpi=back.dpi)
            capture.metadata.setdefault("simulation", {})["back"] = \
                back.metadata.get("simulation")
    if capture.captured_at is not None:
        capture.captured_at = capture.captured_at.replace(microsecond=0)
    return capture


def write_capture(capture: CaptureSet, folder: Path, *, jpeg: bool = False) -> Path:
    """Save ``capture`` as a capture folder; with ``jpeg`` as JPEG files (the capture's
    images are replaced by the decoded JPEGs, so it equals what loads back)."""
    from workstation.capture import CAPTURE_JSON, capture_json, save_capture, save_chip_folder
    from workstation.fsutil import atomic_write_bytes, atomic_write_text
    from workstation.imageio import decode_image, encode_image

    if not jpeg:
        return save_capture(capture, folder)
    folder.mkdir(parents=True, exist_ok=True)

    def store(face: CaptureSet, prefix: str) -> dict[Light, str]:
        files = {}
        for light in face.lights:
            data = encode_image(face.images[light], ".jpg", jpeg_quality=JPEG_QUALITY)
            name = f"{prefix}{light.value}.jpg"
            atomic_write_bytes(folder / name, data)
            face.images[light] = decode_image(data, name)
            files[light] = name
        return files

    files = store(capture, "")
    save_chip_folder(capture, folder)
    back_files = store(capture.back, "back_") if capture.back is not None else None
    text = json.dumps(capture_json(capture, files, back_files), indent=2,
                      ensure_ascii=False) + "\n"
    atomic_write_text(folder / CAPTURE_JSON, text)
    return folder
