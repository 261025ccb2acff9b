"""The examiner's work on one document: capture, examine, store, open, findings.

:class:`ExaminationSession` holds the document on the desk: the capture, its
automated examination, what the viewer shows of it, the examiner's findings and
the stored record. The rules it keeps:

* **Nothing lost.** A capture is stored in the case database the moment it exists
  (a ``draft``), its examination the moment it ends; findings save themselves as
  they are typed (:mod:`.autosave`); the recovery marker names the examination
  being worked on, so a window that dies is reopened on it (:mod:`.recovery`).
* **The newest capture wins.** A result of an older capture (an examination still
  running when the next capture came) is dropped, never shown over the new one.
* **Submitted findings are final.** An examination under review or approved opens
  with its findings locked.
* **A conflict is never overwritten.** A save that meets another workstation's
  newer version stops autosaving and says so; opening the examination again clears it.

Signing and submitting live in :mod:`.signing`; the viewer state the window draws
is :attr:`viewer` (with :attr:`annotator` for the measurement tools).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from psygnal import Signal

from workstation.cases.records import ExaminationRecord, Status
from workstation.examination.results import Examination
from workstation.findings import Annotation, Findings
from workstation.labels import image_label
from workstation.session.autosave import FindingsAutosaver
from workstation.session.desk import Desk
from workstation.session.jobs import Job, ProgressFn, Runner
from workstation.session.recovery import RecoveryMarker
from workstation.session.viewer import (
    Annotator,
    ExaminationView,
    Origin,
    Pyramid,
    ViewerState,
    build_pyramids,
    zone_overlays,
)
from workstation.types import CaptureSet, Light


class ExamineFn(Protocol):
    """``examine(capture, *, specimen_id=, progress=, cancel=)`` (the pipeline's
    :func:`~workstation.examination.pipeline.examine`)."""

    def __call__(self, capture: CaptureSet, *, specimen_id: str | None = ...,
                 progress: Callable[[float, str], None] | None = ...,
                 cancel: Callable[[], bool] | None = ...) -> Examination: ...


class CaptureSource(Protocol):
    """What :meth:`ExaminationSession.capture` needs of a reader."""

    def capture_all(self, *, progress: Callable[[int, int, Light], None] | None = ...
                    ) -> CaptureSet: ...


def default_examine() -> ExamineFn:
    """The examination pipeline (imported here: it loads OpenCV and the models)."""
    from workstation.examination.pipeline import examine

    return examine


@dataclass(frozen=True)
class Shown:
    """An examination as the window shows it: the examination, what the viewer takes
    from it, and the specimen's images as pyramids (built off the home thread)."""

    examination: Examination
    view: ExaminationView
    registered: Mapping[Light, Pyramid]
    specimen: Mapping[Light, Pyramid]


#: Statuses whose findings are final (submitted for review, or approved).
FINAL = (Status.UNDER_REVIEW, Status.APPROVED)


