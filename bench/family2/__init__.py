"""A second document family for the honest bench: the fictional Republic of Norvania.

Drawn by code of its own — layout, Liberation fonts, inks, optical model,
portraits and capture model share nothing with the Utopia renderer in
``workstation/specimens`` — so that checks tuned on Utopia are tested on documents
they were never fitted to (issue 16). Three faces (:data:`FACES`): a TD3
passport data page, and the front and back (TD1 MRZ) of an identity card.

Use::

    from bench import family2
    cap = family2.genuine_capture("NRV-P-2018", seed=7, platen="light")
    family2.write_capture(cap, "out/0007")                 # capture folder + truth.json
    family2.write_specimen("NRV-P-2018", "lib/NRV-P-2018")  # specimen package

or ``python -m bench.family2 --help``. Capture folders follow formats.md §2
(JPEG or PNG, ``exposure`` in ``capture.json`` when the reader reports it); the
ground truth goes beside them in ``truth.json``, which the workstation never
reads.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from bench.family2.capture import (
    PLATENS,
    READER_DPI,
    Capture,
    Conditions,
    compress,
    conditions_for,
    nominal,
    photograph,
)
from bench.family2.layouts import FACES, MRZ_FACES, PORTRAIT_FACES, Face
from bench.family2.render import (
    EXEMPLAR_SEED,
    RenderedFace,
    render_face,
    render_face_fine_band,
)
from workstation.capture import CAPTURE_JSON, capture_json
from workstation.fsutil import atomic_write_bytes, atomic_write_text
from workstation.imageio import write_image
from workstation.specimens.package import save_specimen
from workstation.types import Light, Specimen, Zone, ZoneCheck

__all__ = [
    "EXEMPLAR_SEED", "FACES", "MRZ_FACES", "PLATENS", "PORTRAIT_FACES", "TRUTH_JSON", "Capture",
    "Conditions", "RenderedFace", "compress", "conditions_for", "exemplar_capture",
    "fine_rows_mm", "genuine_capture", "page_geometry", "read_truth", "render_face", "specimen",
    "write_capture", "write_specimen",
]

TRUTH_JSON = "truth.json"
#: Margin (mm) around the page of a high-density capture (the reader crops to the page).
HIGH_DPI_MARGIN_MM = 2.0
#: Density the faces are printed at for a capture: 1.5x the reader's.
RENDER_OVERSAMPLING = 1.5


def genuine_capture(face_id: str, seed: int, *, platen: str | None = None,
                    conditions: Conditions | None = None, dpi: float = READER_DPI,
                    allow_outside: bool = True, allow_cropped: bool = True,
                    jpeg: bool = True, printed_forgery: str | None = None,
                    lights: tuple[str, ...] | None = None) -> Capture:
    """A genuine capture of ``face_id`` for the holder and sheet of ``seed``.

    The capture conditions come from ``seed`` too (or ``conditions``);
    ``platen`` forces the platen. ``jpeg=False`` leaves the reader's JPEG
    compression to a later :func:`compress` (edit the capture first).
    ``printed_forgery`` prints a counterfeit of the face's features instead
    (:func:`bench.family2.render.render_face`'s ``forgery``). ``lights`` takes only those
    lights (default: every light the face has features for). ``dpi`` above
    :data:`READER_DPI` is the reader's high-density mode (magnified fine print): the face's
    band holding its microprint (:func:`fine_rows_mm`) is printed finely enough for it,
    the rest at the usual density
    (:func:`bench.family2.render.render_face_fine_band`).
    """
    face = FACES[face_id]
    cond = conditions or conditions_for(seed, platen=platen, size_mm=face.size_mm,
                                        allow_outside=allow_outside,
                                        allow_cropped=allow_cropped)
    cond = replace(cond, dpi=dpi)
    if dpi > READER_DPI and conditions is None:
        # the reader's high-density mode crops its images to the page (less to store)
        cond = replace(cond, cropped=True, crop_margin_mm=HIGH_DPI_MARGIN_MM)
    if dpi <= READER_DPI:
        printed = render_face(face_id, seed, dpi=dpi * RENDER_OVERSAMPLING,
                              forgery=printed_forgery, lights=lights)
    else:
        printed = render_face_fine_band(face_id, seed, dpi=dpi,
                                        base_dpi=READER_DPI * RENDER_OVERSAMPLING,
                                        rows_mm=fine_rows_mm(face_id),
                                        oversampling=RENDER_OVERSAMPLING,
                                        forgery=printed_forgery, lights=lights)
    cap = photograph(printed, cond, seed=seed, jpeg=jpeg, lights=lights)
    cap.truth["forgery"] = printed_forgery
    return cap


def fine_rows_mm(face_id: str) -> float:
    """How much of the face, from its top edge (mm), a high-density capture prints
    finely: down to 3 mm below its lowest microprint zone (the whole face without one)."""
    face = FACES[face_id]
    bottoms = [z.rect_mm[1] + z.rect_mm[3] for z in face.zones
               if any(ex == "microprint" for _, ex in z.checks)]
    return min(face.size_mm[1], max(bottoms) + 3.0) if bottoms else face.size_mm[1]


def exemplar_capture(face_id: str, *, seed: int = EXEMPLAR_SEED, dpi: float = READER_DPI,
                     lights: tuple[str, ...] | None = None) -> Capture:
    """A careful capture of a genuine exemplar: upright on the dark platen, nominal
    exposure, no JPEG (how an office photographs a specimen); ``lights`` as for
    :func:`genuine_capture`."""
    face = FACES[face_id]
    cond = nominal(conditions_for(seed, size_mm=face.size_mm))
    if dpi > READER_DPI:  # the high-density mode crops to the page
        cond = replace(cond, cropped=True, crop_margin_mm=HIGH_DPI_MARGIN_MM)
    return genuine_capture(face_id, seed, conditions=cond, dpi=dpi, lights=lights)


def page_geometry(cap: Capture) -> tuple[np.ndarray, tuple[float, float]]:
    """``(corners, size_mm)``: the page's corners in the capture (TL, TR, BR, BL as
    ``(x, y)`` px) from the ground truth, and its size in mm."""
    corners = np.asarray(cap.truth["corners_px"], dtype=np.float64)
    w, h = cap.truth["size_mm"]
    return corners, (float(w), float(h))


def specimen(face_id: str, *, seed: int = EXEMPLAR_SEED, dpi: float = READER_DPI,
             lights: tuple[str, ...] | None = None) -> Specimen:
    """A specimen made from one genuine exemplar capture: the page cut out of it (by
    its true corners) at the capture's density, with the face's zones (and the checks
    of those under ``lights`` only, when given)."""
    face = FACES[face_id]
    cap = exemplar_capture(face_id, seed=seed, dpi=dpi, lights=lights)
    corners, (w_mm, h_mm) = page_geometry(cap)
    out_w, out_h = round(w_mm * dpi / 25.4), round(h_mm * dpi / 25.4)
    dst = np.array([[0, 0], [out_w, 0], [out_w, out_h], [0, out_h]], dtype=np.float32)
    mat = cv2.getPerspectiveTransform(corners.astype(np.float32), dst)
    images = {light: np.ascontiguousarray(cv2.warpPerspective(
        img, mat, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE))
        for light, img in cap.capture.images.items()}
    zones = tuple(
        Zone(id=z.id, rect_mm=z.rect_mm, role=z.role, label=z.label,
             checks=tuple(ZoneCheck(Light(lt), *ZoneCheck.parse_expect(ex))
                          for lt, ex in z.checks if Light(lt) in images),
             varies=z.varies)
        for z in face.zones)
    spec = Specimen(
        id=face.id, title=face.title, issuing_state="NRV", document_code=face.document_code,
        mrz_format=face.mrz_format, series=face.series, valid_from=face.valid_from,
        valid_until=None, size_mm=face.size_mm, dpi=dpi, image_lights=tuple(images),
        zones=zones, loader=lambda light: images[light],
        extra={"author": "bench.family2 (exemplar capture, seed "
                         f"{seed})",
               **({"azimuth_deg": cap.capture.metadata["azimuth_deg"]}
                  if "azimuth_deg" in cap.capture.metadata else {})},
    )
    return spec


def write_specimen(face_id: str, out: str | Path, *, seed: int = EXEMPLAR_SEED,
                   dpi: float = READER_DPI, lights: tuple[str, ...] | None = None) -> Path:
    """Write :func:`specimen` as a package folder (or a ``.zip``) at ``out`` (atomically)."""
    return save_specimen(specimen(face_id, seed=seed, dpi=dpi, lights=lights), out)


def write_capture(cap: Capture, folder: str | Path) -> Path:
    """Write ``cap`` as a capture folder (formats.md §2) with ``truth.json`` beside it.

    Images are JPEG at the conditions' quality (the reader's own compression) or
    PNG; ``capture.json`` is written after every image, ``truth.json`` last.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    q = cap.conditions.jpeg_quality
    ext = ".jpg" if q is not None else ".png"
    files: dict[Light, str] = {}
    for light in cap.capture.lights:
        name = f"IMG_{light.value.upper()}{ext}"
        data = cap.encoded.get(light)
        if data is not None and q is not None:
            atomic_write_bytes(folder / name, data)
        else:
            name = f"IMG_{light.value.upper()}.png"
            write_image(folder / name, cap.capture.images[light])
        files[light] = name
    meta = capture_json(cap.capture, files)
    atomic_write_text(folder / CAPTURE_JSON, json.dumps(meta, indent=2) + "\n")
    atomic_write_text(folder / TRUTH_JSON, json.dumps(cap.truth, indent=1, default=str) + "\n")
    return folder


def read_truth(folder: str | Path) -> dict[str, Any]:
    """The ``truth.json`` of a capture folder written by :func:`write_capture`."""
    data: dict[str, Any] = json.loads((Path(folder) / TRUTH_JSON).read_text(encoding="utf-8"))
    return data


def faces() -> list[Face]:
    """Every face."""
    return list(FACES.values())
