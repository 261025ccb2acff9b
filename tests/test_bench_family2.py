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


def test_the_photo_cut_from_a_genuine_document_is_a_row_of_portrait_faces() -> None:
    from bench.examine_family2 import BENCH_EDITS, expected_checks

    assert "photo_cut_genuine" in kinds_for("NRV-P-2018")
    assert "photo_cut_genuine" in kinds_for("NRV-ID-2019-F")
    assert "photo_cut_genuine" not in kinds_for("NRV-ID-2019-B")
    # the portrait's own print and, where the face has one, the ghost still showing the
    # holder (issue 16, item 6)
    assert expected_checks()["photo_cut_genuine"] == ("white.portrait", "ghost.portrait")
    edit, options, _ = BENCH_EDITS["photo_cut_genuine"]
    assert (edit, options) == ("photo_swap", {"printed": False})


def test_a_feature_the_density_cannot_resolve_is_neither_caught_nor_missed(
        capsys: pytest.CaptureFixture[str]) -> None:
    unresolved = _row("microprint_line", ["white.match"])
    unresolved["checks"] = [{"id": "white.microprint", "zone": "microprint",  # type: ignore[list-item]
                             "status": "skipped", "code": "RESOLUTION_TOO_LOW", "score": 0.9}]
    rows = [unresolved, _row("photo_swap", ["ghost.portrait"]),
            _row("photo_swap", ["uv.luminescent"])]
    report(rows)
    out = capsys.readouterr().out
    assert "forgeries caught by the check meant for them: 1 of 2" in out
    assert "cannot resolve them (not counted): NRV-P-2018 microprint_line (1)" in out
    assert "microprint_line" not in out.split("misses")[1]
    per_kind = out.split("per forgery kind")[1].splitlines()
    assert any(line.split()[:3] == ["photo_swap", "1/2", "50.0%"] for line in per_kind)


class _Spec:
    def __init__(self, sid: str) -> None:
        self.id = sid


class _Library:
    def __init__(self, ids: list[str]) -> None:
        self._specs = [_Spec(i) for i in ids]

    def specimens(self) -> list[_Spec]:
        return list(self._specs)

    def get(self, sid: str) -> _Spec:
        return next(s for s in self._specs if s.id == sid)

    def known_states(self) -> tuple[str, ...]:
        return ("NRV", "UTO")


def test_a_capture_meets_every_type_but_its_own(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.examine_crosstype import LibraryWithout
    from bench.examine_crosstype import report as cross_report

    lib = LibraryWithout(_Library(["NRV-P-2018", "UTO-P-2020", "NRV-ID-2019-F"]),
                         {"NRV-P-2018"})
    assert lib.ids() == ["UTO-P-2020", "NRV-ID-2019-F"] and "NRV-P-2018" not in lib
    assert lib.get("NRV-P-2018").id == "NRV-P-2018"  # forced: still there
    assert lib.known_states() == ("NRV", "UTO")
    ok = {"status": "skipped", "code": "REGISTRATION_FAILED", "quality": 0.2, "matched": False}
    bad = {"status": "pass", "code": "SPECIMEN_MATCHED", "quality": 0.7, "matched": True}
    rows = [{"type": "NRV-P-2018", "folder": "a", "identified": None,
             "forced": {"UTO-P-2020": ok, "NRV-ID-2019-F": ok}},
            {"type": "UTO-P-2020", "folder": "b", "identified": "NRV-P-2018",
             "forced": {"NRV-P-2018": bad, "NRV-ID-2019-F": ok}}]
    cross_report(rows, {"NRV-P-2018": 0.6, "UTO-P-2020": 0.5, "NRV-ID-2019-F": 0.6})
    out = capsys.readouterr().out
    assert "identified as another type 1/2; forced matches 1/4; rows NOT ok: 1" in out
    assert out.count("  yes\n") == 3 and out.count("  NO\n") == 1
