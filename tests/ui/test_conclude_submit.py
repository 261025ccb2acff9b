"""File → Conclude and submit for review, in the window: the preview of the report's pages
and the signer, the confirmation, the buttons after; the supervisor's window approves
with its own preview. (The rules behind it are tested without a window in
tests/session/test_signing.py and test_review.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from tests.ui.fakes import find_action, shown_window, sign_in_window
from workstation.cases import CaseRepository, Role, Status
from workstation.findings import Conclusion
from workstation.reports.review import embedded_examination
from workstation.reports.verify import verify_bytes
from workstation.ui.main_window import MainWindow

ACTION = "Conclude and submit for review…"


def _window(qtbot: QtBot, user: str) -> MainWindow:
    _accounts()
    w: MainWindow = shown_window(qtbot, user=user)
    sign_in_window(w, user)
    return w


def _action(w: MainWindow, text: str) -> QAction:
    act: QAction = find_action(w, text)
    return act


def _accounts() -> None:
    """Anna and Sue, enrolled by the administrator (once)."""
    from tests.accounts import enrol

    with CaseRepository.open() as repo:
        if repo.credential("anna") is None:
            enrol(repo, "anna", Role.EXAMINER.value, display_name="Anna Examiner")
            enrol(repo, "sue", Role.SUPERVISOR.value, display_name="Sue Supervisor")


def _examined(qtbot: QtBot, w: MainWindow, conclusion: Conclusion | None) -> None:
    w.capture_async()
    qtbot.waitUntil(lambda: w.examination is not None and w.case_record is not None,
                    timeout=30000)
    qtbot.waitUntil(lambda: not w.runner.running, timeout=30000)
    if conclusion is not None:
        fp = w.findings_panel
        fp.conclusion.setCurrentIndex(fp.conclusion.findData(conclusion.value))


def _dialog(qtbot: QtBot, w: Any) -> Any:
    qtbot.waitUntil(lambda: (w.signing_dialog is not None and w.signing_dialog.isVisible())
                    or w.last_error is not None, timeout=180000)
    assert w.last_error is None, w.last_error
    return w.signing_dialog


def _close(qtbot: QtBot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: not w.runner.running, timeout=60000)
    w.desk.close()


def test_no_conclusion_no_submission(qtbot: QtBot) -> None:
    w = _window(qtbot, "anna")
    act = _action(w, ACTION)
    assert act.shortcut() == QKeySequence("Ctrl+Shift+R")
    _examined(qtbot, w, None)
    act.trigger()
    message = w.last_error or ""
    assert "conclusion" in message and "\n" not in message
    assert w.banner.isVisible() and w.banner_label.text() == message
    assert w.tabs.currentWidget() is w.findings_panel
    assert w.signing_dialog is None and not w.signing.busy
    _close(qtbot, w)


def test_cancel_in_the_preview_signs_nothing(qtbot: QtBot) -> None:
    w = _window(qtbot, "anna")
    _examined(qtbot, w, Conclusion.INCONCLUSIVE)
    _action(w, ACTION).trigger()
    dialog = _dialog(qtbot, w)
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not w.signing.busy, timeout=10000)
    assert w.cases is not None and w.case_record is not None
    assert w.cases.open_examination(w.case_record.id).reports == ()
    assert w.findings_panel.isEnabled() and _action(w, ACTION).isEnabled()
    _close(qtbot, w)


@pytest.mark.slow
def test_examiner_submits_and_supervisor_countersigns(qtbot: QtBot) -> None:
    w = _window(qtbot, "anna")
    _examined(qtbot, w, Conclusion.COUNTERFEIT)
    w.findings_panel.text.setPlainText("UV emblem absent; the print is office paper")
    _action(w, ACTION).trigger()
    assert not _action(w, ACTION).isEnabled()  # while it is prepared: no second click
    dialog = _dialog(qtbot, w)
    assert len(dialog.page_labels) >= 2  # the report's pages, to read before signing
    text = dialog.signer_label.text()
    assert "Anna Examiner" in text and "account anna" in text and "SHA-256" in text
    assert dialog.confirm_button.text() == "Sign and submit for review"
    assert dialog.cancel_button.isDefault()  # signing is never the default
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: "submitted for review" in w.status.text()
                    or w.last_error is not None, timeout=120000)
    assert w.last_error is None, w.last_error
    repo, record = w.cases, w.case_record
    assert repo is not None and record is not None
    done = repo.open_examination(record.id)
    assert done.status is Status.UNDER_REVIEW
    assert done.findings is not None and "office paper" in done.findings.text
    submitted = embedded_examination(repo.blob(done.reports[-1].sha256))
    assert submitted is not None  # it carries the audit chain's head (issue 19)
    carried = submitted["audit_checkpoint"]
    assert repo.checkpoint_problem(carried["seq"], carried["hash"]) == ""
    assert not w.findings_panel.isEnabled()  # under review: the findings are final
    assert w.tabs.tabText(w.tabs.indexOf(w.findings_panel)) == "Findings (submitted)"
    assert not _action(w, ACTION).isEnabled()  # the state after: nothing to submit again
    assert "submitted" in _action(w, ACTION).toolTip().lower()
    assert w.user_button.text() == "User: Anna Examiner (examiner)"
    _close(qtbot, w)

    # the supervisor's window lists it and approves it, after its own preview
    s = _window(qtbot, "sue")
    s.open_cases_async()
    qtbot.waitUntil(lambda: s.panels.review_panel is not None, timeout=30000)
    panel = s.panels.review_panel
    assert panel is not None
    qtbot.waitUntil(lambda: panel.list.count() == 1, timeout=30000)
    assert done.summary.case_reference in panel.list.item(0).text()
    assert panel.select(record.id)
    qtbot.waitUntil(lambda: panel.approve_button.isEnabled(), timeout=120000)
    panel.comment_edit.setPlainText("agreed: counterfeit")
    panel.approve()
    qtbot.waitUntil(lambda: panel.dialog is not None and panel.dialog.isVisible(),
                    timeout=60000)
    assert "Sue Supervisor" in panel.dialog.signer_label.text()
    assert panel.dialog.confirm_button.text() == "Countersign and approve"
    panel.dialog.confirm_button.click()
    sup = s.cases
    assert sup is not None
    qtbot.waitUntil(lambda: sup.open_examination(record.id).status is Status.APPROVED,
                    timeout=120000)
    qtbot.waitUntil(lambda: "Approved" in panel.status_label.text(), timeout=30000)
    assert not panel.approve_button.isEnabled() and not panel.return_button.isEnabled()
    approved = sup.open_examination(record.id)
    assert approved.reviewed_by == "sue" and approved.review_note == "agreed: counterfeit"
    latest = max(approved.reports, key=lambda r: r.id)
    both = verify_bytes(sup.blob(latest.sha256))
    assert [sig.signer for sig in both.signatures] == ["Anna Examiner", "Sue Supervisor"]
    assert both.intact and both.trusted and sup.verify_audit().ok
    _close(qtbot, s)
