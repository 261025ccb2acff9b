"""The review panel in a window: the queue from the case database, the report's pages and
signature status, the countersignature's preview, the buttons after a decision."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pytestqt.qtbot import QtBot

from tests.accounts import PASSWORD, enrol
from tests.reports.conftest import Material
from workstation.cases import CaseRepository, Role, Status
from workstation.reports.sign import sign_pdf
from workstation.reports.verify import verify_bytes
from workstation.session.desk import Desk
from workstation.session.review import ReviewSession
from workstation.ui.bridge import QtRunner
from workstation.ui.review import ReviewWidget


def _submitted(repo: CaseRepository, material: Material, local_ca: Path) -> int:
    """Anna's report, signed with her own key and submitted; Bob enrolled as supervisor
    (both by this workstation's administrator, whose CA replaces the tests' own)."""
    shutil.rmtree(local_ca)
    anna = enrol(repo, "anna", Role.EXAMINER.value, display_name="Anna Examiner")
    enrol(repo, "bob", Role.SUPERVISOR.value, display_name="Bob Supervisor")
    signed = sign_pdf(material.unsigned, anna.identity)
    ids = repo.store_examination(material.examination, user=anna.user,
                                 case_ref="C-2026-0042")
    rec = repo.save_findings(ids.examination_id, material.findings,
                             expected_version=ids.version, user=anna.user)
    rec = repo.conclude(ids.examination_id, expected_version=rec.version, user=anna.user)
    rec = repo.submit_for_review(ids.examination_id, expected_version=rec.version,
                                 user=anna.user)
    repo.store_report(ids.examination_id, signed, user=anna.user, signed=True,
                      signer="Anna Examiner")
    return ids.examination_id


def _widget(qtbot: QtBot) -> tuple[ReviewWidget, QtRunner, Desk]:
    runner = QtRunner()
    desk = Desk(runner, user_name="bob")
    desk.sign_in("bob", PASSWORD)  # as the window's sign-in dialog does
    widget = ReviewWidget(ReviewSession(desk, runner, page_dpi=30))
    qtbot.addWidget(widget)
    return widget, runner, desk


def test_queue_pages_approve_and_the_buttons_after(qtbot: QtBot, material: Material,
                                                   _local_ca: Path) -> None:
    with CaseRepository.open() as repo:
        exam_id = _submitted(repo, material, _local_ca)
    w, runner, desk = _widget(qtbot)
    desk.open_database()
    qtbot.waitUntil(lambda: w.list.count() == 1, timeout=30000)  # read in a worker
    assert "C-2026-0042" in w.list.item(0).text()
    assert w.select(exam_id)
    qtbot.waitUntil(lambda: w.page_count >= 2, timeout=60000)
    assert "Anna Examiner" in w.signature_text.toPlainText()
    assert '"case_ref": "C-2026-0042"' in w.data_text.toPlainText()
    qtbot.waitUntil(lambda: w.approve_button.isEnabled(), timeout=30000)
    assert w.return_button.isEnabled()
    w.comment_edit.setPlainText("agreed")
    w.approve()
    qtbot.waitUntil(lambda: w.dialog is not None and w.dialog.isVisible(), timeout=60000)
    assert "Bob Supervisor" in w.dialog.signer_label.text()
    w.dialog.confirm_button.click()
    qtbot.waitUntil(lambda: "Approved" in w.status_label.text(), timeout=60000)
    assert not w.approve_button.isEnabled() and not w.return_button.isEnabled()
    assert "countersign" not in w.last_error
    with CaseRepository.open() as repo:
        done = repo.open_examination(exam_id)
        assert done.status is Status.APPROVED and done.review_note == "agreed"
        latest = max(done.reports, key=lambda r: r.id)
        assert len(verify_bytes(repo.blob(latest.sha256)).signatures) == 2
    qtbot.waitUntil(lambda: w.list.count() == 0, timeout=30000)  # not queued again
    runner.wait()
    desk.close()


def test_a_return_needs_a_comment_and_a_tampered_file_cannot_be_approved(
        qtbot: QtBot, material: Material, tmp_path: Path, _local_ca: Path) -> None:
    with CaseRepository.open() as repo:
        exam_id = _submitted(repo, material, _local_ca)
    w, runner, desk = _widget(qtbot)
    desk.open_database()
    qtbot.waitUntil(lambda: w.list.count() == 1, timeout=30000)
    w.select(exam_id)
    qtbot.waitUntil(lambda: w.return_button.isEnabled(), timeout=60000)
    w.return_report()
    assert "comment" in w.last_error
    w.comment_edit.setPlainText("the IR crop of the MRZ is missing")
    w.return_report()
    qtbot.waitUntil(lambda: "Returned" in w.status_label.text(), timeout=30000)
    assert not w.return_button.isEnabled()
    # a report file from elsewhere, tampered: shown as modified, not approvable
    data = bytearray(material.signed)
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(bytes(data))
    w.open_file(bad)
    qtbot.waitUntil(lambda: "tampered.pdf:" in w.status_label.text(), timeout=60000)
    assert "MODIFIED" in w.status_label.text()
    assert not w.approve_button.isEnabled() and not w.return_button.isEnabled()
    runner.wait()
    desk.close()
