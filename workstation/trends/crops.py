"""Evidence crops for an alert: the failing zones under their lights, personal data
blurred.

The crops are cut from the capture as registered onto the specimen
(``examination.registration.registered`` at ``work_dpi``: a zone of the specimen is
the same rectangle in the crop), around every zone a failed
check names, under the check's light and in white light for context, with a
margin; every personal zone of the specimen (portrait, signature, MRZ, printed
data fields — :func:`workstation.imaging.redact.is_personal`) that falls in a
crop is blurred (:func:`workstation.imaging.redact.blur_personal`) before the
crop leaves this function. An examination without a registered capture (no
specimen matched) has no crops.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from workstation.examination.results import Examination
from workstation.imaging.redact import blur_personal
from workstation.trends.alerts import MAX_CROPS, CropImage
from workstation.types import CheckStatus, Light, mm_to_px

#: Margin around a zone (mm).
MARGIN_MM = 2.0


def evidence_crops(examination: Examination, *, codes: Iterable[str] = (),
                   margin_mm: float = MARGIN_MM, limit: int = MAX_CROPS) -> list[CropImage]:
    """Crops of the zones the failed checks (of ``codes``, or all) name, under the
    check's light and in white light, personal data blurred; at most ``limit``."""
    registration, specimen = examination.registration, examination.specimen
    if registration is None or specimen is None or registration.work_dpi <= 0:
        return []
    registered, dpi = registration.registered, registration.work_dpi
    wanted = set(codes)
    zones = {z.id: z for z in specimen.zones}
    picks: list[tuple[str, Light]] = []
    for check in examination.checks:
        if check.status is not CheckStatus.FAIL or check.zone not in zones:
            continue
        if wanted and check.code not in wanted:
            continue
        lights = [check.light] if check.light is not None else []
        lights.append(Light.WHITE)
        for light in lights:
            if light in registered and (check.zone, light) not in picks:
                picks.append((check.zone, light))
    out: list[CropImage] = []
    w_mm, h_mm = specimen.size_mm
    for zone_id, light in picks[:limit]:
        x, y, w, h = zones[zone_id].rect_mm
        x0, y0 = max(0.0, x - margin_mm), max(0.0, y - margin_mm)
        x1, y1 = min(w_mm, x + w + margin_mm), min(h_mm, y + h + margin_mm)
        image = np.asarray(registered[light])
        r0, r1 = round(mm_to_px(y0, dpi)), round(mm_to_px(y1, dpi))
        c0, c1 = round(mm_to_px(x0, dpi)), round(mm_to_px(x1, dpi))
        crop = np.ascontiguousarray(image[r0:r1, c0:c1])
        if crop.size == 0:
            continue
        blurred = blur_personal(crop, specimen.zones, dpi=dpi, origin_mm=(x0, y0))
        label = zones[zone_id].label or zone_id
        out.append(CropImage(label=f"{label} ({light.value})", light=light.value,
                             image=blurred))
    return out
