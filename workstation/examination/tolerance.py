"""Tolerances: a check's measure held against its specimen's own genuine distribution.

A specimen that learned its genuine exemplars (``specimens learn``,
:mod:`workstation.examination.learn`) carries, per zone, light and measure, the
statistics of that measure (:class:`workstation.types.Stat`). A check asks
:func:`tolerance` for the range a genuine capture's measure may take and holds its
measure against it; the :class:`Tolerance` says where the range came from:

* ``learned`` — the specimen has at least :data:`MIN_LEARNED` exemplars of the
  measure. The range is the learned mean ± :data:`Z` spreads on the side a forgery
  moves the measure. The spread is the learned one pooled with the measure's prior
  spread (:data:`RULES`, weight :data:`PRIOR_WEIGHT` exemplars): a specimen that
  learned three exemplars does not trust their spread alone, one that learned
  thirty mostly does (the conjugate normal estimate of a variance). The range
  always holds every learned value.
* ``prior`` — too few exemplars: the global constant of
  :mod:`workstation.examination.thresholds` that the measure's rule names.

The public API (used by the checks of every light, also those other issues add):
:func:`tolerance`, :class:`Tolerance`, :class:`Rule`, :data:`RULES`,
:func:`register_rule`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from workstation.examination import thresholds as T
from workstation.examination.messages import measure_term, message
from workstation.i18n import Join, Msg
from workstation.types import Light, Stat, Zone

Side = Literal["low", "high", "log", "loglow", "both"]
"""Which way a forgery moves a measure: ``low`` (forgeries score lower: the range
has a lower bound), ``high`` (an upper bound), ``log`` (either way on a
log scale: a ratio that should stay near its genuine value), ``loglow`` (lower,
on a log scale: a strength whose genuine values spread by a factor), ``both`` (either
way: a signed offset that should stay near its genuine value)."""

#: Exemplars a specimen needs for a measure before its learned statistics are used.
MIN_LEARNED = 2
#: Weight of a measure's prior spread, in exemplars.
PRIOR_WEIGHT = 4.0
#: Half-width of the tolerated range, in pooled spreads (about one genuine capture in
#: 16 000 outside it for a normal distribution).
Z = 4.0


@dataclass(frozen=True)
class Rule:
    """How a measure is judged.

    Attributes:
        side: which way a forgery moves it (:data:`Side`).
        prior_sd: the spread of the measure over genuine captures of documents in
            general (``log`` rules: of its natural logarithm), used as the prior.
        prior_bound: the global threshold used when a specimen learned too little
            (``None``: the measure is not judged without learned statistics).
        min_half: the smallest half-width of a learned range (the measure's
            resolution; ``log`` rules: in natural-log units).
    """

    side: Side
    prior_sd: float
    prior_bound: float | None
    min_half: float = 0.0


#: Spread (mm) of ``pattern_shift`` over genuine captures: measured on the Utopia
#: calibration captures (``python -m bench.examine --calibrate``, seeds from 10000),
#: widened for other documents' patterns and readers (see the value's comment).
PATTERN_SHIFT_PRIOR_SD = 0.02  # measured 0.014 (UTO-P-2020, 8 captures, mean 0.040), x1.5

#: Spread (degrees) of ``ink_axis`` over genuine captures: measured on the Utopia
#: calibration captures (seeds from 10000, 8 per document): 0.065 (UTO-P-2020) and 0.081
#: (UTO-ID-2021) as PNG, 0.169 and 0.073 as a reader's JPEG (quality 70-95, chroma at half
#: density), which also moves UTO-P-2020's mean by 0.45; three times the larger for other
#: inks, readers and encodings.
INK_AXIS_PRIOR_SD = 0.5

#: Measure name -> rule. Prior spreads: the spread over the Utopia calibration
#: captures (``python -m bench.examine --calibrate``, seeds from 10000) widened for
#: other documents' printing; never fitted on the test family.
RULES: dict[str, Rule] = {
    "uv_level": Rule("high", 0.25, T.UV_DULL_MAX_RATIO, 0.3),
    "uv_green_share": Rule("high", 0.02, None, 0.02),
    "strength": Rule("loglow", 0.3, T.UV_ELEMENT_MIN_RATIO, 0.2),
    "correlation": Rule("low", 0.08, T.UV_ELEMENT_MIN_CORRELATION, 0.05),
    "hue_difference": Rule("high", 8.0, T.UV_ELEMENT_MAX_HUE_DEG, 5.0),
    "glow_contrast": Rule("loglow", 0.35, None, 0.2),
    "ir_print_ratio": Rule("low", 0.08, T.IR_VISIBLE_MIN_RATIO, 0.05),
    "ir_structure": Rule("high", 0.08, None, 0.05),
    "ir_structure_excess": Rule("high", 0.06, T.IR_INVISIBLE_MAX_RATIO, 0.05),
    "similarity": Rule("low", 0.06, T.PATTERN_MIN_SIMILARITY, 0.05),
    "fine_detail": Rule("log", 0.12, None, 0.1),
    "ink_axis": Rule("high", INK_AXIS_PRIOR_SD, None, 1.0),
    "edge_continuity": Rule("low", 0.1, None, 0.1),
    "uv_border_step": Rule("log", 0.016, None, 0.02),
    "pattern_shift": Rule("high", PATTERN_SHIFT_PRIOR_SD, None, 0.02),
    "pattern_dx": Rule("both", PATTERN_SHIFT_PRIOR_SD, None, 0.02),
    "pattern_dy": Rule("both", PATTERN_SHIFT_PRIOR_SD, None, 0.02),
    "registration_quality": Rule("low", 0.06, T.REGISTRATION_MIN_QUALITY, 0.05),
}


def register_rule(measure: str, rule: Rule) -> None:
    """Add (or replace) the rule of ``measure`` — for checks other modules add."""
    RULES[measure] = rule


@dataclass(frozen=True)
class Tolerance:
    """The range a genuine capture's measure may take.

    Attributes:
        measure: the measure's name (formats.md §3).
        lo: the lower bound (``None``: none).
        hi: the upper bound (``None``: none).
        source: ``learned`` (the specimen's statistics) or ``prior`` (a global
            threshold), or ``none`` (not judged: no statistics, no prior).
        count: exemplars behind a learned range (0 for a prior).
        mean: the learned mean (``None`` for a prior).
        log: the bounds apply to the natural logarithm of the measure.
    """

    measure: str
    lo: float | None
    hi: float | None
    source: Literal["learned", "prior", "none"]
    count: int = 0
    mean: float | None = None
    log: bool = False

    def holds(self, value: float) -> bool:
        """Whether ``value`` lies within the range (always for ``none``)."""
        if self.source == "none":
            return True
        if not math.isfinite(value):
            return False
        v = math.log(max(value, 1e-9)) if self.log else value
        return (self.lo is None or v >= self.lo) and (self.hi is None or v <= self.hi)

    def bound(self) -> float | None:
        """The bound a forgery crosses, in the measure's units (the lower one for a
        two-sided range) — what a result reports as its ``threshold``."""
        b = self.lo if self.lo is not None else self.hi
        if b is None:
            return None
        return math.exp(b) if self.log else b

    def describe(self) -> str:
        """E.g. ``learned from 3 exemplars: >= 0.61`` or ``prior: <= 2``."""
        return self.text().english()

    def text(self) -> Msg:
        """:meth:`describe` as a message template (rendered in the examiner's
        language)."""
        def f(v: float) -> float:
            return math.exp(v) if self.log else v

        if self.source == "none":
            return message("TOLERANCE:none")
        if self.lo is not None and self.hi is not None:
            rng = message("TOLERANCE:between", lo=f(self.lo), hi=f(self.hi))
        elif self.lo is not None:
            rng = message("TOLERANCE:at_least", lo=f(self.lo))
        else:
            rng = message("TOLERANCE:at_most", hi=f(self.hi if self.hi is not None else 0.0))
        if self.source == "learned":
            return message("TOLERANCE:learned", n=self.count, range=rng)
        return message("TOLERANCE:prior", range=rng)

    def to_json(self) -> dict[str, object]:
        """What a check result records in its details."""
        def r(v: float | None) -> float | None:
            if v is None:
                return None
            return round(math.exp(v) if self.log else v, 4)

        return {"measure": self.measure, "source": self.source, "count": self.count,
                "lo": r(self.lo), "hi": r(self.hi),
                "mean": None if self.mean is None else round(self.mean, 4)}


def learned_range(stat: Stat, rule: Rule) -> tuple[float | None, float | None]:
    """The learned range of a measure with statistics ``stat`` under ``rule`` (``log``
    rules: in natural-log units, from the statistics of the raw values)."""
    n = stat.n
    if rule.side in ("log", "loglow"):
        # The statistics are of the raw values: move them to the log scale (delta method).
        mean = math.log(max(stat.mean, 1e-9))
        sd = stat.sd / max(stat.mean, 1e-9)
        lo_v, hi_v = math.log(max(stat.min, 1e-9)), math.log(max(stat.max, 1e-9))
    else:
        mean, sd, lo_v, hi_v = stat.mean, stat.sd, stat.min, stat.max
    pooled = math.sqrt((PRIOR_WEIGHT * rule.prior_sd ** 2 + max(0, n - 1) * sd ** 2)
                       / (PRIOR_WEIGHT + max(0, n - 1)))
    half = max(rule.min_half, Z * pooled * math.sqrt(1.0 + 1.0 / n))
    lo = min(mean - half, lo_v - rule.min_half)
    hi = max(mean + half, hi_v + rule.min_half)
    if rule.side in ("low", "loglow"):
        return lo, None
    if rule.side == "high":
        return None, hi
    return lo, hi


def tolerance(stat: Stat | None, measure: str) -> Tolerance:
    """The tolerated range of ``measure`` given the specimen's statistics ``stat``
    (``None``: nothing learned)."""
    rule = RULES.get(measure)
    if rule is None:
        raise KeyError(f"no rule for measure {measure!r}")
    if stat is not None and stat.n >= MIN_LEARNED:
        lo, hi = learned_range(stat, rule)
        return Tolerance(measure, lo, hi, "learned", stat.n, stat.mean,
                         rule.side in ("log", "loglow"))
    if rule.prior_bound is None:
        return Tolerance(measure, None, None, "none")
    if rule.side in ("low", "loglow"):
        return Tolerance(measure, rule.prior_bound, None, "prior")
    return Tolerance(measure, None, rule.prior_bound, "prior")


def zone_tolerance(zone: Zone, light: Light, measure: str) -> Tolerance:
    """:func:`tolerance` of ``zone``'s learned statistics of ``measure`` under ``light``."""
    return tolerance(zone.stat(light, measure), measure)


