"""Limits of a check's measure: learned from the specimen's genuine exemplars, with a prior.

A specimen carries, per zone, light and measure, the statistics of that measure over
the genuine captures it learned (formats.md §3, ``specimens learn``). A check holds a
capture's measure against a :class:`Limit` made here:

* **learned** — the specimen has at least :data:`LEARNED_MIN_EXEMPLARS` values: the
  limit is the mean less (or plus) ``k`` spreads, at least a ``rel`` fraction of the
  mean and at least ``floor`` away from it;
* **learned, bounded by the prior** — fewer values than that (a spread from two or three
  captures says little): the looser of the learned limit and the prior, so that a few
  exemplars can widen the tolerance a document type needs but never narrow it below
  what the prior allows;
* **prior** — no statistics: the prior (a constant of :mod:`.thresholds` or of the
  check, calibrated on genuine Utopia captures).

Every result says which was used (:meth:`Limit.describe`, :meth:`Limit.to_json`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from workstation.types import Light, Stat, Zone

#: Exemplars from which a learned limit stands on its own (fewer: bounded by the prior).
LEARNED_MIN_EXEMPLARS = 5
#: Default width of a learned tolerance, in the learned spreads.
DEFAULT_K = 4.0

Side = Literal["min", "max"]


@dataclass(frozen=True)
class Limit:
    """The limit one measure is held against.

    Attributes:
        measure: the measure's name (formats.md §3).
        value: the limit.
        side: ``"min"`` (the measure must reach it) or ``"max"`` (must not exceed it).
        source: ``"learned"``, ``"learned+prior"`` or ``"prior"``.
        stat: the learned statistics, when there are any.
        prior: the prior limit.
    """

    measure: str
    value: float
    side: Side
    source: str
    prior: float
    stat: Stat | None = None

    def holds(self, x: float) -> bool:
        """Whether ``x`` is within the limit."""
        return x >= self.value if self.side == "min" else x <= self.value

    def margin(self, x: float) -> float:
        """How far ``x`` lies inside the limit (negative: outside), in the measure's units."""
        return x - self.value if self.side == "min" else self.value - x

    def describe(self) -> str:
        """Where the limit comes from, in plain words."""
        if self.source == "prior" or self.stat is None:
            return (f"{self.measure}: prior limit {self.value:.3g} (the specimen learned no "
                    f"genuine exemplar of it)")
        st = self.stat
        learned = (f"learned from {st.n} genuine exemplar{'s' if st.n != 1 else ''} "
                   f"(mean {st.mean:.3g}, sd {st.sd:.2g})")
        if self.source == "learned":
            return f"{self.measure}: limit {self.value:.3g} {learned}"
        return (f"{self.measure}: limit {self.value:.3g}, {learned}, no stricter than the "
                f"prior {self.prior:.3g} with fewer than {LEARNED_MIN_EXEMPLARS} exemplars")

    def to_json(self) -> dict[str, Any]:
        """``{"value", "side", "source", "prior", "n"}`` (JSON-ready)."""
        return {"value": round(self.value, 4), "side": self.side, "source": self.source,
                "prior": round(self.prior, 4), "n": self.stat.n if self.stat else 0}


def learned_limit(stat: Stat, side: Side, *, k: float = DEFAULT_K, rel: float = 0.1,
                  floor: float = 0.0) -> float:
    """``mean -/+ max(k sd, rel |mean|, floor)`` of ``stat``."""
    half = max(k * stat.sd, rel * abs(stat.mean), floor)
    return stat.mean - half if side == "min" else stat.mean + half


def limit(zone: Zone | None, light: Light, measure: str, *, prior: float, side: Side,
          k: float = DEFAULT_K, rel: float = 0.1, floor: float = 0.0) -> Limit:
    """The limit of ``measure`` under ``light`` in ``zone`` (see the module docstring)."""
    stat = zone.stat(light, measure) if zone is not None else None
    if stat is None:
        return Limit(measure, prior, side, "prior", prior)
    learned = learned_limit(stat, side, k=k, rel=rel, floor=floor)
    if stat.n >= LEARNED_MIN_EXEMPLARS:
        return Limit(measure, learned, side, "learned", prior, stat)
    value = min(learned, prior) if side == "min" else max(learned, prior)
    return Limit(measure, value, side, "learned+prior", prior, stat)


def limits_json(limits: list[Limit]) -> dict[str, Any]:
    """``{measure: limit.to_json()}`` for a result's details."""
    return {lim.measure: lim.to_json() for lim in limits}
