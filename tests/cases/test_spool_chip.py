"""An examination kept in the spool (the database was locked) keeps the files read from
the document's chip: they are stored with it when the spool is replayed."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository
from workstation.cases.prepared import PreparedExamination
from workstation.errors import FormatError

CHIP = {"EF.SOD": b"\x77\x82\x01\x00sod", "DG1": b"\x61\x5b\x5f\x1fmrz", "DG2": b"\x75face"}


def _with_chip() -> PreparedExamination:
    exam = make_examination()
    exam = replace(exam, capture=replace(exam.capture, chip_files=dict(CHIP)))
    return PreparedExamination.from_examination(exam)


def test_a_spooled_examination_keeps_its_chip_files(tmp_path: Path) -> None:
    prepared = _with_chip()
    prepared.save(tmp_path)
    assert sorted(p.name for p in tmp_path.glob("chip-*")) == [
        "chip-DG1.bin", "chip-DG2.bin", "chip-EF.SOD.bin"]
    assert PreparedExamination.load(tmp_path).chip_files == CHIP


def test_a_replayed_examination_stores_its_chip_files(repo: CaseRepository,
                                                      tmp_path: Path) -> None:
    prepared = _with_chip()
    prepared.save(tmp_path)
    ids = repo.store_examination(PreparedExamination.load(tmp_path), user="examiner",
                                 case_ref=None)
    record = repo.open_examination(ids.examination_id)
    assert repo.capture_of(record).chip_files == CHIP


def test_a_spool_folder_missing_a_chip_file_is_reported_incomplete(tmp_path: Path) -> None:
    _with_chip().save(tmp_path)
    (tmp_path / "chip-DG2.bin").unlink()
    with pytest.raises(FormatError, match="not a complete spooled examination"):
        PreparedExamination.load(tmp_path)


def test_a_chip_file_name_cannot_leave_the_spool_folder(tmp_path: Path) -> None:
    prepared = _with_chip()
    prepared.chip_files["../x"] = b"x"
    with pytest.raises(ValueError, match="not a chip file name"):
        prepared.save(tmp_path)
