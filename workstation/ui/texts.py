"""The window's own words in the window's language, set again when it changes.

Every text a person reads in the window goes through Qt's translator, in one of two
ways that ``pyside6-lupdate`` sees (``tools/i18n_update.py`` gives it the aliases):

- ``tx("context", "Source text")`` (``QCoreApplication.translate``): the text in the
  language in use now, for what is made afresh each time it is shown (a dialog, a
  status message, a table filled by a refresh that :func:`live` repeats);
- ``T("context", "Source text")``: a marked text kept untranslated (:class:`Text`), which
  :func:`bind` sets through a widget's setter now and again after every switch
  (View > Language), so menus, buttons, tabs and titles follow without a restart.

Counts use ``%n``, the count passed fourth and by position (``tx(c, s, None, n)``:
lupdate skips a call with keyword arguments), and get the language's plural form;
values go in with ``{name}`` placeholders (``.format(name=...)`` after translation,
never an f-string, whose text lupdate could not match). Internal ids and result codes stay English.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject

Q = TypeVar("Q", bound=QObject)

#: owner's id and slot -> (owner, what sets its text again)
_LIVE: dict[tuple[int, str], tuple[QObject, Callable[[], None]]] = {}
_PRUNE_AT = 512


def tx(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``source`` in the window's language now (``%n`` replaced by ``n`` when given)."""
    return QCoreApplication.translate(context, source, disambiguation, n)


class Text:
    """A marked text: translated each time it is shown (:meth:`tr`), with the values of
    its ``{placeholders}`` given by :meth:`format`."""

    __slots__ = ("context", "n", "params", "source")

    def __init__(self, context: str, source: str, n: int = -1,
                 params: dict[str, Any] | None = None) -> None:
        self.context, self.source, self.n = context, source, n
        self.params = params or {}

    def format(self, **params: Any) -> Text:
        """The same text with its placeholders' values."""
        return Text(self.context, self.source, self.n, {**self.params, **params})

    def count(self, n: int) -> Text:
        """The same text in the plural form for ``n`` (its ``%n``)."""
        return Text(self.context, self.source, n, self.params)

    def tr(self) -> str:
        text = tx(self.context, self.source, None, self.n)
        if self.params:
            values = {k: v.tr() if isinstance(v, Text) else v for k, v in self.params.items()}
            text = text.format(**values)
        return text

    def __str__(self) -> str:
        return self.tr()

    def __repr__(self) -> str:
        return f"T({self.context!r}, {self.source!r})"


def T(context: str, source: str, n: int = -1) -> Text:
    """Mark ``source`` for translation in ``context`` (translated when shown)."""
    return Text(context, source, n)


def live(owner: Q, apply: Callable[[], None], slot: str = "") -> Q:
    """Run ``apply`` now and again after every language switch while ``owner`` lives
    (one ``apply`` per owner and ``slot``: registering again replaces it)."""
    apply()
    if len(_LIVE) >= _PRUNE_AT:
        _prune()
    _LIVE[(id(owner), slot)] = (owner, apply)
    return owner


def bind(setter: Callable[..., Any], text: Text | str, *lead: Any) -> None:
    """``setter(*lead, text)`` in the language in use, now and after every switch
    (``setter`` is a bound method of a Qt object: ``button.setText``,
    ``tabs.setTabText`` with the tab's index in ``lead``). A plain ``str`` is set once.

    A later ``setter`` call with other text is overwritten at the next switch: a text
    that changes with the state is set by a refresh that :func:`live` repeats."""
    if not isinstance(text, Text):  # data, or text translated already: set once
        setter(*lead, text)
        return
    owner = getattr(setter, "__self__", None)
    if not isinstance(owner, QObject):
        raise TypeError("bind needs a Qt object's method")

    def apply() -> None:
        setter(*lead, text.tr())

    live(owner, apply, f"{getattr(setter, '__name__', 'set')}:{lead!r}")


