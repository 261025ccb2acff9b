"""The specimen's zones drawn over the images, labelled by what they must show and by the
worst status of the checks run on them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.labels import light_label
from workstation.types import CheckResult, CheckStatus, Expect, Light, Specimen


@dataclass(frozen=True)
class ZoneOverlay:
    """A specimen zone drawn over the images: rectangle in content px and its label."""

    id: str
    rect: tuple[float, float, float, float]  # x, y, w, h (content px)
    label: str
    expectations: str
    status: CheckStatus | None = None
    #: ``expectations`` as (light, word) pairs (the word English; the window
    #: translates it in the ``zone overlay`` context)
    expects: tuple[tuple[Light, str], ...] = ()


@dataclass(frozen=True)
class CodeOutline:
    """A barcode found on the face shown: its corners in content px (TL, TR, BR, BL as
    read), what it is, and the worst status of the barcode checks about it."""

    points: tuple[tuple[float, float], ...]
    label: str
    status: CheckStatus | None = None


_EXPECT_SHORT = {Expect.LUMINESCENT: QT_TRANSLATE_NOOP("zone overlay", "glows"),
                 Expect.DULL: QT_TRANSLATE_NOOP("zone overlay", "dull"),
                 Expect.VISIBLE: QT_TRANSLATE_NOOP("zone overlay", "visible"),
                 Expect.INVISIBLE: QT_TRANSLATE_NOOP("zone overlay", "invisible"),
                 Expect.MATCH: QT_TRANSLATE_NOOP("zone overlay", "matches"),
                 Expect.BARCODE: QT_TRANSLATE_NOOP("zone overlay", "barcode"),
                 Expect.RELIEF: QT_TRANSLATE_NOOP("zone overlay", "relief"),
                 Expect.TRANSMITTED: QT_TRANSLATE_NOOP("zone overlay", "see-through"),
                 Expect.PERFORATION: QT_TRANSLATE_NOOP("zone overlay", "perforated"),
                 Expect.RETROREFLECTIVE: QT_TRANSLATE_NOOP("zone overlay", "retro-reflects"),
                 Expect.FIBRES: QT_TRANSLATE_NOOP("zone overlay", "fibres"),
                 Expect.MICROPRINT: QT_TRANSLATE_NOOP("zone overlay", "microprint"),
                 Expect.GHOST_OF: QT_TRANSLATE_NOOP("zone overlay", "ghost")}


def zone_overlays(specimen: Specimen, *, content_w: int, content_h: int,
                  checks: Sequence[CheckResult] = (), face: str = "front"
                  ) -> list[ZoneOverlay]:
    """The specimen's zones of ``face`` in content pixels, labelled by their expectations
    and the worst status of the checks run on them."""
    sx = content_w / specimen.size_mm[0]
    sy = content_h / specimen.size_mm[1]
    order = {CheckStatus.FAIL: 0, CheckStatus.WARN: 1, CheckStatus.PASS: 2,
             CheckStatus.SKIPPED: 3}
    out = []
    for z in specimen.zones:
        if z.face != face:
            continue
        x, y, w, h = z.rect_mm
        exp = ", ".join(f"{light_label(c.light)} {_EXPECT_SHORT.get(c.expect, c.expect.value)}"
                        for c in z.checks)
        statuses = [c.status for c in checks if c.zone == z.id]
        worst = min(statuses, key=order.__getitem__) if statuses else None
        expects = tuple((c.light, _EXPECT_SHORT.get(c.expect, c.expect.value))
                        for c in z.checks)
        out.append(ZoneOverlay(z.id, (x * sx, y * sy, w * sx, h * sy), z.label or z.id, exp,
                               worst, expects))
    return out
