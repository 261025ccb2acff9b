"""Accounts for tests: the first administrator, examiners and supervisors enrolled
through :mod:`workstation.identity` as an agency would enrol them."""

from __future__ import annotations

import os
from pathlib import Path

from workstation.cases import CaseRepository, Role, User
from workstation.identity import SignedIn, enroll, os_login, sign_in

ADMIN = "admin"
ADMIN_PASSWORD = "admin password 1"
PASSWORD = "examiner password 1"


def admin(repo: CaseRepository) -> SignedIn:
    """The administrator, enrolled on first call (the workstation's CA is created)."""
    if repo.credential(ADMIN) is None:
        enroll(repo, ADMIN, administrator=True, secret=ADMIN_PASSWORD,
               display_name="Ada Administrator")
    return sign_in(repo, ADMIN, ADMIN_PASSWORD)


def enrol(repo: CaseRepository, name: str, role: str = "examiner", *,
          display_name: str = "", password: str = PASSWORD, method: str = "password"
          ) -> SignedIn:
    """``name`` enrolled by the administrator in ``role`` and signed in."""
    by = admin(repo)
    enroll(repo, name, role=role, display_name=display_name or name.title(), by=by,
           secret=password if method == "password" else None, method=method)
    return sign_in(repo, name, password if method == "password" else None)


def enrol_os_examiner(name: str = "operator", url: str | None = None) -> str:
    """This operating-system account enrolled as examiner ``name`` (the ``os`` method:
    no password) in the data folder's database; returns the name."""
    with CaseRepository.open(url) as repo:
        enrol(repo, name, method="os", display_name=f"Operator {os_login()}")
    return name


def secret_fd(*secrets: str) -> int:
    """A file descriptor to read ``secrets`` from, one per line (a pipe)."""
    read, write = os.pipe()
    os.write(write, "".join(s + "\n" for s in secrets).encode())
    os.close(write)
    return read


def home() -> Path:
    return Path(os.environ["WORKSTATION_HOME"])


def supervisor_account(repo: CaseRepository, name: str = "sara", display_name: str = "") -> User:
    """A supervisor account (no credential: a name the window and the audit trail use),
    created by an administrator as only an administrator may."""
    existing = repo.get_user(name)
    if existing is not None and existing.role is Role.SUPERVISOR:
        return existing
    boss = next((u for u in repo.list_users() if u.administrator), None) \
        or repo.create_user("root", Role.EXAMINER, administrator=True)
    return repo.create_user(name, Role.SUPERVISOR, display_name, actor=boss)
