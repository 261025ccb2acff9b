"""The desk: who works at this workstation, on which case database, and who signs.

:class:`Desk` opens the case database off the home thread (it may migrate), knows
the session's user (given on the command line, chosen in the window, or the login
name) and resolves the signing identity of that user. The other session objects
(the examination, the review queue) ask it for the repository and the user.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from psygnal import Signal

from workstation.cases.records import Role, User
from workstation.paths import login_name
from workstation.reports.config import ReportConfig, load_config
from workstation.session.jobs import ProgressFn, Runner

if TYPE_CHECKING:
    from workstation.cases.repository import CaseRepository
    from workstation.reports.ca import Identity

RepositoryFactory = Callable[[], "CaseRepository"]
"""Opens the case database (default: :meth:`CaseRepository.open`, the configured one)."""


def open_configured() -> CaseRepository:
    """The configured case database (``$WORKSTATION_DB_URL`` or SQLite in the data
    folder), migrated; SQLAlchemy is imported here, off the window's start-up."""
    from workstation.cases.repository import CaseRepository

    return CaseRepository.open()


class Desk:
    """The session's user and case database (see the module docstring).

    Args:
        runner: where the database is opened.
        user_name: the session's user when known (``--user``, ``$WORKSTATION_USER``).
        ask_user: the user is chosen in the window once the database is open: no
            account is created for the login name behind the chooser's back.
        open_repository: how to open the case database.
    """

    databaseOpened = Signal(object)
    """The case database is open: the ``CaseRepository``."""
    userChanged = Signal(object)
    """The session works as this account now: the ``User``."""
    failed = Signal(str, str)
    """Opening the database or choosing a user failed: message, details."""

    def __init__(self, runner: Runner, *, user_name: str | None = None,
                 ask_user: bool = False,
                 open_repository: RepositoryFactory = open_configured) -> None:
        self.runner = runner
        self.user_name = (user_name or "").strip()
        self.ask_user = ask_user and not self.user_name
        self._open_repository = open_repository
        self._repository: CaseRepository | None = None
        self._lock = threading.Lock()
        self.user: User | None = None
        self.opening = False
        self._announced: tuple[CaseRepository | None, User | None] = (None, None)

    # -- the case database ---------------------------------------------------------------
    @property
    def repository(self) -> CaseRepository | None:
        """The case database once open, else ``None``."""
        return self._repository

    def repository_now(self) -> CaseRepository:
        """The case database, opened here when it is not yet (call it off the home
        thread: opening may migrate the schema). The session's account is made sure of
        unless the user is still to be chosen."""
        with self._lock:
            if self._repository is None:
                self._repository = self._open_repository()
            repo = self._repository
            if self.user is None and not self.ask_user:
                self.user = repo.ensure_user(self.user_name or login_name())
                self.user_name = self.user.name
        return repo

    def open_database(self) -> None:
        """Open the case database off the home thread; :attr:`databaseOpened` follows
        (and :attr:`userChanged` when the user was known)."""
        if self._repository is not None and (self.user is not None or self.ask_user):
            self._announced = (None, self._announced[1])
            self.announce()  # the window asks again (e.g. for the user chooser)
            return
        if self.opening:
            return
        self.opening = True

        def work(progress: ProgressFn, cancel: threading.Event) -> CaseRepository:
            progress(0, 0, "Opening the case database")
            return self.repository_now()

        def done(repo: CaseRepository) -> None:
            self.opening = False
            self.databaseOpened.emit(repo)
            self._announced = (repo, self._announced[1])
            self.announce()

        def failed(message: str, details: str) -> None:
            self.opening = False
            self.failed.emit(message, details)

        self.runner.submit("Opening the case database", work, done=done, failed=failed)

    def announce(self) -> None:
        """Say what a worker opened on the way (call on the home thread): the database
        and the session's account, each once, when another job made them known."""
        repo, user = self._announced
        if self._repository is not None and repo is not self._repository:
            self._announced = (self._repository, user)
            self.databaseOpened.emit(self._repository)
        if self.user is not None and self._announced[1] is not self.user:
            self._announced = (self._announced[0], self.user)
            self.userChanged.emit(self.user)

    # -- the user ------------------------------------------------------------------------
    def set_user(self, user: User) -> None:
        """Work as ``user`` from now on (written into every save, audit event and
        signature)."""
        self.user = user
        self.user_name = user.name
        self.ask_user = False
        self._announced = (self._announced[0], user)
        self.userChanged.emit(user)

    def user_or_login(self) -> None:
        """The user chooser was cancelled at start: work as the login name's account (in
        a worker: it may create the account)."""
        name = self.user_name or login_name()

        def work(progress: ProgressFn, cancel: threading.Event) -> User:
            return self.repository_now().ensure_user(name)

        self.ask_user = False
        self.runner.submit("Choosing the user", work, done=self.set_user,
                           failed=self.failed.emit)

    @property
    def is_supervisor(self) -> bool:
        """Whether the session's user reviews reports."""
        return self.user is not None and self.user.role is Role.SUPERVISOR

    def who(self) -> User | str:
        """The account to record actions as (the name while the account is unknown)."""
        return self.user if self.user is not None else (self.user_name or login_name())

    def examiner_name(self) -> str:
        """The user's name as reports print it (display name, else login)."""
        if self.user is not None:
            return self.user.display_name or self.user.name
        return self.user_name or login_name()

    def label(self) -> str:
        """How the status bar names the user."""
        if self.user is not None:
            return self.user.label
        return self.user_name or "no user chosen"

    # -- signing -------------------------------------------------------------------------
    def signing_config(self) -> ReportConfig:
        """The report configuration with the session user as examiner (the local CA issues
        the user's certificate in their own name)."""
        return dataclasses.replace(load_config(), examiner=self.examiner_name())

    def pkcs12_path(self) -> str | None:
        """The configured PKCS#12 file, when signing uses one (its password is asked)."""
        return load_config().pkcs12

    def identity(self, *, pkcs12: str | Path | None = None, password: str | None = None
                 ) -> tuple[Identity, str]:
        """The signing identity of the session's user and where its key comes from:
        ``pkcs12`` (or the configured file) with ``password``, else the user's
        certificate from the workstation's CA. Slow the first time: call off the home
        thread."""
        from workstation.reports import resolve_identity
        from workstation.session.reporting import identity_source

        config = self.signing_config()
        identity = resolve_identity(config, user=self.user_name or login_name(),
                                    pkcs12=pkcs12, password=password)
        return identity, identity_source(config, pkcs12)

    def close(self) -> None:
        """Release the database."""
        repo, self._repository = self._repository, None
        if repo is not None:
            repo.close()
