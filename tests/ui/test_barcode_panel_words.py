"""The barcode panel's comparison table says why a field differs in the window's
language: the reason comes from the check's message (the JSON's ``why`` is English)."""

from __future__ import annotations

from types import SimpleNamespace

from workstation.examination.messages import field_term, message
from workstation.i18n import QT_TRANSLATE_NOOP, Join, msg, render
from workstation.ui.barcode_panel import comparisons
from workstation.ui.language import LanguageSwitch
from workstation.ui.texts import QT


def test_why_a_field_differs_is_in_the_window_language(switch: LanguageSwitch) -> None:
    why = msg("checks", QT_TRANSLATE_NOOP("checks", "line {line} differs"), line=2)
    text = message("BARCODE_DATA_MISMATCH", where="DataMatrix", what=Join((
        message("BARCODE_DATA_MISMATCH:field_why", field=field_term("mrz"),
                against=field_term("mrz"), why=why),
        message("BARCODE_DATA_MISMATCH:field", field=field_term("birth_date"),
                against=field_term("printed")))))
    check = SimpleNamespace(id="barcode.data", text=text, details={
        "face": "back", "comparisons": [
            {"field": "mrz", "against": "mrz", "agree": False, "why": why.english()},
            {"field": "birth_date", "against": "printed", "agree": False, "why": ""},
            {"field": "surname", "against": "mrz", "agree": True, "why": ""}]})
    rows = comparisons([check])  # type: ignore[list-item]
    assert [r["why_text"] is not None for r in rows] == [True, False, False]
    assert rows[0]["why"] == "line 2 differs"  # the JSON's, unchanged
    switch.apply("ru")
    shown = render(rows[0]["why_text"], QT)
    assert shown != "line 2 differs" and "2" in shown
    switch.apply("pseudo")
    assert render(rows[0]["why_text"], QT).startswith("[")
