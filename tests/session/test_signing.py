"""Signing is deliberate and never half-done: preview, confirmation, conclude and submit
with its undo, a report to a file recorded before it is written."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from tests.accounts import PASSWORD
from tests.session.conftest import Events, examined
from workstation.cases import CaseRepository, Status
from workstation.errors import ReportError, StorageError
from workstation.findings import Conclusion, Findings
from workstation.reports.review import embedded_examination
from workstation.reports.verify import verify_bytes
from workstation.session.examination import ExaminationSession
from workstation.session.jobs import QueueRunner
from workstation.session.signing import SigningSession, Submitted


def _concluded(work: ExaminationSession, runner: QueueRunner,
               conclusion: Conclusion = Conclusion.COUNTERFEIT) -> None:
    examined(work, runner)
    work.edit(Findings(conclusion=conclusion, text="UV emblem absent; office paper",
                       report_images=["capture:uv", "view:current"]))


def _events(repo: CaseRepository, exam_id: int) -> list[str]:
    return [e.action for e in repo.audit_events(subjects=(f"examination:{exam_id}",))]


def test_no_conclusion_no_submission(work: ExaminationSession, runner: QueueRunner,
                                     signing: SigningSession, repo: CaseRepository) -> None:
    events = Events(signing, "refused", "previewReady")
    examined(work, runner)
    assert signing.prepare_submission() is False
    (reason,) = events.of("refused")
    assert "conclusion" in reason and "\n" not in reason
    runner.settle()
    assert events.of("previewReady") == [] and not signing.busy
    assert work.record is not None
    assert "examination.concluded" not in _events(repo, work.record.id)


def test_nothing_is_signed_before_signing_in(work: ExaminationSession, runner: QueueRunner,
                                             signing: SigningSession,
                                             repo: CaseRepository) -> None:
    """A name alone signs nothing (issue 19): the session's user must sign in first."""
    events = Events(signing, "previewReady", "failed")
    _concluded(work, runner)
    work.desk.sign_out()
    assert work.desk.needs_sign_in()
    assert signing.prepare_submission()
    runner.settle()
    (message, _details) = events.seen[-1][1]
    assert "sign in first" in message and events.of("previewReady") == []
    assert not signing.busy and work.record is not None
    assert "examination.concluded" not in _events(repo, work.record.id)
    work.desk.sign_in("anna", PASSWORD)
    assert signing.prepare_submission()
    runner.settle()
    assert events.of("previewReady")


def test_preview_then_submit(work: ExaminationSession, runner: QueueRunner,
                             signing: SigningSession, repo: CaseRepository) -> None:
    events = Events(signing, "previewReady", "submitted", "refused", "stateChanged")
    _concluded(work, runner)
    assert signing.prepare_submission()
    assert signing.busy
    assert signing.prepare_submission() is False  # a second request is refused, not lost
    assert "Already" in events.of("refused")[-1]
    runner.settle()
    (preview,) = events.of("previewReady")
    assert preview.purpose == "submit" and preview.pages and preview.pages[0][:4] == b"\x89PNG"
    assert preview.signer.name == "Anna Examiner"
    assert "account anna" in preview.signer.source
    assert len(preview.signer.fingerprint.split(":")) == 32
    assert work.record is not None
    exam_id = work.record.id
    before = repo.open_examination(exam_id)
    # the preview saved the findings, signed nothing and concluded nothing
    assert before.status is Status.OPEN and before.reports == ()
    assert before.findings is not None and before.findings.text.startswith("UV emblem")
    signing.confirm()
    runner.settle()
    (done,) = events.of("submitted")
    assert isinstance(done, Submitted)
    after = repo.open_examination(exam_id)
    assert after.status is Status.UNDER_REVIEW
    (report,) = after.reports
    pdf = repo.blob(report.sha256)
    check = verify_bytes(pdf)
    assert check.intact and check.trusted and check.signer == "Anna Examiner"
    # what was signed is what was shown: the preview's bytes, with the signature appended
    assert pdf.startswith(preview.pdf)
    actions = _events(repo, exam_id)
    assert actions.count("report.signed") == 1
    assert actions.index("examination.concluded") < actions.index("report.signed") \
        < actions.index("examination.submitted")
    signed = [e for e in repo.audit_events() if e.action == "report.signed"]
    assert signed[0].sha256 == report.sha256 == hashlib.sha256(pdf).hexdigest()
    # the report carries the audit chain's head (issue 19), recorded with its event
    carried = embedded_examination(pdf)
    assert carried is not None and preview.checkpoint is not None
    assert carried["audit_checkpoint"] == dict(preview.checkpoint)
    assert signed[0].details["checkpoint"] == {"seq": preview.checkpoint["seq"],
                                               "hash": preview.checkpoint["hash"]}
    assert repo.verify_audit().ok
    assert work.locked and signing.why_not_submit() is not None
    assert signing.prepare_submission() is False  # the state after: submitted already
    assert "submitted" in events.of("refused")[-1].lower()


def test_cancelled_preview_signs_nothing(work: ExaminationSession, runner: QueueRunner,
                                         signing: SigningSession, repo: CaseRepository) -> None:
    _concluded(work, runner)
    signing.prepare_submission()
    runner.settle()
    assert signing.pending is not None and work.autosaver.blocked
    signing.cancel()
    assert not signing.busy and not work.autosaver.blocked
    work.edit(Findings(conclusion=Conclusion.COUNTERFEIT, text="second look"))
    runner.settle()
    assert work.record is not None
    rec = repo.open_examination(work.record.id)
    assert rec.status is Status.OPEN and rec.reports == ()
    assert rec.findings is not None and rec.findings.text == "second look"
    signing.confirm()  # nothing pending: refused, nothing signed
    runner.settle()
    assert repo.open_examination(rec.id).reports == ()


