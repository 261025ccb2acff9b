"""The repair policy: never a printed MRZ into validity, only ambiguous glyphs,
only the recogniser's own close readings, every repair listed."""

from __future__ import annotations

import datetime as dt

from workstation.mrz import parse_mrz
from workstation.mrz.checkdigit import check_digit
from workstation.mrz.repair import AMBIGUOUS_BELOW_PX, CLOSE_RATIO, CONFIDENT

TODAY = dt.date(2026, 11, 28)

# A TD1 card whose printed check digits verify
CARD = ["I<UTOD231458907<<<<<<<<<<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<6",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]


def _recognised(lines: list[str]) -> tuple[list[list[float]], list[list[str]],
                                         list[list[list[float]]]]:
    conf = [[0.999] * len(x) for x in lines]
    alts = [list(x) for x in lines]
    probs = [[[0.999] for _ in x] for x in lines]
    return conf, alts, probs


def _set(conf: list[list[float]], alts: list[list[str]], probs: list[list[list[float]]],
         line: int, pos: int, cands: str, ps: list[float]) -> None:
    conf[line][pos] = ps[0]
    alts[line][pos] = cands
    probs[line][pos] = ps


def test_card_valid_as_given() -> None:
    assert parse_mrz(CARD, today=TODAY).valid


def test_clearly_printed_inconsistent_card_is_never_repaired() -> None:
    # The case of the issue: printed check digits that do not verify, and four
    # clearly read characters whose second choices (3->1, 3->5, M->R, 9->G)
    # would make every check verify. None of them may change.
    printed = ["I<UTOD231458937<<<<<<<<<<<<<<<",   # number check digit 7 -> 3 (printed)
               "7408122M1204159UTO<<<<<<<<<<<3",   # sex M, composite 3 as printed
               "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]
    conf, alts, probs = _recognised(printed)
    _set(conf, alts, probs, 0, 13, "31", [0.93, 0.05])
    _set(conf, alts, probs, 1, 29, "35", [0.92, 0.07])
    _set(conf, alts, probs, 1, 7, "MR", [0.95, 0.04])
    _set(conf, alts, probs, 0, 12, "9G", [0.94, 0.05])
    r = parse_mrz(printed, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert not r.valid
    assert r.lines == printed
    assert [c for c in r.corrections if "check digit" in c["reason"]] == []


def test_ambiguous_glyph_with_a_close_second_reading_is_repaired_and_listed() -> None:
    read = [CARD[0][:5] + "D23I458907" + CARD[0][15:], CARD[1], CARD[2]]
    conf, alts, probs = _recognised(read)
    # '1' read as 'I' in the alphanumeric document number: 0.52 against 0.44
    _set(conf, alts, probs, 0, 8, "I1", [0.52, 0.44])
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert r.valid and r.lines == CARD
    assert r.corrections == [{
        "line": 0, "position": 8, "from": "I", "to": "1", "field": "document_number",
        "reason": "confirmed by the document number check digit", "confidence": 0.52,
        "to_probability": 0.44}]


def test_a_far_second_reading_is_no_candidate_even_when_unsure() -> None:
    read = [CARD[0][:5] + "D23I458907" + CARD[0][15:], CARD[1], CARD[2]]
    conf, alts, probs = _recognised(read)
    p1 = CONFIDENT - 0.05
    _set(conf, alts, probs, 0, 8, "I1", [p1, 0.5 * CLOSE_RATIO * p1])
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert not r.valid and r.lines == read and r.corrections == []


def test_a_confident_character_is_no_candidate_even_with_a_close_second() -> None:
    read = [CARD[0][:5] + "D23I458907" + CARD[0][15:], CARD[1], CARD[2]]
    conf, alts, probs = _recognised(read)
    _set(conf, alts, probs, 0, 8, "I1", [CONFIDENT, 0.09])
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert not r.valid and r.lines == read and r.corrections == []


def test_field_type_constrains_readings_of_unsure_glyphs() -> None:
    # 'O' where a date digit must stand, read without confidence: the
    # recogniser's best digit is taken, listed with both probabilities
    read = [CARD[0], "74O8122F1204159UTO<<<<<<<<<<<6", CARD[2]]
    conf, alts, probs = _recognised(read)
    _set(conf, alts, probs, 1, 2, "O0", [0.62, 0.33])
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert r.valid and r.lines == CARD
    assert r.corrections == [{"line": 1, "position": 2, "from": "O", "to": "0",
                              "field": "birth_date", "reason": "digits-only position",
                              "confidence": 0.62, "to_probability": 0.33}]


def test_a_confidently_read_letter_in_a_date_stays_as_printed() -> None:
    read = [CARD[0], "74O8122F1204159UTO<<<<<<<<<<<6", CARD[2]]
    conf, alts, probs = _recognised(read)
    _set(conf, alts, probs, 1, 2, "O0", [0.97, 0.02])
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert not r.valid and r.lines == read and r.corrections == []
    assert "unexpected_character" in r.warning_names()


def test_large_glyphs_are_never_ambiguous() -> None:
    # the same unsure '1'/'I' as above, but 24 px tall: no check digit decides it
    read = [CARD[0][:5] + "D23I458907" + CARD[0][15:], CARD[1], CARD[2]]
    conf, alts, probs = _recognised(read)
    _set(conf, alts, probs, 0, 8, "I1", [0.52, 0.44])
    small = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                      glyph_height_px=AMBIGUOUS_BELOW_PX - 4, today=TODAY)
    assert small.valid and small.lines == CARD
    large = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                      glyph_height_px=AMBIGUOUS_BELOW_PX + 8, today=TODAY)
    assert not large.valid and large.lines == read and large.corrections == []


