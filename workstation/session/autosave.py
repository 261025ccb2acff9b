"""Findings save themselves as the examiner types: debounced, one save at a time, never
overwriting another workstation's save.

:class:`FindingsAutosaver` holds the stored examination being worked on
(:meth:`load`). Each :meth:`changed` schedules a save of the newest findings after a
short pause (edits coalesce); saves run one at a time through the runner with the
version last saved, so two workstations editing one examination never overwrite
each other: the second gets :attr:`conflicted` and autosaving stops until the
examination is loaded again. :meth:`flush` saves at once (before closing, before
concluding).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from psygnal import Signal

from workstation.cases.records import ExaminationRecord, User
from workstation.errors import ConflictError
from workstation.findings import Findings
from workstation.i18n import QT_TRANSLATE_NOOP, said
from workstation.session.jobs import ProgressFn, Runner, Timer

if TYPE_CHECKING:
    from workstation.cases.repository import CaseRepository

#: Milliseconds of quiet after the last change before saving.
AUTOSAVE_DELAY_MS = 800


class FindingsAutosaver:
    """Debounced, conflict-aware saving of findings (see the module docstring)."""

    saved = Signal(object)
    """A save committed: the new ``ExaminationRecord`` (its version is the one to name next)."""
    conflicted = Signal(str)
    """Another workstation saved first: the message; autosaving stopped (load again)."""
    failed = Signal(str)
    """A save failed for another reason (the database unreachable): the message."""
    idle = Signal()
    """Nothing is pending or being saved any more."""

    def __init__(self, repository: Callable[[], CaseRepository], user: Callable[[], User | str],
                 runner: Runner, *, delay_ms: int = AUTOSAVE_DELAY_MS) -> None:
        self._repository = repository
        self._user = user
        self.runner = runner
        self.delay_ms = delay_ms
        self.record: ExaminationRecord | None = None
        self._pending: Findings | None = None
        self._saving = False
        self._timer: Timer | None = None
        self.blocked = False

    @property
    def pending(self) -> bool:
        """Whether changes wait to be saved (or a save is running)."""
        return self._pending is not None or self._saving

    def load(self, record: ExaminationRecord | None) -> None:
        """Work on ``record`` from now on (``None``: nothing stored yet); clears a
        conflict and drops unsaved changes of the previous one."""
        self._stop_timer()
        self.record = record
        self._pending = None
        self.blocked = False

    def changed(self, findings: Findings) -> None:
        """The examiner changed the findings: save them after a pause."""
        if self.record is None or self.blocked:
            return
        self._pending = findings
        self._stop_timer()
        self._timer = self.runner.later(self.delay_ms, self.flush)

    def flush(self) -> None:
        """Save pending findings now (after the running save, if any)."""
        self._stop_timer()
        if self._saving or self._pending is None or self.record is None or self.blocked:
            if not self.pending:
                self.idle.emit()
            return
        findings, record = self._pending, self.record
        self._pending = None
        self._saving = True
        repository, user = self._repository, self._user()

        def save(progress: ProgressFn, cancel: threading.Event
                 ) -> ExaminationRecord | ConflictError:
            try:
                return repository().save_findings(record.id, findings,
                                                  expected_version=record.version, user=user)
            except ConflictError as exc:
                return exc

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Saving the findings")),
            save, done=self._done, failed=self._error)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _done(self, result: ExaminationRecord | ConflictError) -> None:
        self._saving = False
        if isinstance(result, ConflictError):
            self.blocked = True
            self._pending = None
            self.conflicted.emit(str(result))
            self.idle.emit()
            return
        if self.record is not None and result.id == self.record.id:
            self.record = result
        self.saved.emit(result)
        if self._pending is not None:
            self.flush()
        else:
            self.idle.emit()

    def _error(self, message: str, _details: str) -> None:
        self._saving = False
        self.failed.emit(message)
        if not self.pending:
            self.idle.emit()
