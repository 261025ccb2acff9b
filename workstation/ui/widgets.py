"""Small typed constructors for the widgets the window builds many of."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QSlider,
    QTableView,
    QToolButton,
    QWidget,
)

from workstation.types import Image
from workstation.ui.texts import Text, bind

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name (the style sheet selects on it)."""
    widget.setObjectName(name)
    return widget


def mk_label(text: str | Text, name: str | None = None) -> QLabel:
    """A label (a marked :class:`~workstation.ui.texts.Text` follows the language)."""
    w = QLabel()
    bind(w.setText, text)
    if name:
        w.setObjectName(name)
    return w


def mk_push(text: str | Text, *, name: str | None = None,
            checkable: bool = False) -> QPushButton:
    w = QPushButton()
    bind(w.setText, text)
    w.setCheckable(checkable)
    if name:
        w.setObjectName(name)
    return w


def mk_tool(text: str | Text, *, checkable: bool = False,
            tip: str | Text = "") -> QToolButton:
    w = QToolButton()
    bind(w.setText, text)
    w.setCheckable(checkable)
    if tip:
        bind(w.setToolTip, tip)
    return w


def mk_slider(minimum: int, maximum: int, value: int) -> QSlider:
    w = QSlider(Qt.Orientation.Horizontal)
    w.setRange(minimum, maximum)
    w.setValue(value)
    return w


def mk_combo(min_width: int = 0) -> QComboBox:
    w = QComboBox()
    if min_width:
        w.setMinimumWidth(min_width)
    return w


def pixmap_of(image: Image, max_side: int = 260) -> QPixmap:
    """A ``uint8`` image ``(H, W)`` or ``(H, W, 3)`` as a pixmap no larger than
    ``max_side``."""
    import numpy as np

    data = np.ascontiguousarray(image)
    h, w = data.shape[:2]
    if data.ndim == 2:
        qimage = QImage(data.data, w, h, w, QImage.Format.Format_Grayscale8)
    else:
        qimage = QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    pixmap = QPixmap.fromImage(qimage.copy())
    if max(w, h) > max_side:
        pixmap = pixmap.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
    return pixmap


def clear_layout(layout: QLayout) -> None:
    """Remove every item of ``layout``; its widgets are hidden and detached at once (a
    widget only scheduled for deletion would still be laid out and painted)."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)
            widget.deleteLater()
        elif item.layout() is not None:
            child = item.layout()
            assert child is not None
            clear_layout(child)


class FittingScrollArea(QScrollArea):
    """A scroll area that scrolls vertically only and is never narrower than its content
    needs (its minimum width follows the content's minimum size hint, plus the scroll
    bar): a side panel's forms are never cut on the right."""

    def __init__(self, widget: QWidget | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        if widget is not None:
            self.setWidget(widget)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest,
                                                          QEvent.Type.Show):
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        widget = self.widget()
        if widget is None:
            return
        need = widget.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width() \
            + 2 * self.frameWidth()
        if need != self.minimumWidth():
            self.setMinimumWidth(need)


def fit_header(table: QTableView) -> None:
    """Columns at least as wide as their titles (after ``resizeColumnsToContents``, which
    sizes an empty or narrow column below its title)."""
    header = table.horizontalHeader()
    model = table.model()
    if model is None:
        return
    fm = header.fontMetrics()
    for i in range(header.count()):
        title = model.headerData(i, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        need = fm.horizontalAdvance(str(title or "")) + 24  # padding and sort arrow
        if header.sectionSize(i) < need:
            header.resizeSection(i, need)


def save_png(widget: QWidget, path: str | Path) -> None:
    """Render ``widget`` to a PNG at ``path``, written atomically (``OSError`` when it
    cannot be encoded or written)."""
    from PySide6.QtCore import QBuffer, QIODevice

    from workstation.fsutil import atomic_write_bytes

    pix = widget.grab()
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not pix.save(buf, "PNG"):
        raise OSError(f"cannot encode the window as PNG for {path}")
    atomic_write_bytes(path, bytes(buf.data().data()))
