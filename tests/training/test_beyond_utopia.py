"""Exercises on a specimen the simulator does not draw: a second document family
(Norvania, bench/family2) imported into the library, each forgery kind made by
editing the specimen's own images on a platen, with its truth where it shows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import bench.family2 as family2
from workstation.errors import InputError
from workstation.session.jobs import QueueRunner
from workstation.session.trainer import TrainerSession, make_exercise
from workstation.specimens.library import SpecimenLibrary
from workstation.training import Course, ItemPlan, Verdict
from workstation.types import Light


@pytest.fixture(scope="module")
def norvania(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return family2.write_specimen("NRV-P-2018", tmp_path_factory.mktemp("nrv") / "NRV-P-2018",
                                  dpi=150.0)


@pytest.fixture
def library(norvania: Path) -> SpecimenLibrary:
    lib = SpecimenLibrary()
    lib.import_package(norvania)
    return lib


COURSE = Course(id="norvania", title="Norvania", documents=("NRV-P-2018",),
                forgeries=("photo_swap", "uv_feature_erased", "mrz_char_edited",
                           "background_ir_absorbing"), count=5, genuine_share=0.2)


@pytest.mark.parametrize("kind", [None, "photo_swap", "uv_feature_erased", "mrz_char_edited",
                                  "background_ir_absorbing"])
def test_each_kind_is_made_on_the_library_specimen(library: SpecimenLibrary,
                                                   kind: str | None) -> None:
    plan = ItemPlan(0, "NRV-P-2018", kind, seed=11, difficulty=0.0)
    ex = make_exercise(plan, COURSE, library)
    genuine = make_exercise(ItemPlan(0, "NRV-P-2018", None, seed=11, difficulty=0.0), COURSE,
                            library)
    assert ex.truth.kind == kind
    assert ex.page[Light.WHITE].shape[:2] == ex.specimen.size_px
    if kind is None:
        return
    # the forged page differs from the same genuine page where the truth says, under
    # the lights the truth names
    light = ex.truth.lights[0]
    diff = np.abs(ex.page[light].astype(np.int16) - genuine.page[light].astype(np.int16))
    if diff.ndim == 3:
        diff = diff.max(axis=2)
    k = ex.specimen.dpi / 25.4
    if ex.truth.rect_mm is not None:
        x, y, w, h = (round(v * k) for v in ex.truth.rect_mm)
        inside = float(diff[y:y + h, x:x + w].mean())
        mask = np.ones_like(diff, bool)
        mask[max(0, y - 20):y + h + 20, max(0, x - 20):x + w + 20] = False
        outside = float(diff[mask].mean())
        assert inside > 4 * outside + 1.0, (inside, outside)
    else:
        assert float(diff.mean()) > 2.0


def test_a_course_on_the_library_specimen_runs(library: SpecimenLibrary) -> None:
    runner = QueueRunner()
    from tests.ui.fakes import fake_examine

    session = TrainerSession(runner, COURSE, trainee="tina", library=library,
                             examine=fake_examine, dpi=100.0)
    session.start()
    runner.settle()
    while session.current is not None:
        session.answer(Verdict.FORGED if session.current.truth.forged else Verdict.GENUINE,
                       kind=session.current.truth.kind)
        runner.settle()
        session.next()
        runner.settle()
    assert session.completion is not None
    assert all(i.correct for i in session.completion.score.items)


def test_a_kind_the_specimen_cannot_carry_refuses_the_course() -> None:
    from workstation.specimens.edit_model import Layout
    from workstation.training import plan_course

    bare = Layout(size_mm=(125.0, 88.0), mrz_format="TD3", mrz=(3.0, 70.0, 119.0, 14.0))
    course = Course(id="x", title="x", documents=("BARE",), count=2,
                    forgeries=("mrz_char_edited", "uv_feature_erased"))
    with pytest.raises(InputError, match="uv_feature_erased cannot be made on its documents "
                                         r"\(BARE: it has no luminescent zone\)"):
        plan_course(course, {"BARE": bare})
