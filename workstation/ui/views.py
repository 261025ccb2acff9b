"""The window's centre views: the examination (images and identity), the case list, the
review queue and the trends, one at a time, switched from buttons at the right of the
menu bar (Alt+1 … Alt+4) or the View menu.

The lists and charts get the window's full width this way (the case table's columns,
a report's pages under review, a chart of three years): the window hides its side
panels, which are about the document on the desk, while they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from workstation.ui.texts import T, Text, bind

#: The views in the order of their buttons and keys: name -> (title, key).
VIEWS: dict[str, tuple[Text, str]] = {
    "examination": (T("views", "Examination"), "Alt+1"),
    "cases": (T("views", "Cases"), "Alt+2"),
    "review": (T("views", "Review"), "Alt+3"),
    "trends": (T("views", "Trends"), "Alt+4"),
}


class CentreViews(QStackedWidget):
    """The centre's pages and their switch (the switch lives in the menu bar's corner)."""

    viewShown = Signal(str)
    """The view shown changed: its name."""

    def __init__(self, examination: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages: dict[str, QWidget] = {}
        self.switch = QWidget()
        self.switch.setObjectName("viewSwitch")
        lay = QHBoxLayout(self.switch)
        lay.setContentsMargins(0, 0, 6, 0)
        lay.setSpacing(2)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        for name, (title, key) in VIEWS.items():
            b = QToolButton()
            b.setObjectName("viewButton")
            bind(b.setText, title)
            b.setCheckable(True)
            bind(b.setToolTip, T("menus", "{view} ({key})").format(view=title, key=key))
            b.setVisible(False)
            b.clicked.connect(lambda _=False, n=name: self.show_view(n))
            self.group.addButton(b)
            lay.addWidget(b)
            self.buttons[name] = b
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda n=name: self.show_view(n))
        self.add_view("examination", examination)

    def add_view(self, name: str, widget: QWidget) -> None:
        """Add (or replace) the page of view ``name``; its button appears."""
        old = self.pages.get(name)
        if old is not None:
            self.removeWidget(old)
        self.pages[name] = widget
        self.insertWidget(list(VIEWS).index(name), widget)
        self.buttons[name].setVisible(True)
        self._sync()

    def remove_view(self, name: str) -> None:
        """Remove view ``name`` (the examination shows when it was shown)."""
        widget = self.pages.pop(name, None)
        if widget is None:
            return
        if self.currentWidget() is widget:
            self.show_view("examination")
        self.removeWidget(widget)
        self.buttons[name].setVisible(False)
        self._relayout_switch()

    def has_view(self, name: str) -> bool:
        """Whether view ``name`` is there (Review and Trends: supervisors only)."""
        return name in self.pages

    def show_view(self, name: str) -> bool:
        """Show view ``name``; ``False`` when it is not there."""
        widget = self.pages.get(name)
        if widget is None:
            return False
        self.setCurrentWidget(widget)
        self._sync()
        self.viewShown.emit(name)
        return True

    def current(self) -> str:
        """The name of the view shown."""
        widget = self.currentWidget()
        return next((n for n, w in self.pages.items() if w is widget), "examination")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._relayout_switch()  # the buttons' new words are wider or narrower
        super().changeEvent(event)

    def _sync(self) -> None:
        shown = self.current()
        for name, b in self.buttons.items():
            b.setChecked(name == shown)
        # a lone Examination button would be noise
        self.buttons["examination"].setVisible(len(self.pages) > 1)
        self._relayout_switch()

    def _relayout_switch(self) -> None:
        """Size the switch to its buttons. The menu bar places its corner widget again
        only when it is shown or the bar resized, not when the widget's buttons change:
        hiding and showing it makes the bar lay it out (else new buttons read "...")."""
        switch = self.switch
        switch.adjustSize()
        if switch.isVisible():
            switch.hide()
            switch.show()
