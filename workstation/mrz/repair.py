"""Repairing MRZ readings without ever repairing a printed MRZ into validity.

A failed check digit on a document is evidence. So a repair may only choose
between readings that are both plausible for what is on the page:

1. **By field type** (ICAO 9303 part 3: dates and check digits are digits,
   codes and names letters, sex ``M``/``F``/``<``): a character the position
   cannot hold is replaced by the recogniser's best candidate that it can hold
   (for given text, by its usual look-alike: ``O``/``0``, ``I``/``1`` ...).
2. **Confirmed by a check digit**, for recognised text: only at characters the
   recogniser read *without* confidence (probability below :data:`CONFIDENT`)
   and only by one of its own close readings (probability at least
   :data:`CLOSE_RATIO` of the character read). A character read with
   confidence is never changed to make a check digit verify: a printed MRZ
   that is itself inconsistent stays invalid.
3. **A known code**, for recognised text: an unknown country code, or a
   document code the format does not allow, becomes a known one only through
   such a close reading of an ambiguous glyph.

Given text (no recogniser) keeps the older rules: type repairs by look-alike,
and check-digit repairs among look-alikes only when type repairs showed the
text to be OCR output and exactly one candidate verifies.

Every repair is listed (:attr:`Reading.corrections`): line, position, ``from``
(read), ``to`` (repaired), field, ``reason`` (why) and, for recognised text,
the recogniser's probability of each.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Collection
from typing import Any

from workstation.mrz.checkdigit import check_digit
from workstation.mrz.countries import is_known_code
from workstation.mrz.layouts import (
    ALLOWED,
    DIGITS,
    MRZ_CHARS,
    Layout,
    Pos,
    Span,
    field_at,
    position_kinds,
)

#: A character the recogniser read with at least this probability is read with
#: confidence: no check digit or code list ever changes it.
CONFIDENT = 0.90
#: A reading is close to the character read when its probability is at least
#: this fraction of the read character's ("a second choice with a probability
#: near the first": within a factor of three): only such readings are candidates
#: for a check digit or a code list.
CLOSE_RATIO = 1 / 3
#: Characters at least this tall (pixels) are not ambiguous: OCR-B's 0/O, 1/I,
#: 8/B differ by two pixels or more, so no check digit or code list changes them
#: (a recogniser unsure there is out of its depth, not looking at a blurred glyph).
AMBIGUOUS_BELOW_PX = 16.0

#: Letter read where a digit must be -> the digit it usually is (given text).
LETTER_TO_DIGIT = {"O": "0", "D": "0", "Q": "0", "U": "0", "I": "1", "L": "1", "J": "1",
                   "Z": "2", "S": "5", "B": "8", "G": "6", "T": "7", "A": "4", "E": "3"}
#: Digit read where a letter must be -> the letter it usually is (given text).
DIGIT_TO_LETTER = {"0": "O", "1": "I", "2": "Z", "5": "S", "8": "B", "6": "G", "7": "T",
                   "4": "A"}
#: Look-alikes tried in alphanumeric positions of given text when a check digit fails.
CONFUSABLE: dict[str, str] = {}
for _a, _b in [("0", "O"), ("0", "D"), ("0", "Q"), ("1", "I"), ("8", "B"), ("5", "S"),
               ("2", "Z"), ("6", "G"), ("7", "T"), ("4", "A"), ("<", "K")]:
    CONFUSABLE[_a] = CONFUSABLE.get(_a, "") + _b
    CONFUSABLE[_b] = CONFUSABLE.get(_b, "") + _a

#: The look-alike pairs the field type decides whatever the recogniser's
#: confidence, in small glyphs (ICAO 9303 part 3: O/0 and I/1 by field).
FIELD_PAIRS = {"O": "0", "0": "O", "I": "1", "1": "I"}

_KIND_NAMES = {"A": "letters-only", "D": "digits-only", "C": "check digit", "S": "sex",
               "X": "alphanumeric"}


class Reading:
    """Mutable MRZ lines with, for recognised text, each position's confidence,
    the recogniser's candidates (best first) and their probabilities."""

    def __init__(self, lines: list[str], conf: list[list[float]] | None,
                 alts: list[list[str]] | None,
                 probs: list[list[list[float]]] | None = None,
                 glyph_height_px: float | None = None) -> None:
        self.chars = [list(line) for line in lines]
        self.conf = conf
        self.alts = alts
        self.probs = probs
        self.glyph_height_px = glyph_height_px
        self.corrections: list[dict[str, Any]] = []

    @property
    def small(self) -> bool:
        """Whether the glyphs are under :data:`AMBIGUOUS_BELOW_PX` (unknown: not)."""
        return self.glyph_height_px is not None and self.glyph_height_px < AMBIGUOUS_BELOW_PX

    @property
    def recognised(self) -> bool:
        """Whether the text comes from the recogniser (its candidates are known)."""
        return self.alts is not None

    def confidence(self, pos: Pos) -> float:
        """The probability of the character read at ``pos`` (1.0 for given text)."""
        if self.conf is None:
            return 1.0
        return float(self.conf[pos[0]][pos[1]])

    def probability(self, pos: Pos, ch: str) -> float | None:
        """The recogniser's probability of ``ch`` at ``pos`` (``None`` when unknown)."""
        line, i = pos
        if self.alts is None:
            return None
        k = self.alts[line][i].find(ch)
        if k < 0:
            return 0.0
        if self.probs is None or k >= len(self.probs[line][i]):
            return None
        return float(self.probs[line][i][k])

    def cost(self, pos: Pos, ch: str) -> float:
        """-log of how much less likely ``ch`` is than the character read (1.0 per
        substitution when the recogniser's probabilities are not known)."""
        p = self.probability(pos, ch)
        if p is None:
            return 1.0
        return math.log(max(self.confidence(pos), 1e-6) / max(p, 1e-6))

    def get(self, span: Span) -> str:
        line, a, b = span
        return "".join(self.chars[line][a:b])

    def set(self, pos: Pos, ch: str, field: str, reason: str) -> None:
        line, i = pos
        old = self.chars[line][i]
        if old == ch:
            return
        self.chars[line][i] = ch
        entry: dict[str, Any] = {"line": line, "position": i, "from": old, "to": ch,
                                 "field": field, "reason": reason}
        if self.recognised:
            entry["confidence"] = round(self.confidence(pos), 4)
            p = self.probability(pos, ch)
            if p is not None:
                entry["to_probability"] = round(p, 4)
        self.corrections.append(entry)

    def lines(self) -> list[str]:
        return ["".join(c) for c in self.chars]

    def ambiguous(self, pos: Pos) -> bool:
        """Whether the glyph at ``pos`` is genuinely ambiguous: read without
        confidence, and small enough (:data:`AMBIGUOUS_BELOW_PX`) for look-alikes
        to blur into each other (given text: never)."""
        small = self.glyph_height_px is None or self.glyph_height_px < AMBIGUOUS_BELOW_PX
        return self.recognised and small and self.confidence(pos) < CONFIDENT

    def close_readings(self, pos: Pos, allowed: frozenset[str]) -> str:
        """The recogniser's other readings at ``pos`` close to the character read
        (best first), when the glyph is ambiguous; ``""`` otherwise."""
        line, i = pos
        if self.alts is None or not self.ambiguous(pos):
            return ""
        ch = self.chars[line][i]
        floor = CLOSE_RATIO * self.confidence(pos)
        out = []
        for c in self.alts[line][i]:
            if c == ch or c not in allowed:
                continue
            p = self.probability(pos, c)
            if p is None or p >= floor:
                out.append(c)
        return "".join(out)

    def candidates(self, pos: Pos, allowed: frozenset[str]) -> str:
        """Substitutes a check-digit repair may try at ``pos`` (best first)."""
        if self.recognised:
            return self.close_readings(pos, allowed)
        line, i = pos
        return "".join(c for c in CONFUSABLE.get(self.chars[line][i], "") if c in allowed)


