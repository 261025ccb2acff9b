"""The honest bench's bookkeeping: which forgeries each face can carry, and that a
forgery counts as caught only when the check meant for it failed."""

from __future__ import annotations

import pytest

from bench.examine_family2 import kinds_for, report


def test_kinds_per_face() -> None:
    assert "photo_swap" in kinds_for("NRV-P-2018") and "data_retyped" in kinds_for("NRV-P-2018")
    front = kinds_for("NRV-ID-2019-F")
    assert "photo_swap" in front and not any(k.startswith("mrz_") for k in front)
    back = kinds_for("NRV-ID-2019-B")
    assert "mrz_char_edited" in back and "photo_swap" not in back


def _row(kind: str, failed: list[str], verdict: str = "fail") -> dict[str, object]:
    return {"face": "NRV-P-2018", "kind": kind, "folder": "/x/00001", "platen": "dark",
            "verdict": verdict, "specimen": "NRV-P-2018", "examine_ms": 100.0,
            "failed": failed, "checks": [{"id": c, "zone": "z", "status": "fail", "code": "X",
                                          "score": 1.0} for c in failed],
            "page_error_mm": 0.3, "find_page_error_mm": 0.2, "visible": 1.0}


def test_caught_only_by_the_meant_check(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [_row("genuine", [], "pass"), _row("genuine", ["ir.visible"]),
            _row("photo_swap", ["uv.luminescent"]), _row("photo_swap", ["white.portrait"]),
            _row("reprint_office_paper", ["uv.dull_paper"])]
    report(rows)
    out = capsys.readouterr().out
    assert "genuine failed: 1 of 2; forgeries caught by the check meant for them: 2 of 3" in out
    assert any(line.split()[:2] == ["ir.visible", "1/2"] for line in out.splitlines())
    assert "photo_swap" in out.split("misses")[1]
