"""``workstation examine`` stores its examination in the case database (``--case REF``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository
from workstation.cli import main
from workstation.examination.results import Examination


@pytest.fixture
def fake_examine(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """``run_examination`` replaced by a canned examination (the wiring is under test)."""
    import workstation.examination.pipeline as examine_cli

    calls: list[str] = []

    def run(capture_path: str | Path, **_kw: object) -> Examination:
        calls.append(str(capture_path))
        return make_examination(seed=len(calls))

    monkeypatch.setattr(examine_cli, "run_examination", run)
    monkeypatch.setenv("WORKSTATION_USER", "anna")
    return calls


def test_examine_stores_in_the_named_case(fake_examine: list[str], db_url: str,
                                          monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WORKSTATION_DB_URL", db_url)
    assert main(["examine", "cap1", "--case", "BCP-7", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] == "pass"  # the JSON contract is unchanged
    assert main(["examine", "cap2", "--case", "BCP-7"]) == 0
    assert main(["examine", "cap3"]) == 0  # no --case: a new case
    assert main(["examine", "cap4", "--no-store"]) == 0
    assert "stored as examination 3" in capsys.readouterr().err
    with CaseRepository.open() as repo:
        case = repo.find_case("BCP-7")
        assert case is not None and len(case.examination_ids) == 2
        assert len(repo.list_cases()) == 2
        rec = repo.open_examination(case.examination_ids[0])
        assert rec.created_by == "anna" and rec.examination["capture"] == "/captures/a"
        assert repo.get_user("anna") is not None
        assert repo.verify_audit().ok
    assert fake_examine == ["cap1", "cap2", "cap3", "cap4"]