def test_a_signing_failure_concludes_nothing(work: ExaminationSession, runner: QueueRunner,
                                             signing: SigningSession, repo: CaseRepository,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import workstation.reports

    events = Events(signing, "failed")
    _concluded(work, runner, Conclusion.NO_ANOMALY)
    signing.prepare_submission()
    runner.settle()

    def refuse(*_a: Any, **_k: Any) -> bytes:
        raise ReportError("the signing token is not present")

    monkeypatch.setattr(workstation.reports, "sign_report", refuse)
    signing.confirm()
    runner.settle()
    (message,) = events.of("failed")
    assert "signing token is not present" in message and "\n" not in message
    assert work.record is not None
    now = repo.open_examination(work.record.id)
    assert now.status is Status.OPEN and now.reports == ()
    assert not [e for e in repo.audit_events() if e.action == "report.signed"]
    assert "examination.concluded" not in _events(repo, now.id)
    # the window works on from the version the failed run saved: no self-conflict
    assert not work.locked and not work.autosaver.blocked
    assert work.record.version == now.version
    work.edit(Findings(conclusion=Conclusion.NO_ANOMALY, text="second look"))
    runner.settle()
    assert not work.autosaver.blocked
    assert repo.open_examination(now.id).findings.text == "second look"  # type: ignore[union-attr]


def test_a_failure_after_concluding_reopens(work: ExaminationSession, runner: QueueRunner,
                                            signing: SigningSession, repo: CaseRepository,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    _concluded(work, runner)
    signing.prepare_submission()
    runner.settle()

    def unreachable(*_a: Any, **_k: Any) -> Any:
        raise StorageError("case database: connection lost")

    monkeypatch.setattr(CaseRepository, "submit_for_review", unreachable)
    signing.confirm()
    runner.settle()
    assert work.record is not None
    now = repo.open_examination(work.record.id)
    assert now.status is Status.OPEN  # not left concluded, never under review
    assert repo.review_queue() == []
    actions = _events(repo, now.id)
    assert actions.count("examination.concluded") == 1 and actions[-1] == "examination.reopened"
    assert work.record.version == now.version and not work.locked


def test_a_conflict_is_shown_never_overwritten(work: ExaminationSession, runner: QueueRunner,
                                               signing: SigningSession,
                                               repo: CaseRepository) -> None:
    events = Events(signing, "failed")
    _concluded(work, runner)
    runner.settle()  # saved
    assert work.record is not None
    repo.save_findings(work.record.id, Findings(conclusion=Conclusion.NO_ANOMALY,
                                                text="seen elsewhere"),
                       expected_version=work.record.version, user="sue")
    signing.prepare_submission()
    runner.settle()
    (message,) = events.of("failed")
    assert "changed elsewhere" in message and "\n" not in message
    now = repo.open_examination(work.record.id)
    assert now.status is Status.OPEN and now.reports == ()
    assert now.findings is not None and now.findings.text == "seen elsewhere"
    assert work.autosaver.blocked and signing.why_not_submit() is not None


def test_a_report_file_is_recorded_before_it_is_written(
        work: ExaminationSession, runner: QueueRunner, signing: SigningSession,
        repo: CaseRepository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import workstation.session.reporting as reporting

    events = Events(signing, "previewReady", "reportSigned")
    _concluded(work, runner, Conclusion.INCONCLUSIVE)
    out = tmp_path / "report.pdf"
    signing.prepare_report(out)
    runner.settle()
    assert not out.exists()  # nothing is signed before the confirmation
    order: list[str] = []
    real_store, real_write = CaseRepository.store_report, reporting.atomic_write_bytes

    def store(self: CaseRepository, *a: Any, **k: Any) -> Any:
        order.append("recorded")
        return real_store(self, *a, **k)

    def write(path: Any, data: bytes) -> None:
        order.append("written")
        real_write(path, data)

    monkeypatch.setattr(CaseRepository, "store_report", store)
    monkeypatch.setattr(reporting, "atomic_write_bytes", write)
    signing.confirm()
    runner.settle()
    assert order == ["recorded", "written"]
    (done,) = events.of("reportSigned")
    assert done.path == out and out.read_bytes() == done.pdf
    assert work.record is not None
    (report,) = repo.open_examination(work.record.id).reports
    assert report.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    (event,) = [e for e in repo.audit_events() if e.action == "report.signed"]
    assert event.actor == "anna" and event.sha256 == report.sha256
    assert repo.verify_audit().ok


def test_a_wrong_pkcs12_password_is_one_line_and_writes_nothing(
        work: ExaminationSession, runner: QueueRunner, signing: SigningSession,
        tmp_path: Path) -> None:
    from workstation.reports.ca import CertificateAuthority, write_pkcs12

    ca = CertificateAuthority.generate("Another office CA")
    p12 = write_pkcs12(ca.issue("Paula Pkcs", user="paula"), tmp_path / "p.p12",
                       "s3cret")
    events = Events(signing, "failed", "previewReady")
    examined(work, runner)
    out = tmp_path / "never.pdf"
    signing.prepare_report(out, pkcs12=p12, password="wrong")
    runner.settle()
    (message,) = events.of("failed")
    assert "wrong password" in message and "\n" not in message
    assert events.of("previewReady") == [] and not list(tmp_path.glob("never.pdf*"))
    assert not signing.busy
    signing.prepare_report(out, pkcs12=p12, password="s3cret")
    runner.settle()
    assert events.of("failed")[1:] == []
    (preview,) = events.of("previewReady")
    assert preview.signer.name == "Paula Pkcs" and str(p12) in preview.signer.source