class ExaminationSession:
    """The document on the desk (see the module docstring)."""

    captured = Signal(object)
    """A capture arrived (from the reader or reopened): the ``CaptureSet``."""
    examined = Signal(object)
    """The automated examination of the capture ended: a :class:`Shown`."""
    stored = Signal(object)
    """The capture or its examination is in the case database: the ``ExaminationRecord``."""
    opened = Signal(object)
    """A stored examination was opened (from the case list, or after a crash): its record."""
    findingsChanged = Signal(object)
    """The findings changed in the window (saved shortly after): the ``Findings``."""
    findingsSaved = Signal(object)
    """The findings were saved: the new ``ExaminationRecord``."""
    conflicted = Signal(str)
    """Another workstation saved this examination first; autosaving stopped: the message."""
    lockChanged = Signal(bool)
    """The findings became final (submitted) or editable again: whether locked."""
    progressed = Signal(int, int, str)
    """Progress of the running step: done, total (0: unknown), what it does."""
    message = Signal(str)
    """A line for the status bar."""
    failed = Signal(str, str)
    """A step failed: the one-line message and the details (traceback)."""

    def __init__(self, desk: Desk, runner: Runner, *, examine: ExamineFn | None = None,
                 marker: RecoveryMarker | None = None, store: bool = True) -> None:
        self.desk = desk
        self.runner = runner
        self.examine_fn = examine
        self.marker = marker
        self.store_captures = store
        self.viewer = ViewerState()
        self.annotator = Annotator()
        self.capture_set: CaptureSet | None = None
        self.examination: Examination | None = None
        self.shown: Shown | None = None
        self.findings = Findings()
        self.record: ExaminationRecord | None = None
        self.locked = False
        self.capture_job: Job | None = None
        self._storing = False
        self.closed = False
        self._generation = 0
        self._pending_results: Examination | None = None
        self.autosaver = FindingsAutosaver(desk.repository_now, desk.who, runner)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.conflicted.connect(self._conflicted)
        self.autosaver.failed.connect(lambda m: self.failed.emit(f"Findings not saved: {m}", ""))

    # -- capture and examination -----------------------------------------------------------
    def capture(self, reader: CaptureSource) -> Job | None:
        """Capture every light of ``reader`` off the home thread, then :meth:`take` it."""
        if self.capture_job is not None and not self.capture_job.done:
            self.message.emit("A capture is running")
            return None

        def work(progress: ProgressFn, cancel: threading.Event) -> CaptureSet:
            def step(done: int, total: int, light: Light) -> None:
                progress(done, total, f"Capturing {light.value} ({done + 1}/{total})")

            return reader.capture_all(progress=step)

        def done(capture: CaptureSet) -> None:
            self.capture_job = None
            self.take(capture)

        def failed(message: str, details: str) -> None:
            self.capture_job = None
            self.failed.emit(message, details)

        self.capture_job = self.runner.submit("Capture", work, done=done, failed=failed,
                                              progress=self.progressed.emit)
        return self.capture_job

    def take(self, capture: CaptureSet, *, examine: bool = True) -> None:
        """A new capture is on the desk: the previous document's findings are saved,
        this one is stored as a draft and examined (both off the home thread)."""
        self.autosaver.flush()
        self._generation += 1
        self.capture_set = capture
        self.examination = None
        self.shown = None
        self.record = None
        self._pending_results = None
        self.autosaver.load(None)
        self.findings = Findings()
        self.annotator.annotations = []
        self.annotator.draft = []
        self._set_locked(False)
        self._show_capture(capture)
        self.captured.emit(capture)
        self.message.emit(f"Captured {', '.join(li.value for li in capture.lights)} at "
                          f"{capture.dpi or '?'} dpi")
        self._storing = False
        if self.store_captures:
            self._store_draft(capture, self._generation)
        if marker := self.marker:
            marker.working_on(None)
        if examine:
            self.examine()

    def _show_capture(self, capture: CaptureSet) -> None:
        v = self.viewer
        v.zones = []
        v.show_zones = False
        v.set_images(Origin.CAPTURE, capture.images, dpi=capture.dpi, replace_all=True)
        v.set_capture_geometry(None, capture.dpi)
        v.viewport.fit()

    def _store_draft(self, capture: CaptureSet, generation: int) -> None:
        desk = self.desk
        self._storing = True

        def work(progress: ProgressFn, cancel: threading.Event) -> ExaminationRecord:
            repo = desk.repository_now()
            ids = repo.store_capture(capture, user=desk.who())
            return repo.open_examination(ids.examination_id)

        def done(record: ExaminationRecord) -> None:
            if generation != self._generation:
                return  # a newer capture came: this draft stays in the case list
            self._now_stored(record)
            if self._pending_results is not None:
                self._record_results(self._pending_results)

        def failed(message: str, details: str) -> None:
            if generation == self._generation:
                self._storing = False
                self.failed.emit(f"The capture could not be stored: {message} — Ctrl+S "
                                 "tries again", details)

        self.runner.submit("Storing the capture", work, done=done, failed=failed)

    def examine(self) -> Job | None:
        """Examine the capture on the desk again (off the home thread)."""
        capture, examine_fn = self.capture_set, self.examine_fn
        if capture is None or examine_fn is None:
            return None
        generation = self._generation
        specimen_id = self.examination.specimen_id if self.examination is not None else None
        if self.record is not None and self.examination is None:
            specimen_id = self.record.examination.get("specimen") or None

        def work(progress: ProgressFn, cancel: threading.Event) -> Shown:
            def report(fraction: float, message: str = "") -> None:
                progress(round(min(max(fraction, 0.0), 1.0) * 100), 100,
                         f"Examining: {message}" if message else "Examining")

            exam = examine_fn(capture, specimen_id=specimen_id, progress=report,
                              cancel=cancel.is_set)
            return shown_of(exam)

        def done(shown: Shown) -> None:
            if generation != self._generation or self.capture_set is not capture:
                return  # a newer capture came meanwhile: drop this one
            self._show(shown)
            if self.store_captures:
                if self.record is not None:
                    self._record_results(shown.examination)
                else:
                    self._pending_results = shown.examination

        def failed(message: str, details: str) -> None:
            if generation == self._generation:
                self.failed.emit(message, details)

        return self.runner.submit("Examination", work, done=done, failed=failed,
                                  progress=self.progressed.emit)

    def examine_now(self) -> Examination | None:
        """Examine the capture on the desk on the calling thread and show it (scripts
        and ``--screenshot``; the window uses :meth:`examine`)."""
        capture, examine_fn = self.capture_set, self.examine_fn
        if capture is None or examine_fn is None:
            return None
        shown = shown_of(examine_fn(capture))
        self._show(shown)
        if self.store_captures and self.record is not None:
            self._record_results(shown.examination)
        return shown.examination

    def _show(self, shown: Shown) -> None:
        exam, view, v = shown.examination, shown.view, self.viewer
        self.examination = exam
        self.shown = shown
        if shown.registered:
            v.set_images(Origin.CAPTURE, shown.registered, dpi=view.dpi, replace_all=True)
            v.dpi = view.dpi
            v.set_capture_geometry(view.capture_to_content, exam.capture.dpi)
        if view.specimen is not None:
            v.set_images(Origin.SPECIMEN, shown.specimen)
            cw, ch = v.content_size
            v.zones = zone_overlays(view.specimen, content_w=cw, content_h=ch,
                                    checks=exam.checks)
        v.viewport.fit()
        v.changed()
        fails = sum(1 for c in exam.checks if c.status.value == "fail")
        ms = f" in {exam.duration_ms:.0f} ms" if exam.duration_ms else ""
        self.examined.emit(shown)
        self.message.emit(f"Examined{ms}: {exam.verdict.value}, {fails} failed check(s)")

    def _record_results(self, exam: Examination) -> None:
        record, desk, generation = self.record, self.desk, self._generation
        self._pending_results = None
        if record is None or record.status not in (Status.DRAFT, Status.OPEN, Status.RETURNED):
            return

        def work(progress: ProgressFn, cancel: threading.Event) -> ExaminationRecord:
            return desk.repository_now().record_examination(record.id, exam, user=desk.who())

        def done(updated: ExaminationRecord) -> None:
            if generation == self._generation and self.record is not None \
                    and self.record.id == updated.id:
                self._now_stored(updated)

        def failed(message: str, details: str) -> None:
            if generation == self._generation:
                self.failed.emit(f"The examination could not be stored: {message}", details)

        self.runner.submit("Storing the examination", work, done=done, failed=failed)

    def _now_stored(self, record: ExaminationRecord) -> None:
        self._storing = False
        self.desk.announce()
        if self.record is not None and self.record.id == record.id \
                and self.record.version > record.version:
            record = replace(record, summary=replace(record.summary,
                                                     version=self.record.version))
        self.record = record
        if self.autosaver.record is None or self.autosaver.record.id != record.id:
            self.autosaver.load(record)
            if self.findings != Findings():
                self.autosaver.changed(self.findings)
        if self.marker is not None and not self.closed:
            self.marker.working_on(record.id, self.desk.user_name)
        self.stored.emit(record)

    # -- stored examinations ---------------------------------------------------------------
    def open(self, examination_id: int) -> Job:
        """Open a stored examination: its capture, examined again, and its findings."""
        desk, examine_fn = self.desk, self.examine_fn
        self.autosaver.flush()
        self._generation += 1
        generation = self._generation

        def work(progress: ProgressFn, cancel: threading.Event
                 ) -> tuple[ExaminationRecord, CaptureSet, Shown | None]:
            repo = desk.repository_now()
            record = repo.open_examination(examination_id)
            capture = repo.capture_of(record)
            progress(0, 0, "Examining the stored capture")
            shown = None
            if examine_fn is not None:
                spec = record.examination.get("specimen")
                shown = shown_of(examine_fn(capture, specimen_id=spec, cancel=cancel.is_set))
            return record, capture, shown

        def done(result: tuple[ExaminationRecord, CaptureSet, Shown | None]) -> None:
            if generation != self._generation:
                return
            record, capture, shown = result
            self.capture_set = capture
            self.examination = None
            self.shown = None
            self._pending_results = None
            self._show_capture(capture)
            self.captured.emit(capture)
            if shown is not None:
                self._show(shown)
                if record.status is Status.DRAFT and not record.examination.get("verdict"):
                    self.record = record  # killed before its examination was stored
                    self._record_results(shown.examination)
            self.findings = record.findings or Findings()
            self.annotator.annotations = list(self.findings.annotations)
            self.annotator.draft = []
            self.record = record
            self.autosaver.load(record)
            self._set_locked(record.status in FINAL)
            if self.marker is not None and not self.closed:
                self.marker.working_on(record.id, desk.user_name)
            self.findingsChanged.emit(self.findings)
            self.opened.emit(record)
            self.message.emit(f"Opened case {record.summary.case_reference}, "
                              f"examination {record.id}")

        return self.runner.submit("Opening the examination", work, done=done,
                                  failed=self.failed.emit, progress=self.progressed.emit)

    def recover(self) -> int | None:
        """Reopen the examination a window that died was working on (the newest one);
        returns its id, or ``None`` when there is nothing to recover."""
        if self.marker is None:
            return None
        found = self.marker.unfinished()
        if not found:
            return None
        self.open(found[0].examination_id)
        self.message.emit(f"Reopening examination {found[0].examination_id}, left "
                          "unfinished when the window closed unexpectedly")
        return found[0].examination_id

    # -- findings ----------------------------------------------------------------------------
    def edit(self, findings: Findings) -> None:
        """The examiner changed the conclusion, the notes or the images for the report
        (marks are the annotator's); saved shortly after."""
        if self.locked:
            self.message.emit("The findings are submitted for review and cannot change")
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
            self.message.emit("Nothing to save: capture and examine a document first")
            return
        if self.record is None:
            if self._storing:
                self.message.emit("The capture is being stored; the findings follow")
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
        self.message.emit(f"Findings saved (version {record.version})")

    def _conflicted(self, message: str) -> None:
        self.conflicted.emit(message)
        self.failed.emit(f"Findings not saved: {message} — open the examination again to "
                         "see the other changes", "")

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
        if self.capture_set is not None:
            keys = [f"capture:{li.value}" for li in self.capture_set.lights] + keys
        keys.append("view:current")
        checks = self.examination.checks if self.examination is not None else ()
        keys += list(dict.fromkeys(f"evidence:{c.id}" for c in checks
                                   if c.evidence and c.status.value in ("fail", "warn")))
        return [(k, image_label(k, checks)) for k in keys]

    def identity_fields(self) -> list[tuple[str, str]]:
        """The document's identity above the images (from the MRZ)."""
        return self.shown.view.mrz_fields() if self.shown is not None else []

    # -- the end ------------------------------------------------------------------------------
    def close(self) -> None:
        """Save what is pending; the window closed normally (nothing to recover)."""
        self.autosaver.flush()
        self.closed = True
        if self.marker is not None:
            self.marker.clear()


def shown_of(exam: Examination) -> Shown:
    """What the window shows of ``exam``: the view and the pyramids of the registered
    capture and of the specimen, built now (call it off the home thread)."""
    view = ExaminationView.of(exam)
    registered = build_pyramids(view.registered) if view.registered else {}
    specimen = build_pyramids(view.specimen_images()) if view.specimen is not None else {}
    return Shown(exam, view, registered, specimen)


def findings_for_report(findings: Findings, report_images: Sequence[str]) -> Findings:
    """``findings`` with the report's images replaced (for a report of chosen images)."""
    return replace(findings, report_images=tuple(report_images))
