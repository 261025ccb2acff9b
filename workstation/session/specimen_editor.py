"""The specimen editor's workflow (issue 17): author a draft from genuine captures, edit
its zones with undo, preview the examination of each exemplar against the draft, and
export it (personal data blurred, provenance recorded, signed by the office).

:class:`SpecimenEditorSession` holds the draft and emits events; the Qt editor
(``workstation.ui.specimen_editor``) only lays out widgets and calls these methods.
Long work (authoring, preview, export) runs on the session's
:class:`~workstation.session.jobs.Runner`.
"""

from __future__ import annotations

import dataclasses
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from psygnal import Signal

from workstation.i18n import QT_TRANSLATE_NOOP, said
from workstation.session.jobs import ProgressFn, Runner
from workstation.types import CaptureSet, Expect, Light, Specimen, Zone, ZoneCheck

#: Undo steps kept.
UNDO_DEPTH = 200


class EditError(ValueError):
    """An edit the draft cannot take (unknown zone, duplicate id, rectangle off the page)."""


@dataclass(frozen=True)
class PreviewRow:
    """One exemplar examined against the draft: each check's outcome."""

    capture: str
    verdict: str
    checks: tuple[tuple[str, str, str, str], ...]  # (check id, zone, status, code)

    def failed_zones(self) -> set[str]:
        """Zones where a check failed."""
        return {z for _c, z, status, _code in self.checks if status == "fail"}


