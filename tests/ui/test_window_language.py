"""Issue 23: the window itself in Mongolian and Russian. Its words go through Qt's
translator (``workstation.ui.texts``), View > Language switches the shown window at
once, nothing bypasses translation in any view (the pseudo-language), and nothing is
clipped in Mongolian or Russian (the layout audit of issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from tests.ui.fakes import FakeReader, fake_examine
from workstation.i18n import render, said
from workstation.i18n.message import QT_TRANSLATE_NOOP
from workstation.ui import texts
from workstation.ui.language import LanguageSwitch
from workstation.ui.main_window import MainWindow
from workstation.ui.offline import VIEWS
from workstation.ui.texts import QT, T, bind, live, retranslate, tx

ROOT = Path(__file__).resolve().parents[2]
#: The views tests/ui/layout_window.py shows (the publish dialog once, at the first size).
DESK_VIEWS = {"capture", "checks", "alert", "findings", "chip", "barcodes", "back", "devices",
              "cases", "review", "trends"}



# -- the mechanism -----------------------------------------------------------------------

def test_bound_texts_follow_the_language_and_data_stays(switch: LanguageSwitch,
                                                        qtbot: QtBot) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    bind(button.setText, T("menus", "Zoom in"))
    name = QLabel()
    qtbot.addWidget(name)
    bind(name.setText, "TANAKA, MARIA EVA")  # data: set once, never translated
    counted = QLabel()
    qtbot.addWidget(counted)
    live(counted, lambda: counted.setText(tx("cases", "%n examination(s)", None, 5)))
    assert (button.text(), counted.text()) == ("Zoom in", "5 examinations")
    switch.apply("ru")
    assert button.text() == "Увеличить"
    assert counted.text() == "5 исследований"  # Russian's third plural form
    assert name.text() == "TANAKA, MARIA EVA"
    switch.apply("mn")
    assert (button.text(), counted.text()) == ("Томруулах", "5 шинжилгээ")
    switch.apply("en")
    assert button.text() == "Zoom in"


def test_a_marked_text_formats_after_translation(switch: LanguageSwitch) -> None:
    text = T("desk", "User: {user}").format(user="sue")
    assert str(text) == "User: sue"
    switch.apply("ru")
    assert text.tr() == "Пользователь: sue"
    nested = T("menus", "{view} view").format(view=T("views", "Trends"))
    assert nested.tr() == "Вид «Тенденции»"


def test_texts_of_deleted_widgets_are_dropped(switch: LanguageSwitch, qtbot: QtBot) -> None:
    before = len(texts._LIVE)
    for _ in range(50):
        label = QLabel()
        bind(label.setText, T("window", "Ready"))
        label.deleteLater()
    qtbot.waitUntil(lambda: retranslate() <= before + 1, timeout=5000)
    texts._prune()
    assert len(texts._LIVE) <= before + 1  # a soak does not grow the registry


def test_a_session_message_is_english_and_renders_in_the_window_language(
        switch: LanguageSwitch) -> None:
    message = said(QT_TRANSLATE_NOOP("session", "Opened case {case}, examination {id}"),
                   case="20261205-0001", id="3")
    assert message == "Opened case 20261205-0001, examination 3"  # the session's str
    switch.apply("mn")
    assert render(message, QT) == "20261205-0001 хэрэг, 3 шинжилгээг нээсэн"
    switch.apply("ru")
    assert render(message, QT) == "Открыто дело 20261205-0001, исследование 3"


# -- the window ----------------------------------------------------------------------------

def _menu_titles(w: MainWindow) -> list[str]:
    return [a.text() for a in w.menuBar().actions()]


def test_view_language_switches_the_open_window(qtbot: QtBot,
                                                tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    language = LanguageSwitch(settings)
    language.apply("en")
    w = MainWindow(FakeReader(), examine=fake_examine, settings=settings, language=language)
    qtbot.addWidget(w)
    w.show()
    try:
        assert _menu_titles(w)[:4] == ["&File", "&View", "&Tools", "&Help"]
        assert w.tabs.tabText(0) == "Checks"
        view = next(a.menu() for a in w.menuBar().actions() if a.text() == "&View")
        lang = next(a.menu() for a in view.actions() if a.menu() is not None)
        ru = next(a for a in lang.actions() if a.data() == "ru")
        ru.trigger()  # View > Language > Русский
        assert _menu_titles(w)[:4] == ["&Файл", "&Вид", "&Инструменты", "&Справка"]
        assert (w.tabs.tabText(0), w.tabs.tabText(1)) == ("Проверки", "Наблюдения")
        assert w.reader_panel.capture_button.text().startswith("Снять во всех видах")
        assert w.identity.verdict.text() == "НЕ ИССЛЕДОВАН"
        assert w.windowTitle() == "Рабочее место — исследование документов"
        assert settings.value("ui/language") == "ru"
        w.capture_async()
        qtbot.waitUntil(lambda: w.examination is not None and not w.runner.running,
                        timeout=20000)
        assert w.checks_panel.summary.text().split(" ")[1].startswith("провер")
        language.apply("mn")  # what is built later reads the language in use
        assert w.checks_panel.summary.text().split(" ")[1] == "шалгалт"
        assert w.status.text() != "" and not w.status.text().startswith("Examined")
        language.apply("en")
        assert _menu_titles(w)[:4] == ["&File", "&View", "&Tools", "&Help"]
        assert w.checks_panel.summary.text().split(" ")[1] == "checks"
    finally:
        language.apply("en")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


# -- every view, audited (one process each: the window set up as a supervisor's shift) -------

def _text_window(language: str, sizes: str, home: Path) -> list[dict[str, object]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSTATION_HOME": str(home),
           "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "tests.ui.text_window", language, sizes],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]


def _shown(results: list[dict[str, object]]) -> set[str]:
    return {str(r["view"]) for r in results}


@pytest.mark.slow
def test_no_text_bypasses_translation_in_any_view(tmp_path: Path) -> None:
    """The pseudo-language brackets every translated text: the main window in every
    view of offline.VIEWS and of the layout audit, menus included, shows none without."""
    results = _text_window("pseudo", "1280x720", tmp_path / "home")
    shown = _shown(results)
    assert shown >= DESK_VIEWS, DESK_VIEWS - shown
    missing = {v for v in VIEWS if v not in DESK_VIEWS and f"--view {v}" not in shown}
    assert not missing, missing
    found = [f"{r['view']}: {where} {text!r}" for r in results
             for where, text in r["untranslated"]]  # type: ignore[attr-defined]
    assert not found, "\n".join(found)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["mn", "ru"])
def test_every_view_fits_in_mongolian_and_russian(tmp_path: Path, language: str) -> None:
    """Issue 14's layout audit (no child outside its parent, no cut text) in the longer
    languages at a laptop's and a desktop's size."""
    sizes = ("1280x720", "1920x1080")
    results = _text_window(language, ",".join(sizes), tmp_path / "home")
    for size in sizes:
        shown = {str(r["view"]) for r in results if r["size"] == size}
        assert DESK_VIEWS - {"publish-dialog"} <= shown, (size, DESK_VIEWS - shown)
        assert {f"--view {v}" for v in VIEWS} - {f"--view {v}" for v in DESK_VIEWS} <= shown
    problems = [f"{r['size']} {r['view']}: {p}" for r in results
                for p in r["problems"]]  # type: ignore[attr-defined]
    assert not problems, "\n".join(problems)



def test_the_simulators_forgeries_are_named_in_the_window_language(
        switch: LanguageSwitch, qtbot: QtBot) -> None:
    """Every forgery the simulator can place has words, and the platen box shows them
    in the window's language, keeping the id as the item's data."""
    from workstation.specimens.render import FORGERIES
    from workstation.ui.panels import AS_TRAINING_KIND, FORGERY_LABELS, ReaderPanel
    from workstation.ui.reader_control import CHIP_FORGERIES

    ids = (*FORGERIES, *CHIP_FORGERIES)
    assert set(ids) <= set(FORGERY_LABELS) | set(AS_TRAINING_KIND)
    panel = ReaderPanel()
    qtbot.addWidget(panel)
    switch.apply("ru")
    panel.set_platen_choices(["UTO-P-2020"], ids, "UTO-P-2020", "portrait_substituted", 3)
    assert panel.forgery.currentText() == "Фотография заменена"
    assert panel.forgery.currentData() == "portrait_substituted"
    shown = [panel.forgery.itemText(i) for i in range(1, panel.forgery.count())]
    assert not any("_" in t for t in shown)
    assert shown[ids.index("chip_other_face")] == "Чип: лицо другого человека"
