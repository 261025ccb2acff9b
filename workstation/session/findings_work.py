"""The examiner's side of the document on the desk: the findings (conclusion, notes,
marks, the images for the report) as they are edited and saved, and what the window
lists of the examination. A part of :class:`~workstation.session.examination.
ExaminationSession`, kept in its own room."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from workstation.cases.records import ExaminationRecord
from workstation.findings import Annotation, Findings
from workstation.i18n import QT_TRANSLATE_NOOP, said
from workstation.labels import image_label
from workstation.session.viewer import Origin

if TYPE_CHECKING:
    from psygnal import SignalInstance

    from workstation.examination.results import Examination
    from workstation.session.autosave import FindingsAutosaver
    from workstation.session.desk import Desk
    from workstation.session.display import Shown
    from workstation.session.viewer import Annotator, ViewerState
    from workstation.types import CaptureSet


class FindingsWork:
    """Editing and saving the findings; the lists the window shows (a mixin of
    :class:`~workstation.session.examination.ExaminationSession`, whose state it uses)."""

    if TYPE_CHECKING:
        desk: Desk
        viewer: ViewerState
        annotator: Annotator
        autosaver: FindingsAutosaver
        capture_set: CaptureSet | None
        examination: Examination | None
        shown: Shown | None
        findings: Findings
        record: ExaminationRecord | None
        locked: bool
        store_captures: bool
        _storing: bool
        _generation: int
        _pending_results: Examination | None
        message: SignalInstance
        failed: SignalInstance
        findingsChanged: SignalInstance
        findingsSaved: SignalInstance
        conflicted: SignalInstance
        lockChanged: SignalInstance

        def _store_draft(self, capture: CaptureSet, generation: int) -> None: ...

    # -- findings ----------------------------------------------------------------------------
    def edit(self, findings: Findings) -> None:
        """The examiner changed the conclusion, the notes or the images for the report
        (marks are the annotator's); saved shortly after."""
        if self.locked:
            self.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "The findings are submitted for review and cannot change")))
            return
        self._changed(replace(findings, annotations=tuple(self.annotator.annotations)))

    def marks_changed(self) -> None:
        """A mark was added or removed with the measurement tools."""
        if self.locked:
            return
        self._changed(replace(self.findings, annotations=tuple(self.annotator.annotations)))

    def add_note_to_last_mark(self, text: str) -> Annotation | None:
        """The note typed for a mark goes with the last one drawn."""
        if not self.annotator.annotations or not text.strip():
            return None
        ann = self.annotator.note_last(text.strip())
        self.marks_changed()
        return ann

    def remove_last_mark(self) -> None:
        """Ctrl+Z: the last mark (or the mark being drawn) goes."""
        self.annotator.remove_last()
        self.marks_changed()
        self.viewer.changed()

    def _changed(self, findings: Findings) -> None:
        self.findings = replace(findings, updated_at=dt.datetime.now(dt.UTC),
                                examiner=findings.examiner or self.desk.examiner_name())
        self.findingsChanged.emit(self.findings)
        self.autosaver.changed(self.findings)

    def save_now(self) -> None:
        """Ctrl+S: save the findings at once (the capture is stored already, or now)."""
        if self.capture_set is None:
            self.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "Nothing to save: capture and examine a document first")))
            return
        if self.record is None:
            if self._storing:
                self.message.emit(said(QT_TRANSLATE_NOOP(
                    "session", "The capture is being stored; the findings follow")))
                return
            self.store_captures = True
            self._store_draft(self.capture_set, self._generation)
            if self.examination is not None:
                self._pending_results = self.examination
            return
        self.autosaver.changed(self.findings)
        self.autosaver.flush()

    def _autosaved(self, record: ExaminationRecord) -> None:
        if self.record is not None and record.id == self.record.id:
            self.record = record
        self.findingsSaved.emit(record)
        self.message.emit(said(QT_TRANSLATE_NOOP(
            "session", "Findings saved (version {version})"), version=str(record.version)))

    def _conflicted(self, message: str) -> None:
        self.conflicted.emit(message)
        self.failed.emit(said(QT_TRANSLATE_NOOP(
            "session", "Findings not saved: {error} — open the examination again to see the other "
            "changes"),
            error=message), "")

    def _set_locked(self, locked: bool) -> None:
        if locked != self.locked:
            self.locked = locked
            self.lockChanged.emit(locked)
        if locked:
            self.autosaver.blocked = True

    # -- what the window lists -----------------------------------------------------------
    def report_image_choices(self) -> list[tuple[str, str]]:
        """The images a report may show, as ``(reference, human label)``: the capture per
        light, the specimen's, the current view, the evidence of failed and warning checks."""
        keys = [str(k) for k in self.viewer.sources if k.origin is Origin.SPECIMEN]
        if self.shown is not None and self.shown.view.specimen is not None:
            keys = [f"specimen:{li.value}" for li in self.shown.specimen]
        if self.capture_set is not None:
            back = self.capture_set.back
            keys = [f"capture:{li.value}" for li in self.capture_set.lights] + \
                   ([f"back:{li.value}" for li in back.lights] if back is not None else []) + keys
        keys.append("view:current")
        checks = self.examination.checks if self.examination is not None else ()
        keys += list(dict.fromkeys(f"evidence:{c.id}" for c in checks
                                   if c.evidence and c.status.value in ("fail", "warn")))
        return [(k, image_label(k, checks)) for k in keys]

    def identity_fields(self) -> list[tuple[str, str]]:
        """The document's identity above the images (from the MRZ)."""
        return self.shown.view.mrz_fields() if self.shown is not None else []

