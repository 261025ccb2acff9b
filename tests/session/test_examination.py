"""The examiner's workflow without a window: capture, store, examine, findings, open."""

from __future__ import annotations

import dataclasses
import threading
from typing import Any

import pytest

from tests.session.conftest import Events, examined
from tests.ui.fakes import FakeReader, fake_examine
from workstation.cases import CaseRepository, Status
from workstation.findings import Annotation, AnnotationKind, Conclusion, Findings
from workstation.session.desk import Desk
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import QueueRunner, ThreadRunner
from workstation.session.recovery import RecoveryMarker
from workstation.session.viewer import Origin, Tool
from workstation.types import Light


def _actions(repo: CaseRepository, exam_id: int) -> list[str]:
    return [e.action for e in repo.audit_events(subjects=(f"examination:{exam_id}",))]


def test_a_capture_is_stored_as_a_draft_before_its_examination_ends(
        work: ExaminationSession, runner: QueueRunner, repo: CaseRepository) -> None:
    events = Events(work, "captured", "stored", "examined")
    work.capture(FakeReader())
    assert runner.names == ["Capture"]  # nothing happens on the home thread
    runner.run_pending(limit=1)  # the capture
    assert events.names() == ["captured"]
    assert runner.names[1:] == ["Storing the capture", "Examination"]
    runner.run_pending(limit=1)  # the draft commits while the examination still runs
    (record,) = events.of("stored")
    draft = repo.open_examination(record.id)
    assert draft.status is Status.DRAFT and draft.examination["verdict"] == ""
    assert [i.name for i in draft.images] == ["ir", "uv", "white"]
    assert _actions(repo, record.id) == ["capture.stored"]
    runner.settle()  # the examination ends, and is stored with the draft
    assert events.names() == ["captured", "stored", "examined", "stored"]
    stored = repo.open_examination(record.id)
    assert stored.examination["verdict"] == "fail" and stored.status is Status.DRAFT
    assert stored.version == draft.version  # the machine's results are no edit
    assert _actions(repo, record.id) == ["capture.stored", "examination.run"]
    assert work.viewer.lights(Origin.SPECIMEN) == [Light.WHITE, Light.UV, Light.IR]


def test_an_examination_that_ends_first_is_stored_once_the_draft_is(
        work: ExaminationSession, runner: QueueRunner, repo: CaseRepository) -> None:
    work.capture(FakeReader())
    runner.run_pending(limit=1)
    # run the examination before the draft store
    store_job = runner._jobs.pop(0)
    runner.run_pending(limit=1)
    assert work.examination is not None and work.record is None
    runner._jobs.insert(0, store_job)
    runner.settle()
    assert work.record is not None
    assert repo.open_examination(work.record.id).examination["verdict"] == "fail"


def test_the_newest_capture_wins(desk: Desk, repo: CaseRepository) -> None:
    """A late examination of an older capture is dropped, never shown over the new one."""
    runner = ThreadRunner()
    release = threading.Event()

    def slow_then_fast(capture: Any, **kw: Any) -> Any:
        if not release.is_set():
            release.wait(10)
        return fake_examine(capture, **kw)

    work = ExaminationSession(desk, runner, examine=slow_then_fast)
    desk.runner = runner
    try:
        work.take(FakeReader().capture_all())
        first = work.capture_set
        release.set()  # the first examination may now finish, late
        work.take(FakeReader().capture_all())
        assert runner.wait(lambda: not runner.running, timeout_s=60)
        assert work.capture_set is not first
        assert work.examination is not None and work.examination.capture is work.capture_set
        # both captures are stored: nothing lost
        assert len(repo.search()) == 2
    finally:
        runner.close()


def test_findings_save_as_typed_coalesced(work: ExaminationSession, runner: QueueRunner,
                                         repo: CaseRepository) -> None:
    examined(work, runner)
    assert work.record is not None
    exam_id, before = work.record.id, work.record.version
    for text in ("UV", "UV emblem", "UV emblem absent"):
        work.edit(Findings(conclusion=Conclusion.COUNTERFEIT, text=text))
        runner.advance(100)  # typing: within the autosave pause
    assert repo.open_examination(exam_id).version == before  # not yet
    runner.advance(1000)
    stored = repo.open_examination(exam_id)
    assert stored.findings is not None and stored.findings.text == "UV emblem absent"
    assert stored.status is Status.OPEN  # a draft with findings is open
    assert _actions(repo, exam_id).count("finding.saved") == 1
    assert work.record is not None and work.record.version == stored.version


def test_findings_typed_before_the_capture_is_stored_are_saved_once_it_is(
        work: ExaminationSession, runner: QueueRunner, repo: CaseRepository) -> None:
    work.capture(FakeReader())
    runner.run_pending(limit=1)  # captured, not yet stored
    work.edit(Findings(text="laminate lifted"))
    runner.settle()
    assert work.record is not None
    stored = repo.open_examination(work.record.id)
    assert stored.findings is not None and stored.findings.text == "laminate lifted"


def test_marks_and_their_notes_are_findings(work: ExaminationSession, runner: QueueRunner,
                                           repo: CaseRepository) -> None:
    examined(work, runner)
    ann = work.annotator
    ann.set_tool(Tool.RULER)
    ann.click(10, 10, image="capture:white", dpi=100)
    ann.click(110, 10, image="capture:white", dpi=100)
    work.marks_changed()
    work.add_note_to_last_mark("seal edge")
    assert work.findings.annotations[-1].label() == "25.4 mm — seal edge"
    work.remove_last_mark()
    assert work.findings.annotations == ()
    ann.click(0, 0, image="capture:uv", dpi=None)
    ann.click(5, 5, image="capture:uv", dpi=None)
    work.marks_changed()
    runner.settle()
    assert work.record is not None
    stored = repo.open_examination(work.record.id).findings
    assert stored is not None and [a.kind for a in stored.annotations] == [AnnotationKind.RULER]