def test_unknown_state_code_is_kept_when_read_with_confidence() -> None:
    # 'UTO' read as 'UTD' with confidence: the code is reported as read
    read = ["I<UTD" + CARD[0][5:], CARD[1], CARD[2]]
    conf, alts, probs = _recognised(read)
    _set(conf, alts, probs, 0, 4, "DO", [0.96, 0.03])
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert r.fields["issuing_state"] == "UTD" and r.corrections == []
    assert "unknown_issuing_state" in r.warning_names()
    # ... and repaired when the glyph was ambiguous
    _set(conf, alts, probs, 0, 4, "DO", [0.55, 0.42])
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert r.fields["issuing_state"] == "UTO"
    assert r.corrections[0]["reason"] == "known country code"


def test_given_text_with_a_wrong_check_digit_is_taken_as_printed() -> None:
    number = "D23145890"
    wrong = str((int(check_digit(number)) + 1) % 10)
    lines = [CARD[0][:14] + wrong + CARD[0][15:], CARD[1], CARD[2]]
    r = parse_mrz(lines, today=TODAY)
    assert not r.valid and r.lines == lines and r.corrections == []


def test_o_and_zero_in_small_glyphs_are_told_apart_by_the_field() -> None:
    # a confident '0' in a name, 9 px tall: the field decides (the recogniser's
    # certainty means little there); the same glyph 24 px tall stays as printed
    read = [CARD[0], CARD[1], "ERIKSS0N<<ANNA<MARIA<<<<<<<<<<"]
    conf, alts, probs = _recognised(read)
    _set(conf, alts, probs, 2, 6, "0D", [0.95, 0.04])
    small = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                      glyph_height_px=9, today=TODAY)
    assert small.lines == CARD and small.valid
    assert small.corrections[0]["from"] == "0" and small.corrections[0]["to"] == "O"
    assert "look the same" in small.corrections[0]["reason"]
    large = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                      glyph_height_px=24, today=TODAY)
    assert large.lines == read and "unexpected_character" in large.warning_names()


def test_no_check_digit_repair_when_the_rest_of_its_span_is_unsure() -> None:
    # the same close 'I'/'1', but two other characters of the number were read
    # without confidence: a verification there may be chance
    read = [CARD[0][:5] + "D23I458907" + CARD[0][15:], CARD[1], CARD[2]]
    conf, alts, probs = _recognised(read)
    _set(conf, alts, probs, 0, 8, "I1", [0.52, 0.44])
    _set(conf, alts, probs, 0, 10, "5S", [0.6, 0.3])
    _set(conf, alts, probs, 0, 11, "8B", [0.7, 0.25])
    r = parse_mrz(read, confidences=conf, alternatives=alts, alternative_probs=probs,
                  today=TODAY)
    assert not r.valid and r.lines == read
    assert [c for c in r.corrections if "check digit" in c["reason"]] == []
