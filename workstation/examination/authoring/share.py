"""Sharing an authored specimen: personal data out of its images, and its provenance.

Specimens of genuine documents belong to real people. :func:`blur_personal_data`
reduces every zone of the holder's — the portrait (to one smooth tone: no pixel of the
face is kept), the signature, the MRZ, every printed field and any other zone marked
``varies: "holder"`` — under every light, with the one implementation the alerts use
(:mod:`workstation.imaging.redact`). The zones' statistics are kept; the pixels are not.

:func:`finalise_provenance` writes the package's ``provenance`` record (formats.md §3):
who authored it, when, from how many genuine exemplars, the SHA-256 of every image as
exported, and which zones were blurred.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from workstation.examination.authoring.propose import image_sha256
from workstation.imaging.redact import blur_personal, is_personal
from workstation.types import Image, Light, Specimen, Zone


def personal_zone_ids(spec: Specimen) -> list[str]:
    """The zones whose pixels are the holder's (front face)."""
    return [z.id for z in spec.zones if z.face == "front" and is_personal(z)]


#: The portrait is blurred this far (mm) beyond its zone: its soft edge is the face's too.
PORTRAIT_MARGIN_MM = 1.0


def _grown(zone: Zone) -> Zone:
    x, y, w, h = zone.rect_mm
    m = PORTRAIT_MARGIN_MM
    return dataclasses.replace(zone, rect_mm=(x - m, y - m, w + 2 * m, h + 2 * m))


def blur_personal_data(spec: Specimen) -> Specimen:
    """``spec`` with every personal zone blurred in every image (statistics kept)."""
    zones = [_grown(z) if z.role == "portrait" else z
             for z in spec.zones if z.face == "front" and is_personal(z)]
    images: dict[Light, Image] = {
        light: blur_personal(img, zones, dpi=spec.dpi, whole_portrait=True)
        for light, img in spec.images()}
    prov = dict(spec.extra.get("provenance") or {})
    prov["blurred_zones"] = sorted({*prov.get("blurred_zones", []), *(z.id for z in zones)})
    return dataclasses.replace(spec, loader=lambda light: images[light], _cache=dict(images),
                               extra={**spec.extra, "provenance": prov})


def finalise_provenance(spec: Specimen, *, author: str, when: dt.datetime | None = None,
                        blurred: Sequence[str] | None = None) -> Specimen:
    """``spec`` with its provenance record for export: ``authored_by``, ``authored_at``,
    ``exemplars`` (from its statistics), ``images_sha256`` of the images as they are now,
    ``blurred_zones``."""
    prov: dict[str, Any] = dict(spec.extra.get("provenance") or {})
    stamp = (when or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    prov.update({
        "authored_by": author or prov.get("authored_by", ""),
        "authored_at": prov.get("authored_at") or stamp,
        "exported_at": stamp,
        "exemplars": spec.statistics.exemplars,
        "images_sha256": {light.value: image_sha256(img) for light, img in spec.images()},
        "blurred_zones": sorted(blurred if blurred is not None
                                else prov.get("blurred_zones", [])),
    })
    prov.setdefault("tool", "workstation specimens author")
    return dataclasses.replace(spec, extra={**spec.extra, "provenance": prov},
                               _cache=dict(spec._cache))


def provenance_problems(spec: Specimen) -> list[str]:
    """Where the images differ from the SHA-256 the provenance records (empty: none, or
    no provenance)."""
    prov = spec.extra.get("provenance")
    if not isinstance(prov, dict) or not isinstance(prov.get("images_sha256"), dict):
        return []
    out = []
    for light, img in spec.images():
        want = prov["images_sha256"].get(light.value)
        if want is not None and want != image_sha256(img):
            out.append(f"the {light.value} image differs from its recorded SHA-256")
    return out
