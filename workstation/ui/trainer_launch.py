"""Opening the trainer and the trainees' progress from the main window (Tools menu)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QVBoxLayout

from workstation.cases import Role, User
from workstation.training.records import TrainingStore
from workstation.ui.bridge import listen
from workstation.ui.texts import tx

if TYPE_CHECKING:
    from workstation.ui.main_window import MainWindow
    from workstation.ui.trainer import TrainerWindow


def open_trainer(w: MainWindow) -> TrainerWindow:
    """The trainer for the session's user; results go to the window's case database
    (imported when opened: the trainer and pyqtgraph are not loaded at start)."""
    from workstation.ui.trainer import TrainerWindow

    desk = w.desk
    trainer = TrainerWindow(trainee=desk.who(), repository=desk.repository, theme=w.theme,
                            parent=w)
    trainer.show()
    w.trainer = trainer  # type: ignore[attr-defined]
    return trainer


def open_progress(w: MainWindow) -> QDialog | None:
    """The trainees' progress chart (needs the case database); the session's user (a
    supervisor or instructor) issues certificates with their signing identity."""
    from workstation.ui.trainer_progress import TrainerProgress

    repo = w.desk.repository
    if repo is None:
        w.show_error(tx("trainer", "The case database is not open yet."))
        return None
    dialog = QDialog(w)
    dialog.setWindowTitle(tx("progress", "Trainees' progress"))
    lay = QVBoxLayout(dialog)
    lay.addWidget(TrainerProgress(TrainingStore(repo), dark=w.theme.name == "dark",
                                  signer=w.desk.who(),
                                  identity=lambda: w.desk.identity()[0]))
    dialog.resize(960, 720)
    dialog.show()
    return dialog


def follow_role(w: MainWindow) -> None:
    """A trainee's session opens the trainer as soon as the account is known (trainees
    train; they do not examine casework)."""
    def changed(user: User) -> None:
        if user.role is Role.TRAINEE and getattr(w, "trainer", None) is None:
            open_trainer(w)

    listen(w.desk.userChanged, changed, w)
