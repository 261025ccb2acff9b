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

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from psygnal import Signal

from workstation.cases.records import ExaminationRecord, Status
from workstation.examination.results import Examination
from workstation.findings import Findings
from workstation.i18n import QT_TRANSLATE_NOOP, Join, Term, said
from workstation.session.autosave import FindingsAutosaver
from workstation.session.desk import Desk
from workstation.session.display import (
    DeskDisplay,
    FaceImages,
    Shown,
    face_as_taken,
    shown_of,
)
from workstation.session.findings_work import FindingsWork
from workstation.session.jobs import Job, ProgressFn, Runner
from workstation.session.recovery import RecoveryMarker
from workstation.session.viewer import Annotator, ViewerState
from workstation.types import CaptureSet, Light

__all__ = ["FINAL", "CaptureSource", "ExaminationSession", "ExamineFn", "Shown",
           "default_examine", "findings_for_report", "shown_of"]


#: The automated verdicts in words (context ``verdicts``; the window shows these).
VERDICT_WORDS = {"pass": QT_TRANSLATE_NOOP("verdicts", "no anomaly"),
                 "fail": QT_TRANSLATE_NOOP("verdicts", "anomalies"),
                 "inconclusive": QT_TRANSLATE_NOOP("verdicts", "inconclusive")}

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


#: Statuses whose findings are final (submitted for review, or approved).
FINAL = (Status.UNDER_REVIEW, Status.APPROVED)


