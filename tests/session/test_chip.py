"""The chip session without a window: read the simulated chip with the page's MRZ, show
each authentication step, add the files to the stored capture, examine again; failures,
cancelling and a newer capture."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from tests.session.conftest import Events, examined
from tests.ui.fakes import FakeReader, fake_examine
from workstation.cases import CaseRepository
from workstation.chip.lds import parse_dg1
from workstation.chip.personalise import chip_for_document
from workstation.errors import DeviceError
from workstation.examination.results import Examination
from workstation.mrz import parse_mrz
from workstation.session.chip import SIMULATED, ChipReport, ChipSession
from workstation.session.desk import Desk
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import QueueRunner
from workstation.session.recovery import RecoveryMarker
from workstation.types import CheckStatus

DOC, SEED = "UTO-P-2020", 11


def printed_mrz(doc: str = DOC, seed: int = SEED) -> list[str]:
    """The MRZ printed on the simulated document (its genuine chip's DG1)."""
    return parse_dg1(chip_for_document(doc, seed=seed).files["DG1"])


def chip_examine(lines: list[str]) -> Any:
    """The synthetic examination, reading ``lines`` as the page's MRZ, with the chip
    checks of the capture's chip files run as the pipeline runs them."""

    def examine(capture: Any, **kwargs: Any) -> Examination:
        exam = fake_examine(capture, **kwargs)
        mrz = parse_mrz(lines)
        checks = list(exam.checks)
        if capture.chip_files:
            from workstation.chip.files import collect
            from workstation.chip.verify import chip_checks, verify_chip

            files, record = collect(capture.chip_files)
            v = verify_chip(files, record=record, issuing_state="UTO")
            checks += chip_checks(v, printed_mrz=mrz.to_json("page"))
        return dataclasses.replace(exam, mrz=mrz, checks=checks)

    return examine


@pytest.fixture
def chip_work(desk: Desk, runner: QueueRunner) -> ExaminationSession:
    return ExaminationSession(desk, runner, examine=chip_examine(printed_mrz()),
                              marker=RecoveryMarker())


def read(chip: ChipSession, runner: QueueRunner, **kwargs: Any) -> None:
    assert chip.read(**kwargs) is not None
    runner.settle()


def steps(report: ChipReport) -> dict[str, tuple[CheckStatus, str]]:
    return {s.title.split(" (")[0]: (s.status, s.code) for s in report.steps}


@pytest.mark.parametrize("prefer_pace,access", [(True, "PACE"), (False, "BAC")])
def test_read_verify_store_and_examine_again(chip_work: ExaminationSession,
                                             runner: QueueRunner, repo: CaseRepository,
                                             prefer_pace: bool, access: str) -> None:
    examined(chip_work, runner)
    chip = ChipSession(chip_work, runner)
    chip.follow_platen(DOC, None, SEED)
    events = Events(chip, "chipRead", "verified", "failed", "progressed")
    work_events = Events(chip_work, "extended", "examined", "stored")
    read(chip, runner, prefer_pace=prefer_pace)
    assert not events.of("failed")
    got = events.of("chipRead")[0]
    assert got.access == access
    first = events.of("verified")[0]  # the chip's own verification, before the examination
    assert not first.from_examination and first.access.startswith(access)
    s = steps(first)
    assert s["Access control"][0] is CheckStatus.PASS
    assert s["Passive Authentication"] == (CheckStatus.PASS, "PA_VALID")
    assert s["The chip's MRZ"] == (CheckStatus.PASS, "CHIP_MRZ_MATCH")
    assert {"EF.SOD", "DG1.bin", "DG2.bin"} <= {name for name, _ in first.files}
    assert first.face is not None and first.face.ndim == 3
    progress = events.of("progressed")
    assert progress and progress[0] == 0
    # the files went to the capture, the examination ran again with the chip checks
    assert work_events.of("extended") and chip_work.capture_set is not None
    assert "EF.SOD" in chip_work.capture_set.chip_files
    exam = chip_work.examination
    assert exam is not None and any(c.id == "chip.passive_authentication" for c in exam.checks)
    last = events.of("verified")[-1]
    assert last.from_examination
    # stored with the draft: the capture reopens with its chip
    assert chip_work.record is not None
    stored = repo.capture_of(repo.open_examination(chip_work.record.id))
    assert stored.chip_files == chip_work.capture_set.chip_files
    # the chip's photograph is beside the printed portrait in the viewer
    from workstation.session.viewer import Origin

    assert any(k.origin is Origin.CHIP for k in chip_work.viewer.sources)


def test_a_chip_whose_dg1_names_another_holder_fails_its_step(
        chip_work: ExaminationSession, runner: QueueRunner) -> None:
    examined(chip_work, runner)
    chip = ChipSession(chip_work, runner)
    chip.follow_platen(DOC, "chip_other_dg1", SEED)
    events = Events(chip, "verified", "failed")
    read(chip, runner)
    assert not events.of("failed")
    s = steps(events.of("verified")[0])
    assert s["Passive Authentication"] == (CheckStatus.PASS, "PA_VALID")  # correctly signed
    assert s["The chip's MRZ"] == (CheckStatus.FAIL, "CHIP_MRZ_MISMATCH")


def test_a_chip_resigned_by_an_unknown_signer_fails_passive_authentication(
        chip_work: ExaminationSession, runner: QueueRunner) -> None:
    examined(chip_work, runner)
    chip = ChipSession(chip_work, runner)
    chip.follow_platen(DOC, "chip_unknown_signer", SEED)
    events = Events(chip, "verified")
    read(chip, runner)
    assert steps(events.of("verified")[0])["Passive Authentication"] == \
        (CheckStatus.FAIL, "PA_SIGNER_UNTRUSTED")


def test_reading_needs_a_capture_and_its_mrz(desk: Desk, runner: QueueRunner) -> None:
    work = ExaminationSession(desk, runner, examine=fake_examine)
    chip = ChipSession(work, runner)
    assert chip.why_not_read() is not None and "Capture" in (chip.why_not_read() or "")
    events = Events(chip, "message")
    assert chip.read() is None and events.of("message")
    work.take(FakeReader().capture_all(), examine=False)
    assert "Wait for the examination" in (chip.why_not_read() or "")
    work.examine()
    runner.settle()
    # fake_examine's MRZ has no lines: only the card access number opens the chip
    assert "card access number" in (chip.why_not_read() or "")
    assert chip.why_not_read(can="123456") is None


def test_a_reader_that_fails_is_a_one_line_error(chip_work: ExaminationSession,
                                                 runner: QueueRunner) -> None:
    examined(chip_work, runner)

    def broken(name: str) -> Any:
        raise DeviceError(name, "no such reader (unplugged?)")

    chip = ChipSession(chip_work, runner, open_reader=broken)
    chip.choose("ACS ACR1252 01 00")
    events = Events(chip, "failed")
    read(chip, runner)
    (message,) = events.of("failed")
    assert "unplugged" in message and "\n" not in message
    assert chip_work.capture_set is not None and not chip_work.capture_set.chip_files


def test_cancel_adds_nothing(chip_work: ExaminationSession, runner: QueueRunner) -> None:
    examined(chip_work, runner)
    chip = ChipSession(chip_work, runner)
    events = Events(chip, "cancelled", "failed", "chipRead")
    job = chip.read()
    assert job is not None
    chip.cancel()
    runner.settle()
    assert events.of("cancelled") == [None] and not events.of("failed")
    assert not events.of("chipRead")
    assert chip_work.capture_set is not None and not chip_work.capture_set.chip_files


def test_a_newer_capture_keeps_the_old_chip_out(chip_work: ExaminationSession,
                                                runner: QueueRunner) -> None:
    examined(chip_work, runner)
    chip = ChipSession(chip_work, runner)
    chip.follow_platen(DOC, None, SEED)
    events = Events(chip, "chipRead", "verified", "message")
    assert chip.read() is not None
    chip_work.take(FakeReader().capture_all(), examine=False)  # queued behind the reading
    runner.settle()
    assert events.of("chipRead")
    assert chip_work.capture_set is not None and not chip_work.capture_set.chip_files
    assert any("Another document" in m for m in events.of("message"))


def test_the_wrong_document_on_the_chip_reader_is_refused(chip_work: ExaminationSession,
                                                          runner: QueueRunner) -> None:
    """The chip of another document does not open with this page's MRZ: a clear error."""
    examined(chip_work, runner)
    chip = ChipSession(chip_work, runner)
    chip.follow_platen(DOC, None, SEED + 1)
    events = Events(chip, "failed", "chipRead")
    read(chip, runner)
    (message,) = events.of("failed")
    assert message.startswith("Reading the chip failed") and "\n" not in message
    assert not events.of("chipRead")


def test_reader_list_has_the_simulator(chip_work: ExaminationSession,
                                       runner: QueueRunner) -> None:
    chip = ChipSession(chip_work, runner, list_readers=lambda: [
        {"name": "simulated", "kind": "simulated", "card_present": True},
        {"name": "ACS ACR1252 01 00", "kind": "pcsc", "card_present": False}])
    events = Events(chip, "readersListed", "readerChosen")
    chip.refresh_readers()
    runner.settle()
    (found,) = events.of("readersListed")
    assert [r.label for r in found] == ["Simulated chip reader",
                                        "ACS ACR1252 01 00 (no chip)"]
    assert chip.reader_name == SIMULATED
    chip.choose("ACS ACR1252 01 00")
    assert events.of("readerChosen") == ["ACS ACR1252 01 00"]
