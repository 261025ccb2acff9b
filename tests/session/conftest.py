"""The session layer without a window: a deterministic runner, a desk on a private
SQLite case database, and an examination session on the synthetic reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.accounts import PASSWORD, enrol
from tests.ui.fakes import FakeReader, fake_examine
from workstation.cases import CaseRepository, Role, User
from workstation.session.desk import Desk
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import QueueRunner
from workstation.session.recovery import RecoveryMarker
from workstation.session.signing import SigningSession


class Events:
    """Records what a session object emits: ``events.of("stored")``."""

    def __init__(self, obj: Any, *names: str) -> None:
        self.seen: list[tuple[str, tuple[Any, ...]]] = []
        for name in names:
            getattr(obj, name).connect(self._recorder(name), check_nargs=False)

    def _recorder(self, name: str) -> Any:
        def record(*args: Any) -> None:
            self.seen.append((name, args))
        return record

    def of(self, name: str) -> list[Any]:
        """The payloads (first argument) of every ``name`` event, in order."""
        return [args[0] if args else None for n, args in self.seen if n == name]

    def names(self) -> list[str]:
        return [n for n, _ in self.seen]


@pytest.fixture
def runner() -> QueueRunner:
    return QueueRunner()


@pytest.fixture
def repo() -> Iterator[CaseRepository]:
    """The data folder's case database (SQLite), with an examiner and a supervisor
    enrolled by the administrator (passwords: :data:`tests.accounts.PASSWORD`)."""
    repository = CaseRepository.open()
    enrol(repository, "anna", Role.EXAMINER.value, display_name="Anna Examiner")
    enrol(repository, "sue", Role.SUPERVISOR.value, display_name="Sue Supervisor")
    try:
        yield repository
    finally:
        repository.close()


@pytest.fixture
def desk(runner: QueueRunner, repo: CaseRepository) -> Iterator[Desk]:
    """Anna's desk, signed in (as the window's sign-in dialog does)."""
    d = Desk(runner, user_name="anna", open_repository=CaseRepository.open)
    d.sign_in("anna", PASSWORD)
    yield d
    d.close()


@pytest.fixture
def work(desk: Desk, runner: QueueRunner) -> ExaminationSession:
    return ExaminationSession(desk, runner, examine=fake_examine, marker=RecoveryMarker())


@pytest.fixture
def signing(work: ExaminationSession) -> SigningSession:
    return SigningSession(work)


def examined(work: ExaminationSession, runner: QueueRunner) -> ExaminationSession:
    """Capture with the synthetic reader; store, examine and record it."""
    work.capture(FakeReader())
    runner.settle()
    assert work.examination is not None and work.record is not None
    return work


def user(repo: CaseRepository, name: str) -> User:
    found = repo.get_user(name)
    assert found is not None
    return found
