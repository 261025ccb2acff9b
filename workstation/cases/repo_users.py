"""The case repository's accounts: local users and their credentials (enrolment,
rights, the first administrator), each change audited."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workstation.cases import digests
from workstation.cases.models import (
    CredentialRow,
    UserRow,
)
from workstation.cases.records import (
    CredentialRecord,
    Role,
    User,
)
from workstation.cases.repo_core import (
    RepositoryCore,
    UserLike,
    _now,
    _user,
    _user_name,
)
from workstation.errors import InputError


class Accounts(RepositoryCore):
    """Users and credentials (:mod:`workstation.identity` drives the credentials)."""

    # -- users ---------------------------------------------------------------------

    def list_users(self, *, include_inactive: bool = False) -> list[User]:
        """Local accounts, by name."""
        with self._read() as s:
            stmt = select(UserRow).order_by(UserRow.name)
            if not include_inactive:
                stmt = stmt.where(UserRow.active.is_(True))
            return [_user(r) for r in s.execute(stmt).scalars()]

    def get_user(self, name: str) -> User | None:
        """The account called ``name``, if any."""
        with self._read() as s:
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
            return None if row is None else _user(row)

    def create_user(self, name: str, role: Role | str, display_name: str = "", *,
                    actor: UserLike | None = None, administrator: bool = False) -> User:
        """Add a local account (audited as ``user.created``).

        The supervisor role and the administrator right are granted only by an
        administrator (``actor``); the very first administrator is the exception. An
        examiner account made without one is a name for the audit trail: it cannot
        sign until an administrator enrols it (:mod:`workstation.identity`).
        """
        name, role = _check_account(name, role)
        with self._write() as (s, head):
            if s.execute(select(UserRow.id).where(UserRow.name == name)).first():
                raise InputError(f"a user called {name!r} exists already")
            actor_name = _authorize(s, actor, role=role, administrator=administrator)
            row = UserRow(name=name, display_name=display_name.strip()[:200], role=role.value,
                          active=True, created_at=_now(), administrator=administrator)
            s.add(row)
            s.flush()
            self._event(s, head, actor=actor_name or name, action="user.created",
                        subject=f"user:{name}",
                        details={"role": role.value, "display_name": row.display_name,
                                 "administrator": administrator,
                                 "state_sha256": digests.user_state(row)})
            return _user(row)

    def ensure_user(self, name: str, role: Role | str = Role.EXAMINER) -> User:
        """The account called ``name``, created with ``role`` when missing (an examiner
        name for the audit trail; other roles need an administrator)."""
        user = self.get_user(name)
        if user is not None:
            return user
        try:
            return self.create_user(name, role)
        except InputError:
            user = self.get_user(name)
            if user is None:
                raise
            return user

    # -- credentials (workstation.identity drives these) ---------------------------------

    def credential(self, name: str) -> tuple[User, CredentialRecord] | None:
        """The account ``name`` and its credential, when it has one."""
        with self._read() as s:
            found = s.execute(select(UserRow, CredentialRow)
                              .join(CredentialRow, CredentialRow.user_id == UserRow.id)
                              .where(UserRow.name == name)).first()
            return None if found is None else (_user(found[0]), _credential(found[1]))

    def administrators(self) -> list[tuple[User, CredentialRecord]]:
        """Every active administrator with a credential."""
        with self._read() as s:
            rows = s.execute(select(UserRow, CredentialRow)
                             .join(CredentialRow, CredentialRow.user_id == UserRow.id)
                             .where(UserRow.administrator.is_(True), UserRow.active.is_(True))
                             .order_by(UserRow.name)).all()
            return [(_user(u), _credential(c)) for u, c in rows]

    def has_administrator(self) -> bool:
        """Whether an administrator is enrolled (has a credential: one who can act)."""
        with self._read() as s:
            return _enrolled_admin(s)

    def enroll(self, name: str, role: Role | str, credential: CredentialRecord, *,
               display_name: str = "", administrator: bool = False,
               actor: UserLike | None = None) -> User:
        """Give the account ``name`` a credential (creating the account, or enrolling a
        name the audit trail already knew), with ``role``; audited as ``user.enrolled``.

        Only an administrator enrols (``actor``); without one, only the first
        administrator may be enrolled — checked in the same transaction, so of several
        processes racing to be first, one wins.
        """
        name, role = _check_account(name, role)
        with self._write() as (s, head):
            if actor is None:
                if not administrator:
                    raise InputError("only an administrator enrols accounts")
                if _enrolled_admin(s):
                    raise InputError("there is an administrator already: an administrator "
                                     "must enrol further accounts")
                actor_name = name
            else:
                actor_name = _authorize(s, actor, role=Role.SUPERVISOR,
                                        administrator=True) or name
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
            if row is None:
                row = UserRow(name=name, display_name=display_name.strip()[:200],
                              role=role.value, active=True, created_at=_now(),
                              administrator=administrator)
                s.add(row)
                s.flush()
            else:
                if s.get(CredentialRow, row.id) is not None:
                    raise InputError(f"{name} is enrolled already")
                row.role, row.administrator, row.active = role.value, administrator, True
                if display_name.strip():
                    row.display_name = display_name.strip()[:200]
            cred = _credential_row(row.id, credential)
            s.add(cred)
            s.flush()
            self._event(s, head, actor=actor_name, action="user.enrolled",
                        subject=f"user:{name}",
                        details={"role": role.value, "administrator": administrator,
                                 "method": credential.method,
                                 "display_name": row.display_name,
                                 "state_sha256": digests.user_state(row),
                                 "credential_sha256": digests.credential_row(cred)})
            return _user(row)

    def update_credential(self, name: str, credential: CredentialRecord, *, actor: UserLike,
                          action: str, role: Role | str | None = None,
                          administrator: bool | None = None) -> User:
        """Replace ``name``'s credential (new secret, new certificate), and with ``role`` or
        ``administrator`` its rights. Changing someone else's credential or any right
        needs an administrator; audited as ``action``."""
        with self._write() as (s, head):
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
            cred = s.get(CredentialRow, row.id) if row is not None else None
            if row is None or cred is None:
                raise InputError(f"{name} is not enrolled")
            new_role = Role(role) if role is not None else Role(row.role)
            new_admin = row.administrator if administrator is None else administrator
            actor_name = name
            if (_user_name(actor) != name or new_role.value != row.role
                    or new_admin != row.administrator):
                actor_name = _authorize(s, actor, role=Role.SUPERVISOR,
                                        administrator=True) or name
            if not new_admin and row.administrator and s.execute(
                    select(func.count()).select_from(UserRow).where(
                        UserRow.administrator.is_(True))).scalar_one() <= 1:
                raise InputError(f"{name} is the last administrator")
            row.role, row.administrator = new_role.value, new_admin
            for key in digests.CREDENTIAL_ROW:
                setattr(cred, key, getattr(credential, key))
            cred.updated_at = _now()
            s.flush()
            self._event(s, head, actor=actor_name, action=action, subject=f"user:{name}",
                        details={"role": new_role.value, "administrator": new_admin,
                                 "method": credential.method,
                                 "state_sha256": digests.user_state(row),
                                 "credential_sha256": digests.credential_row(cred)})
            return _user(row)


def _credential(row: CredentialRow) -> CredentialRecord:
    return CredentialRecord(**{k: getattr(row, k) for k in digests.CREDENTIAL_ROW})


def _credential_row(user_id: int, cred: CredentialRecord) -> CredentialRow:
    now = _now()
    return CredentialRow(user_id=user_id, created_at=now, updated_at=now,
                         **{k: getattr(cred, k) for k in digests.CREDENTIAL_ROW})


def _enrolled_admin(s: Session) -> bool:
    """Whether an active administrator with a credential exists (in session ``s``)."""
    return s.execute(select(UserRow.id)
                     .join(CredentialRow, CredentialRow.user_id == UserRow.id)
                     .where(UserRow.administrator.is_(True), UserRow.active.is_(True))
                     ).first() is not None


def _check_account(name: str, role: Role | str) -> tuple[str, Role]:
    name = name.strip()
    if not name or len(name) > 64:
        raise InputError("a user name must have 1 to 64 characters")
    if any(not ch.isprintable() for ch in name):
        raise InputError("a user name may hold no control characters")
    try:
        return name, Role(role)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise InputError(f"unknown role {role!r} (known: {known})") from None


def _authorize(s: Session, actor: UserLike | None, *, role: Role,
               administrator: bool) -> str | None:
    """The acting account's name, after checking it may grant ``role`` / ``administrator``:
    an active administrator (the first administrator needs nobody)."""
    needs_admin = administrator or role is Role.SUPERVISOR
    if not needs_admin:
        return _user_name(actor) if actor is not None else None
    if actor is None:
        if administrator and s.execute(select(UserRow.id).where(
                UserRow.administrator.is_(True))).first() is None:
            return None  # the first administrator
        what = "the administrator right" if administrator else f"the {role.label} role"
        raise InputError(f"only an administrator grants {what}")
    name = _user_name(actor)
    row = s.execute(select(UserRow).where(UserRow.name == name)).scalar_one_or_none()
    if row is None or not row.administrator or not row.active:
        raise InputError(f"{name} is not an administrator: only an administrator grants "
                         "roles")
    return name