class SpecimenEditorSession:
    """A draft specimen under edit. Every change goes through :meth:`apply` (undoable)."""

    changed = Signal(object)        # the draft (Specimen) after any change
    selected = Signal(object)       # the selected zone id (str) or None
    previewed = Signal(object)      # list[PreviewRow]
    progressed = Signal(int, int, str)
    failed = Signal(str, str)
    exported = Signal(object)       # the written path

    def __init__(self, runner: Runner) -> None:
        self.runner = runner
        self.draft: Specimen | None = None
        self.captures: list[tuple[str, CaptureSet]] = []
        self.preview: list[PreviewRow] = []
        self.selection: str | None = None
        self.notes: list[str] = []
        self._undo: list[Specimen] = []
        self._redo: list[Specimen] = []

    # -- authoring ----------------------------------------------------------------------------
    def author(self, captures: Sequence[tuple[str, CaptureSet]], *, specimen_id: str,
               title: str | None = None) -> None:
        """Propose a draft from genuine ``captures`` (off the home thread)."""
        from workstation.examination.authoring.propose import author_specimen

        caps = list(captures)

        def work(progress: ProgressFn, cancel: threading.Event) -> Any:
            return author_specimen(
                caps, specimen_id=specimen_id, title=title,
                progress=lambda f, m: progress(round(100 * f), 100, m),
                cancel=cancel.is_set)

        def done(result: Any) -> None:
            self.captures = [(p.name, p.capture) for p in result.pages if p.ok]
            self.notes = list(result.notes)
            self.load(result.specimen)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "author specimen")),
            work, done=done, failed=self.failed.emit,
            progress=self.progressed.emit)

    def load(self, spec: Specimen, captures: Sequence[tuple[str, CaptureSet]] = ()) -> None:
        """Edit ``spec`` (history cleared); ``captures`` for the preview."""
        self.draft = spec
        if captures:
            self.captures = list(captures)
        self._undo.clear()
        self._redo.clear()
        self.preview = []
        self.changed.emit(spec)

    # -- edits ----------------------------------------------------------------------------------
    def _spec(self) -> Specimen:
        if self.draft is None:
            raise EditError("no specimen to edit: author or open one first")
        return self.draft

    def _zone_index(self, zone_id: str) -> int:
        for i, z in enumerate(self._spec().zones):
            if z.id == zone_id:
                return i
        raise EditError(f"no zone {zone_id!r}")

    def _check_rect(self, rect: tuple[float, float, float, float]) -> tuple[float, ...]:
        w_mm, h_mm = self._spec().size_mm
        x, y, w, h = (float(v) for v in rect)
        if not all(map(lambda v: v == v and abs(v) < 1e4, (x, y, w, h))):
            raise EditError("the rectangle must be finite")
        if w < 0.5 or h < 0.5:
            raise EditError("a zone is at least 0.5 x 0.5 mm")
        if x < 0 or y < 0 or x + w > w_mm + 1e-6 or y + h > h_mm + 1e-6:
            raise EditError(f"the zone must lie on the page ({w_mm:g} x {h_mm:g} mm)")
        return (round(x, 2), round(y, 2), round(w, 2), round(h, 2))

    def apply(self, zones: Sequence[Zone]) -> None:
        """Replace the draft's zones (one undo step)."""
        spec = self._spec()
        ids = [z.id for z in zones]
        if len(set(ids)) != len(ids):
            raise EditError("zone ids must be unique")
        self._undo.append(spec)
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()
        self.draft = dataclasses.replace(spec, zones=tuple(zones), _cache=dict(spec._cache))
        self.changed.emit(self.draft)

    def set_identity(self, **changes: Any) -> None:
        """Change the draft's ``title``, ``series``, ``valid_from``, ``valid_until``
        (dates or ``None``), ``issuing_state`` or ``document_code`` (one undo step)."""
        spec = self._spec()
        allowed = {"title", "series", "valid_from", "valid_until", "issuing_state",
                   "document_code"}
        unknown = set(changes) - allowed
        if unknown:
            raise EditError(f"cannot set {', '.join(sorted(unknown))}")
        vf = changes.get("valid_from", spec.valid_from)
        vu = changes.get("valid_until", spec.valid_until)
        if vf is not None and vu is not None and vu < vf:
            raise EditError("the validity period ends before it starts")
        for key in ("issuing_state", "document_code"):
            if key in changes and not str(changes[key]).strip():
                raise EditError(f"{key.replace('_', ' ')} may not be empty")
        self._undo.append(spec)
        del self._undo[:-UNDO_DEPTH]
        self._redo.clear()
        self.draft = dataclasses.replace(spec, **changes, _cache=dict(spec._cache))
        self.changed.emit(self.draft)

    def add_zone(self, rect_mm: tuple[float, float, float, float], *, label: str = "",
                 checks: Sequence[ZoneCheck] = (), role: str | None = None,
                 varies: str | None = None) -> str:
        """A new zone (id ``zone-N``); returns its id."""
        spec = self._spec()
        rect = self._check_rect(rect_mm)
        taken = {z.id for z in spec.zones}
        n = 1
        while f"zone-{n}" in taken:
            n += 1
        zid = f"zone-{n}"
        self.apply([*spec.zones, Zone(zid, rect, role, label, tuple(checks),  # type: ignore[arg-type]
                                      varies=varies)])
        self.select(zid)
        return zid

    def update_zone(self, zone_id: str, **changes: Any) -> None:
        """Change a zone: ``rect_mm`` (move/resize), ``id`` (rename), ``label``,
        ``role``, ``checks``, ``varies``."""
        spec = self._spec()
        i = self._zone_index(zone_id)
        if "rect_mm" in changes:
            changes["rect_mm"] = self._check_rect(changes["rect_mm"])
        if "id" in changes and (not changes["id"] or not str(changes["id"]).strip()):
            raise EditError("a zone needs an id")
        if "checks" in changes:
            changes["checks"] = tuple(changes["checks"])
            changes["stats"] = tuple(s for s in spec.zones[i].stats
                                     if any(c.light == s.light for c in changes["checks"]))
        zones = list(spec.zones)
        zones[i] = dataclasses.replace(zones[i], **changes)
        self.apply(zones)
        if "id" in changes and self.selection == zone_id:
            self.select(changes["id"])

    def move_zone(self, zone_id: str, dx_mm: float, dy_mm: float) -> None:
        """Move a zone by ``(dx, dy)`` mm."""
        x, y, w, h = self._spec().zones[self._zone_index(zone_id)].rect_mm
        self.update_zone(zone_id, rect_mm=(x + dx_mm, y + dy_mm, w, h))

    def set_expectation(self, zone_id: str, light: Light, expect: Expect | None) -> None:
        """What the zone must show under ``light`` (``None``: no check there)."""
        zone = self._spec().zones[self._zone_index(zone_id)]
        checks = [c for c in zone.checks if c.light != light]
        if expect is not None:
            checks.append(ZoneCheck(light, expect))
        self.update_zone(zone_id, checks=checks)

    def delete_zone(self, zone_id: str) -> None:
        """Remove a zone."""
        spec = self._spec()
        i = self._zone_index(zone_id)
        self.apply([z for j, z in enumerate(spec.zones) if j != i])
        if self.selection == zone_id:
            self.select(None)

    def select(self, zone_id: str | None) -> None:
        """Select a zone (or none)."""
        self.selection = zone_id
        self.selected.emit(zone_id)

    @property
    def can_undo(self) -> bool:
        """Whether there is a step to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """Whether there is a step to redo."""
        return bool(self._redo)

    def undo(self) -> None:
        """Undo the last change."""
        if not self._undo or self.draft is None:
            return
        self._redo.append(self.draft)
        self.draft = self._undo.pop()
        self.changed.emit(self.draft)

    def redo(self) -> None:
        """Redo the last undone change."""
        if not self._redo or self.draft is None:
            return
        self._undo.append(self.draft)
        self.draft = self._redo.pop()
        self.changed.emit(self.draft)

    # -- preview and export -------------------------------------------------------------------
    def run_preview(self) -> None:
        """Examine each exemplar against the draft (off the home thread)."""
        spec = self._spec()
        caps = list(self.captures)

        def work(progress: ProgressFn, cancel: threading.Event) -> Any:
            return preview_rows(spec, caps, progress=progress, cancel=cancel)

        def done(rows: Any) -> None:
            self.preview = list(rows)
            self.previewed.emit(self.preview)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "preview specimen")),
            work, done=done, failed=self.failed.emit,
            progress=self.progressed.emit)

    def export(self, out: str | Path, *, author: str = "", blur_personal: bool = True,
               sign: bool = False) -> None:
        """Write the draft as a package (folder or .zip; off the home thread)."""
        spec = self._spec()

        def work(progress: ProgressFn, cancel: threading.Event) -> Any:
            from workstation.session.specimen_sharing import export_package

            progress(0, 1, said(QT_TRANSLATE_NOOP("session", "writing the package")))
            return export_package(spec, out, author=author, blur_personal=blur_personal,
                                  sign=sign)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "export specimen")),
            work, done=self.exported.emit,
            failed=self.failed.emit, progress=self.progressed.emit)


def preview_rows(spec: Specimen, captures: Sequence[tuple[str, CaptureSet]], *,
                 progress: ProgressFn | None = None,
                 cancel: threading.Event | None = None) -> list[PreviewRow]:
    """Each capture examined against ``spec`` (held in a temporary library)."""
    from workstation.examination.pipeline import examine
    from workstation.specimens.library import SpecimenLibrary
    from workstation.specimens.package import save_specimen

    rows = []
    with tempfile.TemporaryDirectory(prefix="preview-") as tmp:
        lib = SpecimenLibrary(Path(tmp) / "lib", bundled=False)
        lib.import_package(save_specimen(spec, Path(tmp) / spec.id))
        for i, (name, cap) in enumerate(captures):
            if cancel is not None and cancel.is_set():
                break
            if progress is not None:
                progress(i, len(captures),
                         said(QT_TRANSLATE_NOOP("session", "examining {name}"), name=name))
            ex = examine(cap, library=lib, specimen_id=spec.id)
            rows.append(PreviewRow(name, ex.verdict.value, tuple(
                (c.id, c.zone or "", c.status.value, c.code) for c in ex.checks)))
    return rows
