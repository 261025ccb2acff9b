"""Window tests run offscreen."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from workstation.ui.language import LanguageSwitch


@pytest.fixture
def switch(qapp: QApplication) -> Iterator[LanguageSwitch]:
    """The window's language, English to start with (its catalogue holds the plural
    forms) and English again afterwards, with QLocale's default put back."""
    s = LanguageSwitch(None)
    s.apply("en")
    yield s
    s.apply("en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
