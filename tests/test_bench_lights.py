"""bench.examine --lights: the plan's counts and seeds, a catch counted only where the
meant check failed (a skip never counts), and the per-commit results cache."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bench.examine_lights import (
    CALIBRATION_SEED0,
    HIGH_DPI,
    LIGHT_KINDS,
    capture_hash,
    outcome,
    plan,
    read_results,
    report,
    subset,
)


def test_plan_counts_per_family_and_keeps_calibration_seeds_apart(tmp_path: Path) -> None:
    jobs = plan(tmp_path, 20, 20)
    per = Counter((fam, kind) for fam, _doc, kind, _s, _f in jobs)
    for fam in ("utopia", "family2"):
        assert per[(fam, "genuine")] == 20
    # every kind a family carries: 20 captures, split over the documents that carry it
    for kind in LIGHT_KINDS:
        assert per[("utopia", kind)] == 20, kind
    assert per[("family2", "perforation_printed")] == 0  # no family-2 document has one
    assert {per[("family2", k)] for k in LIGHT_KINDS if k != "perforation_printed"} == {20}
    # the high-density row: family 2's microprint carrier, genuine and microprint_line,
    # the same seeds as family 2's 300-dpi rows
    hd = [j for j in jobs if j[0] == "family2-hd"]
    assert Counter(j[2] for j in hd) == {"genuine": 20, "microprint_line": 20}
    assert {j[1] for j in hd} == {"NRV-P-2018"}
    f2 = {(d, k, s) for fam, d, k, s, _f in jobs if fam == "family2"}
    assert {(d, k, s) for _fam, d, k, s, _f in hd if k != "genuine"} <= f2
    assert {(d, k, s) for fam, d, k, s, _f in jobs if fam == "family2" and k == "genuine"
            and d == "NRV-P-2018"} < {(d, k, s) for _fam, d, k, s, _f in hd}
    assert HIGH_DPI >= 10 * 25.4 / 0.28  # 10 px per character pitch of 0.28 mm
    test_seeds = {s for fam, _d, _k, s, _f in jobs if fam == "utopia"}
    calib = plan(tmp_path, 20, 20, calibrate=True)
    assert {k for _f, _d, k, _s, _p in calib} == {"genuine"}
    assert {f for f, *_ in calib} == {"utopia", "utopia-hd"}  # never family 2
    assert {s for _f, _d, _k, s, _p in calib} == set(range(CALIBRATION_SEED0,
                                                           CALIBRATION_SEED0 + 10))
    assert not test_seeds & {s for *_, s, _p in calib}
    assert len({f for *_, f in jobs} | {f for *_, f in calib}) == len(jobs) + len(calib)


def test_kinds_and_documents_choose_a_subset_of_the_plan(tmp_path: Path) -> None:
    jobs = plan(tmp_path, 20, 20)
    sub = subset(jobs, "ghost_other_face,genuine")
    assert {k for _f, _d, k, _s, _p in sub} == {"ghost_other_face", "genuine"}
    assert sub == [j for j in jobs if j[2] in ("ghost_other_face", "genuine")]
    one = subset(jobs, "genuine", "NRV-P-2018")
    # the passport's genuine captures at 300 dpi (10) and in the high-density row (20)
    assert {(f, d) for f, d, *_ in one} == {("family2", "NRV-P-2018"),
                                            ("family2-hd", "NRV-P-2018")}
    assert Counter(f for f, *_ in one) == {"family2": 10, "family2-hd": 20}
    assert subset(jobs) == jobs


def _row(kind: str, statuses: list[str], family: str = "utopia") -> dict:
    check = LIGHT_KINDS.get(kind, "oblique.relief")
    return {"family": family, "document": "UTO-P-2020", "kind": kind, "seed": 0,
            "folder": f"/x/{kind}/{len(statuses)}", "verdict": "fail", "examine_ms": 1.0,
            "failed": [], "lights": [{"id": check, "zone": "z", "status": st,
                                      "code": "C", "score": 0.1, "threshold": 0.2,
                                      "measures": {}} for st in statuses]}


def test_a_skip_is_never_a_catch(capsys: pytest.CaptureFixture[str]) -> None:
    assert outcome(_row("microprint_line", ["fail"])) == "caught"
    assert outcome(_row("microprint_line", ["skipped"])) == "skipped"
    assert outcome(_row("microprint_line", [])) == "skipped"
    assert outcome(_row("microprint_line", ["pass", "skipped"])) == "missed"
    rows = [_row("microprint_line", ["skipped"]), _row("microprint_line", ["fail"]),
            _row("genuine", ["pass"])]
    assert report(rows) is False  # 1 of 2 caught: below the target
    out = capsys.readouterr().out
    assert "microprint_line" in out and "1/2" in out and "NO" in out
    misses = out.split("false alarms (genuine):")[1]
    assert "genuine" not in misses.split("examination:")[0]  # a genuine pass is no miss


def test_results_are_reused_only_for_the_same_code(tmp_path: Path) -> None:
    path = tmp_path / "results.jsonl"
    rows = [{**_row("relief_flat", ["fail"]), "code": "abc"},
            {**_row("genuine", ["pass"]), "code": "old"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n{\"cut sho", encoding="utf-8")
    got = read_results(path, "abc")
    assert list(got) == [rows[0]["folder"]]
    assert read_results(path, None) == {}


def test_the_300_dpi_microprint_row_is_skipped_and_judged_in_the_magnified_row(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Family 2's microprint at the reader's 300 dpi is all skipped (RESOLUTION_TOO_LOW):
    reported as such and never a catch, and the kind is judged on the high-density row;
    a miss there (or a skip of another reason) still fails the bench."""
    def row(family: str, status: str, code: str = "C", seed: int = 0) -> dict:
        r = _row("microprint_line", [status], family=family)
        r["lights"][0]["code"] = code
        r["folder"] = f"/x/{family}/{status}/{seed}"
        return r

    low = [row("family2", "skipped", "RESOLUTION_TOO_LOW", i) for i in range(4)]
    high = [row("family2-hd", "fail", "MICROPRINT_DEGRADED", i) for i in range(4)]
    gen = [_row("genuine", ["pass"], family=f) for f in ("family2", "family2-hd")]
    assert report(low + high + gen) is True
    out = capsys.readouterr().out
    assert "0/4" in out and "skipped at this density (caught in family2-hd)" in out
    assert report(low + high[:3] + [row("family2-hd", "pass", "MICROPRINT_RESOLVED")]
                  + gen) is False
    assert report([row("family2", "skipped", "NO_ZONE"), *high, *gen]) is False


def test_a_cached_row_is_for_the_very_capture(tmp_path: Path) -> None:
    folder = tmp_path / "cap"
    folder.mkdir()
    (folder / "capture.json").write_text(json.dumps(
        {"format": "workstation.capture/1", "lights": {"white": "w.png"}}), encoding="utf-8")
    (folder / "w.png").write_bytes(b"one")
    first = capture_hash(folder)
    assert capture_hash(folder) == first
    (folder / "w.png").write_bytes(b"two")
    assert capture_hash(folder) != first
