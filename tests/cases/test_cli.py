"""``workstation cases list|export`` and ``workstation audit verify``."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository
from workstation.cases.storage import sha256_hex
from workstation.cli import main
from workstation.findings import Conclusion, Findings


@pytest.fixture
def filled(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[CaseRepository]:
    monkeypatch.setenv("WORKSTATION_DB_URL", db_url)
    repo = CaseRepository.open()
    ids = repo.store_examination(make_examination(), user="anna", case_ref="BCP-9")
    rec = repo.open_examination(ids.examination_id)
    repo.save_findings(rec.id, Findings(conclusion=Conclusion.FORGED,
                                        forgery_kind="data_alteration"),
                       expected_version=rec.version, user="anna")
    repo.store_report(rec.id, b"%PDF-1.7 report", user="anna", signed=True, signer="CN=Anna")
    repo.store_examination(make_examination("SMITH", "JOHN", "X1", seed=5), user="anna")
    yield repo
    repo.close()


def test_cases_list_json(filled: CaseRepository, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cases", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["surname"] for r in rows] == ["SMITH", "ERIKSSON"]
    assert rows[1]["case_reference"] == "BCP-9" and rows[1]["conclusion"] == "forged"
    assert main(["cases", "list", "--json", "--search", "smi"]) == 0
    assert [r["surname"] for r in json.loads(capsys.readouterr().out)] == ["SMITH"]
    assert main(["cases", "list", "--json", "--conclusion", "forged"]) == 0
    assert [r["surname"] for r in json.loads(capsys.readouterr().out)] == ["ERIKSSON"]
    assert main(["cases", "list", "--status", "bogus"]) == 2
    assert main(["cases", "list", "--from", "yesterday"]) == 2


def test_cases_list_has_column_headers(filled: CaseRepository,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["cases", "list"]) == 0
    head, *rows = capsys.readouterr().out.splitlines()
    assert head.split() == ["ID", "CASE", "CREATED", "STATUS", "VERDICT", "CONCLUSION",
                            "DOCUMENT", "NAME"]
    assert len(rows) == 2 and "BCP-9" in rows[1]
    # each title sits over its column
    status = filled.open_examination(1).status.value
    assert head.index("STATUS") == rows[1].index(status)
    assert main(["cases", "list", "--search", "nobody"]) == 0
    assert "ID" not in capsys.readouterr().out  # no table, no header


def test_cases_export(filled: CaseRepository, tmp_path: Path,
                      capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "case.zip"
    assert main(["cases", "export", "BCP-9", str(out)]) == 0
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        for name, digest in manifest["files"].items():
            assert sha256_hex(zf.read(name)) == digest
        exam = json.loads(zf.read("examinations/1/examination.json"))
        events = json.loads(zf.read("audit.json"))
        assert zf.read("examinations/1/reports/1.pdf") == b"%PDF-1.7 report"
    assert {"case.json", "audit.json", "examinations/1/images/white.png",
            "examinations/1/images/ir.png"} <= names
    assert exam["findings"]["conclusion"] == "forged"
    assert exam["examination"]["checks"][0]["id"] == "uv.dull_paper"
    assert [e["action"] for e in events] == ["case.created", "capture.stored",
                                             "examination.run", "finding.saved",
                                             "report.signed"]
    case_id = filled.find_case("BCP-9").id  # type: ignore[union-attr]
    assert main(["cases", "export", str(case_id), str(tmp_path / "again.zip")]) == 0
    # Bad input: one line, exit 2, nothing written.
    assert main(["cases", "export", "NOPE", str(tmp_path / "x.zip")]) == 2
    assert main(["cases", "export", "BCP-9", str(tmp_path / "x.txt")]) == 2
    assert "error:" in capsys.readouterr().err
    assert not (tmp_path / "x.zip").exists() and not (tmp_path / "x.txt").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_audit_verify(filled: CaseRepository, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {k: out[k] for k in ("ok", "events", "first_broken", "problem", "head_seq")} == {
        "ok": True, "events": 8, "first_broken": None, "problem": None, "head_seq": 8}
    assert out["problems"] == [] and out["keyed_events"] == 8
    assert out["checkpoints"]["last_seq"] == 8
    with filled.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3"))
    assert main(["audit", "verify", "--json"]) == 0
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["ok"] is False and out["first_broken"] == 3 and "edited" in out["problem"]
    assert "BROKEN at event 3" in captured.err


def test_a_bad_database_url_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WORKSTATION_DB_URL", "nonsense://")
    assert main(["audit", "verify"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("workstation: error:") and err.count("\n") == 1