def learned(zone: Zone, light: Light, measures: tuple[str, ...]) -> bool:
    """Whether ``zone`` learned every one of ``measures`` under ``light`` well enough
    to be judged on its own statistics."""
    for m in measures:
        st = zone.stat(light, m)
        if st is None or st.n < MIN_LEARNED:
            return False
    return True


@dataclass(frozen=True)
class Judgement:
    """One measure of a zone held against its tolerance."""

    measure: str
    value: float
    tolerance: Tolerance

    @property
    def ok(self) -> bool:
        """Whether the value lies within the tolerance."""
        return self.tolerance.holds(self.value)

    def to_json(self) -> dict[str, object]:
        """The value and its tolerance, for a result's details."""
        return {"value": round(self.value, 4), **self.tolerance.to_json()}


def judge(zone: Zone, light: Light, values: dict[str, float],
          measures: tuple[str, ...], *, prior: bool = False) -> list[Judgement] | None:
    """Each of ``measures`` the zone was measured on (``values``) held against the
    zone's learned statistics under ``light``; ``None`` when the zone learned none of
    them well enough (the check then uses its own prior thresholds). With ``prior``,
    a measure not learned is held against its rule's prior bound instead (when it
    has one)."""
    out = []
    for m in measures:
        if m not in values:
            continue
        st = zone.stat(light, m)
        if st is None or st.n < MIN_LEARNED:
            tol = tolerance(None, m)
            if prior and tol.source == "prior":
                out.append(Judgement(m, float(values[m]), tol))
            continue
        out.append(Judgement(m, float(values[m]), tolerance(st, m)))
    return out or None


def summary(judgements: list[Judgement]) -> Join:
    """E.g. ``strength 0.21 (learned from 3 exemplars: >= 0.55)`` for each failing
    measure (every measure when none fails), as message templates joined by ``; ``
    (the measure's name is its id with spaces, a term of the catalogues)."""
    bad = [j for j in judgements if not j.ok] or judgements
    return Join(tuple(message("TOLERANCE:measure", measure=measure_term(j.measure),
                              value=j.value, tolerance=j.tolerance.text()) for j in bad))
