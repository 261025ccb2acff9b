"""Both faces of the document on the desk: capturing its back, and which face is shown.

A reader that can turn the document itself (the simulated reader's
``turn_over()``) captures the back at once and turns it back, so the next capture
takes the front again. On any other reader the examiner turns the document over
first (the window asks) and the back is captured as it lies. The back goes to the
examination session (:meth:`~workstation.session.examination.ExaminationSession.extend`):
stored with the draft and examined again, with the back's barcodes.

Events (on the home thread): ``backCaptured(CaptureSet)``, ``faceShown(str)``,
``progressed(done, total, text)``, ``failed(message, details)``, ``message(str)``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, Protocol

from psygnal import Signal

from workstation.i18n import QT_TRANSLATE_NOOP, Term, said
from workstation.labels import FACE_TITLES
from workstation.session.display import FaceImages, face_as_taken
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import Job, ProgressFn, Runner
from workstation.types import CaptureSet, Light


class BackReader(Protocol):
    """What :meth:`FaceSession.capture_back` needs of a reader."""

    def capture_all(self, *, progress: Callable[[int, int, Light], None] | None = ...
                    ) -> CaptureSet: ...


def turns_itself(reader: object) -> bool:
    """Whether ``reader`` turns the document over itself (the simulator does)."""
    return callable(getattr(reader, "turn_over", None))


class FaceSession:
    """The faces of the document on the desk (see the module docstring)."""

    backCaptured = Signal(object)
    """The back face was captured: the desk's ``CaptureSet`` (with its ``back``)."""
    faceShown = Signal(str)
    """The face shown changed: ``front`` or ``back``."""
    progressed = Signal(int, int, str)
    """Progress of the capture: done, total, what it does."""
    failed = Signal(str, str)
    """The capture failed: the one-line message and the details."""
    message = Signal(str)
    """A line for the status bar."""

    def __init__(self, work: ExaminationSession, runner: Runner) -> None:
        self.work = work
        self.runner = runner
        self.job: Job | None = None
        work.display.faceShown.connect(self.faceShown.emit)

    @property
    def face(self) -> str:
        """The face shown."""
        return self.work.display.face

    def faces(self) -> list[str]:
        """The faces the document on the desk has (``front``, then ``back`` once captured)."""
        return self.work.display.faces()

    def show(self, face: str) -> bool:
        """Show ``face``; ``False`` (with a message) when the back was not captured."""
        if self.work.display.show_face(face):
            return True
        self.message.emit(said(QT_TRANSLATE_NOOP(
            "session", "The back was not captured: turn the document over and capture its back "
            "(Shift+Space)")))
        return False

    def toggle(self) -> None:
        """Show the other face (the front when there is no back)."""
        self.show("back" if self.face == "front" and "back" in self.faces() else "front")

    def why_not_capture_back(self, reader: object | None) -> str | None:
        """Why the back cannot be captured now (``None``: it can)."""
        if reader is None:
            return said(QT_TRANSLATE_NOOP("session", "No reader"))
        if self.job is not None and not self.job.done:
            return said(QT_TRANSLATE_NOOP("session", "The back is being captured"))
        if self.work.capture_set is None:
            return said(QT_TRANSLATE_NOOP("session", "Capture the front first"))
        if self.work.locked:
            return said(QT_TRANSLATE_NOOP("session",
                "The examination is submitted for review: its capture cannot change"))
        return None

    def capture_back(self, reader: Any) -> Job | None:
        """Capture the back of the document on the desk (off the home thread): a reader
        that turns the document turns it, captures and turns it back; on another reader
        the examiner has turned it already."""
        reason = self.why_not_capture_back(reader)
        if reason is not None:
            self.message.emit(reason)
            return None
        front = self.work.capture_set
        turn = turns_itself(reader)

        def work(progress: ProgressFn, cancel: threading.Event) -> tuple[CaptureSet, FaceImages]:
            def step(done: int, total: int, light: Light) -> None:
                progress(done, total, said(QT_TRANSLATE_NOOP(
                    "session", "Capturing the back: {light} ({number}/{total})"),
                    light=Term(light.value, "lights"), number=done + 1, total=total))

            if turn:
                progress(0, 0, said(QT_TRANSLATE_NOOP("session", "Turning the document over")))
                reader.turn_over()
            try:
                back = reader.capture_all(progress=step)
            finally:
                if turn:
                    with contextlib.suppress(Exception):  # the front again for the next capture
                        reader.turn_over()
            face = CaptureSet(images=back.images, dpi=back.dpi, device=back.device,
                              captured_at=back.captured_at)
            return face, face_as_taken(face)

        def done(result: tuple[CaptureSet, FaceImages]) -> None:
            self.job = None
            back, images = result
            if self.work.capture_set is not front:
                self.message.emit(said(QT_TRANSLATE_NOOP(
                    "session", "Another document was captured meanwhile: this back was not added "
                    "to it"),
                    ))
                return
            if self.work.extend(back=back, back_images=images):
                assert self.work.capture_set is not None
                self.backCaptured.emit(self.work.capture_set)
                self.show("back")

        def failed(message: str, details: str) -> None:
            self.job = None
            self.failed.emit(message, details)

        self.job = self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Capturing the back")),
            work, done=done, failed=failed,
            progress=self.progressed.emit)
        return self.job


def face_title(face: str) -> str:
    """``Front`` or ``Back``."""
    return FACE_TITLES.get(face, face)