def test_a_conflict_is_never_overwritten(work: ExaminationSession, runner: QueueRunner,
                                         repo: CaseRepository) -> None:
    events = Events(work, "conflicted", "failed")
    examined(work, runner)
    assert work.record is not None
    other = repo.save_findings(work.record.id, Findings(text="seen elsewhere"),
                               expected_version=work.record.version, user="sue")
    work.edit(Findings(text="mine"))
    runner.settle()
    assert events.of("conflicted") and "changed elsewhere" in events.of("conflicted")[0]
    assert work.autosaver.blocked
    stored = repo.open_examination(other.id)
    assert stored.findings is not None and stored.findings.text == "seen elsewhere"
    work.edit(Findings(text="mine, again"))  # autosaving stays stopped
    runner.settle()
    assert repo.open_examination(other.id).findings.text == "seen elsewhere"  # type: ignore[union-attr]
    work.open(other.id)  # opening it again shows the other changes and clears the conflict
    runner.settle()
    assert work.findings.text == "seen elsewhere" and not work.autosaver.blocked


def test_a_stored_examination_opens_with_capture_examination_and_findings(
        work: ExaminationSession, runner: QueueRunner, repo: CaseRepository,
        desk: Desk) -> None:
    examined(work, runner)
    assert work.record is not None
    exam_id = work.record.id
    work.edit(Findings(conclusion=Conclusion.COUNTERFEIT, text="UV emblem absent"))
    work.annotator.annotations.append(Annotation(AnnotationKind.ARROW, [(1, 1), (9, 9)]))
    work.marks_changed()
    runner.settle()
    again = ExaminationSession(desk, runner, examine=fake_examine)
    events = Events(again, "opened", "examined", "lockChanged")
    again.open(exam_id)
    runner.settle()
    assert events.names()[:2] == ["examined", "opened"]
    assert again.capture_set is not None and again.capture_set.lights == (Light.WHITE, Light.UV,
                                                                          Light.IR)
    assert again.examination is not None and again.findings.text == "UV emblem absent"
    assert len(again.annotator.annotations) == 1 and not again.locked


def test_a_submitted_examination_opens_locked(work: ExaminationSession, runner: QueueRunner,
                                             repo: CaseRepository) -> None:
    examined(work, runner)
    assert work.record is not None
    rec = repo.save_findings(work.record.id, Findings(conclusion=Conclusion.NO_ANOMALY),
                             expected_version=work.record.version, user="anna")
    rec = repo.conclude(rec.id, expected_version=rec.version, user="anna")
    rec = repo.submit_for_review(rec.id, expected_version=rec.version, user="anna")
    work.open(rec.id)
    runner.settle()
    assert work.locked and work.autosaver.blocked
    work.edit(Findings(text="too late"))
    runner.settle()
    assert repo.open_examination(rec.id).findings.text == ""  # type: ignore[union-attr]


def test_a_failed_store_is_shown_and_ctrl_s_tries_again(runner: QueueRunner,
                                                        repo: CaseRepository) -> None:
    calls = {"n": 0}

    def flaky() -> CaseRepository:
        calls["n"] += 1
        if calls["n"] == 1:
            from workstation.errors import StorageError

            raise StorageError("case database: disk full")
        return CaseRepository.open()

    desk = Desk(runner, user_name="anna", open_repository=flaky)
    work = ExaminationSession(desk, runner, examine=fake_examine)
    events = Events(work, "failed")
    work.capture(FakeReader())
    runner.settle()
    (message,) = [m for m in events.of("failed")]
    assert "disk full" in message and "\n" not in message
    assert work.record is None and work.examination is not None  # the work goes on
    work.save_now()
    runner.settle()
    assert work.record is not None
    assert repo.open_examination(work.record.id).examination["verdict"] == "fail"
    desk.close()


def test_the_window_that_died_is_reopened_on_its_examination(
        work: ExaminationSession, runner: QueueRunner, desk: Desk, tmp_path: Any) -> None:
    examined(work, runner)
    assert work.record is not None
    exam_id = work.record.id
    dead = RecoveryMarker(pid=2 ** 22 + 12345)  # a process id nobody has
    dead.working_on(exam_id, "anna")
    fresh = ExaminationSession(desk, runner, examine=fake_examine, marker=RecoveryMarker())
    assert fresh.recover() == exam_id
    runner.settle()
    assert fresh.record is not None and fresh.record.id == exam_id
    assert fresh.examination is not None
    assert fresh.recover() is None  # recovered once
    # a window that closed normally leaves nothing to recover
    fresh.close()
    assert RecoveryMarker().unfinished() == []


def test_report_images_are_named_for_people(work: ExaminationSession,
                                            runner: QueueRunner) -> None:
    examined(work, runner)
    choices = dict(work.report_image_choices())
    assert choices["capture:white"] == "Capture — white light"
    assert choices["specimen:uv"] == "Specimen — UV 365 nm"
    assert choices["view:current"] == "The current view"
    assert choices["evidence:uv.emblem"].startswith("Evidence — ")
    assert all(":" not in label.split(" — ")[0] for label in choices.values())


def test_an_examination_never_carries_findings(work: ExaminationSession,
                                               runner: QueueRunner) -> None:
    examined(work, runner)
    exam = work.examination
    assert exam is not None
    work.edit(Findings(conclusion=Conclusion.FORGED, forgery_kind="photo_substitution"))
    assert "findings" not in {f.name for f in dataclasses.fields(exam)}
    with pytest.raises(dataclasses.FrozenInstanceError):
        exam.verdict = exam.verdict  # type: ignore[misc]