class ExaminationSession(FindingsWork):
    """The document on the desk (see the module docstring)."""

    captured = Signal(object)
    """A capture arrived (from the reader or reopened): the ``CaptureSet``."""
    extended = Signal(object)
    """The capture on the desk gained its back face or its chip's files (examined again):
    the new ``CaptureSet``."""
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
        self.display = DeskDisplay(self.viewer)
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
        self._pending_extension: tuple[CaptureSet | None, dict[str, bytes] | None] | None = None
        self.autosaver = FindingsAutosaver(desk.repository_now, desk.who, runner)
        self.autosaver.saved.connect(self._autosaved)
        self.autosaver.conflicted.connect(self._conflicted)
        self.autosaver.failed.connect(lambda m: self.failed.emit(said(QT_TRANSLATE_NOOP(
            "session", "Findings not saved: {error}"), error=m), ""))

    # -- capture and examination -----------------------------------------------------------
    def capture(self, reader: CaptureSource) -> Job | None:
        """Capture every light of ``reader`` off the home thread, then :meth:`take` it."""
        if self.capture_job is not None and not self.capture_job.done:
            self.message.emit(said(QT_TRANSLATE_NOOP("session", "A capture is running")))
            return None

        def work(progress: ProgressFn, cancel: threading.Event) -> CaptureSet:
            def step(done: int, total: int, light: Light) -> None:
                progress(done, total, said(QT_TRANSLATE_NOOP(
                    "session", "Capturing {light} ({number}/{total})"),
                    light=Term(light.value, "lights"), number=done + 1, total=total))

            return reader.capture_all(progress=step)

        def done(capture: CaptureSet) -> None:
            self.capture_job = None
            self.take(capture)

        def failed(message: str, details: str) -> None:
            self.capture_job = None
            self.failed.emit(message, details)

        self.capture_job = self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Capture")),
            work, done=done, failed=failed,
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
        self._pending_extension = None
        self.autosaver.load(None)
        self.findings = Findings()
        self.annotator.annotations = []
        self.annotator.draft = []
        self._set_locked(False)
        self._show_capture(capture)
        self.captured.emit(capture)
        self.message.emit(said(QT_TRANSLATE_NOOP(
            "session", "Captured {lights} at {dpi} dpi"),
            lights=Join(tuple(Term(li.value, "lights") for li in capture.lights), ", "),
            dpi=capture.dpi or "?"))
        self._storing = False
        if self.store_captures:
            self._store_draft(capture, self._generation)
        if marker := self.marker:
            marker.working_on(None)
        if examine:
            self.examine()

    def _show_capture(self, capture: CaptureSet) -> None:
        self.viewer.show_zones = False
        self.display.show_capture(capture)

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
                self.failed.emit(said(QT_TRANSLATE_NOOP(
                    "session", "The capture could not be stored: {error} — Ctrl+S tries again"),
                    error=message), details)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Storing the capture")),
            work, done=done, failed=failed)

    def extend(self, *, back: CaptureSet | None = None, back_images: FaceImages | None = None,
               chip_files: Mapping[str, bytes] | None = None) -> bool:
        """More of the document on the desk arrived: its ``back`` face (``back_images``:
        as the viewer shows it, built off the home thread) or its chip's files. Added to
        the stored draft and examined again; the findings stay. ``False`` (with a
        message) when there is no capture to add to or its findings are final."""
        capture = self.capture_set
        if capture is None:
            self.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "Capture the document's front first")))
            return False
        if self.locked:
            self.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "The examination is submitted for review: its capture cannot change")))
            return False
        chip = dict(chip_files) if chip_files is not None else None
        new = replace(capture, back=back if back is not None else capture.back,
                      chip_files=chip if chip is not None else dict(capture.chip_files))
        self.capture_set = new
        if back is not None:
            self.display.set_back(new, back_images or face_as_taken(back))
        else:
            self.display.capture = new
        if self.store_captures:
            if self.record is not None:
                self._store_extension(back, chip)
            else:
                self._pending_extension = (back, chip)
        self.extended.emit(new)
        if back is not None and chip is not None:
            text = said(QT_TRANSLATE_NOOP(
                "session", "Added the back face and the chip files; examining again"))
        elif back is not None:
            text = said(QT_TRANSLATE_NOOP("session", "Added the back face; examining again"))
        else:
            text = said(QT_TRANSLATE_NOOP("session", "Added the chip files; examining again"))
        self.message.emit(text)
        self.examine()
        return True

    def _store_extension(self, back: CaptureSet | None, chip: dict[str, bytes] | None) -> None:
        record, desk, generation = self.record, self.desk, self._generation
        assert record is not None

        def work(progress: ProgressFn, cancel: threading.Event) -> ExaminationRecord:
            return desk.repository_now().extend_capture(record.id, user=desk.who(), back=back,
                                                        chip_files=chip)

        def done(updated: ExaminationRecord) -> None:
            if generation == self._generation and self.record is not None \
                    and self.record.id == updated.id:
                self.stored.emit(updated)

        def failed(message: str, details: str) -> None:
            text = said(QT_TRANSLATE_NOOP(
                "session", "The back face could not be stored: {error}"), error=message) \
                if back is not None else said(QT_TRANSLATE_NOOP(
                    "session", "The chip files could not be stored: {error}"), error=message)
            self.failed.emit(text, details)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Storing the addition to the capture")),
            work, done=done,
            failed=failed)

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
                         said(QT_TRANSLATE_NOOP("session", "Examining: {step}"), step=message)
                         if message else said(QT_TRANSLATE_NOOP("session", "Examining")))

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

        return self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Examination")),
            work, done=done, failed=failed,
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
        exam = shown.examination
        self.examination = exam
        self.shown = shown
        self.display.show_examination(shown)
        fails = sum(1 for c in exam.checks if c.status.value == "fail")
        ms = said(QT_TRANSLATE_NOOP("session", " in {ms} ms"), ms=f"{exam.duration_ms:.0f}") \
            if exam.duration_ms else ""
        self.examined.emit(shown)
        self.message.emit(said(QT_TRANSLATE_NOOP(
            "session", "Examined{time}: {verdict}, %n failed check(s)"),
            n=fails, time=ms, verdict=Term(exam.verdict.value, "verdicts",
                                       VERDICT_WORDS.get(exam.verdict.value))))

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
                self.failed.emit(said(QT_TRANSLATE_NOOP(
                    "session", "The examination could not be stored: {error}"),
                    error=message), details)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Storing the examination")),
            work, done=done, failed=failed)

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
        if self._pending_extension is not None:
            pending, self._pending_extension = self._pending_extension, None
            self._store_extension(*pending)

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
            progress(0, 0, said(QT_TRANSLATE_NOOP("session", "Examining the stored capture")))
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
            self.message.emit(said(QT_TRANSLATE_NOOP(
                "session", "Opened case {case}, examination {id}"),
                case=record.summary.case_reference, id=str(record.id)))

        return self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Opening the examination")),
            work, done=done,
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
        self.message.emit(said(QT_TRANSLATE_NOOP(
            "session", "Reopening examination {id}, left unfinished when the window closed "
            "unexpectedly"),
            id=str(found[0].examination_id)))
        return found[0].examination_id

    # -- the end ------------------------------------------------------------------------------
    def close(self) -> None:
        """Save what is pending; the window closed normally (nothing to recover)."""
        self.autosaver.flush()
        self.closed = True
        if self.marker is not None:
            self.marker.clear()


def findings_for_report(findings: Findings, report_images: Sequence[str]) -> Findings:
    """``findings`` with the report's images replaced (for a report of chosen images)."""
    return replace(findings, report_images=tuple(report_images))
