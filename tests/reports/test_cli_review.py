"""``workstation report ...`` and the supervisor's review queue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509

from tests.reports.conftest import Material, run_tool
from workstation.cli import main
from workstation.errors import InputError, ReportError
from workstation.reports.ca import LocalCA
from workstation.reports.review import ReviewQueue, ReviewState


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
    LocalCA().ensure()
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


def test_review_approve_countersigns_and_audits(material: Material, tmp_path: Path) -> None:
    events: list[tuple[str, dict[str, Any]]] = []
    queue = ReviewQueue(audit=lambda e, d: events.append((e, dict(d))))
    item = queue.submit(material.signed, name="C-2026-0042 report.pdf")
    assert item.case_ref == "C-2026-0042" and item.examiner == "Anna Examiner"
    assert [i.name for i in queue.items(ReviewState.PENDING)] == [item.name]
    approved = queue.approve(item, material.supervisor, comment="agreed")
    assert approved.state is ReviewState.APPROVED and approved.decided_by == "Bob Supervisor"
    result = queue.verify(approved)
    assert result.intact and result.trusted and len(result.signatures) == 2
    pdfsig = run_tool("pdfsig", approved.path).stdout
    assert pdfsig.count("Signature is Valid") == 2
    assert [e for e, _ in events] == ["report.submitted_for_review", "report.countersigned"]
    assert events[1][1]["by"] == "Bob Supervisor"
    # the record survives a new queue object (another window, a restart)
    again = ReviewQueue().items()
    assert again[0].state is ReviewState.APPROVED and again[0].comment == "agreed"
    with pytest.raises(ReportError, match="already approved"):
        queue.approve(again[0], material.supervisor)


def test_review_return_with_comment(material: Material, tmp_path: Path) -> None:
    events: list[str] = []
    queue = ReviewQueue(audit=lambda e, d: events.append(e))
    src = tmp_path / "incoming.pdf"
    src.write_bytes(material.signed)
    (item,) = queue.import_files([src])
    assert item.source == "imported"
    with pytest.raises(InputError, match="comment"):
        queue.return_report(item, reviewer="Bob", comment="  ")
    returned = queue.return_report(item, reviewer="Bob", comment="add the IR crop")
    assert returned.state is ReviewState.RETURNED
    assert item.path.read_bytes() == material.signed  # the PDF is untouched
    assert events == ["report.submitted_for_review", "report.returned"]
    with pytest.raises(InputError):
        queue.import_files([tmp_path / "missing.pdf"])
    with pytest.raises(InputError, match="not a PDF"):
        queue.submit(b"hello", name="x.pdf")