def type_repair(text: Reading, layout: Layout) -> None:
    """A character its position cannot hold becomes the recogniser's best candidate
    that it can, when the glyph was read without confidence (given text: its
    usual look-alike). A character read with confidence stays as
    printed (the position kind is then a finding: an ``unexpected_character``
    warning)."""
    for name, (line, a, b), cls in layout.fields:
        allowed = ALLOWED[cls]
        segment = text.get((line, a, b))
        if cls == "A" and name in ("issuing_state", "nationality") and segment.strip("<") \
                and all(c in DIGITS for c in segment.strip("<")):
            continue  # a numeric code is a national quirk, not a misread
        for i in range(a, b):
            ch = text.chars[line][i]
            if ch in allowed:
                continue
            repl = ""
            reason = f"{_KIND_NAMES[cls]} position"
            if text.alts is not None:
                if text.confidence((line, i)) < CONFIDENT:
                    repl = next((c for c in text.alts[line][i] if c in allowed), "")
                elif text.small and ch in FIELD_PAIRS and FIELD_PAIRS[ch] in allowed \
                        and name != "document_code":  # national codes use digits (C1)
                    # O/0 and I/1 differ by less than a pixel in a small glyph: the
                    # field tells them apart, however sure the recogniser was
                    repl = FIELD_PAIRS[ch]
                    reason += f" ({ch} and {repl} look the same at this size)"
            elif cls in ("D", "C"):
                repl = LETTER_TO_DIGIT.get(ch, "")
            elif cls == "A":
                repl = DIGIT_TO_LETTER.get(ch, "")
            if repl:
                text.set((line, i), repl, name, reason)


