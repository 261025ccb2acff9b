"""The course editor for instructors: every field of a course file (formats.md §9) in
one form; saving checks the course exactly as loading does, then writes the file
atomically."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import WorkstationError
from workstation.labels import light_label
from workstation.specimens.edits import KINDS
from workstation.training import KIND_LABELS, Course, parse_course, write_course
from workstation.training.course import COURSE_FORMAT, MAX_DOCUMENTS, MAX_TIME_LIMIT_S
from workstation.types import LIGHT_ORDER
from workstation.ui.texts import QT, tx
from workstation.ui.theme import DARK


def _checklist(items: list[tuple[str, str]], chosen: Collection[str]) -> QListWidget:
    w = QListWidget()
    for value, text in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if value in chosen else Qt.CheckState.Unchecked)
        w.addItem(item)
    w.setMaximumHeight(150)
    return w


def _checked(w: QListWidget) -> list[str]:
    return [str(w.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(w.count())
            if w.item(i).checkState() == Qt.CheckState.Checked]


class CourseEditor(QDialog):
    """Edit ``course`` (or a new one) over the library's ``documents``."""

    def __init__(self, documents: Collection[str], course: Course | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tx("course editor", "Course editor"))
        self.documents = sorted(documents)
        c = course or Course(id="new-course", title=tx("course editor", "New course"),
                             documents=(), forgeries=(),
                             count=10)
        self.saved: Path | None = None
        self.course: Course | None = None
        form = QFormLayout()
        self.id_edit = QLineEdit(c.id)
        self.title_edit = QLineEdit(c.title)
        self.description_edit = QPlainTextEdit(c.description)
        self.description_edit.setMaximumHeight(80)
        self.documents_list = _checklist([(d, d) for d in self.documents], c.documents)
        self.forgeries_list = _checklist([(k, tx("training", KIND_LABELS.get(k, k)))
                                          for k in KINDS],
                                         c.forgeries)
        self.lights_list = _checklist([(li.value, light_label(li, QT)) for li in LIGHT_ORDER],
                                      [li.value for li in c.lights])
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, MAX_DOCUMENTS)
        self.count_spin.setValue(c.count)
        self.genuine_spin = QDoubleSpinBox()
        self.genuine_spin.setRange(0.0, 1.0)
        self.genuine_spin.setSingleStep(0.1)
        self.genuine_spin.setValue(c.genuine_share)
        self.difficulty_spin = QDoubleSpinBox()
        self.difficulty_spin.setRange(0.0, 1.0)
        self.difficulty_spin.setSingleStep(0.1)
        self.difficulty_spin.setValue(c.difficulty)
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(0, MAX_TIME_LIMIT_S // 60)
        self.limit_spin.setSuffix(tx("course editor", " min"))
        self.limit_spin.setSpecialValueText(tx("course editor", "no limit"))
        self.limit_spin.setValue(c.time_limit_s // 60)
        self.checks_box = QCheckBox(tx("course editor", "Show the automated checks while "
                                       "examining"))
        self.checks_box.setChecked(c.checks_unlocked)
        self.debrief_combo = QComboBox()
        self.debrief_combo.addItem(tx("course editor", "after every document"), "each")
        self.debrief_combo.addItem(tx("course editor", "at the end"), "end")
        self.debrief_combo.setCurrentIndex(0 if c.debrief == "each" else 1)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 2 ** 31 - 1)
        self.seed_spin.setValue(c.seed)
        for label, widget in ((tx("course editor", "Id"), self.id_edit),
                              (tx("course editor", "Title"), self.title_edit),
                              (tx("course editor", "Description"), self.description_edit),
                              (tx("course editor", "Documents"), self.documents_list),
                              (tx("course editor", "Forgery kinds"), self.forgeries_list),
                              (tx("course editor", "Lights"), self.lights_list),
                              (tx("course editor", "Documents in the course"),
                                                             self.count_spin),
                              (tx("course editor", "Genuine share"), self.genuine_spin),
                              (tx("course editor", "Difficulty"), self.difficulty_spin),
                              (tx("course editor", "Time limit"), self.limit_spin),
                              ("", self.checks_box),
                              (tx("course editor", "Debrief"), self.debrief_combo),
                              (tx("course editor", "Seed"), self.seed_spin)):
            form.addRow(label, widget)
        self.error_label = QLabel("")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {DARK.fail};")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error_label)
        lay.addWidget(buttons)

    def as_json(self) -> dict[str, object]:
        """The form as a course file's JSON object."""
        return {"format": COURSE_FORMAT, "id": self.id_edit.text().strip(),
                "title": self.title_edit.text().strip(),
                "description": self.description_edit.toPlainText().strip(),
                "documents": _checked(self.documents_list),
                "forgeries": _checked(self.forgeries_list),
                "lights": _checked(self.lights_list), "count": self.count_spin.value(),
                "genuine_share": round(self.genuine_spin.value(), 2),
                "difficulty": round(self.difficulty_spin.value(), 2),
                "time_limit_s": self.limit_spin.value() * 60,
                "checks_unlocked": self.checks_box.isChecked(),
                "debrief": self.debrief_combo.currentData(), "seed": self.seed_spin.value()}

    def check(self) -> Course | None:
        """The course on the form, or ``None`` with the reason shown."""
        try:
            course = parse_course(self.as_json(), "the course", documents=self.documents)
        except WorkstationError as exc:
            self.error_label.setText(str(exc))
            return None
        self.error_label.setText("")
        return course

    def save_to(self, path: str | Path) -> Path | None:
        """Check and write the course to ``path``; ``None`` when it is not valid."""
        course = self.check()
        if course is None:
            return None
        try:
            self.saved = write_course(course, path)
        except OSError as exc:
            self.error_label.setText(tx("course editor", "{path}: cannot write ({error})").format(
                path=path, error=exc.strerror))
            return None
        self.course = course
        return self.saved

    def save(self) -> None:
        if self.check() is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tx("course editor", "Save the course"),
                                              f"{self.id_edit.text().strip()}.json",
                                              tx("trainer", "Courses (*.json)"))
        if path and self.save_to(path) is not None:
            self.accept()
