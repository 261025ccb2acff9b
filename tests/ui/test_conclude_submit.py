"""File → Conclude and submit for review: the examiner's window moves an examination
open → concluded → under review with its signed report; the supervisor's window reviews
it. Also: the review queue is read from the case database in a worker."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from tests.ui.fakes import find_action, shown_window
from workstation.findings import Conclusion
from workstation.ui.main_window import MainWindow

pytest.importorskip("workstation.cases")
pytest.importorskip("workstation.reports")

from workstation.cases import CaseRepository, Role, Status
from workstation.errors import ReportError, StorageError

ACTION = "Conclude and submit for review…"


def _window(qtbot: QtBot, user: str) -> MainWindow:
    w: MainWindow = shown_window(qtbot, user=user)
    return w


def _action(w: MainWindow, text: str) -> QAction:
    act: QAction = find_action(w, text)
    return act


def _accounts() -> None:
    with CaseRepository.open() as repo:
        repo.create_user("anna", Role.EXAMINER, "Anna Examiner")
        repo.create_user("sue", Role.SUPERVISOR, "Sue Supervisor")


def _examined(qtbot: QtBot, w: MainWindow, conclusion: Conclusion | None) -> None:
    w.capture_async()
    qtbot.waitUntil(lambda: w.examination is not None, timeout=10000)
    qtbot.waitUntil(lambda: not w.runner.running, timeout=10000)
    if conclusion is not None:
        fp = w.findings_panel
        fp.conclusion.setCurrentIndex(fp.conclusion.findData(conclusion.value))


def _saved(qtbot: QtBot, w: MainWindow) -> Any:
    w.save_to_case()
    qtbot.waitUntil(lambda: w.case_record is not None, timeout=30000)
    qtbot.waitUntil(lambda: not w.runner.running, timeout=30000)
    assert w.last_error is None, w.last_error
    return w.case_record


def _conclude(qtbot: QtBot, w: MainWindow) -> None:
    _action(w, ACTION).trigger()
    qtbot.waitUntil(lambda: w.conclude_task is None and not w.runner.running
                    and (w.last_error is not None or "submitted" in w.status.text()),
                    timeout=180000)


def _close(qtbot: QtBot, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: not w.runner.running, timeout=60000)
    if w.cases is not None:
        w.cases.close()
        w.cases = None


def _signed_events(repo: Any) -> list[Any]:
    return [e for e in repo.audit_events() if e.action == "report.signed"]


# -- the menu entry ----------------------------------------------------------------------

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
    assert w.conclude_task is None and not w.runner.running
    _close(qtbot, w)


# -- examiner concludes and submits, supervisor approves ---------------------------------

def test_examiner_submits_and_supervisor_countersigns(qtbot: QtBot) -> None:
    from workstation.reports.verify import verify_bytes, verify_report

    _accounts()
    w = _window(qtbot, "anna")
    _examined(qtbot, w, Conclusion.COUNTERFEIT)
    record = _saved(qtbot, w)
    w.findings_panel.text.setPlainText("UV emblem absent; the print is office paper")
    assert w.autosaver is not None and w.autosaver.pending  # a save waits: it goes first
    _conclude(qtbot, w)
    assert w.last_error is None, w.last_error
    assert "submitted for review" in w.status.text()
    repo = w.cases
    assert repo is not None
    done = repo.open_examination(record.id)
    assert done.summary.status is Status.UNDER_REVIEW
    assert done.findings is not None and done.findings.conclusion is Conclusion.COUNTERFEIT
    assert "office paper" in done.findings.text
    assert w.case_record is not None and w.case_record.version == done.version
    assert not w.findings_panel.isEnabled()  # under review: the findings are final
    assert w.tabs.tabText(w.tabs.indexOf(w.findings_panel)) == "Findings (submitted)"
    assert w.user_button.text() == "User: Anna Examiner (examiner)"
    (report,) = done.reports
    assert report.signed and report.signer == "Anna Examiner"
    pdf = repo.blob(report.sha256)
    check = verify_bytes(pdf)
    assert check.intact and check.trusted and len(check.signatures) == 1
    signed = _signed_events(repo)
    assert len(signed) == 1, "the signature is audited once"
    assert signed[0].sha256 == report.sha256 == hashlib.sha256(pdf).hexdigest()
    assert signed[0].actor == "anna"
    actions = [e.action for e in repo.audit_events(subjects=(f"examination:{record.id}",))]
    assert actions.index("examination.concluded") < actions.index("report.signed") \
        < actions.index("examination.submitted")
    _close(qtbot, w)

    # the supervisor's window lists it and approves it
    s = _window(qtbot, "sue")
    s.open_cases_async()
    qtbot.waitUntil(lambda: s.review_panel is not None, timeout=30000)
    panel = s.review_panel
    assert panel is not None
    qtbot.waitUntil(lambda: not panel.syncing, timeout=30000)
    (item,) = panel.queue.items()
    assert item.examination_id == record.id and item.examiner == "anna"
    assert panel.list.count() == 1 and f"{done.summary.case_reference}" in \
        panel.list.item(0).text()
    assert panel.select(item.name)
    qtbot.waitUntil(lambda: panel.verification is not None, timeout=120000)
    assert panel.approve_button.isEnabled(), panel.status_label.text()
    panel.comment_edit.setPlainText("agreed: counterfeit")
    panel.approve()
    sup = s.cases
    assert sup is not None
    qtbot.waitUntil(lambda: sup.open_examination(record.id).summary.status is Status.APPROVED,
                    timeout=120000)
    approved = sup.open_examination(record.id)
    assert approved.reviewed_by == "sue" and approved.review_note == "agreed: counterfeit"
    latest = max(approved.reports, key=lambda r: r.id)
    both = verify_bytes(sup.blob(latest.sha256))
    assert len(both.signatures) == 2 and both.intact and both.trusted
    assert [sig.signer for sig in both.signatures] == ["Anna Examiner", "Sue Supervisor"]
    assert all(sig.intact and sig.trusted and not sig.revoked for sig in both.signatures)
    on_file = verify_report(item.path)  # the queue's copy, verified from the file
    assert len(on_file.signatures) == 2 and on_file.intact and on_file.trusted
    by_sha = [e.sha256 for e in _signed_events(sup)]
    assert len(by_sha) == len(set(by_sha)) == 2  # one event per signed report
    chain = sup.verify_audit()
    assert chain.ok
    _close(qtbot, s)


# -- failures leave nothing half-done -----------------------------------------------------

def test_signing_failure_concludes_nothing(qtbot: QtBot,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    import workstation.reports

    def refuse(*_args: Any, **_kwargs: Any) -> Path:
        raise ReportError("the signing token is not present")

    w = _window(qtbot, "anna")
    _examined(qtbot, w, Conclusion.NO_ANOMALY)
    record = _saved(qtbot, w)
    monkeypatch.setattr(workstation.reports, "write_signed_report", refuse)
    _conclude(qtbot, w)
    message = w.last_error or ""
    assert "signing token is not present" in message and "\n" not in message
    repo = w.cases
    assert repo is not None
    now = repo.open_examination(record.id)
    assert now.summary.status is Status.OPEN and now.reports == ()
    assert not _signed_events(repo)
    actions = {e.action for e in repo.audit_events()}
    assert "examination.concluded" not in actions and "examination.submitted" not in actions
    # the window works on from the version the failed run saved: no self-conflict
    assert w.findings_panel.isEnabled()
    assert w.case_record is not None and w.case_record.version == now.version
    saver = w.autosaver
    assert saver is not None and not saver.blocked
    w.findings_panel.text.setPlainText("second look")
    saver.flush()
    qtbot.waitUntil(lambda: not saver.pending, timeout=30000)
    assert not saver.blocked
    assert repo.open_examination(record.id).findings.text == "second look"
    _close(qtbot, w)


def test_failure_after_concluding_reopens(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    w = _window(qtbot, "anna")
    _examined(qtbot, w, Conclusion.COUNTERFEIT)
    record = _saved(qtbot, w)
    repo = w.cases
    assert repo is not None

    def unreachable(*_args: Any, **_kwargs: Any) -> Any:
        raise StorageError("case database: connection lost")

    monkeypatch.setattr(repo, "submit_for_review", unreachable)
    _conclude(qtbot, w)
    assert "connection lost" in (w.last_error or "")
    now = repo.open_examination(record.id)
    assert now.summary.status is Status.OPEN  # not left concluded, never under review
    assert repo.review_queue() == []
    actions = [e.action for e in repo.audit_events()]
    assert actions.count("examination.concluded") == 1
    assert actions[-1] == "examination.reopened"
    assert w.case_record is not None and w.case_record.version == now.version
    _close(qtbot, w)


def test_a_conflict_is_shown_never_overwritten(qtbot: QtBot) -> None:
    from workstation.findings import Findings

    w = _window(qtbot, "anna")
    _examined(qtbot, w, Conclusion.COUNTERFEIT)
    record = _saved(qtbot, w)
    with CaseRepository.open() as other:  # another workstation saves meanwhile
        other.save_findings(record.id, Findings(conclusion=Conclusion.NO_ANOMALY,
                                                text="seen elsewhere"),
                            expected_version=record.version, user="bob")
    _conclude(qtbot, w)
    message = w.last_error or ""
    assert "changed elsewhere" in message and "\n" not in message
    repo = w.cases
    assert repo is not None
    now = repo.open_examination(record.id)
    assert now.summary.status is Status.OPEN and now.reports == ()
    assert now.findings is not None and now.findings.text == "seen elsewhere"
    assert w.autosaver is not None and w.autosaver.blocked  # reload first
    _close(qtbot, w)


# -- the review queue is read in a worker ---------------------------------------------------

class _Source:
    """A case source recording the thread it is read in."""

    def __init__(self, fail: bool = False) -> None:
        self.threads: list[threading.Thread] = []
        self.decisions: list[tuple[int, str, str]] = []
        self.fail = fail

    def sync(self, queue: Any) -> int:
        self.threads.append(threading.current_thread())
        if self.fail:
            raise StorageError("case database: server closed the connection")
        if queue.items():
            return 0
        queue.submit(b"%PDF-1.7\n%test\n", name="C-1-7.pdf", case_ref="C-1", examiner="anna",
                     source="case", examination_id=7, version=4)
        return 1

    def record_decision(self, item: Any) -> None:
        self.threads.append(threading.current_thread())
        self.decisions.append((item.examination_id, item.state.value, item.comment))


def test_review_refresh_reads_the_case_database_in_a_worker(qtbot: QtBot,
                                                             tmp_path: Path) -> None:
    from workstation.reports.review import ReviewQueue
    from workstation.ui.review import ReviewWidget

    source = _Source()
    added: list[int] = []
    w = ReviewWidget(ReviewQueue(tmp_path / "queue"), cases=source,  # type: ignore[arg-type]
                     identity_provider=lambda: None)
    qtbot.addWidget(w)
    w.synced.connect(added.append)
    assert w.syncing
    qtbot.waitUntil(lambda: not w.syncing, timeout=30000)
    assert source.threads and all(t is not threading.main_thread() for t in source.threads)
    assert w.list.count() == 1 and "case C-1" in w.list.item(0).text()
    w.refresh()
    w.refresh()  # while one runs, a second refresh runs once after it, not alongside
    qtbot.waitUntil(lambda: not w.syncing, timeout=30000)
    assert len(source.threads) == 3 and w.list.count() == 1
    assert added[0] == 1 and added[1:] == [0, 0]
    # the decision is written back to the case database in a worker too
    decided: list[str] = []
    w.decided.connect(lambda _name, state: decided.append(state))
    assert w.select("C-1-7.pdf")
    qtbot.waitUntil(lambda: w.return_button.isEnabled(), timeout=30000)
    w.comment_edit.setPlainText("the capture is blurred")
    w.return_report()
    qtbot.waitUntil(lambda: decided == ["returned"], timeout=30000)
    assert source.decisions == [(7, "returned", "the capture is blurred")]
    assert all(t is not threading.main_thread() for t in source.threads)
    w.runner.wait()


def test_an_unreachable_case_database_still_shows_the_files(qtbot: QtBot,
                                                           tmp_path: Path) -> None:
    from workstation.reports.review import ReviewQueue
    from workstation.ui.review import ReviewWidget

    queue = ReviewQueue(tmp_path / "queue")
    queue.submit(b"%PDF-1.7\n%test\n", name="imported.pdf", source="imported")
    w = ReviewWidget(queue, cases=_Source(fail=True),  # type: ignore[arg-type]
                     identity_provider=lambda: None)
    qtbot.addWidget(w)
    assert w.list.count() == 1  # the files show at once
    qtbot.waitUntil(lambda: not w.syncing, timeout=30000)
    assert "server closed the connection" in w.last_error
    assert w.list.count() == 1
    w.runner.wait()
