"""Issue 19, failure 1: "A forged document passed."

A look-alike specimen package (same state, code and format, its checks removed)
imported into the library won identification (ties went alphabetically) and an
office-paper forgery got verdict pass; a zone with NaN in ``rect_mm`` imported; a
check that ended in a traceback became ``skipped CHECK_ERROR`` and the verdict was
still pass.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.security.conftest import one_line_error, spec_meta, write_package
from workstation.cli import main
from workstation.examination import registry
from workstation.examination.checks import all_checks
from workstation.examination.pipeline import run_examination
from workstation.types import CheckStatus, Verdict


def _lookalike(bundled_root: Path, dest: Path, new_id: str) -> Path:
    """The attacker's package: the genuine UTO-P-2020 package copied, renamed, every
    zone check removed."""
    shutil.copytree(bundled_root / "UTO-P-2020", dest)
    meta = json.loads((dest / "specimen.json").read_text())
    meta["id"] = new_id
    meta["title"] = "Utopia passport, 2020 series, data page"
    for zone in meta["zones"]:
        zone.pop("checks", None)
    (dest / "specimen.json").write_text(json.dumps(meta))
    return dest


@pytest.mark.slow
def test_lookalike_specimen_package_does_not_win_identification(
        home_library: Path, bundled_root: Path, tmp_path: Path,
        simulated_capture: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    package = _lookalike(bundled_root, tmp_path / "pkg", "AAA-P-2020")
    assert main(["specimens", "import", str(package)]) == 0
    ex = run_examination(simulated_capture(forgery="office_paper"))
    assert ex.specimen_id is None  # nobody was picked silently...
    assert sorted(ex.identification.ambiguous) == ["AAA-P-2020", "UTO-P-2020"]
    reasons = {c.code for c in ex.checks if c.status is CheckStatus.SKIPPED}
    assert "SPECIMEN_AMBIGUOUS" in reasons  # ...the tie is shown with both ids
    message = next(c.message for c in ex.checks if c.code == "SPECIMEN_AMBIGUOUS")
    assert "'AAA-P-2020'" in message and "'UTO-P-2020'" in message and "--specimen" in message


@pytest.mark.slow
def test_office_paper_forgery_with_a_lookalike_package_is_not_pass(
        home_library: Path, bundled_root: Path, tmp_path: Path,
        simulated_capture: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    package = _lookalike(bundled_root, tmp_path / "pkg", "AAA-P-2020")
    assert main(["specimens", "import", str(package)]) == 0
    capture = simulated_capture(forgery="office_paper")
    ex = run_examination(capture)
    assert ex.verdict is not Verdict.PASS and ex.specimen_id is None
    # the examiner chooses the genuine specimen: the forgery fails
    chosen = run_examination(capture, specimen_id="UTO-P-2020")
    assert chosen.verdict is Verdict.FAIL
    # and a genuine document still passes when the library holds no look-alike
    assert main(["specimens", "remove", "AAA-P-2020"]) == 0
    assert run_examination(simulated_capture()).verdict is Verdict.PASS


def test_nan_in_rect_mm_does_not_import(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    text = json.dumps(spec_meta()).replace("[5, 5, 10, 8]", "[NaN, 5, 10, 8]")
    assert "NaN" in text
    package = write_package(tmp_path / "nan", text)
    assert main(["specimens", "import", str(package)]) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "finite" in line
    for bad in ("Infinity", "-Infinity", "1e999"):
        package = write_package(tmp_path / f"inf{len(bad)}",
                                json.dumps(spec_meta()).replace("[5, 5, 10, 8]",
                                                                f"[5, 5, {bad}, 8]"))
        assert main(["specimens", "import", str(package)]) == 2
        assert "finite" in one_line_error(capsys.readouterr().err)


@pytest.mark.slow
def test_a_check_that_errors_makes_the_verdict_inconclusive(
        home_library: Path, simulated_capture: Callable[..., Path],
        monkeypatch: pytest.MonkeyPatch) -> None:
    capture = simulated_capture()
    assert run_examination(capture).verdict is Verdict.PASS
    victim = all_checks()[0]

    def broken(ctx: object) -> list[object]:
        raise ValueError("cannot convert float NaN to integer")

    monkeypatch.setitem(registry.REGISTRY, victim.id, dataclasses.replace(victim, func=broken))
    ex = run_examination(capture)
    errored = [c for c in ex.checks if c.code == "CHECK_ERROR"]
    assert errored and errored[0].id == victim.id
    assert ex.verdict is Verdict.INCONCLUSIVE
