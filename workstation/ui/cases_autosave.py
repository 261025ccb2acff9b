"""Saves the examiner's findings as they work, off the event loop.

``FindingsAutosaver(repository, user)`` holds the examination being worked on
(:meth:`load` a record from :meth:`CaseRepository.open_examination`). Each
:meth:`changed` call schedules a save of the newest findings after a short
pause (edits coalesce); saves run one at a time in a worker thread with the
version last saved, so two workstations editing one examination never
overwrite each other: the second gets ``conflict(message)`` and autosaving
stops until the window reloads the examination (:meth:`load`). ``saved(record)``
reports each stored version; :meth:`flush` saves at once (e.g. before closing).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from workstation.cases import CaseRepository, ExaminationRecord, User
from workstation.errors import ConflictError
from workstation.findings import Findings
from workstation.ui.workers import Task, TaskRunner

#: Milliseconds of quiet after the last change before saving.
AUTOSAVE_DELAY_MS = 800


class FindingsAutosaver(QObject):
    """Debounced, conflict-aware saving of findings (see the module docstring)."""

    saved = Signal(object)  # ExaminationRecord
    conflict = Signal(str)
    failed = Signal(str)

    def __init__(self, repository: CaseRepository, user: User | str, *,
                 runner: TaskRunner | None = None, delay_ms: int = AUTOSAVE_DELAY_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.repository = repository
        self.user = user
        self.runner = runner or TaskRunner(parent=self)
        self.record: ExaminationRecord | None = None
        self._pending: Findings | None = None
        self._saving = False
        self.blocked = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        """Whether changes wait to be saved (or a save is running)."""
        return self._pending is not None or self._saving

    def load(self, record: ExaminationRecord) -> None:
        """Work on ``record`` from now on (also clears a conflict)."""
        self._timer.stop()
        self.record = record
        self._pending = None
        self.blocked = False

    def changed(self, findings: Findings) -> None:
        """The examiner changed the findings: save them after a pause."""
        if self.record is None or self.blocked:
            return
        self._pending = findings
        self._timer.start()

    def flush(self) -> None:
        """Save pending findings now (after the running save, if any)."""
        self._timer.stop()
        if self._saving or self._pending is None or self.record is None or self.blocked:
            return
        findings, record = self._pending, self.record
        self._pending = None
        self._saving = True
        repo, user = self.repository, self.user

        def save(_progress: object, _cancel: object) -> ExaminationRecord | ConflictError:
            try:
                return repo.save_findings(record.id, findings, expected_version=record.version,
                                          user=user)
            except ConflictError as exc:
                return exc

        self.runner.start(Task("saving the findings", save), on_done=self._done,
                          on_error=self._error)

    def _done(self, result: ExaminationRecord | ConflictError) -> None:
        self._saving = False
        if isinstance(result, ConflictError):
            self.blocked = True
            self.conflict.emit(str(result))
            return
        self.record = result
        self.saved.emit(result)
        if self._pending is not None:
            self.flush()

    def _error(self, message: str, _tb: str) -> None:
        self._saving = False
        self.failed.emit(message)
