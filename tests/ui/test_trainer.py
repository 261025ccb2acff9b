"""The trainer window: a course of 10 documents start to finish, answered through the
widgets; the summary and the stored record agree with the session's scores; the
screenshots of the exercise, the debrief and the progress chart."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.fakes import fake_examine
from workstation.cases import CaseRepository
from workstation.findings import Annotation, AnnotationKind
from workstation.training import Verdict
from workstation.training.records import TrainingStore
from workstation.ui.trainer import TrainerWindow
from workstation.ui.trainer_progress import TrainerProgress

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_a_course_of_ten_documents_runs_in_the_window(qtbot: object, tmp_path: Path) -> None:
    repo = CaseRepository.open()
    try:
        w = TrainerWindow(trainee="tina", repository=repo, examine=fake_examine, dpi=100.0)
        qtbot.addWidget(w)  # type: ignore[attr-defined]
        w.show()
        w.choose("01-uv-paper")
        assert w.start_button.isEnabled()
        w.start()
        s = w.session
        assert s is not None
        for n in range(10):
            qtbot.waitUntil(lambda: s.current is not None, timeout=60000)  # type: ignore[attr-defined]
            ex = s.current
            assert ex is not None
            assert w.item_label.text() == f"Document {n + 1} of 10"
            assert not w.submit_button.isEnabled()  # nothing chosen yet
            assert not w.checks_table.isVisible()  # the checks stay locked
            truth = ex.truth
            if n == 3:  # one wrong answer
                w.verdict_buttons[Verdict.GENUINE if truth.forged else Verdict.FORGED].click()
            elif truth.forged:
                w.verdict_buttons[Verdict.FORGED].click()
                w.kind_combo.setCurrentIndex(w.kind_combo.findData(truth.kind))
                if truth.rect_mm is not None:  # a rectangle where it shows, drawn by the tool
                    k = ex.specimen.dpi / 25.4
                    x, y, ww, hh = truth.rect_mm
                    w.annotator.annotations.append(Annotation(
                        AnnotationKind.RECTANGLE, ((x * k, y * k), ((x + ww) * k, (y + hh) * k)),
                        image=f"capture:{truth.lights[0].value}", dpi=ex.specimen.dpi))
            else:
                w.verdict_buttons[Verdict.GENUINE].click()
            assert w.submit_button.isEnabled()
            w.submit_button.click()
            qtbot.waitUntil(lambda: w.debrief_panel.isVisible(), timeout=10000)  # type: ignore[attr-defined]
            d = s.debriefs[-1]
            assert w.debrief_title.text().startswith(
                f"Document {n + 1}: {'Wrong' if n == 3 else 'Right'}")
            qtbot.waitUntil(lambda: w.debrief_checks.rowCount() > 0, timeout=30000)  # type: ignore[attr-defined]
            assert d.score.points == (0.0 if n == 3 else 1.0)
            w.next_button.click()
        qtbot.waitUntil(lambda: w.pages.currentWidget() is w.summary_page, timeout=30000)  # type: ignore[attr-defined]
        assert s.completion is not None and s.completion.run is not None
        assert s.completion.score.points == 9.0
        assert "90 %" in w.summary_text.text() and "Passed" in w.summary_title.text()
        (run,) = TrainingStore(repo).runs("tina")
        assert run.share == pytest.approx(0.9) and run.passed
        from tests.accounts import enrol
        from workstation.reports.verify import verify_bytes

        instructor = enrol(repo, "ines", "supervisor", display_name="Ines Instructor")
        progress = TrainerProgress(TrainingStore(repo), signer="ines",
                                   identity=lambda: instructor.identity)
        qtbot.addWidget(progress)  # type: ignore[attr-defined]
        assert progress.trainee_combo.currentText() == "tina" and len(progress.runs) == 1
        assert progress.table.item(0, 3).text() == "not yet"
        progress.table.selectRow(0)
        assert progress.cert_button.isEnabled()
        pdf = progress.issue_certificate(str(tmp_path / "cert.pdf"))
        assert pdf is not None and (tmp_path / "cert.pdf").read_bytes() == pdf
        assert verify_bytes(pdf).intact and progress.table.item(0, 3).text() == "issued"
        progress.resize(900, 500)
        image = progress.grab().toImage()
        assert image.width() == 900
        QApplication.processEvents()
        w.close()
    finally:
        repo.close()


@pytest.mark.slow
@pytest.mark.parametrize("view", ["trainer", "trainer-debrief", "trainer-progress"])
def test_the_trainer_views_render(tmp_path: Path, view: str) -> None:
    out = tmp_path / f"{view}.png"
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--screenshot", str(out),
                           "--view", view, "--size", "1280x800"], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    import cv2

    img = cv2.imread(str(out))
    assert img is not None and img.shape[:2] == (800, 1280)
    assert float(np.std(img)) > 5.0  # not a blank window


def test_the_course_editor_writes_a_course_that_loads(qtbot: object, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    from workstation.specimens.render import DOCUMENTS
    from workstation.training import load_course
    from workstation.ui.course_editor import CourseEditor

    editor = CourseEditor(DOCUMENTS)
    qtbot.addWidget(editor)  # type: ignore[attr-defined]
    assert editor.save_to(tmp_path / "none.json") is None  # no document, no forgery yet
    assert "documents must be a non-empty list" in editor.error_label.text()
    assert not (tmp_path / "none.json").exists()
    editor.id_edit.setText("zamyn-uud-ir")
    editor.title_edit.setText("Замын-Үүд: IR")
    editor.documents_list.item(0).setCheckState(Qt.CheckState.Checked)
    for i in range(editor.forgeries_list.count()):
        if editor.forgeries_list.item(i).data(Qt.ItemDataRole.UserRole) == \
                "background_ir_absorbing":
            editor.forgeries_list.item(i).setCheckState(Qt.CheckState.Checked)
    editor.count_spin.setValue(12)
    editor.limit_spin.setValue(20)
    out = editor.save_to(tmp_path / "ir.json")
    assert out is not None and editor.error_label.text() == ""
    course = load_course(out, documents=DOCUMENTS)
    assert (course.id, course.title, course.count, course.time_limit_s) == \
        ("zamyn-uud-ir", "Замын-Үүд: IR", 12, 1200)
    assert course.forgeries == ("background_ir_absorbing",)
    assert course.documents == (sorted(DOCUMENTS)[0],)
    again = CourseEditor(DOCUMENTS, course)
    qtbot.addWidget(again)  # type: ignore[attr-defined]
    assert again.as_json() == course.to_json()


def test_a_trainee_account_opens_the_trainer_from_the_main_window(qtbot: object) -> None:
    from tests.ui.fakes import find_action, shown_window
    from workstation.cases import Role

    with CaseRepository.open() as repo:
        repo.create_user("tom", Role.TRAINEE, "Tom Trainee")
    w = shown_window(qtbot, None, user="tom")
    w.open_cases_async()
    qtbot.waitUntil(lambda: getattr(w, "trainer", None) is not None, timeout=60000)  # type: ignore[attr-defined]
    trainer = w.trainer
    assert isinstance(trainer, TrainerWindow) and trainer.isVisible()
    assert trainer.trainee is not None and getattr(trainer.trainee, "name", "") == "tom"
    assert trainer.repository is w.desk.repository
    assert find_action(w, "Trainer…") is not None
    assert find_action(w, "Trainees' progress…") is not None
    trainer.close()
    qtbot.waitUntil(lambda: not w.runner.running, timeout=30000)  # type: ignore[attr-defined]
    w.desk.close()
