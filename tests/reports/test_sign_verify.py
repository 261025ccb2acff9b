"""Signing and verification: pdfsig and our verify agree; tampering, trust, revocation."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from tests.reports.conftest import Material, run_tool
from tests.reports.tsa import LocalTSA
from workstation.errors import InputError, ReportError
from workstation.reports import resolve_identity, write_signed_report
from workstation.reports.ca import CertificateAuthority, LocalCA, load_pkcs12, write_pkcs12
from workstation.reports.config import ReportConfig, save_config
from workstation.reports.fields import SUPERVISOR_FIELD
from workstation.reports.review import countersign
from workstation.reports.verify import Trust, verify_bytes, verify_report


def _pdfsig(tmp_path: Path, data: bytes, name: str = "s.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    res = run_tool("pdfsig", path)
    return res.stdout + res.stderr


def test_examiner_signature_is_valid_for_pdfsig_and_verify(material: Material,
                                                            tmp_path: Path) -> None:
    out = _pdfsig(tmp_path, material.signed)
    assert "Signature is Valid" in out
    assert "Total document signed" in out
    assert "Anna Examiner" in out
    result = verify_bytes(material.signed, name="s.pdf")
    assert result.to_json() | {"signatures": None} == {
        "file": "s.pdf", "signed": True, "intact": True, "signer": "Anna Examiner",
        "trusted": True, "signed_at": result.signed_at.isoformat() if result.signed_at else "",
        "revoked": False, "roles_ok": True, "signatures": None, "problem": None}
    assert result.signed_at is not None
    assert abs((dt.datetime.now(dt.UTC) - result.signed_at).total_seconds()) < 3600


def test_unsigned_report_is_reported_unsigned(material: Material) -> None:
    result = verify_bytes(material.unsigned)
    assert (result.signed, result.intact, result.trusted, result.signer) == (
        False, False, False, None)


@pytest.mark.parametrize("where", ["start", "middle", "in_signature_der", "in_padding",
                                   "last"])
def test_flipping_one_byte_is_detected(material: Material, where: str) -> None:
    data = bytearray(material.signed)
    start = data.index(b"/Contents <") + len(b"/Contents <")
    pos = {"start": 20, "middle": len(data) // 2, "in_signature_der": start + 1000,
           "in_padding": data.index(b">", start) - 10, "last": len(data) - 3}[where]
    data[pos] ^= 0x01
    result = verify_bytes(bytes(data))
    assert result.signed
    assert not result.intact, (where, result.to_json())


def test_pdfsig_reports_a_flipped_byte(material: Material, tmp_path: Path) -> None:
    data = bytearray(material.signed)
    # a byte inside the page content, well inside the signed range
    data[len(data) // 3] ^= 0x01
    out = _pdfsig(tmp_path, bytes(data))
    assert "Signature is Valid" not in out
    assert not verify_bytes(bytes(data)).intact


def test_appended_bytes_make_the_report_not_intact(material: Material) -> None:
    result = verify_bytes(material.signed + b"\n% appended\n")
    assert result.signed and not result.intact
    assert "after the last signature" in result.problem


def test_untrusted_signer(material: Material) -> None:
    result = verify_bytes(material.signed, trust=Trust())
    assert result.intact and not result.trusted and not result.revoked
    assert "not trusted" in result.signatures[0].problem


def test_another_workstations_ca_does_not_trust_our_examiner(material: Material,
                                                             tmp_path: Path) -> None:
    other = CertificateAuthority.generate("Other office CA")
    result = verify_bytes(material.signed, trust=Trust(anchors=[other.cert_der]))
    assert result.intact and not result.trusted
    # ... until the office imports our CA certificate
    ours = LocalCA()  # this test's data folder holds the session CA
    result = verify_bytes(material.signed, trust=Trust(anchors=[other.cert_der, ours.cert_der]))
    assert result.trusted


def test_revoked_signer(material: Material) -> None:
    ca = LocalCA()
    authority = ca.unlock("admin", material.box_private)
    ca.revoke(authority, material.examiner, reason="key compromise")
    result = verify_bytes(material.signed)
    assert result.intact
    assert result.revoked and not result.trusted
    # the signed revocation list is what verification reads (no key needed)
    assert ca.is_revoked(material.examiner.certificate)
    # an administrator issues the user a new certificate
    fresh = authority.issue("Anna Examiner", user="anna", role="examiner")
    assert fresh.certificate.serial_number != material.examiner.certificate.serial_number


def test_countersignature_keeps_the_first_valid(material: Material, tmp_path: Path) -> None:
    both = countersign(material.signed, material.supervisor, comment="agreed")
    assert both.startswith(material.signed)  # an incremental update
    out = _pdfsig(tmp_path, both)
    assert out.count("Signature is Valid") == 2
    assert "Total document signed" in out  # the supervisor's covers the file
    result = verify_bytes(both)
    assert result.intact and result.trusted
    assert [s.field for s in result.signatures] == ["ExaminerSignature", SUPERVISOR_FIELD]
    assert [s.signer for s in result.signatures] == ["Anna Examiner", "Bob Supervisor"]
    assert result.signer == "Anna Examiner"
    assert not result.signatures[0].covers_whole_file
    assert result.signatures[1].covers_whole_file
    # one flipped byte in the countersigned file: both tools say so
    data = bytearray(both)
    data[len(data) // 3] ^= 0x01
    assert not verify_bytes(bytes(data)).intact
    assert _pdfsig(tmp_path, bytes(data), "t.pdf").count("Signature is Valid") == 0
    with pytest.raises(ReportError, match="already countersigned"):
        countersign(both, material.supervisor)


def test_countersigning_refuses_a_changed_or_unsigned_report(material: Material) -> None:
    data = bytearray(material.signed)
    data[len(data) // 2] ^= 0x01
    with pytest.raises(ReportError, match="changed"):
        countersign(bytes(data), material.supervisor)
    with pytest.raises(ReportError, match="not signed"):
        countersign(material.unsigned, material.supervisor)
    with pytest.raises(ReportError, match="not trusted"):
        countersign(material.signed, material.supervisor, trust=Trust())


def test_pkcs12_identity(material: Material, tmp_path: Path) -> None:
    p12 = write_pkcs12(material.examiner, tmp_path / "anna.p12", "s3cret")
    assert load_pkcs12(p12, "s3cret").cert_der == material.examiner.cert_der
    with pytest.raises(InputError, match="wrong password"):
        load_pkcs12(p12, "wrong")
    config = ReportConfig(pkcs12=str(p12))
    with pytest.raises(InputError, match="password"):
        resolve_identity(config)
    out = write_signed_report(material.examination, tmp_path / "r.pdf", config=config,
                              password="s3cret", findings=material.findings)
    result = verify_report(out)
    assert result.intact and result.trusted and result.signer == "Anna Examiner"
    assert b"s3cret" not in out.read_bytes()
    assert "s3cret" not in (tmp_path / "r.pdf").read_bytes().decode("latin-1")


def test_the_local_ca_key_is_sealed_for_its_administrators(material: Material,
                                                            _local_ca: Path) -> None:
    from workstation.reports.ca import CAError
    from workstation.sealing import box_keypair

    ca = LocalCA()
    assert ca.administrators() == ["admin"]
    sealed = (_local_ca / "ca-key.sealed.json")
    assert sealed.stat().st_mode & 0o077 == 0
    assert not (_local_ca / "ca-key.der").exists()
    assert b"PRIVATE" not in sealed.read_bytes()
    with pytest.raises(CAError, match="not an administrator"):
        ca.unlock("mallory", box_keypair()[0])
    with pytest.raises(CAError, match="does not open"):
        ca.unlock("admin", box_keypair()[0])  # someone else's key under the admin's name
    assert ca.unlock("admin", material.box_private).cert_der == ca.cert_der


def test_time_stamped_signature(material: Material, tmp_path: Path) -> None:
    tsa_identity = LocalCA().unlock("admin", material.box_private).issue(
        "Test TSA", time_stamping=True)
    at = dt.datetime(2026, 11, 28, 10, 30, 0, tzinfo=dt.UTC)
    with LocalTSA(tsa_identity, at=at) as tsa:
        save_config(ReportConfig(tsa_url=tsa.url, examiner="Anna Examiner"))
        out = write_signed_report(material.examination, tmp_path / "ts.pdf",
                                  identity=material.examiner)
        assert tsa.requests >= 1
    result = verify_report(out)
    sig = result.signatures[0]
    assert result.intact and result.trusted
    assert sig.timestamped and sig.timestamp_trusted
    assert result.signed_at == at
    assert "Signature is Valid" in run_tool("pdfsig", out).stdout


def test_unreachable_tsa_fails_and_writes_nothing(material: Material, tmp_path: Path) -> None:
    out = tmp_path / "never.pdf"
    with pytest.raises(ReportError, match="time-stamp authority"):
        write_signed_report(material.examination, out, identity=material.examiner,
                            tsa_url="http://127.0.0.1:9/tsa")
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_write_signed_report_audits_with_the_file_hash(material: Material,
                                                        tmp_path: Path) -> None:
    events: list[tuple[str, dict[str, object]]] = []
    out = write_signed_report(material.examination, tmp_path / "a.pdf", case_ref="C-9",
                              identity=material.examiner, report_id="R-AUDIT-1",
                              audit=lambda e, d: events.append((e, dict(d))))
    assert [e for e, _ in events] == ["report.signed"]
    details = events[0][1]
    assert details["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert (details["report"], details["case_ref"], details["signer"]) == (
        "R-AUDIT-1", "C-9", "Anna Examiner")


def test_signature_block_names_signer_role_and_time(tmp_path: Path) -> None:
    from workstation.reports.sign import stamp_pdf

    when = dt.datetime(2026, 11, 28, 10, 30, tzinfo=dt.UTC)
    pdf = stamp_pdf(250, 78, role="Supervisor review", signer="Bob Supervisor",
                    issuer="Test CA", reason="Reviewed and approved", when=when,
                    timestamped=True)
    path = tmp_path / "stamp.pdf"
    path.write_bytes(pdf)
    text = run_tool("pdftotext", "-layout", path, "-").stdout
    for expected in ("Supervisor review", "Bob Supervisor", "Test CA",
                     "2026-11-28 10:30:00 UTC", "RFC 3161", "Reviewed and approved"):
        assert expected in text
    fonts = run_tool("pdffonts", path).stdout
    assert "DejaVuSans" in fonts and " no " not in fonts.split("\n", 2)[2]


@pytest.mark.slow
def test_examine_report_end_to_end(tmp_path: Path, _local_ca: Path) -> None:
    import shutil

    from tests.accounts import enrol_os_examiner
    from workstation.cli import main

    shutil.rmtree(_local_ca)  # this workstation's own CA, made for its first administrator
    enrol_os_examiner()
    capture = tmp_path / "cap"
    assert main(["simulate", "--forgery", "office_paper", "--seed", "3",
                 "--out", str(capture)]) == 0
    out = tmp_path / "report.pdf"
    assert main(["examine", str(capture), "--report", str(out)]) == 0
    result = verify_report(out)
    assert result.signed and result.intact and result.trusted
    assert "Signature is Valid" in run_tool("pdfsig", out).stdout
    text = run_tool("pdftotext", out, "-").stdout
    assert "UV_DULL_PAPER" in text and "FAIL" in text
    # stored in a new case (no --case): the report carries that case's reference
    from workstation.cases import CaseRepository

    with CaseRepository.open() as repo:
        (case,) = repo.list_cases()
        (report,) = repo.open_examination(case.examination_ids[0]).reports
    assert f"Case {case.reference}" in text
    assert report.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    # no agency configured: the report names none
    assert "Agency not configured" in text and "Border Guard" not in text


def test_a_changed_byte_in_the_embedded_ca_certificate_shows(material: Material) -> None:
    """Bytes of the CMS outside its signed attributes (here: the issuer name of the CA
    certificate embedded for path building) are not covered by any digest; the
    structural checks still catch them."""
    data = material.signed
    ca_hex = LocalCA().cert_der.hex()
    for form in (ca_hex, ca_hex.upper()):
        at = data.find(form.encode("ascii"))
        if at >= 0:
            break
    assert at >= 0, "the CA certificate is embedded in the signature"
    name_hex = b"Test workstation local CA".hex()
    name_at = form.lower().find(name_hex)  # the first occurrence: the issuer name
    assert name_at >= 0
    pos = at + name_at + 1  # a hex digit inside the name: '6'/'7' <-> '7'/'6' stays hex
    tampered = bytearray(data)
    tampered[pos] ^= 0x01
    assert chr(tampered[pos]) in "0123456789abcdefABCDEF"
    result = verify_bytes(bytes(tampered))
    assert result.signed and not result.intact
    assert "embedded certificate" in result.problem


def test_a_non_der_embedded_certificate_shows(material: Material) -> None:
    """The 'unused bits' byte of the CA certificate's signature BIT STRING: ignored when
    the signature is checked, caught because a certificate must be DER."""
    data = material.signed
    ca = LocalCA().cert_der
    sig_header = bytes.fromhex("0382018100")  # BIT STRING of 385 bytes, 0 unused bits
    rel = ca.rindex(sig_header)
    form = next(f for f in (ca.hex(), ca.hex().upper()) if f.encode() in data)
    at = data.index(form.encode()) + 2 * (rel + 4)  # the high hex digit of the 00
    tampered = bytearray(data)
    tampered[at] ^= 0x01  # '0' -> '1': 0x10 unused bits
    result = verify_bytes(bytes(tampered))
    assert result.signed and not result.intact
    assert "not DER" in result.problem or "malformed" in result.problem