_DOC_CODE_FIRST = {"TD1": "IAC", "TD2": "IAC", "TD3": "P", "MRVA": "V", "MRVB": "V"}


def code_repair(text: Reading, layout: Layout, known_states: Collection[str]) -> None:
    """For recognised text: an unknown country code, or a document code whose first
    letter the format does not allow, is replaced when a close reading of one
    ambiguous glyph gives a valid one (the likeliest, if it is clearly ahead)."""
    if text.alts is None:
        return
    for name, (line, a, b), _cls in layout.fields:
        if name == "document_code" and layout.name in _DOC_CODE_FIRST:
            allowed = frozenset(_DOC_CODE_FIRST[layout.name])
            if text.chars[line][a] not in allowed:
                repl = text.close_readings((line, a), allowed)
                if repl:
                    text.set((line, a), repl[0], name, f"{layout.name} document code")
        if name not in ("issuing_state", "nationality"):
            continue
        code = text.get((line, a, b))
        if is_known_code(code, known_states) or any(c not in MRZ_CHARS for c in code):
            continue
        found: list[tuple[float, int, str]] = []
        for i in range(a, b):
            for c in text.close_readings((line, i), ALLOWED["A"]):
                cand = code[:i - a] + c + code[i - a + 1:]
                if is_known_code(cand, known_states):
                    found.append((text.cost((line, i), c), i, c))
        found.sort()
        if found and (len(found) == 1 or found[1][0] - found[0][0] >= REPAIR_MARGIN):
            _cost, i, c = found[0]
            text.set((line, i), c, name, "known country code")


def check_ok(text: Reading, spans: tuple[Span, ...], digit_pos: Pos, name: str) -> bool:
    """Whether the check digit at ``digit_pos`` verifies over ``spans``."""
    data = "".join(text.get(s) for s in spans)
    digit = text.chars[digit_pos[0]][digit_pos[1]]
    if any(c not in MRZ_CHARS for c in data):
        return False
    if digit == "<" and set(data) <= {"<"}:
        return name == "optional_data"  # an empty optional field may have a filler digit
    return check_digit(data) == digit


_VALUE = {c: (ord(c) - 48 if c.isdigit() else ord(c) - 55 if c.isalpha() else 0)
          for c in MRZ_CHARS}
_MAX_OPTIONS = 14
#: A check-digit-confirmed repair of recognised text: -log of how much less likely
#: than the characters read it may be per substitution (close readings are at
#: most -log(CLOSE_RATIO) = 1.1 anyway), and how much likelier (e^1.5 = 4.5 times)
#: it must be than the next repair that also verifies.
_MAX_REPAIR_COST = 4.6
REPAIR_MARGIN = 1.5
#: Characters read without confidence allowed in a check digit's span besides
#: the ones a repair changes.
MAX_OTHER_UNSURE = 1


