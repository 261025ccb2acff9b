"""An examination's capture with a back face is stored and opened with both faces."""

from __future__ import annotations

import dataclasses

import numpy as np

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository
from workstation.types import CaptureSet, Light


def test_back_face_stored_and_opened(repo: CaseRepository) -> None:
    exam = make_examination(seed=5)
    rng = np.random.default_rng(9)
    back = CaptureSet(images={Light.WHITE: rng.integers(0, 255, (20, 30, 3), dtype=np.uint8),
                              Light.IR: rng.integers(0, 255, (20, 30), dtype=np.uint8)},
                      dpi=600.0)
    exam = dataclasses.replace(exam, capture=dataclasses.replace(exam.capture, back=back))
    ids = repo.store_examination(exam, user="anna")
    rec = repo.open_examination(ids.examination_id)
    assert {i.name for i in rec.images} == {"white", "ir", "back_white", "back_ir"}
    capture = repo.capture_of(rec)
    assert capture.lights == (Light.WHITE, Light.IR)
    assert capture.back is not None and capture.back.dpi == 600.0
    assert np.array_equal(capture.back.images[Light.IR], back.images[Light.IR])
    assert np.array_equal(capture.images[Light.WHITE], exam.capture.images[Light.WHITE])
