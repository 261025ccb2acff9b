"""``workstation examine DIR... [--json]``: many capture folders in one process."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from workstation.capture import save_capture
from workstation.cli import main
from workstation.console import Progress
from workstation.hardware.simulate_cli import simulate_capture


@pytest.fixture(scope="module")
def captures(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Two small capture folders (150 dpi, cropped): a genuine passport and an identity
    card whose MRZ is printed in an IR-transparent ink."""
    root = tmp_path_factory.mktemp("batch")
    return [save_capture(simulate_capture("UTO-P-2020", forgery=None, seed=5, dpi=150.0,
                                          cropped=True), root / "genuine"),
            save_capture(simulate_capture("UTO-ID-2021", forgery="mrz_ir_transparent",
                                          seed=6, dpi=150.0, cropped=True), root / "forged")]


@pytest.fixture
def home(bundled_root: Path) -> Path:
    home = Path(os.environ["WORKSTATION_HOME"])
    shutil.copytree(bundled_root, home / "specimens")
    return home


def _cases(home: Path) -> list[dict[str, object]]:
    from workstation.cases import CaseRepository, SearchQuery

    with CaseRepository.open() as repo:
        return [{"case": s.case_reference,
                 "capture": repo.open_examination(s.id).examination["capture"]}
                for s in repo.search(SearchQuery())]


@pytest.mark.slow
def test_a_batch_prints_each_captures_object_in_order(
        home: Path, captures: list[Path], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "not-a-capture"
    bad.mkdir()
    args = [str(captures[0]), str(bad), str(captures[1])]
    assert main(["examine", *args, "--json", "--case", "BATCH-1"]) == 2
    out, err = capsys.readouterr()
    listed = json.loads(out)
    assert [o["capture"] for o in listed] == args
    # a folder that cannot be read: its error object, and the others still examined
    assert listed[1]["verdict"] is None and listed[1]["checks"] == []
    assert "capture.json" in listed[1]["error"]
    assert "error" not in listed[0] and "error" not in listed[2]
    assert listed[2]["verdict"] == "fail"
    assert any(c["id"] == "ir.visible" and c["status"] == "fail" for c in listed[2]["checks"])
    # plain progress lines on a standard error that is not a terminal
    lines = err.splitlines()
    assert [ln.split("]")[0] for ln in lines if ln.startswith("examine [")] == \
        ["examine [1/3", "examine [2/3", "examine [3/3"]
    assert any(ln.startswith("workstation: error:") and "capture.json" in ln for ln in lines)
    # both examinations stored, in the one case named
    stored = _cases(home)
    assert sorted(str(s["capture"]) for s in stored) == sorted(args[::2])
    assert {s["case"] for s in stored} == {"BATCH-1"}
    # each element is exactly what the single-capture command prints
    for i in (0, 2):
        assert main(["examine", args[i], "--json", "--no-store"]) == 0
        assert json.loads(capsys.readouterr().out) == listed[i]


@pytest.mark.slow
def test_a_batch_without_json_prints_each_summary(
        home: Path, captures: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examine", *map(str, captures), "--no-store"]) == 0
    out = capsys.readouterr().out
    assert out.count("verdict:  ") == 2
    assert out.index(str(captures[0])) < out.index(str(captures[1]))
    assert _cases(home) == []


def test_batch_refusals_are_one_line_exit_2(home: Path, captures: list[Path], tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    two = [str(c) for c in captures]
    assert main(["examine", *two, "--report", str(tmp_path / "r.pdf")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--report" in err[0]
    assert not (tmp_path / "r.pdf").exists()
    assert main(["examine", *two, "--json", "--specimen", "NOPE"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.strip().splitlines()) == 1 and "NOPE" in err
    assert _cases(home) == []


def test_progress_bar_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    with Progress(3, "examine", tty=True) as progress:
        progress.say("a message")
        for name in ("a", "b", "c"):
            progress.step(f"{name}: pass")
    err = capsys.readouterr().err
    assert "a message" in err and "3/3" in err and "examine" in err
    assert "examine [" not in err  # a bar, not the plain lines


@pytest.mark.slow
def test_an_examination_that_cannot_be_stored_keeps_its_result(
        home: Path, captures: list[Path], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from workstation.cases.repository import CaseRepository
    from workstation.errors import StorageError

    real = CaseRepository.store_examination
    calls: list[int] = []

    def failing_second(self: CaseRepository, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise StorageError("case database: disk full")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(CaseRepository, "store_examination", failing_second)
    assert main(["examine", *map(str, captures), "--json"]) == 1
    out, err = capsys.readouterr()
    first, second = json.loads(out)
    assert "error" not in first
    assert second["verdict"] == "fail" and second["checks"]  # the result is not lost
    assert second["error"] == f"{captures[1]}: not stored: case database: disk full"
    assert f"workstation: error: {captures[1]}: not stored" in err


def test_the_list_is_printed_as_emit_json_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    from workstation.console import JsonListWriter, emit_json

    elements = [{"a": "line\u2028separator\x85next\x1dgroup", "b": [1, {"c": None}]},
                {"é": "ü\n"}]
    writer = JsonListWriter()
    for element in elements:
        writer.add(element)
    writer.close()
    streamed = capsys.readouterr().out
    emit_json(elements)
    assert streamed == capsys.readouterr().out
    assert json.loads(streamed) == elements
