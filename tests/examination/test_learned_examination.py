"""Issue 16's done-when on a small scale: a specimen made from one genuine family-2
capture and taught two more (``specimens learn``) examines further genuine captures of
its type on other platens with no false alarm, judges them by what it learned (the
results say so), catches a portrait cut in from another document and a reprint on
office paper, and never matches a document of another type."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bench import family2
from tests.family2.conftest import genuine
from workstation.examination.learn import learn
from workstation.examination.pipeline import examine
from workstation.specimens.edits import Donor, Layout, PageGeometry, apply_edit
from workstation.specimens.library import SpecimenLibrary
from workstation.types import CheckStatus, Verdict

pytestmark = pytest.mark.slow  # module fixtures author or learn specimens (tens of seconds)

FACE = "NRV-ID-2019-F"
OTHER = "NRV-ID-2019-B"  # the same card's back: same size, another layout


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> SpecimenLibrary:
    root = tmp_path_factory.mktemp("learned")
    lib = SpecimenLibrary(root / "lib", bundled=False)
    for face in (FACE, OTHER):
        lib.import_package(family2.write_specimen(face, root / "pkg" / face))
        caps = [(f"learn-{s}", genuine(face, s, "blue").capture) for s in (311, 312)]
        res = learn(lib.get(face), caps)
        assert res.learned == 2
        lib.update(face, lambda _s, r=res: r.specimen)
    return lib


@pytest.mark.parametrize(("seed", "platen"), [(321, "light"), (322, "dark")])
def test_genuine_on_other_platens_pass_by_learned_tolerances(
        library: SpecimenLibrary, seed: int, platen: str) -> None:
    ex = examine(genuine(FACE, seed, platen).capture, library=library)
    assert ex.specimen_id == FACE
    failed = [(c.id, c.zone, c.message) for c in ex.checks if c.status is CheckStatus.FAIL]
    assert failed == []
    assert ex.verdict is not Verdict.FAIL
    judged = [c for c in ex.checks if c.details.get("tolerance") == "learned"]
    assert {c.id for c in judged} >= {"uv.luminescent", "ir.invisible",
                                      "white.match", "white.portrait"}
    # ir.visible by what it learned, unless the reader clipped the paper under IR (an
    # auto-exposure over a dark platen): then by the prior minimum, and it says why
    for c in ex.checks:
        if c.id == "ir.visible" and c.status is not CheckStatus.SKIPPED:
            assert (c.details["tolerance"] == "learned"
                    or c.details.get("ir_paper_clipped", 0.0) >= 0.5), c.details
    one_letter = next(c for c in ex.checks if c.id == "ir.visible" and c.zone == "field-sex")
    assert one_letter.status is CheckStatus.PASS  # judged on its print pixels


def test_a_document_of_another_type_never_matches(library: SpecimenLibrary) -> None:
    ex = examine(genuine(OTHER, 323, "light").capture, library=library, specimen_id=FACE)
    match = next(c for c in ex.checks if c.id == "specimen.match")
    assert ex.specimen_id is None and match.code == "REGISTRATION_FAILED"
    assert "does not register onto specimen" in match.message
    assert match.evidence  # the page as found, to show why


def test_the_other_type_on_a_light_platen_is_its_own(library: SpecimenLibrary) -> None:
    assert examine(genuine(OTHER, 323, "light").capture, library=library).specimen_id == OTHER


def _edited(kind: str, seed: int) -> family2.Capture:
    cap = family2.genuine_capture(FACE, seed, platen="textured", jpeg=False)
    corners, size = family2.page_geometry(cap)
    donor = None
    if kind == "photo_swap":
        other = family2.genuine_capture(FACE, seed + 5000, conditions=cap.conditions,
                                        jpeg=False)
        dc, ds = family2.page_geometry(other)
        donor = Donor(other.capture, PageGeometry(dc, ds))
    edited = apply_edit(kind, cap.capture, PageGeometry(corners, size),
                        Layout.from_specimen(family2.specimen(FACE)), seed=seed, donor=donor)
    return dataclasses.replace(cap, capture=edited.capture)


@pytest.mark.parametrize(("kind", "check"), [
    ("photo_swap", "white.portrait"),
    ("reprint_office_paper", "uv.dull_paper")])
def test_forgeries_are_caught_by_their_check(library: SpecimenLibrary, kind: str,
                                             check: str, tmp_path: Path) -> None:
    ex = examine(_edited(kind, 331).capture, library=library)
    assert ex.specimen_id == FACE
    hits = [c for c in ex.checks if c.id == check and c.status is CheckStatus.FAIL]
    assert hits, [(c.id, c.zone, c.status, c.message) for c in ex.checks if c.id == check]
    assert hits[0].details["tolerance"] in ("learned", "mixed")
