"""``workstation examine CAPTURE [--specimen ID] [--json]`` (formats.md §4)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from workstation.capture import save_capture
from workstation.cli import main
from workstation.types import CaptureSet


@pytest.fixture
def home_with_specimens(bundled_root: Path) -> Path:
    home = Path(os.environ["WORKSTATION_HOME"])
    shutil.copytree(bundled_root, home / "specimens")
    return home


@pytest.mark.slow
def test_examine_json(home_with_specimens: Path, tmp_path: Path,
                      simulate: Callable[..., CaptureSet],
                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = save_capture(simulate("UTO-P-2020", forgery="mrz_ir_transparent", seed=4),
                          tmp_path / "cap")
    assert main(["examine", str(folder), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["capture"] == str(folder)
    assert out["specimen"] == "UTO-P-2020"
    assert out["verdict"] == "fail"
    failed = {(c["id"], c["zone"]) for c in out["checks"] if c["status"] == "fail"}
    assert ("ir.visible", "mrz") in failed
    for c in out["checks"]:
        assert c["status"] in ("pass", "fail", "warn", "skipped")
        assert isinstance(c["message"], str) and c["message"]
    # Human-readable summary without --json.
    assert main(["examine", str(folder), "--specimen", "UTO-P-2020"]) == 0
    text = capsys.readouterr().out
    assert "verdict:  fail" in text and "IR_B900_LOW_CONTRAST" in text


def test_examine_bad_input(home_with_specimens: Path, tmp_path: Path,
                           simulate: Callable[..., CaptureSet],
                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["examine", str(tmp_path / "nowhere"), "--json"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "nowhere" in err[0]
    folder = save_capture(simulate("UTO-P-2020", seed=4), tmp_path / "cap")
    assert main(["examine", str(folder), "--specimen", "NOPE"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "NOPE" in err[0]
    (folder / "capture.json").write_text("{broken", encoding="utf-8")
    assert main(["examine", str(folder)]) == 2
    assert "capture.json" in capsys.readouterr().err
