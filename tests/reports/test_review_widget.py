"""The review widget: queue, report pages, signature status, approve and return."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest.importorskip("PySide6.QtWidgets")

from pytestqt.qtbot import QtBot

from tests.reports.conftest import Material
from workstation.reports.review import ReviewQueue, ReviewState
from workstation.ui.review import ReviewWidget


def _widget(qtbot: QtBot, material: Material, events: list[str]) -> ReviewWidget:
    queue = ReviewQueue(audit=lambda e, d: events.append(e))
    queue.submit(material.signed, name="first.pdf")
    widget = ReviewWidget(queue, identity_provider=lambda: material.supervisor, page_dpi=30)
    qtbot.addWidget(widget)
    return widget


def test_open_and_approve(qtbot: QtBot, material: Material) -> None:
    events: list[str] = []
    w = _widget(qtbot, material, events)
    assert w.list.count() == 1
    assert w.select("first.pdf")
    qtbot.waitUntil(lambda: w.verification is not None, timeout=60000)
    assert w.verification is not None and w.verification.intact
    assert w.page_count >= 2
    assert "Anna Examiner" in w.signature_text.toPlainText()
    assert '"case_ref": "C-2026-0042"' in w.data_text.toPlainText()
    assert w.approve_button.isEnabled() and w.return_button.isEnabled()
    w.comment_edit.setPlainText("agreed")
    w.approve()
    qtbot.waitUntil(lambda: w.queue.items()[0].state is ReviewState.APPROVED, timeout=60000)
    qtbot.waitUntil(lambda: w.verification is not None
                    and len(w.verification.signatures) == 2, timeout=60000)
    assert "Bob Supervisor" in w.signature_text.toPlainText()
    assert not w.approve_button.isEnabled()
    assert events == ["report.submitted_for_review", "report.countersigned"]
    w.runner.wait()


def test_return_needs_a_comment(qtbot: QtBot, material: Material, tmp_path: Path) -> None:
    events: list[str] = []
    w = _widget(qtbot, material, events)
    w.select("first.pdf")
    qtbot.waitUntil(lambda: w.verification is not None, timeout=60000)
    w.return_report()
    assert "comment" in w.last_error
    assert w.queue.items()[0].state is ReviewState.PENDING
    w.comment_edit.setPlainText("the IR crop of the MRZ is missing")
    w.return_report()
    assert w.queue.items()[0].state is ReviewState.RETURNED
    assert events[-1] == "report.returned"
    # a tampered import shows as modified and cannot be approved
    data = bytearray(material.signed)
    data[len(data) // 2] ^= 0x01
    bad = tmp_path / "tampered.pdf"
    bad.write_bytes(bytes(data))
    w.import_files([bad])
    assert w.select("tampered.pdf")
    qtbot.waitUntil(lambda: w.verification is not None, timeout=60000)
    assert not w.verification.intact
    assert "MODIFIED" in w.status_label.text()
    assert not w.approve_button.isEnabled()
    w.runner.wait()


def test_examinations_under_review_in_the_case_database(qtbot: QtBot, material: Material,
                                                        tmp_path: Path) -> None:
    repo_mod = pytest.importorskip("workstation.cases.repository")
    from workstation.cases.records import Status
    from workstation.ui.review import CaseReviewSource

    repo = repo_mod.CaseRepository.open(f"sqlite:///{tmp_path / 'cases.db'}")
    try:
        anna = repo.ensure_user("anna", "examiner")
        bob = repo.create_user("bob", "supervisor")
        ids = repo.store_examination(material.examination, user=anna, case_ref="C-2026-0042")
        rec = repo.save_findings(ids.examination_id, material.findings,
                                 expected_version=ids.version, user=anna)
        rec = repo.conclude(ids.examination_id, expected_version=rec.version, user=anna)
        rec = repo.submit_for_review(ids.examination_id, expected_version=rec.version,
                                     user=anna)
        repo.store_report(ids.examination_id, material.signed, user=anna, signed=True,
                          signer="Anna Examiner")
        queue = ReviewQueue(audit=repo.audit_hook(bob))
        w = ReviewWidget(queue, identity_provider=lambda: material.supervisor, page_dpi=30,
                         cases=CaseReviewSource(repo, bob))
        qtbot.addWidget(w)
        qtbot.waitUntil(lambda: not w.syncing, timeout=30000)  # the queue is read in a worker
        (item,) = queue.items()
        assert item.examination_id == ids.examination_id and item.source == "case"
        assert w.select(item.name)
        qtbot.waitUntil(lambda: w.verification is not None, timeout=60000)
        assert w.approve_button.isEnabled()
        w.comment_edit.setPlainText("agreed")
        w.approve()
        qtbot.waitUntil(lambda: repo.open_examination(ids.examination_id).summary.status
                        is Status.APPROVED, timeout=60000)
        done = repo.open_examination(ids.examination_id)
        assert done.reviewed_by == "bob" and done.review_note == "agreed"
        latest = max(done.reports, key=lambda r: r.id)
        assert latest.signed and latest.signer == "Bob Supervisor"
        both = repo.blob(latest.sha256)
        from workstation.reports.verify import verify_bytes

        assert len(verify_bytes(both).signatures) == 2
        actions = [e.action for e in repo.audit_events()]
        assert "report.countersigned" in actions and "review.approved" in actions
        w.refresh()  # an approved examination is not queued again
        assert w.syncing
        qtbot.waitUntil(lambda: not w.syncing, timeout=30000)
        assert len(queue.items()) == 1
        w.runner.wait()
    finally:
        repo.close()
