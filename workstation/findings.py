"""The examiner's findings: conclusion, notes, the images chosen for the report, and
the measurements and marks drawn on the images.

Findings are the examiner's, not the examination's: an automated
:class:`~workstation.examination.results.Examination` never carries them. The
case database stores them (``CaseRepository.save_findings``), the session layer
autosaves them as they are typed, and a report prints them. Both types are
frozen: an edit makes a new value (``dataclasses.replace``), so a snapshot handed
to a worker thread cannot change under it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from workstation import measure


class AnnotationKind(StrEnum):
    """What an examiner drew on an image."""

    RULER = "ruler"
    ANGLE = "angle"
    RECTANGLE = "rectangle"
    ARROW = "arrow"


@dataclass(frozen=True)
class Annotation:
    """A measurement or mark an examiner drew.

    Attributes:
        kind: ruler, angle (three points: end, vertex, end), rectangle (two corners)
            or arrow (tail, head).
        points: ``(x, y)`` in pixels of the image it was drawn on.
        image: which image: ``"capture:<light>"`` (pixels of the capture as taken)
            or ``"specimen:<light>"`` (pixels of the specimen image shown).
        text: the examiner's note (the measured value is added by :meth:`label`).
        dpi: pixel density of that image, so lengths convert to mm.
        created_at: when it was drawn (timezone-aware).
    """

    kind: AnnotationKind
    points: Sequence[tuple[float, float]]
    image: str = "capture:white"
    text: str = ""
    dpi: float | None = None
    created_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "points",
                           tuple((float(x), float(y)) for x, y in self.points))

    def value(self, dpi: float | None = None) -> str:
        """The measurement alone: a ruler's length (mm when a density is known, else
        px), an angle in degrees, a rectangle's width × height; empty for an arrow or
        a degenerate mark. ``dpi`` is used when the annotation has none of its own."""
        pts = self.points
        density = self.dpi or dpi
        try:
            if self.kind is AnnotationKind.RULER and len(pts) >= 2:
                if density:
                    return measure.format_mm(measure.distance_mm(pts[0], pts[1], dpi=density))
                return f"{measure.distance_px(pts[0], pts[1]):.0f} px"
            if self.kind is AnnotationKind.ANGLE and len(pts) >= 3:
                return f"{measure.angle_deg(pts[0], pts[1], pts[2]):.1f}°"
            if self.kind is AnnotationKind.RECTANGLE and len(pts) >= 2:
                if density:
                    w, h = measure.rect_size_mm(pts[0], pts[1], dpi=density)
                    return f"{measure.format_mm(w)} × {measure.format_mm(h)}"
                return (f"{abs(pts[1][0] - pts[0][0]):.0f} × "
                        f"{abs(pts[1][1] - pts[0][1]):.0f} px")
        except ValueError:
            return ""
        return ""

    def label(self, dpi: float | None = None) -> str:
        """What is written beside the mark, on screen and in the report alike: the
        measurement and the examiner's note, ``"25.4 mm — seal edge"``."""
        return " — ".join(t for t in (self.value(dpi), self.text) if t)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "kind": self.kind.value,
            "points": [[round(x, 2), round(y, 2)] for x, y in self.points],
            "image": self.image,
            "text": self.text,
            "dpi": self.dpi,
            "created_at": self.created_at.isoformat() if self.created_at else None,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Annotation:
        """The inverse of :meth:`to_json` (``ValueError`` on a malformed object)."""
        try:
            at = obj.get("created_at")
            return cls(
                kind=AnnotationKind(obj["kind"]),
                points=[(float(p[0]), float(p[1])) for p in obj["points"]],
                image=str(obj.get("image", "capture:white")),
                text=str(obj.get("text", "")),
                dpi=None if obj.get("dpi") is None else float(obj["dpi"]),
                created_at=dt.datetime.fromisoformat(at) if at else None,
            )
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"malformed annotation: {exc}") from None


class Conclusion(StrEnum):
    """The examiner's conclusion about a document."""

    NO_ANOMALY = "no_anomaly"
    COUNTERFEIT = "counterfeit"
    FORGED = "forged"
    INCONCLUSIVE = "inconclusive"

    @property
    def label(self) -> str:
        """The conclusion as the window and the report write it."""
        return CONCLUSION_TITLES[self]


CONCLUSION_TITLES: dict[Conclusion, str] = {
    Conclusion.NO_ANOMALY: "No anomaly found",
    Conclusion.COUNTERFEIT: "Counterfeit",
    Conclusion.FORGED: "Forged",
    Conclusion.INCONCLUSIVE: "Inconclusive",
}

#: Kinds of forgery an examiner may name with :attr:`Conclusion.FORGED`.
FORGERY_KINDS: tuple[str, ...] = (
    "photo_substitution", "data_alteration", "mrz_alteration", "page_substitution",
    "other",
)


@dataclass(frozen=True)
class Findings:
    """The examiner's findings on one examination.

    Attributes:
        conclusion: ``None`` until the examiner decides.
        forgery_kind: one of :data:`FORGERY_KINDS` when the conclusion is ``forged``.
        text: free text.
        report_images: which images go into the report: ``"capture:<light>"``,
            ``"specimen:<light>"``, ``"evidence:<check id>"`` or ``"view:<name>"``.
        annotations: measurements and marks drawn in the window.
        examiner: who recorded them.
        updated_at: last change (timezone-aware).
    """

    conclusion: Conclusion | None = None
    forgery_kind: str | None = None
    text: str = ""
    report_images: Sequence[str] = ()
    annotations: Sequence[Annotation] = ()
    examiner: str = ""
    updated_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        if self.forgery_kind is not None and self.conclusion is not Conclusion.FORGED:
            raise ValueError("a forgery kind goes only with the conclusion 'forged'")
        object.__setattr__(self, "report_images", tuple(str(s) for s in self.report_images))
        object.__setattr__(self, "annotations", tuple(self.annotations))

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "conclusion": self.conclusion.value if self.conclusion else None,
            "forgery_kind": self.forgery_kind,
            "text": self.text,
            "report_images": list(self.report_images),
            "annotations": [a.to_json() for a in self.annotations],
            "examiner": self.examiner,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }

    @classmethod
    def from_json(cls, obj: Mapping[str, Any]) -> Findings:
        """The inverse of :meth:`to_json` (``ValueError`` on a malformed object)."""
        conclusion = obj.get("conclusion")
        at = obj.get("updated_at")
        return cls(
            conclusion=Conclusion(conclusion) if conclusion else None,
            forgery_kind=obj.get("forgery_kind"),
            text=str(obj.get("text", "")),
            report_images=[str(s) for s in obj.get("report_images", [])],
            annotations=[Annotation.from_json(a) for a in obj.get("annotations", [])],
            examiner=str(obj.get("examiner", "")),
            updated_at=dt.datetime.fromisoformat(at) if at else None,
        )
