"""Through the command line, as acceptance checks drive it: ``workstation simulate`` writes
both faces of the identity card, ``workstation examine --json`` reports its barcodes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workstation.cli import main


@pytest.mark.slow
def test_simulate_then_examine_reports_the_barcodes(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "card"
    assert main(["simulate", "--document", "UTO-ID-2021", "--seed", "12", "--out",
                 str(folder)]) == 0
    capsys.readouterr()
    assert json.loads((folder / "capture.json").read_text())["back"]["lights"]["white"]
    assert main(["examine", str(folder), "--json", "--no-store"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["verdict"] in ("pass", "inconclusive")  # expiry decides, not the barcodes
    faces = {f["face"]: f for f in out["barcodes"]}
    kinds = sorted("aamva" if c["aamva"] else "seal" if c["seal"] else "other"
                   for c in faces["back"]["codes"])
    assert kinds == ["aamva", "seal"]
    assert all(c["centre_mm"] is not None for c in faces["back"]["codes"])
    checks = {(c["id"], c["zone"]): c for c in out["checks"] if c["id"].startswith("barcode.")}
    assert {k for k in checks} == {("barcode.present", "back-pdf417"),
                                   ("barcode.present", "back-seal"),
                                   ("barcode.data", "back-pdf417"),
                                   ("barcode.data", "back-seal"),
                                   ("barcode.seal", "back-seal")}
    assert {c["status"] for c in checks.values()} == {"pass"}
    assert checks[("barcode.seal", "back-seal")]["details"]["verification"]["trusted"]
