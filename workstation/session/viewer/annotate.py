"""The measurement and marking tools: clicks become annotations with the current tool."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from enum import StrEnum

from workstation.findings import Annotation, AnnotationKind


class Tool(StrEnum):
    """What a click on the image does."""

    PAN = "pan"
    RULER = "ruler"
    ANGLE = "angle"
    RECTANGLE = "rectangle"
    ARROW = "arrow"


_POINTS_NEEDED = {Tool.RULER: 2, Tool.ANGLE: 3, Tool.RECTANGLE: 2, Tool.ARROW: 2}
_KIND = {Tool.RULER: AnnotationKind.RULER, Tool.ANGLE: AnnotationKind.ANGLE,
         Tool.RECTANGLE: AnnotationKind.RECTANGLE, Tool.ARROW: AnnotationKind.ARROW}


class Annotator:
    """Turns clicks into annotations with the current tool; keeps the examination's list."""

    def __init__(self, annotations: list[Annotation] | None = None) -> None:
        self.tool = Tool.PAN
        self.annotations: list[Annotation] = annotations if annotations is not None else []
        self.draft: list[tuple[float, float]] = []

    def set_tool(self, tool: Tool | str) -> None:
        self.tool = Tool(tool)
        self.draft = []

    def click(self, x: float, y: float, *, image: str, dpi: float | None,
              text: str = "") -> Annotation | None:
        """Add a point at image ``(x, y)``; returns the annotation once it is complete."""
        if self.tool is Tool.PAN:
            return None
        self.draft.append((float(x), float(y)))
        if len(self.draft) < _POINTS_NEEDED[self.tool]:
            return None
        ann = Annotation(_KIND[self.tool], tuple(self.draft), image=image, text=text, dpi=dpi,
                         created_at=dt.datetime.now(dt.UTC))
        self.draft = []
        self.annotations.append(ann)
        return ann

    def note_last(self, text: str) -> Annotation:
        """Add the examiner's ``text`` to the last annotation; returns the new annotation."""
        last = self.annotations[-1]
        note = f"{last.text}  {text}".strip() if last.text else text
        self.annotations[-1] = replace(last, text=note)
        return self.annotations[-1]

    def remove_last(self) -> Annotation | None:
        if self.draft:
            self.draft = []
            return None
        return self.annotations.pop() if self.annotations else None
