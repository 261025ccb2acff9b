"""``workstation trends`` and ``workstation alerts`` on the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.accounts import supervisor_account
from tests.trends.conftest import Population, direct_count
from workstation.cli import main


@pytest.fixture
def cli_env(population: Population, monkeypatch: pytest.MonkeyPatch) -> Population:
    repo = next(iter(population.repos.values()))
    monkeypatch.setenv("WORKSTATION_DB_URL", repo.engine.url.render_as_string(
        hide_password=False))
    monkeypatch.setenv("WORKSTATION_USER", "sara")
    return population


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_agrees_with_a_direct_count(cli_env: Population,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    repo = next(iter(cli_env.repos.values()))
    code, out, _ = _run(capsys, "trends", "--since", "2026-01-01", "--by", "state,check",
                        "--json")
    assert code == 0
    got = json.loads(out)
    assert got["by"] == ["state", "check"]
    table = {(r["state"], r["check"]): (r["examinations"], r["forgeries"], r["flagged"])
             for r in got["rows"]}
    assert table == direct_count(repo, ("state", "check"), since=dt.date(2026, 1, 1))
    assert got["total"]["examinations"] == len(cli_env.examination_ids)
    code, out, _ = _run(capsys, "trends", "--by", "point", "--where", "state=MNG,CHN",
                        "--where", "conclusion=forged")
    assert code == 0 and out.splitlines()[0].split()[:2] == ["point", "examinations"]
    rows = {line.split()[0]: line.split() for line in out.splitlines()[1:]}
    direct = direct_count(repo, ("point",), {"state": ("MNG", "CHN"),
                                             "conclusion": ("forged",)})
    for (point,), (n, f, g) in direct.items():
        assert rows[point.split()[0]][-3:] == [str(n), str(f), str(g)]


@pytest.mark.parametrize("argv, message", [
    (("trends", "--by", "colour"), "unknown dimension"),
    (("trends", "--since", "2026-13-01"), "not a date"),
    (("trends", "--where", "state"), "DIM=VALUE"),
    (("trends", "examinations", "--where", "month=2026-01"), "cannot filter"),
    (("alerts", "show", "999"), "no alert"),
])
def test_bad_input_is_one_line_and_exit_2(cli_env: Population,
                                          capsys: pytest.CaptureFixture[str],
                                          argv: tuple[str, ...], message: str) -> None:
    code, _, err = _run(capsys, *argv)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_export_verify_import_and_a_tampered_file(cli_env: Population, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    # the office's CA in this workstation's data folder; the supervisor signs in as the
    # operating-system account (no password on the command line)
    from tests.accounts import enrol
    from workstation.cases import CaseRepository as Repo

    with Repo.open() as repo:
        enrol(repo, "sara", "supervisor", method="os")
    out = tmp_path / "figures.json"
    code, _, err = _run(capsys, "trends", "export", str(out), "--since", "2026-01-01",
                        "--office", "Dornogovi")
    assert code == 0 and "export written" in err
    code, got, _ = _run(capsys, "trends", "verify", str(out), "--json")
    assert code == 0 and json.loads(got)["trusted"] and json.loads(got)["office"] == "Dornogovi"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x04
    bad = tmp_path / "bad.json"
    bad.write_bytes(bytes(data))
    code, _, err = _run(capsys, "trends", "import", str(bad))
    assert code == 2 and "changed" in err
    # the central office: another database, trusting this office's CA
    central = tmp_path / "central.db"
    monkeypatch.setenv("WORKSTATION_DB_URL", f"sqlite:///{central}")
    from workstation.cases import CaseRepository

    with CaseRepository.open() as repo:
        supervisor_account(repo, "sara")
    code, got, _ = _run(capsys, "trends", "import", str(out), "--json")
    assert code == 0 and json.loads(got)[0]["office"] == "Dornogovi"
    code, got, _ = _run(capsys, "trends", "imported", "--json")
    assert code == 0 and json.loads(got)["offices"][0]["office"] == "Dornogovi"


def test_examiners_cannot_export_or_drill_down(cli_env: Population, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKSTATION_USER", "anna")
    code, _, err = _run(capsys, "trends", "export", str(tmp_path / "x.json"))
    assert code == 2 and "only a supervisor" in err
    code, _, err = _run(capsys, "trends", "examinations", "--where", "state=MNG")
    assert code == 2 and "forensic examiners" in err
    monkeypatch.setenv("WORKSTATION_USER", "sara")
    code, out, _ = _run(capsys, "trends", "examinations", "--where", "state=MNG", "--json")
    assert code == 0 and all(r["issuing_state"] == "MNG" for r in json.loads(out))


def test_the_site_setting_names_the_border_point(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from workstation.cases import CaseRepository
    from workstation.site import border_point

    monkeypatch.delenv("WORKSTATION_LOCATION", raising=False)
    code, out, _ = _run(capsys, "site", "--json")
    assert code == 0 and json.loads(out)["location"] == ""
    code, _, _ = _run(capsys, "site", "--location", "  Zamyn-Uud   road ", "--office", "D")
    assert code == 0 and border_point() == "Zamyn-Uud road"
    with CaseRepository.open(f"sqlite:///{tmp_path / 's.db'}") as repo:
        from tests.cases.conftest import make_examination

        stored = repo.store_examination(make_examination(), user="anna")
        assert repo.border_point() == "Zamyn-Uud road"
        monkeypatch.setenv("WORKSTATION_LOCATION", "Altanbulag")
        assert repo.border_point() == "Altanbulag"
        from workstation.trends import TrendQuery, TrendStore

        rows = TrendStore(repo).query(TrendQuery(by=("point",))).rows
        assert [r.key for r in rows] == [("Zamyn-Uud road",)]
        assert stored.examination_id in TrendStore(repo).examination_ids(
            TrendQuery(where={"point": ("Zamyn-Uud road",)}))
    (tmp_path / "bad").mkdir()
    monkeypatch.setenv("WORKSTATION_HOME", str(tmp_path / "bad"))
    (tmp_path / "bad" / "site.json").write_text("{\"locaton\": 1}")
    code, _, err = _run(capsys, "site")
    assert code == 2 and "unknown setting" in err
