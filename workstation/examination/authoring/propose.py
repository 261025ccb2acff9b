"""From genuine captures to a proposed specimen (issue 17, ``specimens author``).

:func:`author_specimen` takes one or more genuine captures of one document type and
proposes a :class:`~workstation.types.Specimen`: the page outline, size (mm, ICAO size
class) and orientation; identity from the MRZ (state, document code, format; the
validity period left for the author to fill in); zones found from the images
(:mod:`.zones`, :mod:`.fields`) with checks per light and ``varies``; the first
exemplar's straightened images; and the statistics of every zone's measures over every
exemplar given (:func:`workstation.examination.learn.learn`). Nothing of the
capture's own metadata is read but its density.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from workstation.examination.authoring import faces as F
from workstation.examination.authoring import masks as M
from workstation.examination.authoring import zones as Z
from workstation.examination.authoring.fields import label_fields, widen_fields
from workstation.examination.authoring.pages import (
    AuthoringError,
    ExemplarPage,
    PageSize,
    gather_pages,
)
from workstation.examination.authoring.substrate import find_blank_and_background
from workstation.examination.learn import Exemplar, learn, progress_text
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.types import CaptureSet, Expect, Image, Light, Specimen, Zone, ZoneCheck

ProgressCallback = Callable[[float, str], None]
#: Specimen ids: state-code-series style, printable ASCII (formats.md §3).
SPECIMEN_ID = re.compile(r"^[A-Z0-9][A-Z0-9_.-]{0,63}$")
#: MRZ margin (mm) around the zone the reader found.
MRZ_PAD_MM = 1.5
#: Around the portrait (mm), nothing else is looked for (its soft edge).
PORTRAIT_GROW_MM = 1.5


@dataclass
class AuthoredSpecimen:
    """The proposal: the specimen, its page size, what each capture gave, and notes."""

    specimen: Specimen
    size: PageSize
    pages: list[ExemplarPage]
    exemplars: list[Exemplar]
    notes: list[str] = field(default_factory=list)
    read_texts: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready summary (``specimens author --json``)."""
        spec = self.specimen
        return {
            "specimen": spec.id, "title": spec.title, "issuing_state": spec.issuing_state,
            "document_code": spec.document_code, "mrz_format": spec.mrz_format,
            "page": self.size.to_json(), "dpi": spec.dpi,
            "lights": [light.value for light in spec.image_lights],
            "zones": [{"id": z.id, "role": z.role, "label": z.label,
                       "rect_mm": list(z.rect_mm), "varies": z.varies,
                       "checks": [f"{c.light.value}:{c.expect.value}" for c in z.checks]}
                      for z in spec.zones],
            "captures": [{"capture": p.name, "used": p.ok, "reason": p.reason,
                          "registration_quality": None if p.registration_quality is None
                          else round(p.registration_quality, 3)} for p in self.pages],
            "exemplars": spec.statistics.exemplars,
            "notes": self.notes,
        }


def image_sha256(image: Image) -> str:
    """SHA-256 of a decoded image (its shape and pixels)."""
    h = hashlib.sha256(repr(image.shape).encode())
    h.update(np.ascontiguousarray(image).tobytes())
    return h.hexdigest()


def _mrz_zone(mrz: Any, dpi: float, size_mm: tuple[float, float]) -> Z.Found | None:
    if mrz is None or not mrz.found or not mrz.region:
        return None
    pts = np.asarray(mrz.region, np.float64) * 25.4 / dpi
    x0, y0 = pts.min(axis=0) - MRZ_PAD_MM
    x1, y1 = pts.max(axis=0) + MRZ_PAD_MM
    x0, y0 = max(0.0, float(x0)), max(0.0, float(y0))
    x1, y1 = min(size_mm[0], float(x1)), min(size_mm[1], float(y1))
    return Z.Found("mrz", (round(x0, 2), round(y0, 2), round(x1 - x0, 2), round(y1 - y0, 2)),
                   varies=True, role="mrz", label="machine readable zone",
                   checks=(ZoneCheck(Light.IR, Expect.VISIBLE), ZoneCheck(Light.UV, Expect.DULL)))


def _signature(found: list[Z.Found], portrait: Z.Found | None) -> None:
    """The holder's signature: a varying group no field matched that is taller than a
    line of print, preferring one in the portrait's column (where documents put it),
    then the largest. It keeps the checks its print showed on every exemplar."""
    best: tuple[float, float, Z.Found] | None = None
    for f in found:
        if f.role or not f.varies or f.kind not in ("ir_visible", "ir_dropout"):
            continue
        x, _y, w, h = f.rect_mm
        if h < 4.5 or w < 10.0:
            continue
        column = 0.0
        if portrait is not None:
            px0, _py, pw, _ph = portrait.rect_mm
            column = max(0.0, min(x + w, px0 + pw) - max(x, px0)) / max(1e-6, w)
        key = (column, w * h)
        if best is None or key > best[:2]:
            best = (column, w * h, f)
    if best is not None:
        f = best[2]
        f.role, f.label = "signature", "holder's signature"


