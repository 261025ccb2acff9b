"""Accounts: enrolment, sign-in by password and by the operating-system account,
roles granted and taken back, secrets changed and reset, a CA from before keys were
sealed, and the ``workstation users`` command line."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509

from tests.accounts import ADMIN, ADMIN_PASSWORD, PASSWORD, admin, enrol, secret_fd
from workstation.cases import CaseRepository, Role
from workstation.cli import main
from workstation.errors import InputError
from workstation.identity import (
    AuthError,
    change_secret,
    grant,
    list_accounts,
    os_login,
    reset_secret,
    revoke_role,
    sign_in,
)
from workstation.reports.ca import LocalCA, subject_role, subject_user


@pytest.fixture
def repo() -> Iterator[CaseRepository]:
    with CaseRepository.open() as repository:
        yield repository


def test_sign_in_by_password(repo: CaseRepository) -> None:
    anna = enrol(repo, "anna", display_name="Anna Eriksson")
    cert = anna.identity.certificate
    assert anna.identity.name == "Anna Eriksson"
    assert (subject_user(cert), subject_role(cert)) == ("anna", "examiner")
    assert cert.issuer == LocalCA().certificate.subject
    with pytest.raises(AuthError, match="wrong password"):
        sign_in(repo, "anna", "not her password")
    with pytest.raises(AuthError, match="password"):
        sign_in(repo, "anna")
    with pytest.raises(AuthError, match="not an account"):
        sign_in(repo, "nobody", PASSWORD)
    repo.ensure_user("label-only")  # a name the audit trail records: it cannot sign
    with pytest.raises(AuthError, match="no credential"):
        sign_in(repo, "label-only", PASSWORD)
    with pytest.raises(InputError, match="at least 8"):
        enrol(repo, "shorty", password="short")


def test_sign_in_as_the_operating_system_account(repo: CaseRepository,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    enrol(repo, "ops", method="os")
    me = sign_in(repo, "ops")
    assert me.method == "os"
    found = repo.credential("ops")
    assert found is not None and found[1].os_account == os_login()
    secret = Path(os.environ["WORKSTATION_CONFIG_HOME"]) / "os-secret"
    assert secret.stat().st_mode & 0o077 == 0
    monkeypatch.setattr("workstation.identity.accounts.os_login", lambda: "someone-else")
    with pytest.raises(AuthError, match="operating-system account"):
        sign_in(repo, "ops")


def test_the_os_secret_never_lives_in_the_data_folder(monkeypatch: pytest.MonkeyPatch,
                                                      repo: CaseRepository) -> None:
    monkeypatch.setenv("WORKSTATION_CONFIG_HOME", str(Path(os.environ["WORKSTATION_HOME"])
                                                      / "config"))
    with pytest.raises(InputError, match="inside the data folder"):
        enrol(repo, "ops", method="os")


def test_roles_granted_and_taken_back(repo: CaseRepository) -> None:
    boss = admin(repo)
    enrol(repo, "bob")
    grant(repo, "bob", "supervisor", by=boss)
    bob = sign_in(repo, "bob", PASSWORD)
    assert bob.certified_role == "supervisor" and bob.user.role is Role.SUPERVISOR
    old = bob.identity.certificate
    revoke_role(repo, "bob", "supervisor", by=boss)
    bob = sign_in(repo, "bob", PASSWORD)
    assert bob.certified_role == "examiner"
    assert LocalCA().is_revoked(old)  # the supervisor certificate countersigns nothing
    # the administrator right: the CA key is wrapped for bob too, then no more
    grant(repo, "bob", "administrator", by=boss)
    assert LocalCA().administrators() == sorted([ADMIN, "bob"])
    bob = sign_in(repo, "bob", PASSWORD)
    LocalCA().unlock("bob", bob.box_private)
    revoke_role(repo, "bob", "administrator", by=boss)
    assert LocalCA().administrators() == [ADMIN]
    with pytest.raises(Exception, match="not an administrator"):
        LocalCA().unlock("bob", bob.box_private)
    with pytest.raises(InputError, match="last administrator"):
        revoke_role(repo, ADMIN, "administrator", by=boss)
    assert repo.verify_audit().ok


def test_secrets_changed_and_reset(repo: CaseRepository) -> None:
    anna = enrol(repo, "anna")
    change_secret(repo, anna, "a new password 2")
    again = sign_in(repo, "anna", "a new password 2")
    assert again.identity.cert_der == anna.identity.cert_der  # same key and certificate
    with pytest.raises(AuthError):
        sign_in(repo, "anna", PASSWORD)
    reset_secret(repo, "anna", "forgotten and reset", by=admin(repo), revoke_old=True)
    fresh = sign_in(repo, "anna", "forgotten and reset")
    assert fresh.identity.cert_der != anna.identity.cert_der
    assert LocalCA().is_revoked(anna.identity.certificate)
    assert repo.verify_audit().ok


def test_a_ca_from_before_keys_were_sealed_is_sealed_for_the_first_administrator(
        repo: CaseRepository, _private_home: Path) -> None:
    from workstation.reports.ca import CertificateAuthority

    old = CertificateAuthority.generate("Old workstation CA")
    root = _private_home / "reports" / "ca"
    (root / "users").mkdir(parents=True)
    (root / "ca-cert.der").write_bytes(old.cert_der)
    (root / "ca-key.der").write_bytes(old.key_der)
    legacy_user = old.issue("Anna", user="anna")
    (root / "users" / "anna.json").write_text(json.dumps({
        "user": "anna", "cert": legacy_user.cert_der.hex(), "key": legacy_user.key_der.hex()}))
    assert LocalCA().is_legacy()
    boss = admin(repo)
    ca = LocalCA()
    assert not ca.is_legacy() and not (root / "ca-key.der").exists()
    assert not (root / "users" / "anna.json").exists()
    assert ca.is_revoked(legacy_user.certificate)  # its key lay in the open
    assert ca.unlock(boss.name, boss.box_private).key_der == old.key_der
    assert boss.identity.certificate.issuer == x509.load_der_x509_certificate(
        old.cert_der).subject


def test_users_command_line(repo: CaseRepository, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "add", ADMIN, "--administrator", "--new-secret-fd",
                 str(secret_fd(ADMIN_PASSWORD))]) == 0
    assert "first administrator" in capsys.readouterr().err
    assert main(["users", "add", "anna", "--display-name", "Anna E", "--as", ADMIN,
                 "--secret-fd", str(secret_fd(ADMIN_PASSWORD, PASSWORD))]) == 0
    assert main(["users", "add", "ops", "--auth", "os", "--as", ADMIN, "--secret-fd",
                 str(secret_fd(ADMIN_PASSWORD))]) == 0
    assert main(["users", "passwd", "anna", "--secret-fd",
                 str(secret_fd(PASSWORD, "anna's second password"))]) == 0
    capsys.readouterr()
    assert main(["users", "list", "--json"]) == 0
    rows = {a["name"]: a for a in json.loads(capsys.readouterr().out)}
    assert rows["admin"]["administrator"] and rows["anna"]["method"] == "password"
    assert rows["ops"]["method"] == "os" and rows["ops"]["os_account"] == os_login()
    assert [a.name for a in list_accounts(repo)] == sorted(rows)
    assert sign_in(repo, "anna", "anna's second password").name == "anna"
    # nothing on the command line or in the environment: no terminal, no secret
    assert main(["users", "add", "eve", "--as", ADMIN]) == 2
    assert "file descriptor" in capsys.readouterr().err
