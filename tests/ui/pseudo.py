"""The pseudo-locale audit: with the ``pseudo`` catalogue installed every translated
text reads ``[text]``; whatever a person can read without brackets bypassed
translation (or is data: numbers, ids, names, which :data:`DATA` lets through)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from workstation.ui.texts import DATA_PROPERTY

#: Texts that are data, not words to translate: numbers, units, codes, ids, paths.
DATA = re.compile(r"^[\s\d.,:;%×x/+\-–—()#°µ]*(mm|dpi|nm|ms|px|MB|kB)?[\s\d.,%]*$|^[A-Z0-9_<]+$")


def _bracketed(text: str) -> bool:
    plain = text.replace("&", "").strip().lstrip("⚠ ")  # a warning sign is no word
    return not plain or DATA.match(plain) is not None or (
        plain.startswith("[") and plain.endswith("]"))


def readable_texts(root: QWidget) -> list[tuple[str, str]]:
    """``(where, text)`` for every text a person can read in ``root`` and its visible
    children: labels, buttons, group titles, tab titles, placeholders, menus."""
    out: list[tuple[str, str]] = []
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        # a menu is hidden until it opens, yet people read it: always audited
        if not isinstance(w, QMenu) and not w.isVisibleTo(root) and w is not root:
            continue
        if w.property(DATA_PROPERTY):  # shows data (a name, an MRZ), not words
            continue
        name = type(w).__name__
        if isinstance(w, QLabel | QAbstractButton):
            out.append((name, w.text()))
        if isinstance(w, QGroupBox):
            out.append((name, w.title()))
        if isinstance(w, QLineEdit):
            out.append((name, w.placeholderText()))
        if isinstance(w, QTabWidget):
            out += [(name, w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QMenu):
            out.append((name, w.title()))
            out += [(name, a.text()) for a in w.actions() if not a.isSeparator()]
    return [(where, re.sub("<[^>]+>", "", text)) for where, text in out if text]


def unbracketed(root: QWidget, *, allowed: set[str] = frozenset()) -> list[tuple[str, str]]:  # type: ignore[assignment]
    """The readable texts of ``root`` that bypass translation."""
    return [(where, text) for where, text in readable_texts(root)
            if not _bracketed(text) and text not in allowed]
