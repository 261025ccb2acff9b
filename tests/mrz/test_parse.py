"""Parsing, validation, repair, dates and names of every ICAO format (no external data)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from workstation.mrz import MrzResult, parse_mrz
from workstation.mrz.countries import is_known_code

TODAY = dt.date(2026, 11, 28)

TD1 = ["I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
       "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
TD2 = ["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"]
TD3 = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
       "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
MRVA = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
        "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"]
MRVB = ["V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<"]


@pytest.mark.parametrize(("lines", "fmt", "checks"), [
    (TD1, "TD1", {"document_number", "birth_date", "expiry_date", "composite"}),
    (TD2, "TD2", {"document_number", "birth_date", "expiry_date", "composite"}),
    (TD3, "TD3", {"document_number", "birth_date", "expiry_date", "optional_data", "composite"}),
    (MRVA, "MRVA", {"document_number", "birth_date", "expiry_date"}),
    (MRVB, "MRVB", {"document_number", "birth_date", "expiry_date"}),
])
def test_each_format_parses_and_validates(lines: list[str], fmt: str, checks: set[str]) -> None:
    r = parse_mrz(lines, today=TODAY)
    assert r.found and r.format == fmt and r.valid
    assert set(r.check_digits) == checks and all(r.check_digits.values())
    assert r.fields["surname"] == "ERIKSSON"
    assert r.fields["given_names"] == "ANNA MARIA"
    assert r.fields["issuing_state"] == "UTO"
    assert r.corrections == []
    assert r.confidences == [[1.0] * len(x) for x in lines]


def test_td3_fields_match_formats_md_example() -> None:
    r = parse_mrz(TD3, today=TODAY)
    out = r.to_json(file="a.png")
    assert list(out)[:7] == ["file", "found", "format", "lines", "valid", "fields",
                             "check_digits"]
    assert out["fields"] == {
        "document_code": "P", "issuing_state": "UTO", "surname": "ERIKSSON",
        "given_names": "ANNA MARIA", "document_number": "L898902C3", "nationality": "UTO",
        "birth_date": "1974-08-12", "sex": "F", "expiry_date": "2012-04-15",
        "optional_data": "ZE184226B"}
    assert list(out["fields"]) == ["document_code", "issuing_state", "surname", "given_names",
                                   "document_number", "nationality", "birth_date", "sex",
                                   "expiry_date", "optional_data"]
    assert out["check_digits"] == {"document_number": True, "birth_date": True,
                                   "expiry_date": True, "optional_data": True,
                                   "composite": True}
    assert out["corrections"] == [] and out["region"] is None
    assert {"name": "document_expired", "message": "the document expired on 2012-04-15"} in \
        out["warnings"]
    json.dumps(out)


def test_each_check_digit_reported_on_its_own() -> None:
    bad = [TD3[0], TD3[1][:19] + "3" + TD3[1][20:]]  # birth-date check digit wrong
    r = parse_mrz(bad, today=TODAY)
    assert not r.valid
    assert r.check_digits["birth_date"] is False
    assert r.check_digits["document_number"] and r.check_digits["expiry_date"]
    assert r.check_digits["composite"] is False  # the composite covers that digit
    assert r.corrections == []  # clean text with a wrong digit is a finding, not a misread


def test_dates_get_the_right_century() -> None:
    r = parse_mrz(["P<UTOA<<B<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
                   "X0000000<0UTO2503017M3001019<<<<<<<<<<<<<<00"], today=TODAY)
    # born 2025 (not in the future), expiring 2030
    assert r.fields["birth_date"] == "2025-03-01"
    assert r.fields["expiry_date"] == "2030-01-01"
    r2 = parse_mrz(["P<UTOA<<B<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
                    "X0000000<0UTO2712017M9001014<<<<<<<<<<<<<<00"], today=TODAY)
    assert r2.fields["birth_date"] == "1927-12-01"  # 2027 would be in the future
    assert r2.fields["expiry_date"] == "1990-01-01"


def test_impossible_date_is_a_warning_and_kept_raw() -> None:
    r = parse_mrz(["P<UTOA<<B<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<",
                   "X0000000<0UTO7413327M3001019<<<<<<<<<<<<<<00"], today=TODAY)
    assert r.fields["birth_date"] == "741332"
    assert "birth_date_not_a_date" in r.warning_names()


def test_expiry_far_ahead_warns() -> None:
    from workstation.mrz.checkdigit import check_digit

    body = "L898902C36UTO7408122F" + "490101" + check_digit("490101") + "<" * 14 + "<"
    body += check_digit(body[0:10] + body[13:20] + body[21:43])
    r = parse_mrz([TD3[0], body], today=TODAY)
    assert r.valid and r.fields["expiry_date"] == "2049-01-01"
    assert "expiry_beyond_10_years" in r.warning_names()


def test_names_primary_secondary_and_truncation() -> None:
    r = parse_mrz(["P<NLDVAN<NIEUWENHUIZEN<<GERARD<ROBBERT<MARTI",
                   "XN01BC0150NLD7112247M1108268123456782<<<<<02"], today=TODAY)
    assert r.fields["surname"] == "VAN NIEUWENHUIZEN"
    assert r.fields["given_names"] == "GERARD ROBBERT MARTI"
    assert "name_possibly_truncated" in r.warning_names()


def test_german_d_and_special_codes() -> None:
    r = parse_mrz(["P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<",
                   "C11T002JM4D<<9608122F1310317<<<<<<<<<<<<<<<6"], today=TODAY)
    assert r.valid
    assert r.fields["issuing_state"] == "D" and r.fields["nationality"] == "D"
    assert "unknown_issuing_state" not in r.warning_names()
    for code in ("XXA", "XXB", "XXC", "XXX", "UNO", "UNA", "UNK", "EUE", "XOM", "XPO", "UTO",
                 "D<<", "GBD"):
        assert is_known_code(code), code
    assert not is_known_code("BOS")
    assert is_known_code("BOS", known_states={"BOS"})


def test_unknown_state_is_a_warning_unless_known_to_the_library() -> None:
    lines = [TD3[0].replace("P<UTO", "P<QQQ"), TD3[1]]
    r = parse_mrz(lines, today=TODAY)
    assert r.valid and "unknown_issuing_state" in r.warning_names()
    r2 = parse_mrz(lines, known_states=["QQQ"], today=TODAY)
    assert "unknown_issuing_state" not in r2.warning_names()


def test_long_document_number_td1_and_td2() -> None:
    r = parse_mrz(["I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2",
                   "STEVENSON<<PETER<JOHN<<<<<<<<<"], today=TODAY)
    assert r.valid and r.fields["document_number"] == "D23145890734"
    assert r.fields["optional_data"] == ""
    assert "long_document_number" in r.warning_names()
    r2 = parse_mrz(["I<UTOSTEVENSON<<PETER<JOHN<<<<<<<<<<",
                    "D23145890<UTO3407127M95071227349<<<8"], today=TODAY)
    assert r2.valid and r2.fields["document_number"] == "D23145890734"


def test_filler_check_digit_over_empty_optional_data_is_valid_with_warning() -> None:
    r = parse_mrz(["P<CANMARTIN<<SARAH<<<<<<<<<<<<<<<<<<<<<<<<<<",
                   "ZE000509<9CAN8501019F2301147<<<<<<<<<<<<<<<8"], today=TODAY)
    assert r.valid and r.check_digits["optional_data"]
    assert "filler_check_digit" in r.warning_names()


def test_repair_by_field_type_is_listed() -> None:
    noisy = ["P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",
             "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O"]
    r = parse_mrz(noisy, today=TODAY)
    assert r.lines == TD3 and r.valid
    got = {(c["line"], c["position"], c["from"], c["to"]) for c in r.corrections}
    assert (0, 4, "0", "O") in got and (0, 9, "5", "S") in got and (0, 23, "1", "I") in got
    assert (1, 16, "B", "8") in got and (1, 43, "O", "0") in got
    assert all(c["reason"] for c in r.corrections)


def test_repair_off_keeps_the_text() -> None:
    noisy = ["P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<",
             "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O"]
    r = parse_mrz(noisy, repair=False, today=TODAY)
    assert r.lines == noisy and not r.valid and r.corrections == []


def test_check_digit_confirmed_repair_of_alphanumeric_field_from_recogniser() -> None:
    # the recogniser read '0' for the 'O' in the document number, unsure,
    # with 'O' as its second choice: only that candidate makes the check verify
    lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
             "L898902C36UTO7408122F1204159ZE184226B<<<<<10"]
    from workstation.mrz.checkdigit import check_digit

    number = "AB0CD1234"
    body = number + check_digit(number) + lines[1][10:28] + "<" * 14 + "<"
    body += check_digit(body[0:10] + body[13:20] + body[21:43])
    misread = "AB" + "O" + body[3:]  # O read instead of 0 ... in an alphanumeric field
    conf = [[1.0] * 44, [1.0] * 44]
    alts = [[c for c in lines[0]], [c for c in misread]]
    conf[1][2] = 0.55
    alts[1][2] = "O0"
    r = parse_mrz([lines[0], misread], confidences=conf, alternatives=alts, today=TODAY)
    assert r.valid and r.lines[1] == body
    assert r.corrections == [{"line": 1, "position": 2, "from": "O", "to": "0",
                              "field": "document_number",
                              "reason": "confirmed by the document number check digit",
                              "confidence": 0.55}]


def test_confident_inconsistent_mrz_is_not_repaired_into_validity() -> None:
    # printed with an off-by-one composite: every character read with confidence
    lines = ["P<USASMITH<<JOHN<DAVID<<<<<<<<<<<<<<<<<<<<<<",
             "A123456784USA8503150M3205149<<<<<<<<<<<<<<6<"]
    conf = [[0.999] * 44, [0.999] * 44]
    alts = [list(lines[0]), list(lines[1])]
    r = parse_mrz(lines, confidences=conf, alternatives=alts, today=TODAY)
    assert not r.valid and r.corrections == [] and r.lines == lines


def test_malformed_input_is_unrecognised_not_an_exception() -> None:
    r = parse_mrz(["ABC", "DEF"])
    assert isinstance(r, MrzResult)
    assert r.format is None and not r.valid and "unrecognised_format" in r.warning_names()
    assert parse_mrz([]).found is False


def test_whitespace_and_case_are_normalised() -> None:
    r = parse_mrz(["  " + TD2[0].lower() + " ", TD2[1][:10] + " " + TD2[1][10:], ""],
                  today=TODAY)
    assert r.format == "TD2" and r.valid and r.lines == TD2


def test_unknown_country_code_repaired_from_recogniser_alternatives() -> None:
    # 'NLD' read as 'NLQ' (D second choice): the one known code is taken
    lines = ["P<NLQMEULENDIJK<<LOES<ALBERTINE<<<<<<<<<<<<<",
             "XA00000148NLD7110195F0604121123456782<<<<<02"]
    conf = [[0.99] * 44, [0.99] * 44]
    alts = [list(lines[0]), list(lines[1])]
    alts[0][4] = "QDO"
    conf[0][4] = 0.6
    r = parse_mrz(lines, confidences=conf, alternatives=alts, today=TODAY)
    assert r.fields["issuing_state"] == "NLD" and r.valid
    assert r.corrections == [{"line": 0, "position": 4, "from": "Q", "to": "D",
                              "field": "issuing_state", "reason": "known country code",
                              "confidence": 0.6}]
    # given text (no recogniser): an unknown code is only a warning
    r2 = parse_mrz(lines, today=TODAY)
    assert r2.fields["issuing_state"] == "NLQ" and "unknown_issuing_state" in r2.warning_names()


def test_all_filler_zone_is_not_valid() -> None:
    # fillers everywhere: '<' check digits over empty dates and numbers do not verify
    r = parse_mrz(["<" * 44, "<" * 44], today=TODAY)
    assert not r.valid
    assert r.check_digits["document_number"] is False
    assert r.check_digits["birth_date"] is False and r.check_digits["composite"] is False
    assert r.check_digits["optional_data"] is True


def _with_probs(lines: list[str]) -> tuple[list[list[float]], list[list[str]],
                                          list[list[list[float]]]]:
    conf = [[0.999] * len(x) for x in lines]
    alts = [[c for c in x] for x in lines]
    probs = [[[0.999] for _ in x] for x in lines]
    return conf, alts, probs


def test_most_likely_check_digit_repair_with_probabilities() -> None:
    # 'XP82716024' read as 'X282716024' with P a close second: many
    # substitutions would verify, the likely one is taken
    good = ["P<FINVIRTANEN<<MARIA<OLIVIA<<<<<<<<<<<<<<<<<",
            "XP82716024FIN7112214F1108213211271<426U<<<04"]
    read = [good[0], "X2" + good[1][2:]]
    conf, alts, probs = _with_probs(read)
    conf[1][1], alts[1][1], probs[1][1] = 0.45, "2PZ", [0.45, 0.40, 0.05]
    conf[1][5], alts[1][5], probs[1][5] = 0.90, "6G", [0.90, 0.08]
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert r.lines == good and r.valid
    assert r.corrections[0]["from"] == "2" and r.corrections[0]["to"] == "P"


def test_confident_inconsistent_mrz_with_probabilities_stays_invalid() -> None:
    lines = ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
             "L898902C36UTO7408122F3012017<<<<<<<<<<<<<<6<"]
    conf, alts, probs = _with_probs(lines)
    r = parse_mrz(lines, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert not r.valid and r.corrections == [] and r.lines == lines


def test_french_td2_is_not_taken_for_the_national_card() -> None:
    lines = ["IDFRADPDWPNB<<USMZ<<<<<<<<<<<<<<<<<<", "PDTL7ETZV4NLD3807048M1209165E<<<<<<4"]
    r = parse_mrz(lines, today=TODAY)
    assert r.format == "TD2" and r.valid and r.lines == lines
    card = parse_mrz(["IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02",
                      "1710GVA123451ROBERTA<<<<<<<9112311F2"], today=TODAY)
    assert card.format == "FRENCH_NATIONAL_ID" and card.valid
