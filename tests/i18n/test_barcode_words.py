"""What a decoded barcode says (workstation.barcodes.describe) is English in the JSON
and the tests, and in the examiner's language on the window's barcode panel and the
report's barcode section: its title and the values that are words are messages; what
is read from the code (names, numbers, the issuer) stays as read."""

from __future__ import annotations

import re
from typing import Any

from tests.reports.test_barcode_section import _barcodes
from workstation.barcodes.describe import barcode_rows
from workstation.i18n import Said, Words, catalogue, render

CYRILLIC = re.compile("[А-Яа-яЁёӨөҮү]")


def _codes() -> tuple[dict[str, Any], dict[str, Any]]:
    aamva, seal = (r.to_json() for r in _barcodes().faces[1].readings)
    return aamva, seal


def test_titles_and_worded_values_render_in_the_language() -> None:
    aamva, seal = _codes()
    for code in (aamva, seal):
        title, rows = barcode_rows(code)
        assert isinstance(title, Said)
        pseudo = render(title, catalogue("pseudo"))
        assert pseudo.startswith("[") and pseudo.endswith("]"), pseudo
    title, rows = barcode_rows(seal)
    values = dict(rows)
    assert values["Revocation"] == "no CRL of the CA"  # English as it stands
    assert render(values["Revocation"], catalogue("mn")) == "гэрчилгээ олгогч төвийн CRL алга"
    assert render(values["Revocation"], catalogue("ru")) == "нет CRL удостоверяющего центра"
    ru = render(title, catalogue("ru"))
    assert ru.startswith("DataMatrix: цифровая печать") and "государство выдачи UT" in ru
    mn = render(barcode_rows(aamva)[0], catalogue("mn"))
    assert "Utopia (simulator)" in mn and "мэдээлэл" in mn and "хувилбар" in mn
    # read from the code: not a message, shown as read in every language
    assert not isinstance(values["Bytes"], Said)
    assert not isinstance(values["Trust anchor"], Said)  # a subject, a store's name
    assert render(values["Bytes"], catalogue("pseudo")) == values["Bytes"]


def test_the_reports_barcode_section_is_in_the_report_language() -> None:
    import dataclasses

    from reportlab.platypus import Paragraph, Table

    from tests.reports.synthetic import synthetic_examination
    from workstation.reports.barcode_section import barcodes_section
    from workstation.reports.fonts import register_fonts
    from workstation.reports.layout import paragraph_styles

    register_fonts()
    ex = dataclasses.replace(synthetic_examination(counterfeit=False), barcodes=_barcodes())
    doc = ex.to_json()
    flow = barcodes_section(doc, paragraph_styles(), 400.0, Words("mn"))
    texts = [f.text for f in flow if isinstance(f, Paragraph)]
    cells = [str(c.text) if isinstance(c, Paragraph) else str(c) for t in flow
             if isinstance(t, Table) for row in t._cellvalues for c in row]
    assert any(t.startswith("DataMatrix: цахим тамга") for t in texts), texts
    assert "гэрчилгээ олгогч төвийн CRL алга" in cells
    assert not any("digital seal" in t or "no CRL" in t for t in texts + cells)


def test_the_seal_verification_renders_in_the_language() -> None:
    """The verification's message travels in the JSON as English text and as its
    template, so the panel and the report say it in the examiner's language."""
    _aamva, seal = _codes()
    v = seal["seal"]["verification"]
    assert v["message"].startswith("signature valid; signer UT")  # English in the JSON
    assert v["message_template"]["source"].startswith("signature valid; signer {ref}")
    value = dict(barcode_rows(seal)[1])["Seal verification"]
    assert isinstance(value, Said) and value == f"PASS — {v['message']}"
    mn = render(value, catalogue("mn"))
    assert mn.startswith("ЗӨВ — гарын үсэг зөв; гарын үсэг зурагч UT"), mn
    ru = render(value, catalogue("ru"))
    assert ru.startswith("ВЕРНО — подпись верна; подписант UT"), ru


def test_a_nested_seal_message_renders_and_a_foreign_template_does_not() -> None:
    from workstation.barcodes.seal import message_from_json

    how = {"source": " (matched by country and serial number only)", "params": {}}
    v = {"message": "English as written",
         "message_template": {"source": "signature valid; signer {ref} is itself a trust "
                                        "anchor{how}", "params": {"ref": "ZZTS / 2F",
                                                                  "how": how}}}
    m = message_from_json(v)
    assert m == ("signature valid; signer ZZTS / 2F is itself a trust anchor (matched by "
                 "country and serial number only)")
    assert "серийному номеру" in render(m, catalogue("ru"))
    # a template the verifier does not make is not rebuilt: the text is shown as written
    for bad in ({"source": "{ref.__class__}", "params": {"ref": "x"}},
                {"source": "signer {ref}: {reason}", "params": {"ref": "x"}},
                {"source": "signer {ref}: {reason}", "params": "x"}, "not a template", None):
        got = message_from_json({"message": "English as written", "message_template": bad})
        assert got == "English as written" and not isinstance(got, Said)
