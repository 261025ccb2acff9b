"""Small typed constructors for the widgets the window builds many of."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSlider, QToolButton, QWidget

W = TypeVar("W", bound=QWidget)


def named(widget: W, name: str) -> W:
    """``widget`` with its object name (the style sheet selects on it)."""
    widget.setObjectName(name)
    return widget


def mk_label(text: str, name: str | None = None) -> QLabel:
    w = QLabel(text)
    if name:
        w.setObjectName(name)
    return w


def mk_push(text: str, *, name: str | None = None, checkable: bool = False) -> QPushButton:
    w = QPushButton(text)
    w.setCheckable(checkable)
    if name:
        w.setObjectName(name)
    return w


def mk_tool(text: str, *, checkable: bool = False, tip: str = "") -> QToolButton:
    w = QToolButton()
    w.setText(text)
    w.setCheckable(checkable)
    if tip:
        w.setToolTip(tip)
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
