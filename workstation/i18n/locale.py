"""Numbers and dates in the examiner's language, without Qt.

The window formats with ``QLocale``; reports and check messages are made without Qt
and use these conventions, which are ``QLocale``'s for Mongolian and Russian
(``tests/ui/test_i18n_window.py`` compares them). English keeps the program's ISO
dates (``2026-12-05``) rather than ``QLocale``'s American ``12/5/26``: a forensic
record must not be ambiguous.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class LocaleFormat:
    """How one language writes numbers and dates.

    Attributes:
        language: ``en``, ``mn``, ``ru``.
        decimal: the decimal mark.
        group: the thousands separator.
        date: the short date as a ``strftime`` pattern.
    """

    language: str
    decimal: str
    group: str
    date: str

    def number(self, value: float, decimals: int = 0) -> str:
        """``value`` with ``decimals`` decimals and grouped thousands: ``1 234,50`` (ru)."""
        return self.localise(f"{value:,.{decimals}f}")

    def localise(self, text: str) -> str:
        """A number written the Python (English) way — ``1,234.5`` — in this language."""
        if self.decimal == "." and self.group == ",":
            return text
        return text.replace(",", "\0").replace(".", self.decimal).replace("\0", self.group)

    def format_date(self, value: dt.date) -> str:
        """The short date: ``2026-12-05``, ``2026.12.05`` (mn), ``05.12.2026`` (ru)."""
        return value.strftime(self.date)

    def format_datetime(self, value: dt.datetime, *, seconds: bool = False) -> str:
        """Date and time (24 h), in the value's own time zone: ``05.12.2026 14:30``."""
        clock = "%H:%M:%S" if seconds else "%H:%M"
        return f"{self.format_date(value)} {value.strftime(clock)}"


FORMATS: dict[str, LocaleFormat] = {
    "en": LocaleFormat("en", ".", ",", "%Y-%m-%d"),
    "mn": LocaleFormat("mn", ".", ",", "%Y.%m.%d"),
    "ru": LocaleFormat("ru", ",", "\u00a0", "%d.%m.%Y"),
}


def locale_format(language: str) -> LocaleFormat:
    """The conventions of ``language`` (English's for a language without its own)."""
    return FORMATS.get(language, FORMATS["en"])
