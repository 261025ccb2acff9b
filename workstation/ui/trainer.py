"""The trainer's window (Tools ▸ Trainer…, role "trainee"): choose a course, examine
each document beside its specimen with every view of the image area, answer, read
the debrief, get the score and the certificate. The course itself runs in
:class:`workstation.session.trainer.TrainerSession`; this module lays out widgets and
forwards the trainee's actions.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QRadioButton,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workstation.cases import CaseRepository, User
from workstation.errors import WorkstationError
from workstation.findings import Annotation, AnnotationKind
from workstation.i18n import render
from workstation.labels import light_label
from workstation.session.trainer import Completion, Debrief, Exercise, TrainerSession
from workstation.session.viewer import Annotator, Mode, Origin, SourceKey, Tool, ViewerState
from workstation.specimens.library import SpecimenLibrary
from workstation.training import (
    KIND_LABELS,
    Course,
    Verdict,
    load_course,
    ready_courses,
)
from workstation.types import CheckStatus, Light
from workstation.ui.bridge import QtRunner, listen
from workstation.ui.checks_panel import evidence_caption
from workstation.ui.image_area import ImageArea
from workstation.ui.texts import QT, T, Text, bind, data, live, number_text, tx
from workstation.ui.theme import DARK, Theme
from workstation.ui.widgets import mk_label, mk_push, named


def _panel(*widgets: QWidget, stretch: bool = True) -> QFrame:
    frame = named(QFrame(), "panel")
    lay = QVBoxLayout(frame)
    lay.setContentsMargins(12, 12, 12, 12)
    lay.setSpacing(8)
    for w in widgets:
        lay.addWidget(w)
    if stretch:
        lay.addStretch(1)
    return frame


def _wrap(text: str | Text, name: str | None = None) -> QLabel:
    label = mk_label(text, name)
    label.setWordWrap(True)
    return label


def kind_label(kind: str) -> str:
    """A forgery kind's name in the window's language."""
    return tx("training", KIND_LABELS.get(kind, kind))


class TrainerWindow(QMainWindow):
    """The trainer (see the module docstring).

    Args:
        trainee: who trains (their results are stored under this account).
        repository: the case database (``None``: results are not stored).
        library: the specimen library (default: the data folder's).
        examine: the automated checks (default: the pipeline); tests pass a fake.
        dpi: capture density of the documents.
    """

    def __init__(self, *, trainee: User | str, repository: CaseRepository | None = None,
                 library: SpecimenLibrary | None = None,
                 examine: object | None = None, theme: Theme = DARK, dpi: float = 200.0,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bind(self.setWindowTitle, T("trainer", "Trainer — Document examination"))
        self.trainee = trainee
        self.repository = repository
        self.library = library or SpecimenLibrary()
        self.examine_fn = examine
        self.theme = theme
        self.dpi = dpi
        self.runner = QtRunner(parent=self)
        self.session: TrainerSession | None = None
        self.debrief: Debrief | None = None
        self.state = ViewerState()
        self.annotator = Annotator()
        self.pages = QStackedWidget()
        self.setCentralWidget(self.pages)
        self._build_start()
        self._build_exercise()
        self._build_summary()
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        for key, fn in (("G", lambda: self.verdict_buttons[Verdict.GENUINE].click()),
                        ("F", lambda: self.verdict_buttons[Verdict.FORGED].click()),
                        ("U", lambda: self.verdict_buttons[Verdict.UNSURE].click()),
                        ("M", lambda: self.area.set_tool(Tool.RECTANGLE)),
                        ("P", lambda: self.area.set_tool(Tool.PAN)),
                        ("Ctrl+Z", self._remove_mark)):
            act = QAction(self)
            act.setShortcut(QKeySequence(key))
            act.triggered.connect(fn)
            self.addAction(act)
        self.resize(1480, 920)

    # -- pages ------------------------------------------------------------------------
    def _build_start(self) -> None:
        page = QWidget()
        lay = QHBoxLayout(page)
        self.course_list = QListWidget()
        self.course_list.setMinimumWidth(360)
        self.courses: list[Course] = []
        try:
            self.courses = ready_courses(documents=self.library.ids())
        except WorkstationError as exc:
            self.courses = []
            self.course_error = str(exc)
        for c in self.courses:
            self.course_list.addItem(QListWidgetItem(self._course_item(c)))
        self.course_list.currentRowChanged.connect(self._course_chosen)
        self.course_text = _wrap(tx("trainer", "Choose a course."))
        self.start_button = mk_push(T("trainer", "Start the course"), name="primary")
        self.start_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        open_button = mk_push(T("trainer", "Open a course file…"))
        open_button.clicked.connect(self._open_course_file)
        new_button = mk_push(T("trainer", "New course…"))
        new_button.clicked.connect(lambda: self.edit_course(None))
        self.edit_button = mk_push(T("trainer", "Edit as a new course…"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(
            lambda: self.edit_course(self.courses[self.course_list.currentRow()]))
        left = _panel(mk_label(T("trainer", "Courses"), "heading"), self.course_list,
                      open_button, new_button, self.edit_button, stretch=False)
        right = _panel(mk_label(T("trainer", "The course"), "heading"), self.course_text,
                       self.start_button)
        lay.addWidget(left, 2)
        lay.addWidget(right, 3)
        self.pages.addWidget(page)
        self.start_page = page

    def _build_exercise(self) -> None:
        page = QWidget()
        lay = QHBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.area = ImageArea(self.state, self.annotator, lambda: self.theme)
        self.area.annotation_added.connect(lambda _a: self._marks_changed())
        split.addWidget(self.area)
        side = QWidget()
        side.setMinimumWidth(340)
        sl = QVBoxLayout(side)
        self.item_label = mk_label("", "heading")
        self.time_label = mk_label("", "muted")
        self.prepare_bar = QProgressBar()
        self.prepare_bar.setRange(0, 0)
        self.prepare_bar.setVisible(False)
        # the answer
        self.verdict_group = QButtonGroup(self)
        self.verdict_buttons: dict[Verdict, QRadioButton] = {}
        answer_box = QWidget()
        al = QVBoxLayout(answer_box)
        al.setContentsMargins(0, 0, 0, 0)
        for v, key in ((Verdict.GENUINE, "G"), (Verdict.FORGED, "F"), (Verdict.UNSURE, "U")):
            b = QRadioButton()
            bind(b.setText, T("trainer", "{verdict}   ({key})").format(
                verdict=Text("training", v.label), key=key))
            self.verdict_group.addButton(b)
            self.verdict_buttons[v] = b
            b.toggled.connect(self._answer_changed)
            al.addWidget(b)
        self.kind_combo = QComboBox()
        self.kind_combo.setEnabled(False)
        self.marks_label = _wrap("", "muted")
        self.submit_button = mk_push(T("trainer", "Submit the answer"), name="primary")
        self.submit_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.submit_button.clicked.connect(self.submit)
        self.submit_button.setEnabled(False)
        self.checks_table = self._checks_table()
        self.answer_panel = _panel(
            self.item_label, self.time_label, self.prepare_bar,
            mk_label(T("trainer", "Your conclusion"), "heading"), answer_box,
            mk_label(T("trainer", "Forgery kind"), "muted"), self.kind_combo, self.marks_label,
            self.submit_button, self.checks_table)
        # the debrief
        self.debrief_title = mk_label("", "heading")
        self.debrief_text = _wrap("")
        self.debrief_text.setTextFormat(Qt.TextFormat.RichText)
        # what the bench did to the document, with its values: a record, not words
        self.debrief_record = data(_wrap("", "muted"))
        self.debrief_checks = self._checks_table()
        self.next_button = mk_push(tx("trainer", "Next document"), name="primary")
        self.next_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.next_button.clicked.connect(self.next_document)
        self.evidence_title = mk_label("", "muted")
        evidence = QWidget()
        self.evidence_row = QHBoxLayout(evidence)
        self.evidence_row.setContentsMargins(0, 0, 0, 0)
        self.debrief_panel = _panel(self.debrief_title, self.debrief_record, self.debrief_text,
                                    mk_label(T("trainer", "The automated checks"), "heading"),
                                    self.debrief_checks, self.evidence_title, evidence,
                                    self.next_button, stretch=False)
        sl.addWidget(self.answer_panel)
        sl.addWidget(self.debrief_panel)
        self.debrief_panel.setVisible(False)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        lay.addWidget(split)
        self.pages.addWidget(page)
        self.exercise_page = page

    def _checks_table(self) -> QTableWidget:
        t = QTableWidget(0, 3)
        live(t, lambda: t.setHorizontalHeaderLabels(
            ["", tx("trainer", "Check"), tx("trainer", "Says")]), "header")
        t.verticalHeader().setVisible(False)
        t.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        t.setVisible(False)
        t.setMinimumHeight(180)
        return t

    def _build_summary(self) -> None:
        page = QWidget()
        lay = QHBoxLayout(page)
        self.summary_title = mk_label("", "heading")
        self.summary_text = _wrap("")
        self.summary_text.setTextFormat(Qt.TextFormat.RichText)
        self.kind_table = QTableWidget(0, 4)
        live(self.kind_table, lambda: self.kind_table.setHorizontalHeaderLabels(
            [tx("trainer", "Documents"), tx("trainer", "Shown"), tx("trainer", "Recognised"),
             tx("trainer", "Kind named")]), "header")
        self.kind_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.kind_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.light_table = QTableWidget(0, 3)
        live(self.light_table, lambda: self.light_table.setHorizontalHeaderLabels(
            [tx("trainer", "Light"), tx("trainer", "Forgeries it shows"),
             tx("trainer", "Recognised")]), "header")
        self.light_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.light_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        again = mk_push(T("trainer", "Choose another course"))
        again.clicked.connect(lambda: self.pages.setCurrentWidget(self.start_page))
        lay.addWidget(_panel(self.summary_title, self.summary_text, again), 2)
        lay.addWidget(_panel(mk_label(T("trainer", "Per forgery kind"), "heading"),
                             self.kind_table,
                             mk_label(T("trainer", "Per light"), "heading"), self.light_table,
                             stretch=False), 3)
        self.pages.addWidget(page)
        self.summary_page = page

    # -- choosing a course ------------------------------------------------------------
    def _course_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.courses):
            return
        c = self.courses[row]
        lights = ", ".join(light_label(li, QT) for li in c.lights)
        kinds = "".join(f"<li>{kind_label(k)}</li>" for k in c.forgeries)
        limit = tx("trainer", "{minutes} min").format(minutes=c.time_limit_s // 60) \
            if c.time_limit_s else tx("trainer", "none")
        self.course_text.setTextFormat(Qt.TextFormat.RichText)
        count = c.count
        self.course_text.setText(
            f"<b>{c.title}</b><p>{c.description}</p><p>"
            + tx("trainer", "%n document(s), about {percent} % genuine. Lights: {lights}. "
                 "Time limit: {limit}. Automated checks: {checks}.", None, count).format(
                percent=round(c.genuine_share * 100), lights=lights, limit=limit,
                checks=tx("trainer", "shown") if c.checks_unlocked else tx("trainer", "locked"))
            + "</p><p>" + tx("trainer", "Forgeries you may meet:") + f"</p><ul>{kinds}</ul>")
        self.start_button.setEnabled(True)
        self.edit_button.setEnabled(True)

    @staticmethod
    def _course_item(course: Course) -> str:
        count = course.count
        return tx("trainer", "{title}  (%n document(s))", None, count).format(
            title=course.title)

    def edit_course(self, course: Course | None) -> None:
        """The course editor (instructors); a saved course joins the list."""
        from workstation.ui.course_editor import CourseEditor

        editor = CourseEditor(self.library.ids(), course, parent=self)
        def saved() -> None:
            if editor.saved is not None:
                self.add_course_file(editor.saved)

        editor.accepted.connect(saved)
        editor.open()

    def _open_course_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tx("trainer", "Open a course"), "",
                                              tx("trainer", "Courses (*.json)"))
        if path:
            self.add_course_file(path)

    def add_course_file(self, path: str | Path) -> None:
        """Add a course file to the list (a bad one: its one-line reason in a message)."""
        try:
            course = load_course(path, documents=self.library.ids())
        except WorkstationError as exc:
            QMessageBox.warning(self, tx("trainer", "Course refused"), str(exc))
            return
        self.courses.append(course)
        self.course_list.addItem(QListWidgetItem(self._course_item(course)))
        self.course_list.setCurrentRow(len(self.courses) - 1)

    def choose(self, course_id: str) -> None:
        """Select a course by id."""
        for i, c in enumerate(self.courses):
            if c.id == course_id:
                self.course_list.setCurrentRow(i)
                return
        raise KeyError(course_id)

    # -- the course -------------------------------------------------------------------
    def start(self) -> None:
        """Start the selected course."""
        row = self.course_list.currentRow()
        if not 0 <= row < len(self.courses):
            return
        course = self.courses[row]
        if self.session is not None:
            self.session.close()
        self.session = TrainerSession(self.runner, course, trainee=self.trainee,
                                      library=self.library, repository=self.repository,
                                      examine=self.examine_fn,  # type: ignore[arg-type]
                                      dpi=self.dpi)
        s = self.session
        listen(s.itemReady, self._show_exercise, self)
        listen(s.debriefReady, self._show_debrief, self)
        listen(s.finished, self._show_summary, self)
        listen(s.progressed, self._preparing, self)
        listen(s.failed, self._failed, self)
        self.kind_combo.clear()
        for k in course.forgeries:
            self.kind_combo.addItem(kind_label(k), k)
        self.pages.setCurrentWidget(self.exercise_page)
        self._waiting(tx("trainer", "Placing the first document…"))
        try:
            s.start()
        except WorkstationError as exc:
            self._failed(str(exc), "")
            return
        self.clock.start()

    def _waiting(self, text: str) -> None:
        self.item_label.setText(text)
        self.prepare_bar.setVisible(True)
        self.submit_button.setEnabled(False)

    def _preparing(self, done: int, total: int, text: str) -> None:
        self.item_label.setText(render(text, QT))

    def _show_exercise(self, ex: Exercise) -> None:
        s = self.session
        assert s is not None
        self.prepare_bar.setVisible(False)
        self.answer_panel.setVisible(True)
        self.debrief_panel.setVisible(False)
        self.item_label.setText(tx("trainer", "Document {number} of {total}").format(
            number=ex.number, total=ex.total))
        for b in self.verdict_buttons.values():
            self.verdict_group.setExclusive(False)
            b.setChecked(False)
            self.verdict_group.setExclusive(True)
        self.annotator.annotations.clear()
        self.annotator.set_tool(Tool.PAN)
        lights = [li for li in s.course.lights if li in ex.page]
        self.state.set_images(Origin.CAPTURE, {li: ex.page[li] for li in lights},
                              dpi=ex.specimen.dpi, replace_all=True)
        self.state.capture_to_content = None
        self.state.capture_dpi = ex.specimen.dpi
        self.state.set_images(Origin.SPECIMEN, {li: ex.specimen.image(li) for li in lights
                                                if li in ex.specimen.image_lights},
                              dpi=ex.specimen.dpi)
        self.state.set_sources(SourceKey(Origin.CAPTURE, Light.WHITE),
                               SourceKey(Origin.SPECIMEN, Light.WHITE))
        self.state.set_mode(Mode.SIDE_BY_SIDE)
        self.state.viewport.fit()
        self.area.sync_from_state()
        exam = s.examination_shown()
        self._fill_checks(self.checks_table, exam.checks if exam is not None else ())
        self._marks_changed()
        self._tick()

    def _answer_changed(self) -> None:
        forged = self.verdict_buttons[Verdict.FORGED].isChecked()
        self.kind_combo.setEnabled(forged)
        self.submit_button.setEnabled(any(b.isChecked() for b in self.verdict_buttons.values()))

    def _marks_changed(self) -> None:
        n = sum(1 for a in self.annotator.annotations if a.kind is AnnotationKind.RECTANGLE)
        self.marks_label.setText(
            tx("trainer", "%n mark(s). Mark where you see the forgery: the rectangle tool (M), "
               "then two corners; Ctrl+Z removes the last mark.", None, n))
        self.state.changed()

    def _remove_mark(self) -> None:
        if self.annotator.annotations:
            self.annotator.annotations.pop()
            self._marks_changed()

    def submit(self) -> None:
        """Send the answer on screen."""
        s = self.session
        if s is None or s.current is None:
            return
        verdict = next((v for v, b in self.verdict_buttons.items() if b.isChecked()), None)
        if verdict is None:
            return
        kind = self.kind_combo.currentData() if verdict is Verdict.FORGED else None
        try:
            s.answer(verdict, kind=kind, annotations=list(self.annotator.annotations))
        except WorkstationError as exc:
            self._failed(str(exc), "")

    def _show_debrief(self, d: Debrief) -> None:
        s = self.session
        assert s is not None
        self.debrief = d
        if s.course.debrief == "end" and s.completion is None:
            self.next_document()
            return
        if s.completion is not None and self.pages.currentWidget() is self.summary_page:
            return
        sc, truth = d.score, d.score.truth
        self.answer_panel.setVisible(False)
        self.debrief_panel.setVisible(True)
        ok = tx("trainer", "Right") if sc.correct else (
            tx("trainer", "No answer") if sc.response.verdict is Verdict.UNSURE
            else tx("trainer", "Wrong"))
        self.debrief_title.setText(tx("trainer", "Document {number}: {result} — {points} "
                                      "points").format(number=sc.index + 1, result=ok,
                                                       points=number_text(sc.points, 2)))
        what = ("<b>" + tx("training", "Forged") + "</b>: " + kind_label(truth.kind or "")
                if truth.forged else "<b>" + tx("training", "Genuine") + "</b>")
        self.debrief_record.setText(truth.description if truth.forged else "")
        self.debrief_record.setVisible(truth.forged)
        where = ""
        if truth.forged:
            lights = ", ".join(light_label(li, QT) for li in truth.lights)
            where = "<br>" + tx("trainer", "Where: {zone}; shows under {lights}.").format(
                zone=tx("zones", truth.zone) if truth.zone else tx("trainer", "the whole page"),
                lights=lights)
            if truth.strength < 1.0:
                where += " " + tx("trainer", "Edit applied at {percent} %.").format(
                    percent=f"{truth.strength * 100:.0f}")
        said = tx("training", sc.response.verdict.label) + (
            f" — {kind_label(sc.response.kind)}" if sc.response.kind else "")
        located = {True: tx("trainer", "on the forgery"),
                   False: tx("trainer", "not on the forgery"), None: "—"}[sc.located]
        self.debrief_text.setText(
            f"{what}{where}<p>" + tx("trainer", "You said: {said}<br>Your marks: {marks}, "
                                     "{located}<br>Time: {seconds} s").format(
                said=said, marks=len(sc.response.marks), located=located,
                seconds=f"{sc.response.seconds:.0f}") + "</p>")
        self._fill_checks(self.debrief_checks, d.examination.checks if d.examination else ())
        self.debrief_checks.setVisible(True)
        # the answer's marks and the truth, on the page under the light that shows it
        anns = list(self.annotator.annotations)
        k = d.exercise.specimen.dpi / 25.4
        light = truth.lights[0] if truth.lights else Light.WHITE
        if truth.rect_mm is not None:
            x, y, w, h = truth.rect_mm
            anns.append(Annotation(AnnotationKind.RECTANGLE, ((x * k, y * k),
                                                              ((x + w) * k, (y + h) * k)),
                                   image=f"capture:{light.value}",
                                   text=tx("trainer", "the forgery"),
                                   dpi=d.exercise.specimen.dpi))
        self.annotator.annotations[:] = anns
        a, b = SourceKey(Origin.CAPTURE, light), SourceKey(Origin.SPECIMEN, light)
        if self.state.has(a):
            self.state.set_sources(a, b if self.state.has(b) else None)
        self.area.sync_from_state()
        self.state.changed()
        last = len(s.debriefs) >= len(s.plans)
        self.next_button.setText(tx("trainer", "See the score") if last
                                 else tx("trainer", "Next document"))

    def next_document(self) -> None:
        s = self.session
        if s is None:
            return
        self._waiting(tx("trainer", "Placing the next document…"))
        if not s.next():
            self._waiting(tx("trainer", "Storing the course…"))

    def _fill_checks(self, table: QTableWidget, checks: object) -> None:
        """The checks, failures and warnings first; each row's message in its tooltip."""
        order = {CheckStatus.FAIL: 0, CheckStatus.WARN: 1}
        rows = sorted(checks, key=lambda c: order.get(c.status, 2))  # type: ignore[call-overload]
        table.setVisible(bool(rows))
        table.setRowCount(len(rows))
        for i, c in enumerate(rows):
            mark = {CheckStatus.FAIL: "✗", CheckStatus.WARN: "!", CheckStatus.PASS: "✓"}.get(
                c.status, "–")
            message = render(c.text if c.text is not None else c.message, QT)
            title = tx("check titles", c.title) if c.title else c.id
            for j, text in enumerate((mark, title, message)):
                item = QTableWidgetItem(text)
                item.setToolTip(f"{c.id}: {message}")
                table.setItem(i, j, item)
        table.resizeColumnToContents(0)
        table.setColumnWidth(1, 170)
        if table is self.debrief_checks:
            self._show_evidence(rows)

    def _show_evidence(self, rows: list[object]) -> None:
        """The first failed check's evidence crops, side by side (questioned, specimen)."""
        from PySide6.QtGui import QPixmap

        from workstation.ui.canvas import qimage_of

        while self.evidence_row.count():
            item = self.evidence_row.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        failed = [c for c in rows if getattr(c, "evidence", ()) and
                  getattr(c, "status", None) is CheckStatus.FAIL]
        self.evidence_title.setVisible(bool(failed))
        if not failed:
            return
        check = failed[0]
        title = getattr(check, "title", "")
        self.evidence_title.setText(tx("trainer", "Evidence: {check}").format(
            check=tx("check titles", title) if title else getattr(check, "id", "")))
        for ev in list(check.evidence)[:3]:  # type: ignore[attr-defined]
            q, _arr = qimage_of(ev.image)
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(q.copy()).scaled(
                100, 100, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            label.setToolTip(evidence_caption(ev.label))
            self.evidence_row.addWidget(label)
        self.evidence_row.addStretch(1)

    def _tick(self) -> None:
        s = self.session
        if s is None or s.completion is not None:
            self.clock.stop()
            return
        left = s.time_left_s()
        elapsed = s.elapsed_s()
        if left is None:
            self.time_label.setText(tx("trainer", "{time} elapsed").format(
                time=f"{int(elapsed // 60)}:{int(elapsed % 60):02d}"))
            return
        self.time_label.setText(tx("trainer", "{time} left").format(
            time=f"{int(left // 60)}:{int(left % 60):02d}"))
        if left <= 0:
            self.clock.stop()
            s.finish(timed_out=True)

    def _show_summary(self, done: Completion) -> None:
        self.clock.stop()
        sc = done.score
        self.pages.setCurrentWidget(self.summary_page)
        verdict = tx("trainer", "Passed") if sc.passed else tx("trainer", "Not passed")
        self.summary_title.setText(f"{done.course.title}: {verdict}")
        stored = (tx("trainer", "Stored under your name. A supervisor issues the signed "
                     "certificate of a passed course (Tools ▸ Trainees' progress).")
                  if done.run is not None else tx("trainer", "Not stored (no case database)."))
        timed = "<p>" + tx("trainer", "The time limit ended the course.") + "</p>" \
            if done.timed_out else ""
        self.summary_text.setText(
            "<p>" + tx("trainer", "<b>{percent} %</b> of the points ({points} of {total}).")
            .format(percent=f"{sc.share * 100:.0f}", points=number_text(sc.points, 2),
                    total=len(sc.items))
            + f"</p>{timed}<p>"
            + tx("trainer", "Forgeries missed: {missed}. Genuine documents called forged: "
                 "{false_alarms}. Can't tell: {unsure}.<br>Time: {minutes} min.").format(
                missed=sc.missed, false_alarms=sc.false_alarms, unsure=sc.unsure,
                minutes=number_text(sc.seconds / 60, 1))
            + f"</p><p>{stored}</p>")
        self.kind_table.setRowCount(len(sc.per_kind))
        for i, (kind, t) in enumerate(sc.per_kind.items()):
            named_kind = "—" if kind == "genuine" else str(t.kind_right)
            for j, text in enumerate((kind_label(kind), str(t.documents),
                                      str(t.detected), named_kind)):
                self.kind_table.setItem(i, j, QTableWidgetItem(text))
        self.light_table.setRowCount(len(sc.per_light))
        for i, (light, t) in enumerate(sc.per_light.items()):
            for j, text in enumerate((light_label(light, QT), str(t.documents),
                                      str(t.detected))):
                self.light_table.setItem(i, j, QTableWidgetItem(text))

    def _failed(self, message: str, details: str) -> None:
        if getattr(self, "_closing", False):
            return
        self.prepare_bar.setVisible(False)
        self.item_label.setText(tx("trainer", "Stopped"))
        box = QMessageBox(QMessageBox.Icon.Warning, tx("trainer", "Trainer"), message,
                          parent=self)
        if details:
            box.setDetailedText(details)
        box.open()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closing = True  # the session's cancelled work is no failure to report
        self.clock.stop()
        if self.session is not None:
            self.session.close()
        self.runner.cancel_all()
        self.runner.wait(15000)  # a document being made finishes before the window goes
        super().closeEvent(event)
