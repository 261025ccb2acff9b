"""Scoring a trainee: each answer against the document's ground truth, and a course's
figures per forgery kind and per light.

Points per document (0..1): a genuine document scores 1 when called genuine; a
forged one 0.5 for calling it forged, then 0.25 for the right forgery kind and
0.25 for a mark on the place that betrays it (within :data:`LOCATE_MARGIN_MM`;
when the forgery covers the whole page, the kind's 0.25 doubles). "Can't tell"
scores nothing and is counted apart from a wrong answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.training.exercise import Truth
from workstation.types import Light, RectMM

#: How far (mm) a trainee's mark may lie from the forgery's area and still find it.
LOCATE_MARGIN_MM = 2.0
#: The share of the points that passes a course.
PASS_MARK = 0.7


class Verdict(StrEnum):
    """The trainee's conclusion."""

    GENUINE = "genuine"
    FORGED = "forged"
    UNSURE = "unsure"

    @property
    def label(self) -> str:
        return {"genuine": QT_TRANSLATE_NOOP("training", "Genuine"),
                "forged": QT_TRANSLATE_NOOP("training", "Forged"),
                "unsure": QT_TRANSLATE_NOOP("training", "Can't tell")}[self.value]


@dataclass(frozen=True)
class Mark:
    """Where the trainee saw the forgery: a rectangle in mm on the page, and the light."""

    rect_mm: RectMM
    light: Light | None = None

    def to_json(self) -> dict[str, Any]:
        return {"rect_mm": [round(v, 2) for v in self.rect_mm],
                "light": None if self.light is None else self.light.value}


@dataclass(frozen=True)
class Response:
    """What the trainee answered for one document."""

    verdict: Verdict
    kind: str | None = None
    marks: tuple[Mark, ...] = ()
    seconds: float = 0.0


def _overlaps(a: RectMM, b: RectMM, margin: float) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return (ax < bx + bw + margin and bx - margin < ax + aw
            and ay < by + bh + margin and by - margin < ay + ah)


@dataclass(frozen=True)
class ItemScore:
    """One document's answer against its truth.

    Attributes:
        index: position in the course.
        document: specimen id.
        truth: what the document is.
        response: what the trainee said.
        correct: genuine/forged right ("can't tell" is never right).
        kind_correct: the forgery kind right (``None`` for a genuine document).
        located: a mark on the forgery (``None`` when not applicable).
        light_right: a mark on it under a light that shows it (``None`` when not applicable).
        points: 0..1.
    """

    index: int
    document: str
    truth: Truth
    response: Response
    correct: bool
    kind_correct: bool | None
    located: bool | None
    light_right: bool | None
    points: float

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "document": self.document, "truth_kind": self.truth.kind,
                "verdict": self.response.verdict.value, "kind": self.response.kind,
                "marks": [m.to_json() for m in self.response.marks],
                "seconds": round(self.response.seconds, 1), "correct": self.correct,
                "kind_correct": self.kind_correct, "located": self.located,
                "light_right": self.light_right, "points": round(self.points, 3)}


def score_item(index: int, document: str, truth: Truth, response: Response) -> ItemScore:
    """Score one answer (see the module docstring)."""
    forged = truth.forged
    said_forged = response.verdict is Verdict.FORGED
    correct = response.verdict is not Verdict.UNSURE and said_forged == forged
    if not forged:
        return ItemScore(index, document, truth, response, correct, None, None, None,
                         1.0 if correct else 0.0)
    kind_correct = said_forged and response.kind == truth.kind
    located: bool | None = None
    light_right: bool | None = None
    if truth.rect_mm is not None:
        hits = [m for m in response.marks if _overlaps(m.rect_mm, truth.rect_mm,
                                                        LOCATE_MARGIN_MM)]
        located = said_forged and bool(hits)
        light_right = said_forged and any(m.light in truth.lights for m in hits)
    points = 0.0
    if said_forged:
        points = 0.5 + (0.25 if kind_correct else 0.0)
        if located is None:
            points += 0.25 if kind_correct else 0.0
        elif located:
            points += 0.25
    return ItemScore(index, document, truth, response, correct, kind_correct, located,
                     light_right, points)


@dataclass(frozen=True)
class Tally:
    """Counts of one forgery kind or one light."""

    documents: int = 0
    detected: int = 0
    kind_right: int = 0
    located: int = 0

    def add(self, item: ItemScore) -> Tally:
        return Tally(self.documents + 1, self.detected + int(item.correct),
                     self.kind_right + int(bool(item.kind_correct)),
                     self.located + int(bool(item.located)))

    @property
    def rate(self) -> float:
        """Share detected (0..1; 0 when there were none)."""
        return self.detected / self.documents if self.documents else 0.0


@dataclass(frozen=True)
class CourseScore:
    """A course's figures.

    Attributes:
        items: every document's score, in order.
        per_kind: forgery kind -> tally (``"genuine"`` for the genuine documents).
        per_light: light -> tally of the forged documents that show under it.
    """

    items: tuple[ItemScore, ...]
    per_kind: dict[str, Tally] = field(default_factory=dict)
    per_light: dict[Light, Tally] = field(default_factory=dict)

    @property
    def points(self) -> float:
        return sum(i.points for i in self.items)

    @property
    def share(self) -> float:
        """Points over the most possible (0..1)."""
        return self.points / len(self.items) if self.items else 0.0

    @property
    def passed(self) -> bool:
        return bool(self.items) and self.share >= PASS_MARK

    @property
    def false_alarms(self) -> int:
        """Genuine documents called forged."""
        return sum(1 for i in self.items if not i.truth.forged
                   and i.response.verdict is Verdict.FORGED)

    @property
    def missed(self) -> int:
        """Forged documents called genuine."""
        return sum(1 for i in self.items if i.truth.forged
                   and i.response.verdict is Verdict.GENUINE)

    @property
    def unsure(self) -> int:
        return sum(1 for i in self.items if i.response.verdict is Verdict.UNSURE)

    @property
    def seconds(self) -> float:
        return sum(i.response.seconds for i in self.items)

    def to_json(self) -> dict[str, Any]:
        return {"points": round(self.points, 3), "share": round(self.share, 4),
                "passed": self.passed, "false_alarms": self.false_alarms,
                "missed": self.missed, "unsure": self.unsure,
                "seconds": round(self.seconds, 1),
                "per_kind": {k: vars(t) for k, t in self.per_kind.items()},
                "per_light": {light.value: vars(t) for light, t in self.per_light.items()},
                "items": [i.to_json() for i in self.items]}


def score_course(items: Sequence[ItemScore]) -> CourseScore:
    """The course's figures from its documents' scores."""
    per_kind: dict[str, Tally] = {}
    per_light: dict[Light, Tally] = {}
    for item in items:
        key = item.truth.kind or "genuine"
        per_kind[key] = per_kind.get(key, Tally()).add(item)
        for light in item.truth.lights:
            per_light[light] = per_light.get(light, Tally()).add(item)
    return CourseScore(tuple(items), per_kind, per_light)
