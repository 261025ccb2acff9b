"""The case list and the user chooser, offscreen with pytest-qt."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.cases.conftest import make_examination
from workstation.cases import CaseRepository, Role, Status
from workstation.findings import Conclusion, Findings
from workstation.ui.cases_list import CaseListWidget
from workstation.ui.cases_users import UserDialog


@pytest.fixture
def local_repo(tmp_path: Path) -> Iterator[CaseRepository]:
    repo = CaseRepository.open(f"sqlite:///{tmp_path / 'ui.db'}")
    yield repo
    repo.close()


def _fill(repo: CaseRepository) -> dict[str, int]:
    ids = {}
    for n, (surname, number, ref) in enumerate([("ERIKSSON", "L898902C3", "BCP-1"),
                                                ("SMITH", "X1234567", "BCP-2"),
                                                ("ADAMS", "Z7654321", "AIR-3")]):
        ids[surname] = repo.store_examination(make_examination(surname, "ANNA", number, seed=n),
                                              user="anna", case_ref=ref).examination_id
    rec = repo.open_examination(ids["SMITH"])
    rec = repo.save_findings(rec.id, Findings(conclusion=Conclusion.COUNTERFEIT),
                             expected_version=rec.version, user="anna")
    rec = repo.conclude(rec.id, expected_version=rec.version, user="anna")
    repo.submit_for_review(rec.id, expected_version=rec.version, user="anna")
    return ids


def _names(widget: CaseListWidget) -> list[str]:
    return [r.surname for r in widget.results()]


def test_case_list_searches_sorts_and_opens(qtbot: QtBot, local_repo: CaseRepository) -> None:
    ids = _fill(local_repo)
    widget = CaseListWidget(local_repo)
    qtbot.addWidget(widget)
    widget.refresh()
    qtbot.waitUntil(lambda: len(widget.results()) == 3)
    assert _names(widget) == ["ADAMS", "SMITH", "ERIKSSON"]  # newest first
    assert widget.model.data(widget.model.index(0, 0)) == "AIR-3"

    widget.search_edit.setText("smi")  # debounced search
    qtbot.waitUntil(lambda: _names(widget) == ["SMITH"])
    widget.search_edit.setText("bcp")
    qtbot.waitUntil(lambda: sorted(_names(widget)) == ["ERIKSSON", "SMITH"])
    widget.search_edit.clear()
    qtbot.waitUntil(lambda: len(widget.results()) == 3)

    widget.conclusion_combo.setCurrentIndex(
        widget.conclusion_combo.findData(Conclusion.COUNTERFEIT))
    qtbot.waitUntil(lambda: _names(widget) == ["SMITH"])
    widget.conclusion_combo.setCurrentIndex(0)
    widget.status_combo.setCurrentIndex(widget.status_combo.findData(Status.OPEN))
    qtbot.waitUntil(lambda: sorted(_names(widget)) == ["ADAMS", "ERIKSSON"])
    widget.status_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(widget.results()) == 3)

    # Sort by name (column 2): ascending, then descending on a second click.
    widget.table.horizontalHeader().sectionClicked.emit(2)
    qtbot.waitUntil(lambda: _names(widget) == ["ADAMS", "ERIKSSON", "SMITH"])
    widget.table.horizontalHeader().sectionClicked.emit(2)
    qtbot.waitUntil(lambda: _names(widget) == ["SMITH", "ERIKSSON", "ADAMS"])

    opened: list[int] = []
    widget.examinationOpened.connect(opened.append)
    widget.table.selectRow(1)
    assert widget.open_button.isEnabled()
    qtbot.mouseClick(widget.open_button, Qt.MouseButton.LeftButton)
    assert opened == [ids["ERIKSSON"]]
    widget.runner.wait()


def test_supervisor_sees_the_review_queue(qtbot: QtBot, local_repo: CaseRepository) -> None:
    ids = _fill(local_repo)
    admin = local_repo.create_user("root", Role.EXAMINER, administrator=True)
    boss = local_repo.create_user("sam", Role.SUPERVISOR, actor=admin)
    widget = CaseListWidget(local_repo)
    qtbot.addWidget(widget)
    widget.show()
    assert not widget.review_check.isVisible()
    widget.set_user(boss)
    assert widget.review_check.isVisible()
    widget.review_check.setChecked(True)
    qtbot.waitUntil(lambda: [r.id for r in widget.results()] == [ids["SMITH"]])
    widget.runner.wait()


def test_a_failing_search_is_shown(qtbot: QtBot, local_repo: CaseRepository) -> None:
    widget = CaseListWidget(local_repo)
    qtbot.addWidget(widget)
    local_repo.close()
    with local_repo.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE examination_images")
        conn.exec_driver_sql("DROP TABLE reports")
        conn.exec_driver_sql("DROP TABLE examinations")
    widget.refresh()
    qtbot.waitUntil(lambda: widget.last_error != "")
    assert "case database" in widget.status_label.text()
    widget.runner.wait()


def test_user_dialog_creates_and_selects(qtbot: QtBot, local_repo: CaseRepository) -> None:
    local_repo.create_user("anna", Role.EXAMINER, "Anna Eriksson")
    admin = local_repo.create_user("root", Role.EXAMINER, administrator=True)
    local_repo.create_user("sam", Role.SUPERVISOR, actor=admin)
    dialog = UserDialog(local_repo, last_user="sam")
    qtbot.addWidget(dialog)
    chosen = dialog.selected_user()
    assert chosen is not None and chosen.name == "sam"
    assert dialog.user_list.item(0).text() == "Anna Eriksson (examiner)"

    dialog.name_edit.setText("zoe")
    dialog.display_edit.setText("Zoë")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.FORENSIC_EXAMINER))
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    chosen = dialog.selected_user()
    assert chosen is not None and chosen.name == "zoe"
    assert chosen.role is Role.FORENSIC_EXAMINER
    assert local_repo.get_user("zoe") is not None

    dialog.name_edit.setText("zoe")  # a duplicate is refused with a message
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "exists already" in dialog.message.text()
    # no one makes themselves a supervisor here: only an administrator grants it
    dialog.name_edit.setText("mallory")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.SUPERVISOR))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "only an administrator" in dialog.message.text()
    assert local_repo.get_user("mallory") is None

    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_user_dialog_needs_a_choice(qtbot: QtBot, local_repo: CaseRepository) -> None:
    dialog = UserDialog(local_repo)
    qtbot.addWidget(dialog)
    assert dialog.selected_user() is None
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Choose an account" in dialog.message.text()
