"""Zoom and pan: one viewport shared by the panes that show the same content (synchronised)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Viewport:
    """Zoom and pan of one or more panes showing content of ``image_w × image_h`` px.

    ``scale`` is screen pixels per image pixel; ``cx, cy`` the image point at the
    centre of the pane. Panes that share one ``Viewport`` are synchronised.
    """

    image_w: int = 1
    image_h: int = 1
    view_w: int = 800
    view_h: int = 600
    scale: float = 1.0
    cx: float = 0.5
    cy: float = 0.5
    max_scale: float = 32.0
    listeners: list[Callable[[], None]] = field(default_factory=list, repr=False,
                                                compare=False)

    ZOOM_STEP = 1.25

    def _changed(self) -> None:
        for fn in list(self.listeners):
            fn()

    @property
    def min_scale(self) -> float:
        return min(self.fit_scale() / 4.0, 1.0)

    def fit_scale(self, margin: float = 0.98) -> float:
        return margin * min(self.view_w / self.image_w, self.view_h / self.image_h)

    def set_content(self, width: int, height: int) -> None:
        """New content size; fits it when the size changes."""
        if width <= 0 or height <= 0:
            raise ValueError("content size must be positive")
        if (width, height) != (self.image_w, self.image_h):
            self.image_w, self.image_h = width, height
            self.fit()

    def resize(self, view_w: int, view_h: int) -> None:
        """The pane changed size (keeps the centre and the scale)."""
        self.view_w, self.view_h = max(1, view_w), max(1, view_h)
        self._changed()

    def _clamp(self) -> None:
        self.scale = min(max(self.scale, self.min_scale), self.max_scale)
        self.cx = min(max(self.cx, 0.0), float(self.image_w))
        self.cy = min(max(self.cy, 0.0), float(self.image_h))

    def fit(self) -> None:
        """Whole content visible, centred."""
        self.scale = self.fit_scale()
        self.cx, self.cy = self.image_w / 2.0, self.image_h / 2.0
        self._clamp()
        self._changed()

    def one_to_one(self) -> None:
        """One image pixel per screen pixel, same centre."""
        self.scale = 1.0
        self._clamp()
        self._changed()

    def view_to_image(self, vx: float, vy: float) -> tuple[float, float]:
        return (self.cx + (vx - self.view_w / 2.0) / self.scale,
                self.cy + (vy - self.view_h / 2.0) / self.scale)

    def image_to_view(self, x: float, y: float) -> tuple[float, float]:
        return ((x - self.cx) * self.scale + self.view_w / 2.0,
                (y - self.cy) * self.scale + self.view_h / 2.0)

    def zoom_at(self, factor: float, vx: float | None = None, vy: float | None = None) -> None:
        """Multiply the scale by ``factor`` keeping the image point under ``(vx, vy)`` still."""
        if not factor > 0:
            raise ValueError("zoom factor must be positive")
        vx = self.view_w / 2.0 if vx is None else vx
        vy = self.view_h / 2.0 if vy is None else vy
        ix, iy = self.view_to_image(vx, vy)
        self.scale *= factor
        self._clamp()
        self.cx = ix - (vx - self.view_w / 2.0) / self.scale
        self.cy = iy - (vy - self.view_h / 2.0) / self.scale
        self._clamp()
        self._changed()

    def zoom_in(self) -> None:
        self.zoom_at(self.ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_at(1.0 / self.ZOOM_STEP)

    def pan(self, dvx: float, dvy: float) -> None:
        """Move the content by ``(dvx, dvy)`` screen pixels."""
        self.cx -= dvx / self.scale
        self.cy -= dvy / self.scale
        self._clamp()
        self._changed()

    def zoom_to_rect(self, x: float, y: float, w: float, h: float, *,
                     margin: float = 0.25) -> None:
        """Show image rectangle ``(x, y, w, h)`` px with ``margin`` (fraction) around it."""
        if w <= 0 or h <= 0:
            raise ValueError("rectangle must have a positive size")
        mw, mh = w * (1 + 2 * margin), h * (1 + 2 * margin)
        self.scale = min(self.view_w / mw, self.view_h / mh)
        self.cx, self.cy = x + w / 2.0, y + h / 2.0
        self._clamp()
        self._changed()

    def visible_rect(self) -> tuple[float, float, float, float]:
        """The visible part of the content, ``(x0, y0, x1, y1)`` image px, clipped to it."""
        x0, y0 = self.view_to_image(0, 0)
        x1, y1 = self.view_to_image(self.view_w, self.view_h)
        return (max(0.0, x0), max(0.0, y0), min(float(self.image_w), x1),
                min(float(self.image_h), y1))
