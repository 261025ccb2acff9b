"""``workstation report ...`` and the supervisor's review queue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from tests.reports.conftest import Material, run_tool
from workstation.cli import main
from workstation.errors import ReportError
from workstation.reports.ca import LocalCA
from workstation.reports.verify import verify_bytes
from workstation.sealing import box_keypair


def _verify_json(capsys: pytest.CaptureFixture[str], *files: Path) -> list[dict[str, Any]]:
    status = main(["report", "verify", *map(str, files), "--json"])
    assert status == 0
    out: list[dict[str, Any]] = json.loads(capsys.readouterr().out)
    return out


def test_verify_json_contract(material: Material, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(material.signed)
    unsigned = tmp_path / "unsigned.pdf"
    unsigned.write_bytes(material.unsigned)
    tampered = tmp_path / "tampered.pdf"
    data = bytearray(material.signed)
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    out = _verify_json(capsys, signed, unsigned, tampered)
    required = {"file", "signed", "intact", "signer", "trusted", "signed_at"}
    assert all(required <= set(o) for o in out)
    assert [o["file"] for o in out] == [str(signed), str(unsigned), str(tampered)]
    assert (out[0]["signed"], out[0]["intact"], out[0]["trusted"]) == (True, True, True)
    assert out[0]["signer"] == "Anna Examiner"
    assert out[0]["signed_at"].startswith("20")
    assert (out[1]["signed"], out[1]["intact"]) == (False, False)
    assert (out[2]["signed"], out[2]["intact"]) == (True, False)


def test_verify_missing_file_is_exit_2(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    assert main(["report", "verify", str(tmp_path / "nope.pdf"), "--json"]) == 2
    err = capsys.readouterr().err
    assert "nope.pdf" in err and len(err.strip().splitlines()) == 1


def test_trust_another_offices_ca(material: Material, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    # the examiner's office exports its CA certificate ...
    assert main(["report", "ca-export", str(tmp_path / "office-a.pem")]) == 0
    cert = x509.load_pem_x509_certificate((tmp_path / "office-a.pem").read_bytes())
    assert cert.subject == LocalCA().certificate.subject
    # ... another office (its own, different CA) does not trust the report yet
    home_ca = LocalCA().root
    for p in sorted(home_ca.rglob("*"), reverse=True):
        p.unlink() if p.is_file() else p.rmdir()
    home_ca.rmdir()
    LocalCA().create("other-admin", box_keypair()[1])
    signed = tmp_path / "signed.pdf"
    signed.write_bytes(material.signed)
    capsys.readouterr()
    assert _verify_json(capsys, signed)[0]["trusted"] is False
    assert main(["report", "trust", str(tmp_path / "office-a.pem")]) == 0
    capsys.readouterr()
    assert _verify_json(capsys, signed)[0]["trusted"] is True
    junk = tmp_path / "junk.pem"
    junk.write_text("not a certificate")
    assert main(["report", "trust", str(junk)]) == 2


def test_countersign_adds_the_supervisors_signature(material: Material,
                                                    tmp_path: Path) -> None:
    from workstation.reports.review import countersign, embedded_examination

    both = countersign(material.signed, material.supervisor, comment="agreed")
    result = verify_bytes(both)
    assert result.intact and result.trusted
    assert [s.signer for s in result.signatures] == ["Anna Examiner", "Bob Supervisor"]
    assert both.startswith(material.signed)  # an incremental update
    out = tmp_path / "both.pdf"
    out.write_bytes(both)
    assert run_tool("pdfsig", out).stdout.count("Signature is Valid") == 2
    assert (embedded_examination(both) or {}).get("case_ref") == "C-2026-0042"
    with pytest.raises(ReportError, match="already countersigned"):
        countersign(both, material.supervisor)
    with pytest.raises(ReportError, match="not signed"):
        countersign(material.unsigned, material.supervisor)
    data = bytearray(material.signed)
    data[len(data) // 2] ^= 0x01
    with pytest.raises(ReportError, match="changed since signing"):
        countersign(bytes(data), material.supervisor)
