"""The supervisor's review without a window: one review state, in the case database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.accounts import PASSWORD, enrol
from tests.session.conftest import Events, examined
from workstation.cases import CaseRepository, ExaminationRecord, Role, Status
from workstation.errors import StorageError
from workstation.findings import Conclusion, Findings
from workstation.reports.verify import verify_bytes
from workstation.session.desk import Desk
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import QueueRunner
from workstation.session.review import ReviewSession
from workstation.session.signing import SigningSession


@pytest.fixture
def submitted(work: ExaminationSession, runner: QueueRunner,
              signing: SigningSession) -> ExaminationRecord:
    """Anna's examination, concluded and submitted with her signed report."""
    examined(work, runner)
    work.edit(Findings(conclusion=Conclusion.COUNTERFEIT, text="office paper"))
    signing.prepare_submission()
    runner.settle()
    signing.confirm()
    runner.settle()
    assert work.record is not None and work.record.status is Status.UNDER_REVIEW
    return work.record


@pytest.fixture
def sue(runner: QueueRunner, repo: CaseRepository) -> Iterator[Desk]:
    d = Desk(runner, user_name="sue")
    d.open_database()
    runner.settle()
    d.sign_in("sue", PASSWORD)
    yield d
    d.close()


def _review(sue: Desk, runner: QueueRunner) -> ReviewSession:
    review = ReviewSession(sue, runner)
    review.refresh()
    runner.settle()
    return review


def test_the_queue_is_the_case_database(submitted: ExaminationRecord, sue: Desk,
                                        runner: QueueRunner) -> None:
    review = _review(sue, runner)
    assert [s.id for s in review.queue] == [submitted.id]
    events = Events(review, "queueChanged")
    review.refresh()
    review.refresh()  # while one runs, a second runs once after it, not alongside
    assert runner.names.count("Reading the review queue") == 2  # the first, and now one
    runner.settle()
    assert runner.names.count("Reading the review queue") == 3
    assert len(events.of("queueChanged")) == 2


def test_approve_countersigns_after_the_preview(submitted: ExaminationRecord, sue: Desk,
                                                runner: QueueRunner,
                                                repo: CaseRepository) -> None:
    review = _review(sue, runner)
    events = Events(review, "loaded", "previewReady", "decided", "refused")
    review.select(submitted.id)
    runner.settle()
    (doc,) = events.of("loaded")
    assert doc.approvable and doc.pages and doc.data is not None
    assert doc.data["case_ref"] == submitted.summary.case_reference
    assert review.why_not_approve() is None
    review.prepare_approval("agreed: counterfeit")
    runner.settle()
    (preview,) = events.of("previewReady")
    assert preview.purpose == "approve" and preview.signer.name == "Sue Supervisor"
    assert repo.open_examination(submitted.id).status is Status.UNDER_REVIEW  # not yet
    review.confirm()
    runner.settle()
    (decision,) = events.of("decided")
    assert decision.state == "approved" and decision.comment == "agreed: counterfeit"
    approved = repo.open_examination(submitted.id)
    assert approved.status is Status.APPROVED and approved.reviewed_by == "sue"
    latest = max(approved.reports, key=lambda r: r.id)
    both = verify_bytes(repo.blob(latest.sha256))
    assert [s.signer for s in both.signatures] == ["Anna Examiner", "Sue Supervisor"]
    assert both.intact and both.trusted
    actions = [e.action for e in repo.audit_events(subjects=(f"examination:{submitted.id}",))]
    assert actions[-2:] == ["report.countersigned", "review.approved"]  # one transaction
    assert repo.verify_audit().ok
    # the state after: decided, so a second approval is refused with a reason
    assert review.prepare_approval("again") is False
    assert "decided already" in events.of("refused")[-1]
    assert review.queue == ()


def test_a_return_needs_a_comment(submitted: ExaminationRecord, sue: Desk,
                                  runner: QueueRunner, repo: CaseRepository) -> None:
    review = _review(sue, runner)
    events = Events(review, "refused", "decided")
    review.select(submitted.id)
    runner.settle()
    assert review.return_report("   ") is False
    assert "comment" in events.of("refused")[0]
    assert review.return_report("portrait check needs a second capture")
    runner.settle()
    (decision,) = events.of("decided")
    assert decision.state == "returned" and decision.by == "Sue Supervisor"
    back = repo.open_examination(submitted.id)
    assert back.status is Status.RETURNED and back.reviewed_by == "sue"
    assert back.review_note == "portrait check needs a second capture"
    assert review.return_report("again") is False


def test_only_a_supervisor_and_never_for_their_own(submitted: ExaminationRecord,
                                                    runner: QueueRunner,
                                                    repo: CaseRepository) -> None:
    anna = Desk(runner, user_name="anna")
    anna.open_database()
    runner.settle()
    review = _review(anna, runner)
    review.select(submitted.id)
    runner.settle()
    assert "supervisor" in (review.why_not_approve() or "")
    assert "supervisor" in (review.why_not_return("a comment") or "")
    enrol(repo, "sam", Role.SUPERVISOR.value, display_name="Sam Supervisor")
    anna.close()
    own = Desk(runner, user_name="sam")
    own.open_database()
    runner.settle()
    review = _review(own, runner)
    review.select(submitted.id)
    runner.settle()
    assert review.why_not_approve() is None  # sam did not examine it
    own.close()


def test_an_unreachable_database_is_shown(runner: QueueRunner) -> None:
    def down() -> CaseRepository:
        raise StorageError("case database: server closed the connection")

    desk = Desk(runner, user_name="sue", open_repository=down)
    review = ReviewSession(desk, runner)
    events = Events(review, "failed")
    review.refresh()
    runner.settle()
    (message,) = events.of("failed")
    assert "server closed the connection" in message and not review.refreshing


def test_a_report_from_elsewhere_is_countersigned_into_a_copy(
        submitted: ExaminationRecord, sue: Desk, runner: QueueRunner,
        repo: CaseRepository, tmp_path: Path) -> None:
    (report,) = submitted.reports
    outside = tmp_path / "from-another-office.pdf"
    outside.write_bytes(repo.blob(report.sha256))
    review = ReviewSession(sue, runner)
    events = Events(review, "loaded", "previewReady", "decided")
    review.open_file(outside)
    runner.settle()
    (doc,) = events.of("loaded")
    assert doc.record is None and doc.approvable
    review.prepare_approval("checked")
    runner.settle()
    review.confirm()
    runner.settle()
    (decision,) = events.of("decided")
    assert decision.path == tmp_path / "from-another-office-countersigned.pdf"
    assert len(verify_bytes(decision.path.read_bytes()).signatures) == 2
    assert outside.read_bytes() == repo.blob(report.sha256)  # the original is untouched
    assert any(e.action == "report.countersigned" for e in repo.audit_events())
    # the examination in the database is not decided by a file
    assert repo.open_examination(submitted.id).status is Status.UNDER_REVIEW


def test_a_stale_decision_is_refused(submitted: ExaminationRecord, sue: Desk,
                                     runner: QueueRunner, repo: CaseRepository) -> None:
    review = _review(sue, runner)
    events = Events(review, "failed")
    review.select(submitted.id)
    runner.settle()
    other = repo.get_user("sue")
    assert other is not None
    repo.review(submitted.id, approve=False, expected_version=submitted.version,
                user=other, note="decided on another workstation")
    assert review.return_report("mine") is True
    runner.settle()
    assert "changed elsewhere" in events.of("failed")[0]
    assert repo.open_examination(submitted.id).review_note == "decided on another workstation"
