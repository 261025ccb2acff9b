"""The window's language: chosen at start, switched from the menu without a restart,
numbers and dates the language's way (Qt's locale, as the reports write them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from workstation.errors import InputError
from workstation.i18n import locale_format
from workstation.ui.language import (
    SETTINGS_KEY,
    LanguageSwitch,
    language_menu,
    qlocale,
    start_language,
)

SOURCE = "no document found on the platen"


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def switch(qapp: QApplication, settings: QSettings) -> Iterator[LanguageSwitch]:
    s = LanguageSwitch(settings)
    yield s
    s.apply("en")
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_the_start_language_comes_from_the_option_the_setting_or_the_system(
        settings: QSettings) -> None:
    assert start_language("mn", settings) == "mn"
    assert start_language("ru_RU.UTF-8", settings) == "ru"
    with pytest.raises(InputError, match="unknown language 'xx'"):
        start_language("xx", settings)
    settings.setValue(SETTINGS_KEY, "ru")
    assert start_language(None, settings) == "ru"
    settings.setValue(SETTINGS_KEY, "klingon")
    assert start_language(None, settings) in ("en", "mn", "ru")  # the system's


def test_switching_translates_at_once_and_tells_the_widgets(
        qapp: QApplication, switch: LanguageSwitch, settings: QSettings, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[int] = []

    class Probe(QLabel):
        def changeEvent(self, event: QEvent) -> None:
            if event.type() == QEvent.Type.LanguageChange:
                seen.append(1)
                self.setText(QCoreApplication.translate("checks", SOURCE))
            super().changeEvent(event)

    probe = Probe()
    qtbot.addWidget(probe)
    switch.apply("mn", remember=True)
    qtbot.waitUntil(lambda: bool(seen))
    assert probe.text() == "шилэн тавцан дээр баримт бичиг олдсонгүй"
    assert settings.value(SETTINGS_KEY) == "mn"
    switch.apply("ru")
    qtbot.waitUntil(lambda: probe.text() == "на предметном стекле документ не найден")
    assert QLocale().toString(0.5, "f", 2) == "0,50"
    switch.apply("pseudo")
    qtbot.waitUntil(lambda: probe.text() == f"[{SOURCE}]")
    assert settings.value(SETTINGS_KEY) == "mn"  # neither ru nor pseudo was remembered
    switch.apply("en")
    qtbot.waitUntil(lambda: probe.text() == SOURCE)


def test_the_language_menu_switches_and_follows(qapp: QApplication,
                                                switch: LanguageSwitch) -> None:
    view = QMenu("View")
    menu = language_menu(view, switch)
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == {"en", "mn", "ru"}
    assert actions["mn"].text() == "Монгол" and actions["ru"].text() == "Русский"
    actions["ru"].trigger()
    assert switch.language == "ru" and actions["ru"].isChecked()
    switch.apply("mn")
    assert actions["mn"].isChecked() and not actions["ru"].isChecked()


@pytest.mark.parametrize("language", ["en", "mn", "ru"])
def test_qt_and_the_reports_write_numbers_and_dates_alike(language: str) -> None:
    loc, fmt = qlocale(language), locale_format(language)
    assert loc.toString(1234.5, "f", 1).replace("\u00a0", " ") == \
        fmt.number(1234.5, 1).replace("\u00a0", " ")
    if language != "en":  # English: ISO dates in reports, not the US short form
        assert loc.toString(QDate(2026, 12, 5), QLocale.FormatType.ShortFormat) == \
            fmt.format_date(dt.date(2026, 12, 5))


def test_check_messages_render_in_the_window_language(switch: LanguageSwitch) -> None:
    from workstation.examination import messages
    from workstation.ui.language import message_text

    m = messages.message("UV_DULL_PAPER", zone=messages.zone_term("blank"), score=7.38)
    assert message_text(m, switch) == m.english()
    switch.apply("ru")
    assert message_text(m, switch).startswith("blank: люминесцирует в УФ (7,4x основы образца)")
    switch.apply("pseudo")
    assert message_text(m, switch).startswith("[blank: glows under UV (7.4x")
    assert message_text("plain English", switch) == "plain English"


def test_the_pseudo_audit_finds_text_that_bypasses_translation(
        switch: LanguageSwitch, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from tests.ui.pseudo import unbracketed
    from workstation.i18n import LANGUAGES

    switch.apply("pseudo")
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLabel(QCoreApplication.translate("checks", SOURCE)))
    layout.addWidget(QLabel("300 dpi"))  # data
    bypass = QLabel("Typed without tr()")
    layout.addWidget(bypass)
    menu = QMenu(root)
    language_menu(menu, switch)
    root.show()
    found = unbracketed(root, allowed=set(LANGUAGES.values()))
    assert found == [("QLabel", "Typed without tr()")]
    bypass.setText(QCoreApplication.translate("checks", "no specimen matched"))
    assert unbracketed(root, allowed=set(LANGUAGES.values())) == []
