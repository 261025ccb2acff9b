"""Find clipped widgets by geometry, not pixels: what a person would see cut off.

:func:`layout_problems` walks every visible widget of a window and reports, one line
each:

* a widget reaching outside its parent (beyond one pixel), unless the parent scrolls
  it: a scroll area's content wider or taller than its viewport is a problem only
  when the scroll bar in that direction is switched off;
* text that does not fit: a label, button, check box or tool button narrower than its
  text (``fontMetrics``; word-wrapped and rich-text labels by ``heightForWidth``),
  a combo box narrower than its current text, a tab narrower than its title or a tab
  bar that needs scroll buttons, a table header section narrower than its title;
* a widget squeezed below its minimum size hint (its content is cut);
* a window larger than the size asked for (its content does not fit the screen).

Used by the geometry tests at every window size, scale and theme
(``tests/ui/test_layout.py``) and by ``main.py --screenshot ... --check-layout``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QToolButton,
    QWidget,
)

#: Pixels of slack before something counts as cut.
SLACK = 1


def describe(w: QWidget) -> str:
    """A widget as a problem line names it: class, object name, text, path of parents."""
    text = ""
    for attr in ("text", "title", "currentText"):
        fn = getattr(w, attr, None)
        if callable(fn):
            try:
                value = fn()
            except TypeError:
                continue
            if isinstance(value, str) and value:
                text = value.replace("\n", " ")[:40]
                break
    chain: list[str] = []
    p = w.parentWidget()
    while p is not None and len(chain) < 3:
        chain.append(p.objectName() or type(p).__name__)
        p = p.parentWidget()
    name = w.objectName()
    return (f"{type(w).__name__}{'#' + name if name else ''}"
            f"{' ' + repr(text) if text else ''} in {'/'.join(chain)}")


def _shown(w: QWidget, root: QWidget) -> bool:
    return w.isVisibleTo(root) and w.width() > 0 and w.height() > 0


def _scrolled_by(w: QWidget) -> QAbstractScrollArea | None:
    """The scroll area whose viewport holds ``w`` directly (``None``: not scrolled)."""
    parent = w.parentWidget()
    area = parent.parentWidget() if parent is not None else None
    if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
        return area
    return None


def _text_width(w: QWidget, text: str) -> int:
    fm = w.fontMetrics()
    return max((fm.horizontalAdvance(line) for line in text.replace("&&", "&").splitlines()),
               default=0)


def _outside(w: QWidget, problems: list[str]) -> None:
    parent = w.parentWidget()
    if parent is None or w.isWindow():
        return
    g = w.geometry()
    area = _scrolled_by(w)
    if area is not None:
        vp = parent.rect()
        wide = g.width() > vp.width() + SLACK
        tall = g.height() > vp.height() + SLACK
        if wide and area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            problems.append(f"cut on the right (no horizontal scroll bar): {describe(w)} is "
                            f"{g.width()} px wide in {vp.width()} px")
        if tall and area.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
            problems.append(f"cut at the bottom (no vertical scroll bar): {describe(w)} is "
                            f"{g.height()} px tall in {vp.height()} px")
        return
    if isinstance(parent, QAbstractScrollArea) or isinstance(w, QScrollBar):
        return  # a scroll area's own viewport, bars and corner are laid out by it
    inside = parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK)
    if not inside.contains(QRect(g)):
        problems.append(f"outside its parent: {describe(w)} at {g.x()},{g.y()} "
                        f"{g.width()}x{g.height()} in {parent.width()}x{parent.height()}")


def _text_cut(w: QWidget, problems: list[str]) -> None:
    if isinstance(w, QLabel):
        if w.pixmap() is not None and not w.pixmap().isNull():
            return
        text = w.text()
        if not text:
            return
        rect = w.contentsRect()
        margin = 2 * w.margin() + 2 * w.indent() if w.indent() > 0 else 2 * w.margin()
        if w.wordWrap() or w.textFormat() == Qt.TextFormat.RichText or "<" in text:
            need = w.heightForWidth(w.width()) if w.hasHeightForWidth() else \
                w.minimumSizeHint().height()
            if need > w.height() + SLACK:
                problems.append(f"text cut at the bottom: {describe(w)} needs {need} px, has "
                                f"{w.height()}")
            if not w.wordWrap() and w.minimumSizeHint().width() > w.width() + SLACK:
                problems.append(f"text cut: {describe(w)} needs "
                                f"{w.minimumSizeHint().width()} px, has {w.width()}")
            if w.wordWrap() and w.textFormat() != Qt.TextFormat.RichText and "<" not in text:
                # a word longer than the line cannot wrap: it is cut on the right
                fm = w.fontMetrics()
                words = re.split(r"[\s\u200b]+", text)
                widest = max((fm.horizontalAdvance(x) for x in words), default=0) + margin
                if widest > rect.width() + SLACK:
                    problems.append(f"text cut: {describe(w)} has a word of {widest} px in "
                                    f"{rect.width()}")
            return
        need = _text_width(w, text) + margin
        if need > rect.width() + SLACK:
            problems.append(f"text cut: {describe(w)} needs {need} px, has {rect.width()}")
        return
    if isinstance(w, QCheckBox | QRadioButton):
        opt = QStyleOptionButton()
        w.initStyleOption(opt)
        text_rect = w.style().subElementRect(QStyle.SubElement.SE_CheckBoxContents, opt, w)
        need = text_rect.x() + _text_width(w, w.text())
        if need > w.width() + SLACK:
            problems.append(f"text cut: {describe(w)} needs {need} px, has {w.width()}")
        return
    if isinstance(w, QPushButton | QToolButton):
        if not w.text():
            return
        hint = w.sizeHint().width()
        if isinstance(w, QToolButton) and w.toolButtonStyle() == \
                Qt.ToolButtonStyle.ToolButtonIconOnly and not w.icon().isNull():
            return
        if hint > w.width() + SLACK:
            problems.append(f"text cut: {describe(w)} needs {hint} px, has {w.width()}")
        return
    if isinstance(w, QComboBox):
        text = w.currentText()
        if text and w.isEditable() is False:
            need = _text_width(w, text) + 28  # the frame, padding and arrow
            if need > w.width() + SLACK:
                problems.append(f"text cut: {describe(w)} needs {need} px, has {w.width()}")
        return
    if isinstance(w, QTabBar):
        for i in range(w.count()):
            if not w.isTabVisible(i):
                continue
            tab, wanted = w.tabRect(i), w.tabSizeHint(i)
            if tab.width() + SLACK < wanted.width() or tab.right() > w.width() + SLACK:
                problems.append(f"tab cut: {w.tabText(i)!r} is {tab.width()} px of "
                                f"{wanted.width()} in {describe(w)}")
        return
    if isinstance(w, QHeaderView):
        model = w.model()
        if model is None:
            return
        fm = w.fontMetrics()
        for i in range(w.count()):
            if w.isSectionHidden(i):
                continue
            title = model.headerData(i, w.orientation(), Qt.ItemDataRole.DisplayRole)
            if not title or w.orientation() != Qt.Orientation.Horizontal:
                continue
            need = fm.horizontalAdvance(str(title)) + 10
            if w.sectionSize(i) + SLACK < need:
                problems.append(f"header cut: {str(title)!r} is {w.sectionSize(i)} px of "
                                f"{need} in {describe(w)}")


def _squeezed(w: QWidget, problems: list[str]) -> None:
    """A control below its minimum size hint shows part of itself."""
    if not isinstance(w, QAbstractButton | QComboBox):
        return
    hint = w.minimumSizeHint()
    if hint.height() > w.height() + SLACK:
        problems.append(f"squeezed: {describe(w)} is {w.height()} px tall of "
                        f"{hint.height()}")


def layout_problems(root: QWidget, size: tuple[int, int] | None = None) -> list[str]:
    """Every clipped widget under ``root`` (see the module docstring), one line each.

    ``size``: the window size asked for (px, logical): a window whose content needs more
    grows past the screen, which is a problem too.
    """
    problems: list[str] = []
    if size is not None and (root.width() > size[0] + SLACK or root.height() > size[1] + SLACK):
        need = root.minimumSizeHint()
        problems.append(f"window does not fit {size[0]}x{size[1]}: it is "
                        f"{root.width()}x{root.height()} (its content needs "
                        f"{need.width()}x{need.height()})")
    for w in root.findChildren(QWidget):
        if not _shown(w, root):
            continue
        _outside(w, problems)
        _text_cut(w, problems)
        _squeezed(w, problems)
    return sorted(set(problems))
