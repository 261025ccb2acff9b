"""The data checks' comparisons: printed fields against the MRZ, printed dates."""

from __future__ import annotations

import pytest

from workstation.examination.checks.mrz import compare_field, normalise_text, parse_printed_date


@pytest.mark.parametrize("text, expected", [
    ("12 AUG 1974", (12, 8, 1974)),
    ("12AUG1974", (12, 8, 1974)),
    ("17 0CT 1961", (17, 10, 1961)),
    ("28AUG 2031", (28, 8, 2031)),
    ("12.08.1974", (12, 8, 1974)),
    ("1974-08-12", (12, 8, 1974)),
    ("NEW HARMONY", None),
])
def test_printed_dates(text: str, expected: tuple[int, int, int] | None) -> None:
    assert parse_printed_date(text) == expected


@pytest.mark.parametrize("name, printed, mrz, agree", [
    ("surname", "ERIKSSON", "ERIKSSON", True),
    ("surname", "ERIKS5ON", "ERIKSSON", True),          # one OCR slip in a name
    ("surname", "LINDQVIST", "VOSS", False),
    ("surname", "O'NEILL-MÜLLER", "ONEILL<MULLER", True),  # transliteration
    ("given_names", "ANNA MARIA LOUISE", "ANNA MARIA LOU", True),  # MRZ truncation
    ("document_number", "PR1918071", "PR1918071", True),
    ("document_number", "PRI9I807I", "PR1918071", True),  # I/1 confusions
    ("document_number", "PR1918074", "PR1918071", False),  # one digit changed
    ("birth_date", "17 OCT 1961", "1961-10-17", True),
    ("birth_date", "17 OCT 1971", "1961-10-17", False),
    ("expiry_date", "28AUG2031", "2031-08-28", True),
    ("nationality", "UTOPIAN / UTO", "UTO", True),
    ("nationality", "UTO", "UTO", True),
    ("nationality", "ATLANTEAN / ATL", "UTO", False),
    ("sex", "F", "F", True),
    ("sex", "M", "F", False),
    ("sex", "X", "<", True),
])
def test_fields_against_mrz(name: str, printed: str, mrz: str, agree: bool) -> None:
    ok, dist, why = compare_field(name, printed, mrz)
    assert ok is agree
    assert (why == "") is agree
    assert 0.0 <= dist <= 1.0


def test_normalise_text() -> None:
    assert normalise_text("  Ærø-Ström / d'Arc ") == "AEROE STROM DARC"


@pytest.mark.parametrize("text, expected", [
    ("O1 JAN 2O30", (1, 1, 2030)),
    ("1OCT1961", (1, 10, 1961)),
    ("28 AUG/AOUT 31", (28, 8, 31)),
])
def test_printed_dates_with_ocr_confusions(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_printed_date(text) == expected
