"""The data checks' comparisons: printed fields against the MRZ, printed dates."""

from __future__ import annotations

import pytest

from workstation.examination import thresholds as T
from workstation.examination.checks.mrz import parse_printed_date
from workstation.mrz.result import MrzResult
from workstation.mrz.viz import compare_field, fold


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
    ("document_number", "J1325316", "IJ1325316", True),  # thin first glyph dropped
    ("document_number", "IJ132531", "IJ1325316", False),  # a digit is not thin
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
    c = compare_field(name, printed, mrz, max_name_distance=T.VIZ_MAX_DISTANCE)
    assert c.agrees is agree
    assert (c.reason == "") is agree
    assert 0.0 <= c.distance <= 1.0


def test_fold() -> None:
    # ICAO 9303 part 3 table A: Ö is OE (or O)
    assert fold("  Ærø-Ström / d'Arc ") == "AEROE STROEM DARC"


@pytest.mark.parametrize("text, expected", [
    ("O1 JAN 2O30", (1, 1, 2030)),
    ("1OCT1961", (1, 10, 1961)),
    ("28 AUG/AOUT 31", (28, 8, 31)),
])
def test_printed_dates_with_ocr_confusions(text: str, expected: tuple[int, int, int]) -> None:
    assert parse_printed_date(text) == expected


def _repaired(conf: float) -> MrzResult:
    """A valid TD3 MRZ whose reader changed the birth date's '4' (read as '9')."""
    from workstation.mrz import parse_mrz

    lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
             "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
    res = parse_mrz(lines)
    assert res.valid
    res.corrections = [{"line": 1, "position": 13, "from": "9", "to": "7",
                        "field": "birth_date", "reason": "confirmed by the birth date check"}]
    res.confidences = [[1.0] * 44, [1.0] * 44]
    res.confidences[1][13] = conf
    return res


def test_clearly_printed_character_is_not_repaired_into_validity() -> None:
    from workstation.examination.checks.mrz import printed_check_digits

    digits, undone = printed_check_digits(_repaired(0.97))
    assert digits["birth_date"] is False
    assert undone and undone[0]["from"] == "9"
    digits, undone = printed_check_digits(_repaired(0.55))
    assert all(digits.values()) and undone == []


def test_repair_contradicted_by_the_visual_zone_is_undone() -> None:
    from workstation.examination.checks.mrz import printed_check_digits
    from workstation.examination.results import VizField

    agrees = {"birth_date": VizField("birth_date", "field-birth_date", "12 AUG 1974", 0.95)}
    digits, undone = printed_check_digits(_repaired(0.55), agrees)
    assert all(digits.values()) and undone == []
    disagrees = {"birth_date": VizField("birth_date", "field-birth_date", "12 AUG 1979",
                                        0.95)}
    digits, undone = printed_check_digits(_repaired(0.55), disagrees)
    assert digits["birth_date"] is False
    assert undone[0]["contradicted_by_visual_zone"] is True


def test_one_judgement_for_the_mrz_and_a_barcode() -> None:
    """mrz.viz and barcode.data judge a printed field by one function, against any
    machine-readable value (the MRZ's or a barcode's)."""
    import numpy as np

    from workstation.examination.checks.mrz import judge_printed_value

    crop = np.full((20, 80, 3), 255, np.uint8)
    assert judge_printed_value("nationality", "REPUBLIC OF BELARUS", 0.9, crop,
                               "BLR")[2].agrees
    assert judge_printed_value("birth_date", "01 01 1970", 0.9, crop,
                               "1970-01-01")[2].agrees
    assert judge_printed_value("sex", "M", 0.3, crop, "M")[2].status == "unreadable"
    # a disagreement is read again once per examination: the second readings are kept
    # per field and shared (here given), and a settled field is not read again
    rereads = {"birth_date": [("12 AUG 1974", 0.9)]}
    text, _conf, comp = judge_printed_value("birth_date", "12 AUG 1979", 0.9, crop,
                                            "1974-08-12", rereads=rereads)
    assert comp.agrees and text == "12 AUG 1974"
    _text, _conf, comp = judge_printed_value("birth_date", "12 AUG 1979", 0.9, crop,
                                             "1974-08-12", rereads=rereads,
                                             reread_disagreement=False)
    assert comp.status == "disagree"
