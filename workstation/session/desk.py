"""The desk: who works at this workstation, on which case database, and who signs.

:class:`Desk` opens the case database off the home thread (it may migrate), knows
the session's user (given on the command line, chosen in the window, or the login
name) and resolves the signing identity of that user. The other session objects
(the examination, the review queue) ask it for the repository and the user.

**Signing needs a sign-in** (issue 19). A workstation account's signing key is
sealed with its secret, so naming a user signs nothing: the window signs the
session in (:meth:`Desk.sign_in_async` with the account and its password — an
account bound to the operating-system account needs none —, :attr:`Desk.signedIn`
or :attr:`Desk.signInFailed` follow) before it prepares a signature, and
:meth:`Desk.identity` then signs with the signed-in account's key (or with a
PKCS#12 file when one is configured or chosen). Until then it refuses with
:class:`~workstation.identity.AuthError` ("sign in first"). :meth:`Desk.needs_sign_in`
says whether signing would ask for one; :meth:`Desk.sign_in_method` whether an
account has a password (``"password"``), signs in as the operating-system account
(``"os"``) or is not enrolled (``None``).
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from psygnal import Signal

from workstation.cases.records import Role, User
from workstation.i18n import QT_TRANSLATE_NOOP, said
from workstation.paths import login_name
from workstation.reports.config import ReportConfig, load_config
from workstation.session.jobs import ProgressFn, Runner

if TYPE_CHECKING:
    from workstation.cases.repository import CaseRepository
    from workstation.identity import SignedIn
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
    signedIn = Signal(object)
    """An account proved its secret and is the session's user now: the ``SignedIn``
    (its unsealed signing key stays in memory only)."""
    signInFailed = Signal(str)
    """A sign-in was refused (wrong password, unknown or disabled account, another
    operating-system account): the reason, to show beside the password field."""
    signedOut = Signal()
    """The signed-in account's key was let go (sign-out, or another user chosen)."""

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
        self.signed_in: SignedIn | None = None
        self.signing_in = False
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
            progress(0, 0, said(QT_TRANSLATE_NOOP("session", "Opening the case database")))
            return self.repository_now()

        def done(repo: CaseRepository) -> None:
            self.opening = False
            self.databaseOpened.emit(repo)
            self._announced = (repo, self._announced[1])
            self.announce()

        def failed(message: str, details: str) -> None:
            self.opening = False
            self.failed.emit(message, details)

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Opening the case database")),
            work, done=done, failed=failed)

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
        signature). A signed-in account other than ``user`` is signed out."""
        if self.signed_in is not None and self.signed_in.name != user.name:
            self.sign_out()
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
        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Choosing the user")),
            work, done=self.set_user,
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
        """The report configuration with the session user as examiner (their certificate
        from the workstation's CA names them too)."""
        return dataclasses.replace(load_config(), examiner=self.examiner_name())

    def pkcs12_path(self) -> str | None:
        """The configured PKCS#12 file, when signing uses one (its password is asked)."""
        return load_config().pkcs12

    def identity(self, *, pkcs12: str | Path | None = None, password: str | None = None
                 ) -> tuple[Identity, str]:
        """The signing identity and where its key comes from: ``pkcs12`` (or the
        configured file) opened with ``password``, else the signed-in account's key
        (:meth:`sign_in`). :class:`~workstation.identity.AuthError` when nobody is
        signed in as the session's user — a name alone signs nothing."""
        from workstation.reports import resolve_identity
        from workstation.session.reporting import identity_source

        config = self.signing_config()
        if pkcs12 or config.pkcs12:
            identity = resolve_identity(config, pkcs12=pkcs12, password=password)
            return identity, identity_source(config, pkcs12)
        me = self.signed_in
        if me is None or (self.user is not None and me.name != self.user.name):
            from workstation.identity import AuthError

            who = self.user.name if self.user is not None else (self.user_name or "you")
            raise AuthError(f"sign in first: {who}'s signing key opens only with their "
                            "password (or their operating-system account)")
        return me.identity, identity_source(config, None, account=me.name)

    # -- sign-in ---------------------------------------------------------------------------
    def needs_sign_in(self) -> bool:
        """Whether signing now would need a sign-in first (no PKCS#12 file configured and
        no account signed in as the session's user)."""
        if load_config().pkcs12:
            return False
        me = self.signed_in
        return me is None or (self.user is not None and me.name != self.user.name)

    def sign_in_method(self, name: str) -> str | None:
        """How ``name`` signs in: ``"password"``, ``"os"`` (the operating-system account,
        no password) or ``None`` (not enrolled: it cannot sign). Reads the database:
        call it off the home thread unless :attr:`repository` is open."""
        found = self.repository_now().credential(name.strip())
        return None if found is None else found[1].method

    def sign_in(self, name: str, secret: str | None = None) -> SignedIn:
        """Sign ``name`` in with ``secret`` (``None`` for an operating-system account) and
        work as them from now on. Blocking (the key derivation takes about half a
        second): call it off the home thread, or use :meth:`sign_in_async`. Raises
        :class:`~workstation.identity.AuthError`; audited either way."""
        from workstation.identity import sign_in

        me = sign_in(self.repository_now(), name.strip(), secret)
        with self._lock:
            self.signed_in = me
            self.user = me.user
            self.user_name = me.name
            self.ask_user = False
        return me

    def sign_in_async(self, name: str, secret: str | None = None) -> None:
        """:meth:`sign_in` off the home thread; :attr:`signedIn` (and :attr:`userChanged`)
        or :attr:`signInFailed` follow. A second request while one runs is refused
        through :attr:`signInFailed`."""
        if self.signing_in:
            self.signInFailed.emit(said(QT_TRANSLATE_NOOP(
                "session", "Already signing in: wait for it to finish")))
            return
        self.signing_in = True

        def work(progress: ProgressFn, cancel: threading.Event) -> SignedIn:
            progress(0, 0, said(QT_TRANSLATE_NOOP("session", "Signing in {name}"),
                                name=name.strip()))
            return self.sign_in(name, secret)

        def done(me: SignedIn) -> None:
            self.signing_in = False
            self.announce()  # the database, and the user it is now
            self.signedIn.emit(me)

        def failed(message: str, details: str) -> None:
            self.signing_in = False
            self.signInFailed.emit(message.split(" failed: ", 1)[-1])

        self.runner.submit(
            said(QT_TRANSLATE_NOOP("session", "Signing in")),
            work, done=done, failed=failed)

    def sign_out(self) -> None:
        """Let go of the signed-in account's key (the session's user stays)."""
        if self.signed_in is not None:
            self.signed_in = None
            self.signedOut.emit()

    def close(self) -> None:
        """Release the database (and the signed-in key)."""
        self.signed_in = None
        repo, self._repository = self._repository, None
        if repo is not None:
            repo.close()
