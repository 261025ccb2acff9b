"""The examiner's language: Mongolian, Russian and English.

One translation system, Qt's: the catalogues are Qt ``.ts`` files compiled to ``.qm``
(:mod:`.catalogue`, :mod:`.build`). The window installs them in a ``QTranslator``;
what is made without Qt — check messages, reports — reads the same ``.qm`` files with
:mod:`.qm` and renders :class:`Msg` templates (:mod:`.message`), numbers and dates
written the language's way (:mod:`.locale`). Result codes, check ids, JSON keys and
command-line output stay English: they are interfaces.
"""

from workstation.i18n.catalogue import (
    DEFAULT,
    LANGUAGES,
    PSEUDO,
    Catalogue,
    catalogue,
    normalise,
    parse_language,
    system_language,
)
from workstation.i18n.locale import LocaleFormat, locale_format
from workstation.i18n.message import QT_TRANSLATE_NOOP, Join, Msg, Said, Term, msg, render, said
from workstation.i18n.words import Words

__all__ = [
    "DEFAULT",
    "LANGUAGES",
    "PSEUDO",
    "QT_TRANSLATE_NOOP",
    "Catalogue",
    "Join",
    "LocaleFormat",
    "Msg",
    "Said",
    "Term",
    "Words",
    "catalogue",
    "locale_format",
    "msg",
    "normalise",
    "parse_language",
    "render",
    "said",
    "system_language",
]
