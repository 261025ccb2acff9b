"""What the window shows of an examination: the checks grouped by status, the images in
content coordinates (the capture registered onto the specimen beside the specimen),
and a check's zone to zoom to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from workstation.examination.results import Examination
from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.session.viewer.panes import Mode
from workstation.session.viewer.sources import Origin, SourceKey
from workstation.session.viewer.state import ViewerState
from workstation.types import CheckResult, CheckStatus, Image, Light, Specimen

GROUP_ORDER: tuple[CheckStatus, ...] = (CheckStatus.FAIL, CheckStatus.WARN, CheckStatus.PASS,
                                        CheckStatus.SKIPPED)
GROUP_TITLES = {CheckStatus.FAIL: QT_TRANSLATE_NOOP("checks panel", "Failed"),
                CheckStatus.WARN: QT_TRANSLATE_NOOP("checks panel", "Warnings"),
                CheckStatus.PASS: QT_TRANSLATE_NOOP("checks panel", "Passed"),
                CheckStatus.SKIPPED: QT_TRANSLATE_NOOP("checks panel", "Skipped")}


def group_checks(checks: Iterable[CheckResult]) -> list[tuple[CheckStatus, list[CheckResult]]]:
    """Checks grouped by status, failed first; empty groups left out."""
    groups: dict[CheckStatus, list[CheckResult]] = {s: [] for s in GROUP_ORDER}
    for c in checks:
        groups[c.status].append(c)
    return [(s, groups[s]) for s in GROUP_ORDER if groups[s]]


@dataclass
class ExaminationView:
    """What the window takes from an :class:`~workstation.examination.results.Examination`.

    ``registered`` is the questioned document warped onto the specimen, and
    ``reference`` the specimen's images at the same size (the registration's
    images at ``work_dpi``). Without a matched specimen, ``registered`` holds the
    straightened page when one was found.
    """

    examination: Examination
    registered: dict[Light, Image]
    specimen: Specimen | None
    dpi: float | None
    reference: dict[Light, Image] = field(default_factory=dict)
    capture_to_content: Any | None = None

    @classmethod
    def of(cls, exam: Examination) -> ExaminationView:
        reg = exam.registration
        if reg is not None and reg.registered:
            return cls(exam, dict(reg.registered), exam.specimen, reg.work_dpi,
                       dict(reg.reference), reg.capture_to_work)
        page = exam.page
        if page is not None and page.found and page.images:
            return cls(exam, {light: page.images[light] for light in page.images},
                       exam.specimen, page.dpi, {}, page.homography)
        return cls(exam, {}, exam.specimen, exam.capture.dpi, {}, None)

    def specimen_images(self) -> dict[Light, Image]:
        """The specimen's images to compare with: ``reference`` when the examination
        made it, else the specimen's own images (loaded here)."""
        if self.reference:
            return self.reference
        if self.specimen is None:
            return {}
        return dict(self.specimen.images())

    def mrz_fields(self) -> list[tuple[str, str]]:
        """Identity fields to show above the images, in order: (name, in English; the
        window translates it in the ``identity`` context), value)."""
        mrz = self.examination.mrz
        fields: Mapping[str, str] = mrz.fields if mrz is not None and mrz.found else {}

        def f(key: str) -> str:
            v = fields.get(key)
            return "" if v in (None, "") else str(v)

        out = []
        name = ", ".join(t for t in (f("surname"), f("given_names")) if t)
        if name:
            out.append((QT_TRANSLATE_NOOP("identity", "Name"), name))
        doc = " ".join(t for t in (f("document_code"), f("issuing_state"),
                                   f("document_number")) if t)
        if doc:
            out.append((QT_TRANSLATE_NOOP("identity", "Document"), doc))
        for key, label in (("nationality", QT_TRANSLATE_NOOP("identity", "Nationality")),
                           ("birth_date", QT_TRANSLATE_NOOP("identity", "Born")),
                           ("sex", QT_TRANSLATE_NOOP("identity", "Sex")),
                           ("expiry_date", QT_TRANSLATE_NOOP("identity", "Expires"))):
            if f(key):
                out.append((label, f(key)))
        repairs = list(mrz.corrections) if mrz is not None and mrz.found else []
        if repairs:
            # every character the reader changed: where, what was read, what it became, why
            out.append((QT_TRANSLATE_NOOP("identity", "MRZ repaired"), "; ".join(
                f"line {int(c.get('line', 0)) + 1} pos {int(c.get('position', 0)) + 1}: "
                f"{c.get('from')}→{c.get('to')} ({c.get('reason', '')})"
                for c in repairs if isinstance(c, Mapping))))
        return out

    def check_zone_rect(self, check: CheckResult, *, content_w: int,
                        content_h: int) -> tuple[float, float, float, float] | None:
        """The check's zone as ``(x, y, w, h)`` content px, when it has one."""
        if check.zone is None or self.specimen is None:
            return None
        try:
            z = self.specimen.zone(check.zone)
        except KeyError:
            return None
        sx = content_w / self.specimen.size_mm[0]
        sy = content_h / self.specimen.size_mm[1]
        x, y, w, h = z.rect_mm
        return x * sx, y * sy, w * sx, h * sy


def focus_check(state: ViewerState, view: ExaminationView, check: CheckResult) -> bool:
    """Show ``check``: questioned | specimen under its light, zoomed to its zone.

    Returns ``False`` (and changes nothing) when the check has no zone to show.
    """
    cw, ch = state.content_size
    rect = view.check_zone_rect(check, content_w=cw, content_h=ch)
    if rect is None:
        return False
    light = check.light or Light.WHITE
    a = SourceKey(Origin.CAPTURE, light)
    if not state.has(a):
        a = SourceKey(Origin.CAPTURE, Light.WHITE)
    b = SourceKey(Origin.SPECIMEN, a.light)
    if state.has(a):
        state.a = a
    if state.has(b):
        state.b = b
    if state.mode not in (Mode.SIDE_BY_SIDE, Mode.BLEND, Mode.SWIPE, Mode.DIFFERENCE,
                          Mode.FLICKER):
        state.mode = Mode.SIDE_BY_SIDE
    state.selected_zone = check.zone
    state.changed()  # the panes of the new mode take their size first
    x, y, w, h = rect
    pad = 0.12 * max(w, h)  # room around the zone: a long thin zone still fills the pane
    state.viewport.zoom_to_rect(x - pad, y - pad, w + 2 * pad, h + 2 * pad, margin=0.0)
    return True