def find_barcodes(white: Image, dpi: float, size_mm: tuple[float, float]) -> list[Z.Found]:
    """Every barcode that decodes on the reference page: a zone expecting a barcode under
    white light, ``barcode:aamva`` / ``barcode:seal`` when it carries card data / a
    digital seal."""
    from workstation.barcodes.read import read_barcodes

    out = []
    k = 25.4 / dpi
    for reading in read_barcodes(white, thorough=False):
        pts = np.asarray(reading.code.corners, np.float64) * k
        x0, y0 = np.maximum(pts.min(axis=0) - 1.0, 0.0)
        x1, y1 = np.minimum(pts.max(axis=0) + 1.0, size_mm)
        role = ("barcode:aamva" if reading.aamva is not None else
                "barcode:seal" if reading.seal is not None else None)
        out.append(Z.Found("barcode", (round(float(x0), 2), round(float(y0), 2),
                                       round(float(x1 - x0), 2), round(float(y1 - y0), 2)),
                           varies=True, role=role,
                           label=f"{reading.code.format} barcode",
                           checks=(ZoneCheck(Light.WHITE, Expect.BARCODE),)))
    return out


def _inside(a: tuple[float, float, float, float], b: tuple[float, float, float, float],
            share: float = 0.6) -> bool:
    """Whether at least ``share`` of ``a``'s area lies in ``b``."""
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    ix = max(0.0, min(ax + aw, bx + bw) - max(ax, bx))
    iy = max(0.0, min(ay + ah, by + bh) - max(ay, by))
    return ix * iy >= share * max(1e-6, aw * ah)


def propose_zones(pages: Sequence[ExemplarPage], size: PageSize, dpi: float, mrz: Any,
                  *, notes: list[str] | None = None) -> tuple[list[Zone], dict[str, str]]:
    """The zones proposed from the registered exemplar ``pages`` (the first is the
    reference, at ``dpi``), and what OCR read of each printed group."""
    notes = notes if notes is not None else []
    used = [p for p in pages if p.ok]
    shape = Z.mm_to_detect(size.size_mm)
    ms = [M.measure(p.images, shape) for p in used]
    allowed = M.interior(shape)
    found: list[Z.Found] = []
    mrz_f = _mrz_zone(mrz, dpi, size.size_mm)
    if mrz_f is not None:
        found.append(mrz_f)
        allowed_text = allowed & ~Z.rect_mask(shape, mrz_f.rect_mm)
    else:
        allowed_text = allowed
        notes.append("no MRZ read: identity and printed fields left to the author")
    face = F.portrait_face([p.images for p in used], dpi)
    portrait = None
    if face is not None:
        portrait = Z.find_portrait(ms, allowed_text, size.size_mm, face_mm=face.centre_mm,
                                   eyes_mm=face.eyes_mm)
        if portrait is not None:
            portrait.face_mm = (float(face.centre_mm[0]), float(face.centre_mm[1]))
            portrait.face_exemplars = face.count
    if portrait is None:
        portrait = Z.find_portrait(ms, allowed_text, size.size_mm)
        if portrait is not None:
            notes.append("portrait placed by its continuous tone: the face detector found "
                         "no face there (check the portrait zone)")
    if portrait is not None:
        found.append(portrait)
        x, y, w, h = portrait.rect_mm
        grown = (x - PORTRAIT_GROW_MM, y - PORTRAIT_GROW_MM, w + 2 * PORTRAIT_GROW_MM,
                 h + 2 * PORTRAIT_GROW_MM)
        allowed_text = allowed_text & ~Z.rect_mask(shape, grown)
    else:
        notes.append("no portrait found: draw it if the document has one")
    lum = Z.find_luminescent(ms, allowed, size.size_mm)
    visible, dropout = Z.find_print(ms, allowed_text, size.size_mm)
    ghosts = [g for face_g in F.ghost_faces([p.images for p in used], dpi,
                                            portrait.rect_mm if portrait else None)
              if (g := F.ghost_zone(face_g, ms, size.size_mm)) is not None][:1]
    for g in ghosts:  # the ghost image replaces the groups of its print
        lum = [f for f in lum if not _inside(f.rect_mm, g.rect_mm)]
        visible = [f for f in visible if not _inside(f.rect_mm, g.rect_mm)]
        dropout = [f for f in dropout if not _inside(f.rect_mm, g.rect_mm)]
    found.extend(ghosts)
    found.extend(lum)
    texts: dict[str, str] = {}
    if mrz is not None and mrz.found:
        texts = label_fields(visible, used[0].images[Light.WHITE], dpi, mrz.fields)
    barcodes = find_barcodes(used[0].images[Light.WHITE], dpi, size.size_mm)
    found.extend(barcodes)
    # print inside a barcode is the barcode's
    visible = [f for f in visible if not any(_inside(f.rect_mm, b.rect_mm) for b in barcodes)]
    dropout = [f for f in dropout if not any(_inside(f.rect_mm, b.rect_mm) for b in barcodes)]
    found.extend(visible)
    found.extend(dropout)
    _signature(found, portrait)
    widen_fields(found, size.size_mm)
    if len(used) < 2:
        notes.append("one exemplar: what varies with the holder is judged by role only; "
                     "give two or more genuine captures")
    found.extend(find_blank_and_background(ms, allowed, found, size.size_mm))
    return Z.to_zones(found), texts