def retranslate() -> int:
    """Set every live text again (the language switch calls it); returns how many."""
    _prune()
    done = 0
    for owner, apply in list(_LIVE.values()):
        if shiboken6.isValid(owner):
            try:
                apply()
            except RuntimeError:  # a part it sets went with its window
                continue
            done += 1
    return done


def _prune() -> None:
    global _PRUNE_AT
    for key, (owner, _apply) in list(_LIVE.items()):
        if not shiboken6.isValid(owner):
            del _LIVE[key]
    _PRUNE_AT = max(512, 2 * len(_LIVE))


class _QtTranslator:
    """Qt's installed catalogue as the ``tr`` of :mod:`workstation.labels` and
    :func:`workstation.i18n.render` (``light_label(light, QT)``); its ``language`` (for
    numbers in messages) is the one the language switch installed last."""

    language = "en"

    def translate(self, context: str, source: str, disambiguation: str = "",
                  n: int = -1) -> str:
        return QCoreApplication.translate(context, source, disambiguation or None, n)


#: The window's language for what takes a translator.
QT = _QtTranslator()


def data(widget: Q) -> Q:
    """Mark ``widget`` as showing data, not words (a name, an MRZ, a certificate's
    subject, a barcode's content): it is shown as read, in no language, and the
    pseudo-language audit (``tests/ui/pseudo.py``) does not count it."""
    widget.setProperty(DATA_PROPERTY, True)
    return widget


#: The property :func:`data` sets.
DATA_PROPERTY = "i18nData"


#: The roles of accounts and the states of examinations, in words.
ROLES = {"examiner": T("roles", "examiner"), "forensic_examiner": T("roles", "forensic examiner"),
         "supervisor": T("roles", "supervisor"), "trainee": T("roles", "trainee")}
STATUSES = {"draft": T("statuses", "draft"), "open": T("statuses", "open"),
            "concluded": T("statuses", "concluded"),
            "under_review": T("statuses", "under review"),
            "approved": T("statuses", "approved"), "returned": T("statuses", "returned")}


#: Conclusions (``Conclusion`` values) and automated verdicts in words.
CONCLUSIONS = {"no_anomaly": T("findings", "No anomaly found"),
               "counterfeit": T("findings", "Counterfeit"), "forged": T("findings", "Forged"),
               "inconclusive": T("findings", "Inconclusive")}
VERDICTS = {"pass": T("verdicts", "no anomaly"), "fail": T("verdicts", "anomalies"),
            "inconclusive": T("verdicts", "inconclusive")}


def _word(table: dict[str, Text], value: object) -> str:
    key = str(getattr(value, "value", value) or "")
    word = table.get(key)
    return word.tr() if word is not None else (key.replace("_", " ") or "—")


def conclusion_word(value: object) -> str:
    """A conclusion (``Conclusion`` or its value) in the window's language."""
    return _word(CONCLUSIONS, value)


def verdict_word(value: object) -> str:
    """An automated verdict (``pass``, ``fail``, ``inconclusive``) in words."""
    return _word(VERDICTS, value)


def role_word(role: object) -> str:
    """A role (``Role`` or its value) in the window's language."""
    return _word(ROLES, role)


def status_word(status: object) -> str:
    """An examination's status (``Status`` or its value) in the window's language."""
    return _word(STATUSES, status)


def user_label(user: object) -> str:
    """``display name (role)`` in the window's language (a ``User``)."""
    name = getattr(user, "display_name", "") or getattr(user, "name", "")
    extra = tx("roles", ", administrator") if getattr(user, "administrator", False) else ""
    return f"{name} ({role_word(getattr(user, 'role', ''))}{extra})"


def date_text(value: dt.date | dt.datetime) -> str:
    """A date the window's language's way (``05.12.2026`` in Russian; ISO in English,
    as the reports write it)."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if QT.language in ("en", "pseudo"):
        return day.isoformat()
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.ShortFormat)


def number_text(value: float, decimals: int = 0) -> str:
    """A number the window's language's way (``0,93`` in Russian)."""
    return QLocale().toString(float(value), "f", decimals)
