"""Issue 19, failure 2: "Anyone can sign as anyone."

The CA key and user keys were unencrypted PKCS#8 in the data folder;
``WORKSTATION_USER="Inspector Jane Doe"`` got a trusted certificate issued on the
spot; any user could create a supervisor account (no password) and countersign their
own report; a PDF stating PASS for a failed examination, signed and countersigned
that way, verified intact and trusted.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.accounts import ADMIN_PASSWORD, PASSWORD, admin, enrol, secret_fd
from tests.security.conftest import one_line_error
from workstation.cases import CaseRepository, Role
from workstation.cli import main
from workstation.errors import InputError, ReportError
from workstation.identity import AuthError, enroll, grant, sign_in
from workstation.reports import write_signed_report
from workstation.reports.ca import LocalCA
from workstation.reports.fields import SUPERVISOR_FIELD
from workstation.reports.review import countersign
from workstation.reports.sign import SignOptions, sign_pdf
from workstation.reports.verify import verify_bytes, verify_report


@pytest.fixture
def repo() -> CaseRepository:
    with CaseRepository.open() as repository:
        yield repository


def _all_bytes(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_ca_and_user_keys_are_not_plain_pkcs8_in_the_data_folder(
        repo: CaseRepository, _private_home: Path) -> None:
    anna = enrol(repo, "anna", display_name="Anna Examiner")
    boss = admin(repo)
    authority = LocalCA().unlock(boss.name, boss.box_private)
    everything = _all_bytes(_private_home)
    for secret in (anna.identity.key_der, boss.identity.key_der, authority.key_der,
                   anna.box_private, boss.box_private):
        assert secret not in everything
        assert secret.hex().encode() not in everything
    assert not list(_private_home.rglob("ca-key.der"))
    assert not (_private_home / "reports" / "ca" / "users").exists()


@pytest.mark.slow
def test_a_copy_of_the_data_folder_signs_nothing(
        repo: CaseRepository, _private_home: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, simulated_capture: Callable[..., Path],
        capsys: pytest.CaptureFixture[str], bundled_root: Path) -> None:
    enrol(repo, "anna")
    enrol(repo, "olga", method="os")  # this operating-system account, no password
    repo.close()
    stolen = tmp_path / "stolen"
    shutil.copytree(_private_home, stolen)
    shutil.copytree(bundled_root, stolen / "specimens", dirs_exist_ok=True)
    monkeypatch.setenv("WORKSTATION_HOME", str(stolen))
    monkeypatch.setenv("WORKSTATION_CONFIG_HOME", str(tmp_path / "thief-config"))
    capture = simulated_capture()
    out = tmp_path / "forged.pdf"
    for user, fd in (("anna", None), ("anna", secret_fd("guess guess guess")),
                     ("olga", None), ("admin", secret_fd("password1234"))):
        argv = ["examine", str(capture), "--report", str(out), "--user", user]
        if fd is not None:
            argv += ["--secret-fd", str(fd)]
        assert main(argv) == 2
        one_line_error(capsys.readouterr().err)
        assert not out.exists()
    with CaseRepository.open() as copy:
        with pytest.raises(AuthError):
            enroll(copy, "mallory", administrator=True, secret="mallory's password")
        with pytest.raises(AuthError):
            sign_in(copy, "olga")


@pytest.mark.slow
def test_workstation_user_alone_cannot_sign_as_anyone(
        repo: CaseRepository, home_library: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, simulated_capture: Callable[..., Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    enrol(repo, "anna", display_name="Anna Examiner")
    serials_before = {a.name for a in repo.list_users()}
    crl_before = LocalCA().crl_der()
    out = tmp_path / "r.pdf"
    for claimed in ("Inspector Jane Doe", "anna", "admin"):
        monkeypatch.setenv("WORKSTATION_USER", claimed)
        assert main(["examine", str(simulated_capture()), "--report", str(out)]) == 2
        line = one_line_error(capsys.readouterr().err)
        assert "password" in line or "not an account" in line or "no terminal" in line
        assert not out.exists()
    assert {a.name for a in repo.list_users()} == serials_before  # nobody made on the spot
    assert LocalCA().crl_der() == crl_before
    # with her password, from a file descriptor, Anna signs
    monkeypatch.setenv("WORKSTATION_USER", "anna")
    assert main(["examine", str(simulated_capture()), "--report", str(out),
                 "--secret-fd", str(secret_fd(PASSWORD))]) == 0
    result = verify_report(out)
    assert result.intact and result.trusted and result.signer == "Anna Examiner"
    assert result.signatures[0].account == "anna" and result.signatures[0].role == "examiner"


def test_only_an_administrator_grants_roles(repo: CaseRepository,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    anna = enrol(repo, "anna")
    with pytest.raises(InputError, match="only an administrator"):
        repo.create_user("mallory", Role.SUPERVISOR)
    with pytest.raises(InputError, match="not an administrator"):
        repo.create_user("mallory", Role.SUPERVISOR, actor=anna.user)
    with pytest.raises(AuthError, match="not an administrator"):
        enroll(repo, "mallory", role="supervisor", secret="mallory password", by=anna)
    with pytest.raises(AuthError, match="not an administrator"):
        grant(repo, "anna", "supervisor", by=anna)
    with pytest.raises(AuthError, match="only an administrator"):
        enroll(repo, "mallory", administrator=True, secret="mallory password")
    # the same on the command line, secrets from file descriptors
    assert main(["users", "add", "mallory", "--role", "supervisor", "--as", "anna",
                 "--secret-fd", str(secret_fd(PASSWORD, "mallory password"))]) == 2
    assert "not an administrator" in one_line_error(capsys.readouterr().err)
    assert main(["users", "grant", "anna", "supervisor", "--as", "anna",
                 "--secret-fd", str(secret_fd(PASSWORD))]) == 2
    assert "not an administrator" in one_line_error(capsys.readouterr().err)
    assert main(["users", "grant", "anna", "supervisor", "--as", "admin",
                 "--secret-fd", str(secret_fd("wrong password!"))]) == 2
    assert "wrong password" in one_line_error(capsys.readouterr().err)
    assert repo.get_user("mallory") is None
    assert repo.get_user("anna").role is Role.EXAMINER  # type: ignore[union-attr]
    # an administrator does it
    assert main(["users", "grant", "anna", "supervisor", "--as", "admin",
                 "--secret-fd", str(secret_fd(ADMIN_PASSWORD))]) == 0
    assert sign_in(repo, "anna", PASSWORD).certified_role == "supervisor"
    failures = [e for e in repo.audit_events() if e.action == "user.sign_in_failed"]
    assert failures and failures[-1].subject == "user:admin"


def _report(repo: CaseRepository, tmp_path: Path, signer: object,
            material_exam: object) -> bytes:
    out = write_signed_report(material_exam, tmp_path / "r.pdf",  # type: ignore[arg-type]
                              identity=signer.identity)  # type: ignore[attr-defined]
    return out.read_bytes()


def test_no_one_countersigns_their_own_report(repo: CaseRepository, tmp_path: Path) -> None:
    from tests.reports.synthetic import synthetic_examination

    anna = enrol(repo, "anna", display_name="Anna Examiner")
    pdf = _report(repo, tmp_path, anna, synthetic_examination())
    with pytest.raises(ReportError, match="role examiner|own report"):
        countersign(pdf, anna.identity)
    # made supervisor afterwards, she still may not approve what she signed
    grant(repo, "anna", "supervisor", by=admin(repo))
    anna_boss = sign_in(repo, "anna", PASSWORD)
    assert anna_boss.certified_role == "supervisor"
    with pytest.raises(ReportError, match="own report"):
        countersign(pdf, anna_boss.identity)
    # another person, a supervisor, may
    bob = enrol(repo, "bob", "supervisor", display_name="Bob Supervisor")
    both = countersign(pdf, bob.identity)
    assert verify_bytes(both).trusted


def test_a_pass_pdf_signed_and_countersigned_that_way_is_not_trusted(
        repo: CaseRepository, tmp_path: Path) -> None:
    import dataclasses

    from tests.reports.synthetic import synthetic_examination
    from workstation.types import Verdict

    exam = dataclasses.replace(synthetic_examination(), verdict=Verdict.PASS)  # the lie
    anna = enrol(repo, "anna", display_name="Anna Examiner")
    carl = enrol(repo, "carl", display_name="Carl Examiner")
    pdf = _report(repo, tmp_path, anna, exam)
    self_signed = sign_pdf(pdf, anna.identity, SignOptions(field=SUPERVISOR_FIELD,
                                                           role="Supervisor review"))
    result = verify_bytes(self_signed)
    assert result.intact and not result.trusted and not result.roles_ok
    assert "own" in result.problem
    by_examiner = sign_pdf(pdf, carl.identity, SignOptions(field=SUPERVISOR_FIELD))
    result = verify_bytes(by_examiner)
    assert result.intact and not result.trusted and "not supervisor" in result.problem
    assert "NOT TRUSTED" in result.summary
    out = json.loads(json.dumps(result.to_json()))
    assert [s["role"] for s in out["signatures"]] == ["examiner", "examiner"]
