"""Messages are made in English by the domain and rendered in the examiner's language
from the same template and parameters; the English (the JSON's) never changes."""

from __future__ import annotations

import datetime as dt
import re
import string
from typing import Any

import pytest

from workstation.chip import messages as chip_messages
from workstation.examination import messages
from workstation.examination.checks import all_checks
from workstation.examination.registry import REGISTRY, result
from workstation.i18n import Join, Msg, Term, Words, catalogue, locale_format
from workstation.types import CheckStatus, Light


def test_english_is_the_template_filled_in() -> None:
    m = messages.message("UV_DULL_PAPER", zone=messages.zone_term("substrate"), score=7.379)
    assert m.english() == ("substrate: glows under UV (7.4x the specimen's substrate): not "
                           "UV-dull security paper")
    assert str(m) == m.english()


def test_russian_and_mongolian_render_the_same_parameters() -> None:
    m = messages.message("DPI_MISMATCH", width=125.04, height=88.0, dpi=300.0,
                         spec_width=125, spec_height=88)
    ru = m.render(catalogue("ru"))
    assert "125,0 x 88,0 мм" in ru and "300 dpi" in ru  # Russian decimal comma
    mn = m.render(catalogue("mn"))
    assert "125.0 x 88.0 мм" in mn
    assert m.english().startswith("the page measures 125.0 x 88.0 mm at the stated 300 dpi")


def test_terms_inside_messages_are_translated() -> None:
    m = messages.message("LIGHT_MISSING", lights=messages.lights_join([Light.UV, Light.IR]))
    assert m.english().startswith("the capture has no uv, ir image")
    assert "УФ 365 нм, ИК" in m.render(catalogue("ru"))
    assert "ХЯТ 365 нм, ХУТ" in m.render(catalogue("mn"))
    unknown = Term("a zone label only the specimen knows", "zones")
    assert unknown.render(catalogue("ru")) == unknown.text


def test_plural_messages_count_in_each_language() -> None:
    def text(n: int, lang: str) -> str:
        return messages.message("BARCODE_DATA_MATCH", n=n, where="PDF417",
                                against=messages.field_term("mrz")).render(catalogue(lang))

    assert text(1, "en") == "PDF417: 1 field agrees with the mrz"
    assert text(3, "en") == "PDF417: 3 fields agree with the mrz"
    assert "1 поле совпадает" in text(1, "ru")
    assert "3 поля совпадают" in text(3, "ru")
    assert "5 полей совпадают" in text(5, "ru")
    # the English of the JSON is the template as written, whatever the count
    assert messages.message("BARCODE_DATA_MATCH", n=1, where="PDF417",
                            against="mrz").english() == "PDF417: 1 field(s) agree with the mrz"


class _Broken:
    language = "ru"

    def translate(self, context: str, source: str, disambiguation: str = "",
                  n: int = -1) -> str | None:
        return "{no_such_parameter} сломано"


def test_a_broken_translation_says_the_message_in_english() -> None:
    m = messages.message("UV_DULL", zone="blank")
    assert m.render(_Broken()) == "blank: substrate shows no luminescence"


def _sample(template: str) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for _lit, name, spec, _conv in string.Formatter().parse(template):
        if name:
            params[name] = 0.5 if spec and spec[-1] in "f%g" else "X"
    return params


ALL_TEMPLATES = sorted({*messages.TEMPLATES.values(), *chip_messages.TEMPLATES.values()})


@pytest.mark.parametrize("language", ["mn", "ru"])
def test_every_template_renders_translated(language: str) -> None:
    tr = catalogue(language)
    for template in ALL_TEMPLATES:
        n = 2 if "%n" in template else None
        m = Msg("checks", template, _sample(template), n)
        assert tr.translate("checks", template, "", -1 if n is None else n), template
        text = m.render(tr)
        assert "{" not in text and "%n" not in text, (template, text)
        if re.search(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}|%n", "", template)):
            # a template with words of its own reads in Cyrillic
            assert re.search("[А-Яа-яЁёӨөҮү]", text), (template, text)


@pytest.mark.parametrize("language", ["mn", "ru"])
def test_every_code_title_and_term_is_translated(language: str) -> None:
    tr = catalogue(language)
    for _status, meaning in [*messages.CODE_TABLE.values(), *chip_messages.CODE_TABLE.values()]:
        assert tr.translate("codes", meaning), meaning
    all_checks()
    assert REGISTRY
    for spec in REGISTRY.values():
        assert tr.translate("check titles", spec.title), spec.title
    for context, terms in messages.TERMS.items():
        for term in terms:
            assert tr.translate(context, term), term
    # every measure a tolerance can hold is named in the catalogues' terms
    from workstation.examination.tolerance import RULES

    named = set(messages.TERMS[messages.MEASURES])
    assert {m.replace("_", " ") for m in RULES} <= named, set(RULES) - named


def test_results_carry_english_and_the_template() -> None:
    all_checks()
    spec_id = next(iter(REGISTRY))
    m = messages.message("PATTERN_MATCH", zone=messages.zone_term("guilloche"))
    r = result(spec_id, CheckStatus.PASS, "PATTERN_MATCH", m)
    assert r.message == "guilloche: matches the specimen"
    assert r.text is m
    plain = result(spec_id, CheckStatus.PASS, "PATTERN_MATCH", "as it was")
    assert plain.message == "as it was" and plain.text is None
    nested = Join((m, "text"), " / ")
    assert result(spec_id, CheckStatus.PASS, "X", nested).message == (
        "guilloche: matches the specimen / text")


def test_words_number_and_date_formats_are_qlocales() -> None:
    from PySide6.QtCore import QDate, QLocale

    day = dt.date(2026, 12, 5)
    for lang, qt in (("ru", QLocale(QLocale.Language.Russian)),
                     ("mn", QLocale(QLocale.Language.Mongolian))):
        fmt = locale_format(lang)
        assert fmt.number(1234.5, 2) == qt.toString(1234.5, "f", 2)
        assert fmt.format_date(day) == qt.toString(QDate(2026, 12, 5),
                                                   QLocale.FormatType.ShortFormat)
    w = Words("ru")
    assert w.translate("reports", "Page {page} of {pages}") == "Страница {page} из {pages}"
    assert w.translate("reports", "never translated") == "never translated"
    assert w.date(day) == "05.12.2026"
    assert Words("en").date(day) == "2026-12-05"


def test_the_chips_fixed_details_are_the_ones_it_says() -> None:
    from pathlib import Path

    import workstation.chip.auth as auth

    text = " ".join(Path(auth.__file__).read_text(encoding="utf-8").split())
    for detail in chip_messages.DETAILS:
        assert detail in text.replace('" "', ""), detail
        assert catalogue("ru").translate("chip details", detail), detail


def test_without_its_catalogue_english_still_speaks(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from workstation.errors import WorkstationError

    catalogue_module = importlib.import_module("workstation.i18n.catalogue")

    def missing(language: str) -> object:
        raise WorkstationError(f"the {language} catalogue is missing")

    catalogue_module.forget_catalogues()
    monkeypatch.setattr(catalogue_module, "qm_file", missing)
    try:
        en = catalogue_module.catalogue("en")
        assert en.qm is None and Words("en").translate("reports", "Report") == "Report"
        with pytest.raises(WorkstationError, match="ru catalogue is missing"):
            catalogue_module.catalogue("ru")
    finally:
        catalogue_module.forget_catalogues()
