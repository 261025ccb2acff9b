"""The catalogues are complete, consistent with the code and with the glossary."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from workstation.i18n.build import TsMessage, read_ts
from workstation.i18n.catalogue import source_path
from workstation.i18n.message import placeholders

ROOT = Path(__file__).resolve().parents[2]
FORMS = {"en": 2, "mn": 2, "ru": 3}  # Qt's plural forms per language


def _messages(language: str) -> list[TsMessage]:
    lang, messages = read_ts(source_path(language))
    assert lang == language
    return messages


@pytest.mark.parametrize("language", ["mn", "ru"])
def test_every_message_is_translated(language: str) -> None:
    messages = _messages(language)
    assert len(messages) > 300
    unfinished = [m.source for m in messages if m.unfinished or m.obsolete]
    assert unfinished == []
    for m in messages:
        assert m.translations and all(t.strip() for t in m.translations), m.source
        if m.numerus:
            assert len(m.translations) == FORMS[language], m.source


@pytest.mark.parametrize("language", ["en", "mn", "ru"])
def test_translations_keep_the_parameters_and_markup(language: str) -> None:
    for m in _messages(language):
        for text in m.translations:
            assert placeholders(text) == placeholders(m.source), (m.source, text)
            assert sorted(re.findall(r"</?[a-z]+>", text)) == sorted(
                re.findall(r"</?[a-z]+>", m.source)), (m.source, text)


def test_english_catalogue_holds_only_the_plural_forms() -> None:
    messages = _messages("en")
    assert messages and all(m.numerus and not m.unfinished for m in messages)


def test_the_catalogues_hold_every_text_the_code_marks(tmp_path: Path) -> None:
    """pyside6-lupdate over the code finds no text the catalogues lack (run
    ``python tools/i18n_update.py`` after adding texts)."""
    tool = Path(sys.executable).parent / "pyside6-lupdate"
    if not tool.is_file():
        pytest.skip("pyside6-lupdate is not installed")
    out = tmp_path / "fresh.ts"
    subprocess.run([str(tool), "-silent", "-locations", "none", "-extensions", "py",
                    str(ROOT / "workstation"), str(ROOT / "main.py"), "-ts", str(out)],
                   check=True, timeout=300)
    _lang, fresh = read_ts(out)
    assert len(fresh) > 300
    have = {(m.context, m.source) for m in _messages("mn")}
    missing = sorted({(m.context, m.source) for m in fresh} - have)
    assert missing == []
    assert {(m.context, m.source) for m in _messages("ru")} == have


#: Key terms of docs/glossary.md: an English source containing the term (a regular
#: expression) has the Mongolian and the Russian term (stems) in its translation.
GLOSSARY = [
    (r"\bspecimen", "жиши?г", "образ"),
    (r"check digit", "хяналтын орон", "контрольн"),
    (r"\bluminescen", "гэрэлт", "люминесц"),
    (r"\bUV\b(?! 254)", "ХЯТ", "УФ"),
    (r"\bIR\b", "ХУТ", "ИК"),
    (r"\bMRZ\b", "МУБ", "МСЗ"),
    (r"security paper", "хамгаалалттай цаас", "защитн"),
    (r"countersign", "хянан баталгаажуул", "завер"),  # the verb and the noun: one stem
    (r"\bportrait\b", "цээж зура?г", "фотограф|портрет"),
    (r"\bsubstrate\b", "суур", "основ"),
    (r"\bplaten\b", "шилэн тавцан", "предметн"),
    (r"\bexaminer\b", "шинжээч", "эксперт"),
    (r"document signer", "гарын үсэг зурагч", "подписант"),
]


@pytest.mark.parametrize(("term", "mn", "ru"), GLOSSARY)
def test_the_glossary_terms_are_used_consistently(term: str, mn: str, ru: str) -> None:
    glossary = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
    for word in (mn, ru):
        assert re.search(word.split("|")[0], glossary, re.I), word
    for language, want in (("mn", mn), ("ru", ru)):
        found = 0
        for m in _messages(language):
            if m.context in ("labels", "lights") or not re.search(term, m.source, re.I):
                continue
            found += 1
            for text in m.translations:
                assert re.search(want, text, re.I), (term, m.source, text)
        assert found, term
