"""``main.py --screenshot out.png --view trainer|trainer-debrief|trainer-progress``: the
trainer's exercise, a debrief and the progress chart rendered to PNG (offscreen)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from workstation.paths import login_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

#: The trainer's views for ``--view``.
TRAINER_VIEWS = ("trainer", "trainer-debrief", "trainer-progress")
#: The course the screenshots show.
SHOWN_COURSE = "05-mixed"


def _wait(until: Callable[[], bool], timeout_s: float = 180.0) -> bool:
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > end:
            return False
        QApplication.processEvents()
        time.sleep(0.01)
    return True


def _shown_course(window: object) -> str:
    """The first ready course whose first document is forged in one place (so the
    screenshots show a mark and the forgery's area); else :data:`SHOWN_COURSE`."""
    from workstation.specimens.edit_model import Layout
    from workstation.training import plan_course

    for course in getattr(window, "courses", []):
        layouts = {d: Layout.from_specimen(window.library.get(d))  # type: ignore[attr-defined]
                   for d in course.documents}
        first = plan_course(course, layouts)[0]
        if first.kind in ("photo_swap", "uv_feature_erased", "data_retyped"):
            return str(course.id)
    return SHOWN_COURSE


def trainer_view(view: str, theme: str | None) -> QWidget | str:
    """The trainer's ``view`` built and filled in as the screenshot shows it, or why
    it could not be."""
    from PySide6.QtWidgets import QApplication

    from workstation.ui.theme import THEMES, apply_theme

    app = QApplication.instance() or QApplication(["workstation"])
    t = apply_theme(app, theme or "dark")  # type: ignore[arg-type]
    widget: QWidget
    if view == "trainer-progress":
        from workstation.cases import CaseRepository
        from workstation.training.records import TrainingStore
        from workstation.ui.trainer_progress import TrainerProgress

        repo = CaseRepository.open()
        widget = TrainerProgress(TrainingStore(repo), dark=t.name == "dark")
    else:
        from workstation.ui.trainer import TrainerWindow

        window = TrainerWindow(trainee=login_name(), repository=None,
                               theme=THEMES.get(t.name, t))
        widget = window
        window.choose(_shown_course(window))
        window.start()
        if not _wait(lambda: window.session is not None and window.session.current is not None):
            return "the trainer's document was not ready in time"
        s = window.session
        assert s is not None and s.current is not None
        truth = s.current.truth
        # the trainee's answer on screen: forged or genuine as it is, a mark where it shows
        from workstation.training import Verdict

        verdict = Verdict.FORGED if truth.forged else Verdict.GENUINE
        window.verdict_buttons[verdict].setChecked(True)
        if truth.forged:
            window.kind_combo.setCurrentIndex(max(0, window.kind_combo.findData(truth.kind)))
        if truth.rect_mm is not None:
            from workstation.findings import Annotation, AnnotationKind

            k = s.current.specimen.dpi / 25.4
            x, y, w, h = truth.rect_mm
            window.annotator.annotations.append(Annotation(
                AnnotationKind.RECTANGLE, ((x * k - 20, y * k - 15), ((x + w) * k + 10,
                                                                       (y + h) * k + 25)),
                image="capture:white", dpi=s.current.specimen.dpi))
            window._marks_changed()
        if view == "trainer-debrief":
            window.submit()
            if not _wait(lambda: bool(s.debriefs) and s.debriefs[-1].examination is not None):
                return "the debrief was not ready in time"
            QApplication.processEvents()
    return widget


def trainer_screenshot(path: str, view: str, size: tuple[int, int], theme: str | None,
                       language: str | None = None) -> int:
    """Render ``view`` to ``path`` (in ``language``, else English); returns the exit
    status."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["workstation"])
    if language:
        from workstation.errors import WorkstationError
        from workstation.ui.language import LanguageSwitch

        try:
            LanguageSwitch(None, app).apply(language)
        except WorkstationError as exc:  # a missing catalogue: the view still renders
            print(f"workstation-gui: {exc}", file=sys.stderr)
    widget = trainer_view(view, theme)
    if isinstance(widget, str):
        print(f"workstation-gui: error: {widget}", file=sys.stderr)
        return 1
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    from workstation.ui.widgets import save_png

    try:
        save_png(widget, path)
    except OSError as exc:
        print(f"workstation-gui: error: {exc}", file=sys.stderr)
        return 2
    widget.close()
    print(path, file=sys.stderr)
    return 0
