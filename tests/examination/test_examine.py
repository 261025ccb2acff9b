"""The whole examination on simulated captures: genuine, each forgery, unreadable input."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from workstation.errors import ExaminationError, SpecimenError
from workstation.examination.pipeline import examine
from workstation.types import CaptureSet, CheckStatus, Light, Verdict

Sim = Callable[..., CaptureSet]
#: A date the simulated documents are all valid on (issued 2020-2025, valid 10 years).
TODAY = dt.date(2026, 11, 28)

#: The check meant for each forgery kind (as in bench/examine.py).
EXPECTED = {
    "office_paper": ("uv.dull_paper",),
    "uv_feature_missing": ("uv.luminescent",),
    "mrz_ir_transparent": ("ir.visible",),
    "background_ir_absorbing": ("ir.invisible",),
    "portrait_substituted": ("uv.pattern_continuity", "white.portrait"),
    "mrz_char_altered": ("mrz.checksum",),
    "viz_data_altered": ("mrz.viz",),
    "guilloche_imitated": ("white.match",),
}
#: The optional lights' forgeries (issue 22), examined on captures under every light.
FEATURE_EXPECTED = {
    "relief_flat": ("oblique.relief",),
    "watermark_printed": ("transmitted.watermark",),
    "perforation_printed": ("transmitted.perforation",),
    "fibres_printed": ("uv.fibres",),
    "ghost_other_face": ("ghost.portrait",),
    "microprint_line": ("white.microprint",),
    "coaxial_pattern_missing": ("coaxial.pattern",),
    "uv254_imitated": ("uv254.luminescent",),
}
#: The checks of the optional lights and the light each needs.
OPTIONAL_CHECKS = {"oblique.relief": "oblique", "transmitted.watermark": "transmitted",
                   "transmitted.perforation": "transmitted", "coaxial.pattern": "coaxial",
                   "uv254.luminescent": "uv254"}


def _failed(ex: Any) -> set[str]:
    return {c.id for c in ex.checks if c.status is CheckStatus.FAIL}


def _by_id(ex: Any, check_id: str) -> list[Any]:
    return [c for c in ex.checks if c.id == check_id]


@pytest.mark.parametrize("document", ["UTO-P-2020", "UTO-ID-2021"])
def test_genuine_capture_passes(document: str, simulate: Sim, shared_library: Any) -> None:
    ex = examine(simulate(document, seed=101, every_light=True), library=shared_library,
                 today=TODAY)
    bad = [(c.id, c.zone, c.code, c.score) for c in ex.checks
           if c.status not in (CheckStatus.PASS, CheckStatus.SKIPPED)]
    assert bad == []
    assert ex.specimen_id == document
    assert ex.verdict is Verdict.PASS
    assert ex.mrz is not None and ex.mrz.valid
    # Every zone check ran on the matched specimen: nothing was skipped (the chip checks
    # say CHIP_ABSENT: this capture carries no chip files; tests/chip covers them; a
    # check whose feature the document lacks says NO_ZONE: the card has no watermark; at
    # 300 dpi the microprint's letters are not resolved: it cannot pass, it is skipped
    # naming the density it needs).
    assert [c.id for c in ex.checks if c.status is CheckStatus.SKIPPED
            and c.code not in ("CHIP_ABSENT", "NO_ZONE", "NO_STATISTICS")
            and (c.id, c.code) != ("white.microprint", "RESOLUTION_TOO_LOW")] == []
    for c in _by_id(ex, "white.microprint"):
        assert c.status is CheckStatus.SKIPPED and (c.code == "NO_ZONE" or "dpi" in c.message), c
    assert {c.id for c in ex.checks if c.code == "NO_STATISTICS"} <= {"white.portrait"}


@pytest.mark.parametrize("forgery", sorted(EXPECTED))
def test_each_forgery_is_caught_by_its_check(forgery: str, simulate: Sim,
                                             shared_library: Any) -> None:
    ex = examine(simulate("UTO-P-2020", forgery=forgery, seed=7), library=shared_library,
                 today=TODAY)
    assert ex.verdict is Verdict.FAIL
    assert _failed(ex) & set(EXPECTED[forgery]), [
        (c.id, c.zone, c.status.value, c.score) for c in ex.checks]


@pytest.mark.slow
@pytest.mark.parametrize("forgery", sorted(FEATURE_EXPECTED))
def test_each_feature_forgery_is_caught_by_its_check(forgery: str, simulate: Sim,
                                                     shared_library: Any) -> None:
    ex = examine(simulate("UTO-P-2020", forgery=forgery, seed=7, every_light=True),
                 library=shared_library, today=TODAY)
    assert ex.verdict is Verdict.FAIL
    assert _failed(ex) & set(FEATURE_EXPECTED[forgery]), [
        (c.id, c.zone, c.status.value, c.code, c.score) for c in ex.checks
        if c.status is not CheckStatus.PASS]


def test_optional_light_missing_skips_only_its_checks(simulate: Sim,
                                                      shared_library: Any) -> None:
    """A reader with white, UV and IR only: the checks of the other lights are skipped,
    each naming the light it needs, and the verdict is the same as with every light."""
    ex = examine(simulate("UTO-P-2020", seed=101), library=shared_library, today=TODAY)
    for check_id, light in OPTIONAL_CHECKS.items():
        results = _by_id(ex, check_id)
        assert results, check_id
        for c in results:
            assert c.status is CheckStatus.SKIPPED and c.code == "LIGHT_MISSING", c
            assert c.light is not None and c.light.value == light
            assert light in c.message
    (lights,) = _by_id(ex, "capture.lights")
    assert lights.status is CheckStatus.PASS
    assert set(lights.details["optional_missing"]) == {
        "uv254", "oblique", "oblique_top", "coaxial", "transmitted"}
    assert ex.verdict is Verdict.PASS


def test_lights_checks_of_the_basic_lights_run_or_name_the_light_missing(
        simulate: Sim, shared_library: Any) -> None:
    """The three lights' checks not in OPTIONAL_CHECKS need a basic light: on a capture
    with white, UV and IR they run (never LIGHT_MISSING: microprint at 300 dpi is
    skipped naming the density its letters need); without the UV image ``uv.fibres`` is
    skipped naming ``uv``, and the others still run."""
    basic = simulate("UTO-P-2020", seed=101)
    ex = examine(basic, library=shared_library, today=TODAY)
    for check_id in ("uv.fibres", "ghost.portrait", "white.microprint"):
        results = _by_id(ex, check_id)
        assert results and all(c.code != "LIGHT_MISSING" for c in results), results
    assert {c.status for c in _by_id(ex, "uv.fibres")} == {CheckStatus.PASS}
    assert {c.status for c in _by_id(ex, "ghost.portrait")} == {CheckStatus.PASS}
    (micro,) = _by_id(ex, "white.microprint")
    assert micro.code == "RESOLUTION_TOO_LOW" and "dpi" in micro.message
    no_uv = dataclasses.replace(basic, images={k: v for k, v in basic.images.items()
                                               if k is not Light.UV}, back=None)
    ex = examine(no_uv, library=shared_library, today=TODAY)
    (fib,) = _by_id(ex, "uv.fibres")
    assert fib.status is CheckStatus.SKIPPED and fib.code == "LIGHT_MISSING", fib
    assert fib.light is Light.UV and "uv" in fib.message, fib
    assert {c.status for c in _by_id(ex, "ghost.portrait")} == {CheckStatus.PASS}
    assert all(c.code != "LIGHT_MISSING" for c in _by_id(ex, "white.microprint"))


def test_results_carry_scores_thresholds_and_evidence(simulate: Sim,
                                                      shared_library: Any) -> None:
    ex = examine(simulate("UTO-P-2020", forgery="uv_feature_missing", seed=3),
                 library=shared_library, today=TODAY)
    (emblem,) = [c for c in _by_id(ex, "uv.luminescent") if c.zone == "uv-emblem"]
    assert emblem.status is CheckStatus.FAIL and emblem.code == "VISIBLE_ELEMENT_ABSENT"
    assert emblem.score is not None and emblem.threshold is not None
    assert emblem.score < emblem.threshold
    sources = {(e.source, e.light) for e in emblem.evidence}
    assert ("capture", Light.UV) in sources and ("specimen", Light.UV) in sources
    for e in emblem.evidence:
        assert e.image.dtype == np.uint8 and e.image.size > 0
    # The stage results the window and the report show are there, typed.
    assert ex.page is not None and ex.page.found and ex.page.corners is not None
    assert ex.page.corners.shape == (4, 2) and Light.UV in ex.page.images
    assert ex.identification is not None and ex.identification.specimen is not None
    assert ex.identification.candidates[0].specimen_id == "UTO-P-2020"
    reg = ex.registration
    assert reg is not None and reg.quality > 0.5 and reg.homography.shape == (3, 3)
    assert reg.registered[Light.WHITE].shape[:2] == reg.reference[Light.WHITE].shape[:2]
    # capture px -> work px maps the page's corners onto the registered image's corners
    h, w = reg.registered[Light.WHITE].shape[:2]
    corners = np.c_[ex.page.corners, np.ones(4)] @ reg.capture_to_work.T
    corners = corners[:, :2] / corners[:, 2:]
    assert np.allclose(corners, [[0, 0], [w, 0], [w, h], [0, h]], atol=0.03 * w)
    assert ex.mrz is not None and ex.mrz.found
    assert ex.viz is not None and "surname" in ex.viz.fields


def test_expired_document_is_a_warning_not_a_failure(simulate: Sim,
                                                     shared_library: Any) -> None:
    ex = examine(simulate("UTO-P-2020", seed=101), library=shared_library,
                 today=dt.date(2040, 1, 1))
    (dates,) = _by_id(ex, "dates.validity")
    assert dates.status is CheckStatus.WARN and dates.code == "DOCUMENT_EXPIRED"
    assert ex.verdict is Verdict.INCONCLUSIVE


def test_no_specimen_runs_the_generic_checks(simulate: Sim, tmp_path: Any) -> None:
    from workstation.specimens.library import SpecimenLibrary

    empty = SpecimenLibrary(tmp_path / "empty", bundled=False)
    ex = examine(simulate("UTO-P-2020", seed=101), library=empty, today=TODAY)
    assert ex.specimen_id is None
    assert ex.verdict is Verdict.INCONCLUSIVE
    status = {c.id: c.status for c in ex.checks if c.status is not CheckStatus.SKIPPED}
    for check_id in ("uv.dull_paper", "ir.visible", "mrz.checksum"):
        assert status.get(check_id) is CheckStatus.PASS, (check_id, status)
    (match,) = _by_id(ex, "specimen.match")
    assert match.status is CheckStatus.SKIPPED and match.code == "NO_SPECIMEN"


def test_generic_checks_catch_office_paper_without_specimen(simulate: Sim,
                                                            tmp_path: Any) -> None:
    from workstation.specimens.library import SpecimenLibrary

    empty = SpecimenLibrary(tmp_path / "empty", bundled=False)
    ex = examine(simulate("UTO-P-2020", forgery="office_paper", seed=5), library=empty,
                 today=TODAY)
    (dull,) = _by_id(ex, "uv.dull_paper")
    assert dull.status is CheckStatus.FAIL and dull.code == "UV_DULL_PAPER"
    assert ex.verdict is Verdict.FAIL


def test_forced_specimen_and_unknown_id(simulate: Sim, shared_library: Any) -> None:
    cap = simulate("UTO-P-2020", seed=101)
    ex = examine(cap, library=shared_library, specimen_id="UTO-P-2020", today=TODAY)
    assert ex.specimen_id == "UTO-P-2020"
    # Forcing the wrong specimen: the capture does not register onto it.
    wrong = examine(cap, library=shared_library, specimen_id="UTO-ID-2021", today=TODAY)
    assert wrong.verdict is not Verdict.PASS
    with pytest.raises(SpecimenError):
        examine(cap, library=shared_library, specimen_id="NOPE", today=TODAY)


def test_missing_light_gives_skipped_checks_and_inconclusive(simulate: Sim,
                                                             shared_library: Any) -> None:
    cap = simulate("UTO-P-2020", seed=101)
    no_uv = dataclasses.replace(cap, images={k: v for k, v in cap.images.items()
                                             if k is not Light.UV})
    ex = examine(no_uv, library=shared_library, today=TODAY)
    uv = [c for c in ex.checks if c.id.startswith("uv.")]
    assert uv and all(c.status is CheckStatus.SKIPPED and c.code == "LIGHT_MISSING"
                      for c in uv)
    (lights,) = _by_id(ex, "capture.lights")
    assert lights.status is CheckStatus.WARN and lights.code == "LIGHT_MISSING"
    assert ex.verdict is Verdict.INCONCLUSIVE


def test_wrong_dpi_is_inconclusive(simulate: Sim, shared_library: Any) -> None:
    cap = simulate("UTO-P-2020", seed=101)
    wrong = dataclasses.replace(cap, dpi=600.0)
    ex = examine(wrong, library=shared_library, today=TODAY)
    (size,) = _by_id(ex, "capture.size")
    assert size.status is CheckStatus.WARN and size.code == "DPI_MISMATCH"
    assert ex.verdict is Verdict.INCONCLUSIVE


@pytest.mark.parametrize("kind", ["black", "white", "noise"])
def test_blank_or_empty_platen_never_crashes(kind: str, shared_library: Any) -> None:
    rng = np.random.default_rng(0)
    if kind == "black":
        img = np.zeros((900, 1200, 3), np.uint8)
    elif kind == "white":
        img = np.full((900, 1200, 3), 255, np.uint8)
    else:  # an empty dark platen: sensor noise and uneven light, no document
        ramp = np.linspace(10, 30, 1200, dtype=np.float32)[None, :, None]
        img = np.clip(ramp + rng.normal(0, 2.0, (900, 1200, 3)), 0, 255).astype(np.uint8)
    grey = img[:, :, 0].copy()
    cap = CaptureSet(images={Light.WHITE: img, Light.UV: img.copy(), Light.IR: grey}, dpi=300)
    ex = examine(cap, library=shared_library, today=TODAY)
    assert ex.verdict is Verdict.INCONCLUSIVE
    assert ex.specimen_id is None
    assert all(c.status is not CheckStatus.FAIL for c in ex.checks)
    (match,) = _by_id(ex, "specimen.match")
    assert match.code == "NO_DOCUMENT" and "no document" in match.message


def test_progress_and_cancel(simulate: Sim, shared_library: Any) -> None:
    seen: list[float] = []
    examine(simulate("UTO-P-2020", seed=101), library=shared_library, today=TODAY,
            progress=lambda f, _m: seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == pytest.approx(1.0)
    assert seen == sorted(seen)
    with pytest.raises(ExaminationError, match="cancelled"):
        examine(simulate("UTO-P-2020", seed=101), library=shared_library, today=TODAY,
                cancel=lambda: True)


def test_to_json_follows_the_contract(simulate: Sim, shared_library: Any) -> None:
    ex = examine(simulate("UTO-ID-2021", seed=102), library=shared_library,
                 capture_path="some/folder", today=TODAY)
    out = ex.to_json()
    assert set(out) >= {"capture", "specimen", "mrz", "checks", "verdict"}
    assert out["capture"] == "some/folder"
    assert out["verdict"] in ("pass", "fail", "inconclusive")
    assert out["mrz"]["format"] == "TD1"
    for c in out["checks"]:
        assert set(c) >= {"id", "zone", "light", "status", "code", "score", "message"}
        assert c["status"] in ("pass", "fail", "warn", "skipped")


@pytest.mark.slow
def test_printed_issue_date_is_checked(simulate: Sim, library: Any, tmp_path: Any) -> None:
    from workstation.specimens.documents import PASSPORT
    from workstation.specimens.package import save_specimen
    from workstation.specimens.render import _field_zone
    from workstation.types import Zone

    base = library.get("UTO-P-2020")
    (issue_field,) = [f for f in PASSPORT.fields if f.name == "issue_date"]
    zone = Zone("field-issue_date", _field_zone(PASSPORT, issue_field), "field:issue_date",
                "printed date of issue")
    spec = dataclasses.replace(base, id="UTO-P-2020-ISSUE", zones=(*base.zones, zone),
                               extra={})
    library.import_package(save_specimen(spec, tmp_path / "with-issue"))
    cap = simulate("UTO-P-2020", seed=101)
    issued = dt.date.fromisoformat(cap.metadata["simulation"]["person"]["issue_date"])
    ex = examine(cap, library=library, specimen_id="UTO-P-2020-ISSUE", today=TODAY)
    (dates,) = _by_id(ex, "dates.validity")
    assert dates.status is CheckStatus.PASS
    assert dates.details["issue_date"] == issued.isoformat()
    early = examine(cap, library=library, specimen_id="UTO-P-2020-ISSUE",
                    today=issued - dt.timedelta(days=1))
    (dates,) = _by_id(early, "dates.validity")
    assert dates.status is CheckStatus.FAIL and "issued in the future" in dates.message


def test_mrz_naming_another_document_is_flagged(simulate: Sim, shared_library: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from workstation.examination import pipeline
    from workstation.mrz import parse_mrz

    cap = simulate("UTO-P-2020", seed=101)
    lines = list(cap.metadata["simulation"]["mrz_lines"])
    lines[0] = lines[0][:2] + "FRA" + lines[0][5:]  # not covered by any check digit
    monkeypatch.setattr(pipeline, "_read_mrz",
                        lambda page, dpi, known: parse_mrz(lines, known_states=known))
    ex = examine(cap, library=shared_library, today=TODAY)
    assert ex.specimen_id == "UTO-P-2020"
    (match,) = _by_id(ex, "specimen.match")
    assert match.status is CheckStatus.WARN and match.code == "MRZ_SPECIMEN_MISMATCH"
    assert "FRA" in match.message
    assert ex.verdict is Verdict.INCONCLUSIVE
