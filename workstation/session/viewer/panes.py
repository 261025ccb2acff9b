"""How the image area is divided: the mode, its panes, the display levels, a rendered frame,
and the grid the panes are laid out in."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from workstation.i18n import QT_TRANSLATE_NOOP
from workstation.imaging import overlays
from workstation.session.viewer.sources import SourceKey
from workstation.types import Image


@dataclass
class Levels:
    """Display levels applied to what is shown (never to the data)."""

    brightness: float = 0.0
    contrast: float = 1.0
    gamma: float = 1.0
    invert: bool = False
    channel: int | None = None

    @property
    def is_identity(self) -> bool:
        return (self.brightness == 0.0 and self.contrast == 1.0 and self.gamma == 1.0
                and not self.invert and self.channel is None)

    def apply(self, image: Image) -> Image:
        if self.is_identity:
            return overlays.to_rgb(image)
        return overlays.apply_levels(image, brightness=self.brightness, contrast=self.contrast,
                                     gamma=self.gamma, invert=self.invert, channel=self.channel)


class Mode(StrEnum):
    """What the image area shows."""

    CAPTURE = "capture"            # every light of the questioned document, side by side
    SIDE_BY_SIDE = "side-by-side"  # a | b, synchronised
    BLEND = "blend"
    SWIPE = "swipe"
    DIFFERENCE = "difference"
    FALSE_COLOUR = "false-colour"
    FLICKER = "flicker"

    @property
    def label(self) -> str:
        """Its name in English (the window translates it in the ``modes`` context)."""
        return _MODE_LABELS[self.value]


_MODE_LABELS = {
    "capture": QT_TRANSLATE_NOOP("modes", "All lights"),
    "side-by-side": QT_TRANSLATE_NOOP("modes", "Side by side"),
    "blend": QT_TRANSLATE_NOOP("modes", "Blend"), "swipe": QT_TRANSLATE_NOOP("modes", "Swipe"),
    "difference": QT_TRANSLATE_NOOP("modes", "Difference"),
    "false-colour": QT_TRANSLATE_NOOP("modes", "False colour"),
    "flicker": QT_TRANSLATE_NOOP("modes", "Flicker")}


@dataclass(frozen=True)
class Pane:
    """One pane of the image area and the sources it composes."""

    title: str
    sources: tuple[SourceKey, ...]
    role: str = "single"  # single, blend, swipe, difference, false-colour, flicker


@dataclass(frozen=True)
class Frame:
    """A rendered piece of a pane: ``image`` covers image rectangle ``rect`` (x0, y0, x1, y1).

    ``image`` may be a view into a pyramid level (not contiguous): whole rows of
    it are contiguous, which lets the widget wrap them without copying.
    """

    image: Image
    rect: tuple[float, float, float, float]


def grid_shape(n: int, *, area_w: float, area_h: float, content_w: float,
               content_h: float) -> tuple[int, int]:
    """``(rows, cols)`` for ``n`` equal panes that shows the content largest."""
    if n <= 1:
        return 1, 1
    best, best_scale = (1, n), -1.0
    for rows in range(1, n + 1):
        cols = math.ceil(n / rows)
        if (rows - 1) * cols >= n:
            continue
        scale = min(area_w / cols / content_w, area_h / rows / content_h)
        if scale > best_scale * 1.02:
            best, best_scale = (rows, cols), scale
    return best
