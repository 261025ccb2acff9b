"""The desk's widgets in the window: the user button and chooser, the case list, and
the review queue and the trends for a supervisor.

:class:`DeskPanels` follows the :class:`~workstation.session.desk.Desk`: once the
case database is open the Cases view appears; when the session's user changes the
status bar names them, the case list knows them, and a supervisor gets the Review
and Trends views (another role does not). The views are pages of the window's centre
(:class:`~workstation.ui.views.CentreViews`): a list, a report's pages and a chart get
the window's width.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtWidgets import QPushButton, QWidget

from workstation.cases.records import User
from workstation.session.desk import Desk
from workstation.ui.bridge import QtRunner, listen
from workstation.ui.texts import T, bind, live, tx, user_label
from workstation.ui.views import CentreViews
from workstation.ui.widgets import named

if TYPE_CHECKING:  # the panels' modules are imported once the database is open
    from workstation.cases import CaseRepository
    from workstation.session.review import ReviewSession
    from workstation.ui.cases_list import CaseListWidget
    from workstation.ui.cases_users import UserDialog
    from workstation.ui.review import PasswordAsk, ReviewWidget
    from workstation.ui.trends import TrendsWidget


class DeskPanels(QObject):
    """The desk's widgets (see the module docstring)."""

    def __init__(self, desk: Desk, runner: QtRunner, views: CentreViews, settings: QSettings,
                 parent: QWidget, *, open_examination: Callable[[int], None],
                 ask_password: PasswordAsk, status: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner
        self.views = views
        self.settings = settings
        self.owner = parent
        self.open_examination = open_examination
        self.ask_password = ask_password
        self.status = status
        self.cases_panel: CaseListWidget | None = None
        self.review_panel: ReviewWidget | None = None
        self.review: ReviewSession | None = None
        self.trends_panel: TrendsWidget | None = None
        #: Whether the window shows its dark theme (the trends chart follows it).
        self.dark: Callable[[], bool] = lambda: True
        self.user_dialog: UserDialog | None = None
        self.user_button = named(QPushButton(""), "user_button")
        self.user_button.setFlat(True)
        bind(self.user_button.setToolTip, T("desk", "The session's user — click to switch"))
        self.user_button.clicked.connect(self.choose_user)
        listen(desk.databaseOpened, self._opened, self)
        listen(desk.userChanged, self._user_changed, self)
        live(self.user_button, self.show_user, "user")

    def show_user(self) -> None:
        """The status bar's user button names the session's user."""
        user = self.desk.user
        who = user_label(user) if user is not None else (
            self.desk.user_name or tx("desk", "no user chosen"))
        self.user_button.setText(tx("desk", "User: {user}").format(user=who))

    def _opened(self, repo: CaseRepository) -> None:
        from workstation.ui.cases_list import CaseListWidget

        if self.cases_panel is None:
            panel = CaseListWidget(repo, runner=self.runner.tasks)
            panel.examinationOpened.connect(self.open_examination)
            panel.set_user(self.desk.user)
            self.cases_panel = panel
            self.views.add_view("cases", panel)
            self.views.viewShown.connect(self._cases_shown)
        if self.desk.ask_user:
            self.choose_user()

    def _cases_shown(self, name: str) -> None:
        """The list is searched again each time it is shown (examinations stored since
        appear)."""
        if name == "cases" and self.cases_panel is not None:
            self.cases_panel.refresh()

    def _user_changed(self, user: User) -> None:
        self.settings.setValue("last_user", user.name)
        self.show_user()
        if self.cases_panel is not None:
            self.cases_panel.set_user(user)
        self._update_review()
        self.status(tx("desk", "Working as {user}").format(user=user_label(user)))

    def _update_review(self) -> None:
        """A supervisor gets the review queue; other roles do not see it."""
        desk, panel = self.desk, self.review_panel
        user = desk.user if desk.is_supervisor else None
        if panel is not None and (user is None or panel.property("user") != user.name):
            self.views.remove_view("review")
            panel.deleteLater()
            self.review_panel = None
            self.review = None
            if self.trends_panel is not None:
                self.views.remove_view("trends")
                self.trends_panel.deleteLater()
                self.trends_panel = None
        if user is None or self.review_panel is not None:
            return
        from workstation.session.review import ReviewSession
        from workstation.ui.review import ReviewWidget

        self.review = ReviewSession(desk, self.runner)
        panel = ReviewWidget(self.review, ask_password=self.ask_password)
        panel.setProperty("user", user.name)
        panel.decided.connect(lambda *_: self.cases_panel.refresh()
                              if self.cases_panel is not None else None)
        self.review_panel = panel
        self.views.add_view("review", panel)
        self._add_trends(user)

    def _add_trends(self, user: User) -> None:
        """The Trends view (pyqtgraph is imported now, not at start); the examinations
        behind a figure open on the desk."""
        repo = self.desk.repository
        if repo is None:
            return
        from workstation.trends import TrendStore
        from workstation.ui.trends import TrendsWidget

        panel = TrendsWidget(TrendStore(repo), user=user, runner=self.runner.tasks,
                             dark=self.dark())
        panel.examinationOpened.connect(self.open_examination)
        self.trends_panel = panel
        self.views.add_view("trends", panel)
        self.views.viewShown.connect(self._trends_shown)

    def _trends_shown(self, name: str) -> None:
        """The figures are counted when the view is first shown (and with F5 after)."""
        panel = self.trends_panel
        if name == "trends" and panel is not None and panel.table_result is None \
                and not panel.status_label.text():
            panel.refresh()

    def choose_user(self) -> None:
        """Show the user chooser (the case database is opened first, in a worker)."""
        repo = self.desk.repository
        if repo is None:
            self.desk.ask_user = True
            self.desk.open_database()
            return
        if self.user_dialog is not None:
            self.user_dialog.raise_()
            return
        from workstation.ui.cases_users import UserDialog

        last = self.desk.user_name or str(self.settings.value("last_user", "") or "") or None
        dialog = UserDialog(repo, last_user=last, parent=self.owner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def finished(result: int) -> None:
            self.user_dialog = None
            chosen = dialog.selected_user() if result == int(dialog.DialogCode.Accepted) \
                else None
            if chosen is not None:
                self.desk.set_user(chosen)
            elif self.desk.user is None:
                self.desk.user_or_login()  # cancelled at start: the login name
            self.desk.ask_user = False

        dialog.finished.connect(finished)
        self.user_dialog = dialog
        dialog.open()  # window-modal, never a nested event loop

    def refresh(self) -> None:
        """After a submission: the lists show it."""
        if self.cases_panel is not None:
            self.cases_panel.refresh()
        if self.review is not None:
            self.review.refresh()
