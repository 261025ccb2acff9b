"""Text in the examiner's language for what is made without Qt (the reports).

``Words(language).translate(context, source)`` looks ``source`` up in the language's
catalogue like ``QCoreApplication.translate`` does in the window (the same ``.qm``
files) and returns the source itself when the catalogue has no translation; a plural
message (``%n``) is chosen by the count and the count written in. ``pyside6-lupdate``
extracts ``<anything>.translate("context", "literal")`` calls, so report code writes
``w.translate("reports", "Automated checks")`` and the text reaches the catalogues.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from workstation.i18n.catalogue import Catalogue, catalogue, parse_language
from workstation.i18n.locale import LocaleFormat, locale_format
from workstation.i18n.message import render


class Words:
    """One language's words, numbers and dates.

    Attributes:
        language: ``en``, ``mn``, ``ru`` (or ``pseudo`` in tests).
        catalogue: its compiled catalogue.
        format: how it writes numbers and dates.
    """

    def __init__(self, language: str = "en") -> None:
        self.language = parse_language(language)
        self.catalogue: Catalogue = catalogue(self.language)
        self.format: LocaleFormat = locale_format(self.language)

    def translate(self, context: str, source: str, disambiguation: str = "",
                  n: int = -1) -> str:
        """``source`` in this language (``source`` itself when untranslated); with
        ``n`` >= 0 the plural form for ``n``, ``%n`` replaced by it."""
        text = self.catalogue.translate(context, source, disambiguation, n)
        if text is None:
            text = source
        if n >= 0:
            text = text.replace("%Ln", self.format.number(n)).replace("%n", str(n))
        return text

    def render(self, value: Any) -> str:
        """A message (:class:`~workstation.i18n.Msg`, ``Term``, ``Join``) or plain text
        in this language."""
        return render(value, self.catalogue)

    def number(self, value: float, decimals: int = 0) -> str:
        """``value`` written this language's way (``0,93`` in Russian)."""
        return self.format.number(value, decimals)

    def date(self, value: dt.date) -> str:
        """A date written this language's way (``05.12.2026`` in Russian)."""
        return self.format.format_date(value)

    def datetime(self, value: dt.datetime, *, seconds: bool = False) -> str:
        """Date and time (24 h) written this language's way."""
        return self.format.format_datetime(value, seconds=seconds)
