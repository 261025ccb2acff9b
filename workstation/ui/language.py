"""The window's language: Qt's translator over the workstation's catalogues.

The language at start is ``--lang``, else the user's setting (``ui/language`` in the
window's settings), else the system's (``QLocale.system().uiLanguages()``), else
English. :class:`LanguageSwitch` installs the compiled catalogue
(``resources/i18n/workstation_<lang>.qm``, compiled from the ``.ts`` when this is a
source checkout) in a ``QTranslator``, sets ``QLocale``'s default so numbers and dates
follow the language, and says so with :attr:`LanguageSwitch.changed`; Qt sends every
widget a ``LanguageChange`` event, on which the window's parts set their texts again.
The switch happens without a restart (View > Language).

The pseudo-language (``pseudo``: every translated text in brackets) is for tests
that look for text bypassing translation; it is never offered in the menu.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QSettings, QTranslator, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from workstation.errors import WorkstationError
from workstation.i18n import DEFAULT, LANGUAGES, PSEUDO, normalise, parse_language, render
from workstation.i18n.catalogue import qm_file
from workstation.ui.texts import QT, retranslate

#: Where the user's choice is kept in the window's settings.
SETTINGS_KEY = "ui/language"

_QT_LANGUAGES = {"en": QLocale.Language.English, "mn": QLocale.Language.Mongolian,
                 "ru": QLocale.Language.Russian}


def qlocale(language: str) -> QLocale:
    """The ``QLocale`` whose numbers and dates the window uses for ``language``
    (Mongolia's Mongolian in Cyrillic, Russia's Russian; the pseudo-language
    English's)."""
    if language == "mn":
        return QLocale(QLocale.Language.Mongolian, QLocale.Script.CyrillicScript,
                       QLocale.Country.Mongolia)
    if language == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    return QLocale(_QT_LANGUAGES.get(language, QLocale.Language.English),
                   QLocale.Country.UnitedStates)


def system_language() -> str:
    """The first of the system's user-interface languages the workstation speaks, else
    English (``QLocale.system()`` also works where no environment locale is set)."""
    for tag in QLocale.system().uiLanguages():
        code = normalise(tag)
        if code is not None and code != PSEUDO:
            return code
    return DEFAULT


def start_language(requested: str | None, settings: QSettings | None) -> str:
    """The language to start in: ``requested`` (``--lang``; ``InputError`` when the
    workstation does not speak it), else the saved setting, else the system's."""
    if requested:
        return parse_language(requested)
    if settings is not None:
        saved = normalise(str(settings.value(SETTINGS_KEY, "") or ""))
        if saved is not None:
            return saved
    return system_language()


class LanguageSwitch(QObject):
    """Installs one language's catalogue in the application at a time.

    Signals:
        changed(str): the language now in use (``en``, ``mn``, ``ru``, ``pseudo``).
    """

    changed = Signal(str)

    def __init__(self, settings: QSettings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._translator: QTranslator | None = None
        self.language = DEFAULT

    def apply(self, language: str, *, remember: bool = False) -> None:
        """Use ``language`` from now on (``WorkstationError`` when its catalogue cannot
        be loaded; the language in use then stays). ``remember`` saves it as the user's
        choice."""
        code = parse_language(language)
        app = QCoreApplication.instance()
        if app is None:
            raise WorkstationError("no application to install a language in")
        translator = QTranslator(self)
        path = qm_file(code)
        if not translator.load(str(path)):
            raise WorkstationError(f"the catalogue {path} cannot be loaded")
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator.deleteLater()
        app.installTranslator(translator)  # Qt sends every widget a LanguageChange
        self._translator = translator
        QLocale.setDefault(qlocale(code))
        self.language = code
        QT.language = code
        retranslate()  # every live text of every window, at once
        if remember and self._settings is not None and code != PSEUDO:
            self._settings.setValue(SETTINGS_KEY, code)
            self._settings.sync()
        self.changed.emit(code)


class QtMessages:
    """The installed catalogue as a translator of check messages
    (:class:`workstation.i18n.Msg`, ``Term``, ``Join``): the window renders a result's
    ``text`` with ``render(check.text, QtMessages(switch.language))``."""

    def __init__(self, language: str) -> None:
        self._language = language

    @property
    def language(self) -> str:
        return self._language

    def translate(self, context: str, source: str, disambiguation: str = "",
                  n: int = -1) -> str | None:
        """What ``QCoreApplication.translate`` finds (the source itself when nothing)."""
        return QCoreApplication.translate(context, source, disambiguation or None, n)


def message_text(value: object, switch: LanguageSwitch) -> str:
    """A check's message (its ``text`` template, else the English ``message``) in the
    window's language."""
    return render(value, QtMessages(switch.language))


def language_menu(parent: QMenu, switch: LanguageSwitch) -> QMenu:
    """View > Language: one checkable entry per language, in the language's own name;
    choosing one switches at once and is remembered."""
    menu = parent.addMenu(QCoreApplication.translate("menus", "&Language"))
    group = QActionGroup(menu)
    group.setExclusive(True)
    actions: dict[str, QAction] = {}
    for code, name in LANGUAGES.items():
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setData(code)
        action.setChecked(code == switch.language)
        action.triggered.connect(lambda _=False, c=code: switch.apply(c, remember=True))
        group.addAction(action)
        menu.addAction(action)
        actions[code] = action

    def follow(code: str) -> None:
        menu.setTitle(QCoreApplication.translate("menus", "&Language"))
        if code in actions:
            actions[code].setChecked(True)

    switch.changed.connect(follow)
    menu.destroyed.connect(lambda *_: _disconnect(switch, follow))
    return menu


def _disconnect(switch: LanguageSwitch, slot: object) -> None:
    with contextlib.suppress(RuntimeError, TypeError):  # the switch went first
        switch.changed.disconnect(slot)