def check_repair(text: Reading, layout: Layout, skip: Collection[str]) -> None:
    """Where a check digit fails, the most likely substitution of one or two
    candidates (:meth:`Reading.candidates`) that makes it verify, if it is
    clearly the most likely (given text: if it is the only one)."""
    kinds = position_kinds(layout)
    for name, spans, digit_pos in layout.checks:
        if name in skip or check_ok(text, spans, digit_pos, name):
            continue
        positions: list[Pos] = []
        for line, a, b in spans:
            positions.extend((line, i) for i in range(a, b))
        weight = {pos: (7, 3, 1)[k % 3] for k, pos in enumerate(positions)}
        if any(text.chars[ln][i] not in MRZ_CHARS for ln, i in positions):
            continue
        if text.recognised:
            positions.append(digit_pos)
        elif name == "composite":
            # for given text, only the data no other check digit protects
            covered = {p for n, sp, dp in layout.checks if n != "composite"
                       for (ln, a, b) in sp for p in [(ln, i) for i in range(a, b)] + [dp]}
            positions = [p for p in positions if p not in covered]
        options: list[tuple[Pos, str]] = []
        for pos in positions:
            cls = kinds.get(pos, "X")
            if not text.recognised and cls != "X":
                continue
            for cand in text.candidates(pos, ALLOWED[cls]):
                options.append((pos, cand))
        if text.recognised and len(options) > _MAX_OPTIONS:
            options.sort(key=lambda o: text.cost(*o))
            options = options[:_MAX_OPTIONS]
        solutions = _solutions(text, options, weight, digit_pos)
        chosen = _choose(text, solutions)
        if chosen is not None and text.recognised:
            # the check digit vouches for a repair only when the rest of what it
            # covers was read with confidence: with other unsure characters a
            # repair verifies by chance (one in ten)
            changed = {pos for pos, _c in chosen}
            span = [p for p in weight if p not in changed] + [digit_pos]
            if sum(1 for p in span if p not in changed and
                   text.confidence(p) < CONFIDENT) > MAX_OTHER_UNSURE:
                chosen = None
        if chosen is not None:
            for pos, cand in chosen:
                text.set(pos, cand, field_at(layout, pos) or name,
                         f"confirmed by the {name.replace('_', ' ')} check digit")


Combo = tuple[tuple[Pos, str], ...]


def _solutions(text: Reading, options: list[tuple[Pos, str]], weight: dict[Pos, int],
               digit_pos: Pos) -> list[Combo]:
    total = sum(_VALUE[text.chars[ln][i]] * w for (ln, i), w in weight.items())
    digit = text.chars[digit_pos[0]][digit_pos[1]]

    def verifies(combo: Combo) -> bool:
        t = total
        d = digit
        for pos, cand in combo:
            if pos == digit_pos:
                d = cand
            else:
                t += (_VALUE[cand] - _VALUE[text.chars[pos[0]][pos[1]]]) * weight[pos]
        return d.isdigit() and t % 10 == int(d)

    found: list[Combo] = []
    for size in (1, 2):
        for combo in itertools.combinations(options, size):
            if size == 2 and combo[0][0] == combo[1][0]:
                continue
            if verifies(combo):
                found.append(combo)
                if not text.recognised and len(found) > 1:
                    return found
        if found:
            break
    return found


def _choose(text: Reading, solutions: list[Combo]) -> Combo | None:
    if not solutions:
        return None
    if not text.recognised:
        return solutions[0] if len(solutions) == 1 else None
    total_cost: Callable[[Combo], float] = lambda combo: sum(  # noqa: E731
        text.cost(p, ch) for p, ch in combo)
    ranked = sorted(solutions, key=total_cost)
    best = total_cost(ranked[0])
    second = total_cost(ranked[1]) if len(ranked) > 1 else math.inf
    if best <= _MAX_REPAIR_COST * len(ranked[0]) and second - best >= REPAIR_MARGIN:
        return ranked[0]
    return None


def lines_verified(lines: list[str], layout: Layout, repair: bool) -> int:
    """How many of ``layout``'s check digits verify (after repair by field type)."""
    if repair:
        text = Reading(lines, None, None)
        type_repair(text, layout)
        lines = text.lines()
    count = 0
    for _name, spans, (dl, di) in layout.checks:
        data = "".join(lines[ln][a:b] for ln, a, b in spans)
        if all(c in MRZ_CHARS for c in data) and check_digit(data) == lines[dl][di]:
            count += 1
    return count
