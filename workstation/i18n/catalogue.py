"""The languages the workstation speaks and their catalogues.

One catalogue per language, in Qt's formats: the source ``resources/i18n/
workstation_<lang>.ts`` (XML, kept in the repository, extracted from the code with
``pyside6-lupdate`` by ``tools/i18n_update.py``) compiled at build time to
``workstation_<lang>.qm`` with ``pyside6-lrelease`` (:mod:`workstation.i18n.build`;
``make translations``, the installer build and the test set-up run it; the ``.qm``
files are not committed). The window loads the ``.qm`` into a ``QTranslator``;
reports and check messages read the same file with :mod:`workstation.i18n.qm`.

In a source checkout a missing or out-of-date ``.qm`` is compiled on first use (the
``pyside6-lrelease`` of the environment), so ``--lang mn`` works straight after a
``git pull``; an installed bundle ships its ``.qm`` files compiled.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from workstation.errors import InputError, WorkstationError
from workstation.i18n.qm import QmCatalogue
from workstation.paths import resource

#: The languages of the window and the reports: code -> the language's own name.
LANGUAGES: dict[str, str] = {"en": "English", "mn": "Монгол", "ru": "Русский"}
#: The test language: every translated text in brackets (``[File]``), for finding
#: text that bypasses translation. Built with the catalogues, never offered in menus.
PSEUDO = "pseudo"
DEFAULT = "en"

log = logging.getLogger(__name__)
_LOCK = threading.Lock()
_CACHE: dict[str, Catalogue] = {}


def normalise(tag: str | None) -> str | None:
    """Our language code for a locale tag (``mn_MN.UTF-8``, ``ru-RU``, ``mn``), or
    ``None`` when the workstation does not speak it."""
    if not tag:
        return None
    code = re.split(r"[._@-]", tag.strip().lower(), maxsplit=1)[0]
    if code == PSEUDO or code in LANGUAGES:
        return code
    return None


def parse_language(value: str) -> str:
    """``value`` as a language code, or ``InputError`` naming the languages."""
    code = normalise(value)
    if code is None:
        known = ", ".join(LANGUAGES)
        raise InputError(f"unknown language {value!r} (known: {known})")
    return code


def system_language() -> str:
    """The language of the environment (``LC_ALL``, ``LC_MESSAGES``, ``LANG``,
    ``LANGUAGE``) when the workstation speaks it, else English. The window asks
    ``QLocale.system()`` instead, which also works where there is no environment
    locale (Windows)."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var, "")
        for part in value.split(":"):
            code = normalise(part)
            if code is not None and code != PSEUDO:
                return code
        if value and var != "LANGUAGE":
            break  # a set LC_ALL/LANG decides, even for a language we do not speak
    return DEFAULT


def source_path(language: str) -> Path:
    """The catalogue's source: ``resources/i18n/workstation_<lang>.ts``."""
    return resource("i18n", f"workstation_{language}.ts")


def compiled_path(language: str) -> Path:
    """The compiled catalogue: ``resources/i18n/workstation_<lang>.qm``."""
    return resource("i18n", f"workstation_{language}.qm")


def qm_file(language: str) -> Path:
    """The compiled catalogue of ``language``, compiled first when this is a source
    checkout and the ``.qm`` is missing or older than its source (``WorkstationError``
    when it cannot be had)."""
    qm = compiled_path(language)
    frozen = getattr(sys, "_MEIPASS", None) is not None
    if not frozen:
        from workstation.i18n.build import ensure_compiled

        ensure_compiled(language)
    if not qm.is_file():
        raise WorkstationError(
            f"the {LANGUAGES.get(language, language)} catalogue is missing ({qm}): "
            "run 'make translations'")
    return qm


@dataclass(frozen=True)
class Catalogue:
    """The translations of one language (:class:`~workstation.i18n.message.Translator`).

    English needs no catalogue for its words (the source texts are English); its
    compiled catalogue holds the plural forms (``1 check`` / ``2 checks``).
    """

    language: str
    qm: QmCatalogue | None

    def translate(self, context: str, source: str, disambiguation: str = "",
                  n: int = -1) -> str | None:
        """The translation, or ``None`` when the catalogue has none."""
        if self.qm is None:
            return None
        return self.qm.translate(context, source, disambiguation, n)

    def tr(self, context: str, source: str, disambiguation: str = "", n: int = -1) -> str:
        """The translation, or ``source`` itself; ``%n`` replaced by ``n``."""
        text = self.translate(context, source, disambiguation, n)
        if text is None:
            text = source
        return text.replace("%n", str(n)) if n >= 0 else text


def catalogue(language: str) -> Catalogue:
    """The catalogue of ``language`` (read once per process)."""
    code = parse_language(language)
    with _LOCK:
        found = _CACHE.get(code)
        if found is not None:
            return found
    try:
        qm: QmCatalogue | None = QmCatalogue.load(qm_file(code))
    except WorkstationError:
        if code != DEFAULT:
            raise
        # English needs its catalogue only for plural forms: without it, the templates
        # as written ("1 field(s)"), never a failed report
        log.warning("the English catalogue is unavailable; plural forms as written")
        qm = None
    result = Catalogue(code, qm)
    with _LOCK:
        _CACHE[code] = result
    return result


def forget_catalogues() -> None:
    """Drop the catalogues read (tests, and after ``make translations``)."""
    with _LOCK:
        _CACHE.clear()
