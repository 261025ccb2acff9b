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


def test_a_draft_gains_its_back_and_chip_files(repo: CaseRepository) -> None:
    """The back face and the chip files come after the first capture: added to the stored
    draft, audited, replaced when taken again, and opened with the capture."""
    exam = make_examination(seed=3)
    ids = repo.store_capture(exam.capture, user="anna")
    rng = np.random.default_rng(4)
    back = CaptureSet(images={Light.WHITE: rng.integers(0, 255, (16, 24, 3), dtype=np.uint8)},
                      dpi=300.0)
    chip = {"EF.SOD": b"\x77\x01\x02", "DG1.bin": b"\x61\x03abc", "chip.json": b"{}\n"}
    before = repo.open_examination(ids.examination_id)
    rec = repo.extend_capture(ids.examination_id, user="anna", back=back, chip_files=chip)
    assert rec.version == before.version  # the reader's data is not the examiner's edit
    assert {i.name for i in rec.images} == {"white", "ir", "back_white"}
    capture = repo.capture_of(rec)
    assert capture.chip_files == chip
    assert capture.back is not None and capture.back.dpi == 300.0
    assert np.array_equal(capture.back.images[Light.WHITE], back.images[Light.WHITE])
    # a second back replaces the first (the examiner turned the card again)
    again = CaptureSet(images={Light.WHITE: np.zeros((8, 8, 3), np.uint8),
                               Light.UV: np.zeros((8, 8, 3), np.uint8)}, dpi=150.0)
    rec = repo.extend_capture(ids.examination_id, user="anna", back=again)
    assert {i.name for i in rec.images} == {"white", "ir", "back_white", "back_uv"}
    capture = repo.capture_of(rec)
    assert capture.back is not None and capture.back.dpi == 150.0
    assert capture.chip_files == chip  # kept
    actions = [e.action for e in repo.audit_events(subjects=(f"examination:{rec.id}",))]
    assert actions.count("capture.extended") == 2
    assert repo.verify_audit().ok


def test_extending_a_concluded_or_unknown_examination_is_refused(repo: CaseRepository
                                                                  ) -> None:
    import pytest

    from workstation.errors import InputError

    ids = repo.store_examination(make_examination(seed=2), user="anna")
    with pytest.raises(InputError, match="nothing to add"):
        repo.extend_capture(ids.examination_id, user="anna")
    with pytest.raises(InputError, match="no examination"):
        repo.extend_capture(999_999, user="anna", chip_files={"EF.SOD": b"x"})
    from workstation.findings import Conclusion, Findings

    rec = repo.open_examination(ids.examination_id)
    rec = repo.save_findings(ids.examination_id, Findings(conclusion=Conclusion.NO_ANOMALY),
                             expected_version=rec.version, user="anna")
    repo.conclude(ids.examination_id, expected_version=rec.version, user="anna")
    with pytest.raises(InputError, match="can no longer change"):
        repo.extend_capture(ids.examination_id, user="anna", chip_files={"EF.SOD": b"x"})


def test_chip_files_of_a_capture_are_stored_with_it(repo: CaseRepository) -> None:
    exam = make_examination(seed=6)
    capture = dataclasses.replace(exam.capture, chip_files={"EF.COM": b"\x60\x00"})
    ids = repo.store_capture(capture, user="anna")
    assert repo.capture_of(repo.open_examination(ids.examination_id)).chip_files == \
        {"EF.COM": b"\x60\x00"}
