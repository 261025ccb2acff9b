from __future__ import annotations

import numpy as np
import pytest

from workstation.types import (
    CaptureSet,
    CheckResult,
    CheckStatus,
    Light,
    Verdict,
    mm_to_px,
    px_to_mm,
    verdict_of,
)


def _img(h: int = 10, w: int = 20) -> np.ndarray:
    return np.zeros((h, w, 3), np.uint8)


def test_light_names_are_the_spec_names() -> None:
    assert [light.value for light in Light] == [
        "white", "uv", "ir", "uv254", "oblique", "oblique_top", "coaxial", "transmitted",
        "ir_transmitted"]
    with pytest.raises(ValueError, match="unknown light 'xray'"):
        Light.parse("xray")


def test_capture_set_requires_white_and_one_size() -> None:
    with pytest.raises(ValueError, match="white"):
        CaptureSet(images={Light.UV: _img()})
    with pytest.raises(ValueError, match="different sizes"):
        CaptureSet(images={Light.WHITE: _img(), Light.IR: np.zeros((11, 20), np.uint8)})
    cap = CaptureSet(images={Light.IR: np.zeros((10, 20), np.uint8), Light.WHITE: _img()})
    assert cap.lights == (Light.WHITE, Light.IR)
    assert cap.size == (10, 20)


def test_mm_px_round_trip() -> None:
    assert mm_to_px(25.4, 300) == pytest.approx(300)
    assert px_to_mm(mm_to_px(12.5, 600), 600) == pytest.approx(12.5)


def _check(status: CheckStatus) -> CheckResult:
    return CheckResult(id="x", status=status, code="C", message="m")


def test_verdict_rules() -> None:
    assert verdict_of([_check(CheckStatus.PASS), _check(CheckStatus.FAIL)], True) is Verdict.FAIL
    assert verdict_of([_check(CheckStatus.PASS), _check(CheckStatus.SKIPPED)], True) is Verdict.PASS
    assert verdict_of([_check(CheckStatus.PASS)], False) is Verdict.INCONCLUSIVE
    assert verdict_of([_check(CheckStatus.WARN)], True) is Verdict.INCONCLUSIVE
    assert verdict_of([_check(CheckStatus.SKIPPED)], True) is Verdict.INCONCLUSIVE


def test_expectations_that_name_something() -> None:
    """formats.md §3: ``ghost_of:<role>`` names the zone a ghost repeats,
    ``perforation[:<field>]`` the MRZ field the holes spell; the others take nothing."""
    from workstation.types import Expect, ZoneCheck

    assert ZoneCheck.parse_expect("ghost_of:portrait") == (Expect.GHOST_OF, "portrait")
    assert ZoneCheck.parse_expect("perforation") == (Expect.PERFORATION, None)
    assert ZoneCheck(Light.TRANSMITTED, Expect.PERFORATION).target == "document_number"
    assert ZoneCheck.parse_expect("relief") == (Expect.RELIEF, None)
    chk = ZoneCheck(Light.WHITE, Expect.GHOST_OF, "portrait")
    assert chk.text == "ghost_of:portrait" and chk.target == "portrait"
    for bad, why in (("ghost_of", "needs what it repeats"), ("relief:x", "takes no parameter"),
                     ("ghost_of:Port rait", "bad parameter"), ("sparkle", "sparkle")):
        with pytest.raises(ValueError, match=why):
            ZoneCheck.parse_expect(bad)
