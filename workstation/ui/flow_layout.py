"""A layout that lines its widgets up left to right and wraps to a new row when the row
is full: a toolbar that stays whole on a narrow window instead of cutting its buttons."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from workstation.ui.texts import Text


class FlowLayout(QLayout):
    """Widgets in rows, wrapped at the layout's width (``heightForWidth`` aware)."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            if self._shown(item):
                size = size.expandedTo(item.minimumSize())
        m: QMargins = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    @staticmethod
    def _shown(item: QLayoutItem) -> bool:
        widget = item.widget()
        return widget is None or not widget.isHidden()

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, row_h = area.x(), area.y(), 0
        for item in self._items:
            if not self._shown(item):
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and x > area.x():
                x = area.x()
                y += row_h + self._spacing
                row_h = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_h = max(row_h, hint.height())
        return y + row_h - rect.y() + m.bottom()


def unit(*widgets: QWidget | str | Text) -> QWidget:
    """Widgets that belong together (a label and its field) kept on one line: a flow
    layout wraps between units, never inside one. A ``str`` or marked ``Text`` becomes
    a label (the ``Text`` follows the window's language)."""
    from PySide6.QtWidgets import QHBoxLayout

    from workstation.ui.widgets import mk_label

    box = QWidget()
    lay = QHBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(6)
    for w in widgets:
        lay.addWidget(w if isinstance(w, QWidget) else mk_label(w))
    return box


def flow_of(*units: QWidget, spacing: int = 10) -> QWidget:
    """A toolbar of ``units`` that wraps onto more rows on a narrow window."""
    host = QWidget()
    flow = FlowLayout(host, spacing=spacing)
    flow.setContentsMargins(0, 0, 0, 0)
    for u in units:
        flow.addWidget(u)
    return host