def author_specimen(captures: Sequence[tuple[str, CaptureSet]], *, specimen_id: str,
                    title: str | None = None, series: str = "",
                    progress: ProgressCallback | None = None,
                    cancel: Callable[[], bool] | None = None) -> AuthoredSpecimen:
    """Propose a specimen from genuine ``captures`` (name, capture) of one document type.

    Raises:
        AuthoringError: a bad id, no capture usable, or cancelled.
    """
    if not SPECIMEN_ID.match(specimen_id):
        raise AuthoringError(f"specimen id {specimen_id!r}: use A-Z, 0-9, '-', '_' or '.' "
                             "(at most 64 characters, e.g. MNG-P-2021)")
    if not captures:
        raise AuthoringError("no captures given")

    def step(fraction: float, message: str) -> None:
        if cancel is not None and cancel():
            raise AuthoringError("cancelled")
        if progress is not None:
            progress(fraction, message)

    step(0.0, progress_text(QT_TRANSLATE_NOOP("authoring", "finding the pages")))
    pages, size, dpi, mrz = gather_pages(
        captures, progress=lambda f, m: step(0.3 * f, m))
    notes: list[str] = []
    for p in pages:
        if not p.ok:
            notes.append(f"{p.name} left out: {p.reason}")
    step(0.35, progress_text(QT_TRANSLATE_NOOP("authoring", "finding the zones")))
    zones, texts = propose_zones(pages, size, dpi, mrz, notes=notes)
    ref = next(p for p in pages if p.ok)
    fields = mrz.fields if mrz is not None and mrz.found else {}
    state = fields.get("issuing_state", "") or specimen_id.split("-")[0][:3]
    code = fields.get("document_code", "") or _code_without_mrz(specimen_id, size, notes)
    images = dict(ref.images)
    spec = Specimen(
        id=specimen_id,
        title=title or f"{state} {code} document (authored from {len(captures)} capture(s))",
        issuing_state=state, document_code=code,
        mrz_format=mrz.format if mrz is not None and mrz.found else None,
        series=series, valid_from=None, valid_until=None, size_mm=size.size_mm,
        dpi=float(dpi), image_lights=tuple(light for light in Light if light in images),
        zones=tuple(zones), loader=lambda light: images[light],
        extra={"provenance": provenance(images, exemplars=0, author="")})
    if "validity" not in notes:
        notes.append("validity period (valid_from, valid_until) left for the author to fill in")
    step(0.5, progress_text(QT_TRANSLATE_NOOP("authoring",
                                              "learning the statistics of every exemplar")))
    usable = [(p.name, p.capture) for p in pages if p.ok]
    result = learn(spec, usable, progress=lambda f, m: step(0.5 + 0.5 * f, m), cancel=cancel)
    learned = result.specimen
    learned = dataclasses.replace(
        learned, extra={**learned.extra, "provenance": provenance(
            images, exemplars=learned.statistics.exemplars, author="")},
        _cache=dict(images))
    step(1.0, progress_text(QT_TRANSLATE_NOOP("authoring", "done")))
    return AuthoredSpecimen(specimen=learned, size=size, pages=pages,
                            exemplars=result.exemplars, notes=notes, read_texts=texts)


def _code_without_mrz(specimen_id: str, size: PageSize, notes: list[str]) -> str:
    """A document code when no MRZ was read (a card's front): the id's second part when
    it is one or two letters (``NRV-ID-2019-F``: ``ID``), else by the size class (ICAO
    9303: ``I`` for a card, ``P`` for a passport page), noted for the author."""
    parts = specimen_id.split("-")
    if len(parts) > 1 and parts[1].isalpha() and 1 <= len(parts[1]) <= 2:
        code = parts[1]
    else:
        code = "P" if size.size_class == "TD3" else "I"
    notes.append(f"document code {code!r} taken from the id and page size (no MRZ read): "
                 "check it")
    return code


def provenance(images: dict[Light, Image], *, exemplars: int, author: str,
               when: dt.datetime | None = None, blurred: Sequence[str] = ()
               ) -> dict[str, Any]:
    """The package's provenance record (formats.md §3): who authored it, when, from how
    many genuine exemplars, the SHA-256 of every image, and which zones' pixels were
    blurred out."""
    stamp = (when or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    return {"authored_by": author, "authored_at": stamp, "exemplars": exemplars,
            "tool": "workstation specimens author",
            "images_sha256": {light.value: image_sha256(img)
                              for light, img in sorted(images.items())},
            "blurred_zones": list(blurred)}


def with_zones(spec: Specimen, zones: Sequence[Zone]) -> Specimen:
    """``spec`` with ``zones`` (images and statistics kept)."""
    return dataclasses.replace(spec, zones=tuple(zones), _cache=dict(spec._cache))
