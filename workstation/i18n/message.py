"""Messages to people that the domain makes in English and the window and the report
render in the examiner's language.

A :class:`Msg` is a template in its catalogue context with named parameters. Its
English text (:meth:`Msg.english`) is the template filled in — what the JSON and the
command line carry, unchanged by any language. :meth:`Msg.render` looks the template
up in a catalogue (``workstation.i18n.catalogue``), fills the translation with the
same parameters, numbers written the language's way, and renders parameters that are
themselves messages (:class:`Msg`), terms (:class:`Term`: a field name, a light, a
zone's label) or lists (:class:`Join`) in the same language.

Templates use Python's ``str.format`` fields: ``{zone}``, ``{ratio:.0%}``,
``{printed!r}``; a plural message counts with ``%n`` and carries ``n``. Mark a
template for the catalogues with :func:`QT_TRANSLATE_NOOP` — ``pyside6-lupdate``
extracts ``QT_TRANSLATE_NOOP("context", "literal")`` calls (two or three literal
arguments and nothing else) from the Python sources.
"""

from __future__ import annotations

import logging
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from workstation.i18n.locale import LocaleFormat, locale_format

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, source: str, disambiguation: str | None = None) -> str:
    """Mark ``source`` for the catalogues of ``context``; returns it unchanged."""
    return source


class Translator(Protocol):
    """What renders a message in a language: a catalogue (``Catalogue``)."""

    @property
    def language(self) -> str: ...

    def translate(self, context: str, source: str, disambiguation: str = "",
                  n: int = -1) -> str | None: ...


@dataclass(frozen=True)
class Term:
    """A word or name inside a message that has its own translation.

    Attributes:
        text: how the English message writes it (``"ir"``, ``"date of birth"``).
        context: the catalogue context of its translation (``"lights"``, ``"fields"``).
        source: the catalogue's source text when it differs from ``text``.
    """

    text: str
    context: str
    source: str | None = None

    def english(self) -> str:
        """The English text."""
        return self.text

    def render(self, tr: Translator | None) -> str:
        """The term in ``tr``'s language (``text`` when the catalogue lacks it)."""
        if tr is None:
            return self.text
        found = tr.translate(self.context, self.source or self.text)
        return found if found is not None else self.text


@dataclass(frozen=True)
class Join:
    """Items (messages, terms, text) written one after another with ``sep``."""

    items: tuple[Any, ...]
    sep: str = "; "

    def english(self) -> str:
        """The items in English."""
        return render(self, None)

    def render(self, tr: Translator | None) -> str:
        """The items in ``tr``'s language."""
        return render(self, tr)


@dataclass(frozen=True)
class Msg:
    """A message: an English template in a catalogue context and its parameters.

    Attributes:
        context: the catalogue context (``"checks"``, ``"codes"``, ``"reports"``...).
        source: the English template (the catalogue's key).
        params: the named parameters (numbers, text, :class:`Msg`, :class:`Term`,
            :class:`Join`).
        n: the count a plural template (``%n``) is chosen by, or ``None``.
    """

    context: str
    source: str
    params: Mapping[str, Any] = field(default_factory=dict)
    n: int | None = None

    def english(self) -> str:
        """The message in English, as the JSON and the command line carry it."""
        return _fill(self.source, self, None, locale_format("en"))

    def render(self, tr: Translator | None) -> str:
        """The message in ``tr``'s language (English when ``tr`` is ``None``)."""
        if tr is None:
            return self.english()
        found = tr.translate(self.context, self.source, "", -1 if self.n is None else self.n)
        fmt = locale_format(tr.language)
        if found is None:
            return _fill(self.source, self, tr, fmt)
        try:
            return _fill(found, self, tr, fmt)
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            # a broken translation must not hide the message: say it in English
            log.warning("translation of %r (%s) does not fit its parameters: %s",
                        self.source, tr.language, exc)
            return _fill(self.source, self, tr, fmt)

    def __str__(self) -> str:
        return self.english()


class Said(str):
    """A message as English text that still knows its template: it *is* the English
    string (the session's signals, logs and tests read it as one) and
    :func:`render` gives it in another language. Made by :func:`said`."""

    message: Msg

    def __new__(cls, message: Msg) -> Said:
        self = super().__new__(cls, message.english())
        self.message = message
        return self


def said(source: str, /, *, n: int | None = None, **params: Any) -> Said:
    """A session's message to people (context ``session``), written
    ``said(QT_TRANSLATE_NOOP("session", "Opened case {case}"), case=ref)`` so that the
    catalogue update extracts the template (it skips calls with keyword arguments,
    not the marker inside them)."""
    return Said(Msg(SAID_CONTEXT, source, params, n))


#: The catalogue context of :func:`said` messages.
SAID_CONTEXT = "session"


def msg(context: str, source: str, /, *, n: int | None = None, **params: Any) -> Msg:
    """A :class:`Msg` (``source`` marked with :func:`QT_TRANSLATE_NOOP` by the caller)."""
    return Msg(context, source, params, n)


def render(value: Any, tr: Translator | None) -> str:
    """Any message-like value in ``tr``'s language: a :class:`Msg`, :class:`Term`,
    :class:`Join` or plain text (returned as it is)."""
    if isinstance(value, Join):
        return value.sep.join(render(v, tr) for v in value.items)
    if isinstance(value, Msg | Term):
        return value.render(tr)
    if isinstance(value, Said):
        return value.message.render(tr)
    return str(value)


class _Formatter(string.Formatter):
    def __init__(self, tr: Translator | None, fmt: LocaleFormat) -> None:
        super().__init__()
        self.tr = tr
        self.fmt = fmt

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, Msg | Term | Join):
            return format(value.render(self.tr), format_spec)
        if isinstance(value, Said):
            return format(value.message.render(self.tr), format_spec)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return self.fmt.localise(format(value, format_spec))
        return format(value, format_spec)


def _fill(template: str, message: Msg, tr: Translator | None, fmt: LocaleFormat) -> str:
    text = _Formatter(tr, fmt).vformat(template, (), dict(message.params)) \
        if "{" in template else template
    if message.n is not None:
        text = text.replace("%Ln", fmt.number(message.n)).replace("%n", str(message.n))
    return text


def placeholders(template: str) -> set[str]:
    """The named fields of a template (``{zone}``, ``{ratio:.0%}`` -> ``zone``, ``ratio``)
    and ``%n`` when it counts."""
    names = {name.split(".")[0].split("[")[0]
             for _lit, name, _spec, _conv in string.Formatter().parse(template) if name}
    if "%n" in template or "%Ln" in template:
        names.add("%n")
    return names
