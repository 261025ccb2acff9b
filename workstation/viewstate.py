"""The viewer's state in plain Python: what is shown, where, and how (no Qt).

The window's widgets render these objects and send user input back to them;
every rule of the viewer (zoom around the cursor, synchronised panes, which
pyramid level to draw, how two images are composed, which check zooms where,
how a ruler becomes millimetres) lives here and is tested without a window.

Coordinates: *image* coordinates are pixels ``(x, y)`` of the content (the
registered capture / the specimen, or the raw capture before examination);
*view* coordinates are pixels of one pane on screen.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import cv2
import numpy as np

from workstation import measure
from workstation.examination.results import Examination
from workstation.findings import Annotation, AnnotationKind
from workstation.imaging import overlays
from workstation.labels import light_label
from workstation.types import LIGHT_ORDER, CheckResult, CheckStatus, Expect, Image, Light, Specimen

# ------------------------------------------------------------------------------------------
# sources and pyramids


class Origin(StrEnum):
    """Where an image comes from."""

    CAPTURE = "capture"
    SPECIMEN = "specimen"
    LIVE = "live"


@dataclass(frozen=True)
class SourceKey:
    """One image the viewer can show: the questioned capture or the specimen, under a light."""

    origin: Origin
    light: Light

    def __str__(self) -> str:
        return f"{self.origin.value}:{self.light.value}"

    @property
    def title(self) -> str:
        """Short human label, e.g. ``"Questioned · UV"``."""
        who = {Origin.CAPTURE: "Questioned", Origin.SPECIMEN: "Specimen",
               Origin.LIVE: "Live"}[self.origin]
        return f"{who} · {light_label(self.light)}"

    @classmethod
    def parse(cls, text: str) -> SourceKey:
        """``"capture:uv"`` -> ``SourceKey``; ``ValueError`` otherwise."""
        origin, sep, light = text.partition(":")
        if not sep:
            raise ValueError(f"expected ORIGIN:LIGHT, got {text!r}")
        return cls(Origin(origin), Light.parse(light))


class Pyramid:
    """An image and its successive halvings, built on first use.

    Level 0 is the image itself; level ``k`` is about ``1 / 2**k`` of its size.
    Drawing a viewport reads from the coarsest level still at least as detailed
    as the screen, so a frame never touches more than about four screen-sizes
    of pixels, whatever the image size.
    """

    MIN_SIDE = 256

    def __init__(self, image: Image) -> None:
        if image.dtype != np.uint8 or image.ndim not in (2, 3) or min(image.shape[:2]) == 0:
            raise ValueError("a pyramid needs a non-empty uint8 (H, W[, 3]) image")
        self._levels: list[Image] = [np.ascontiguousarray(image)]

    @property
    def height(self) -> int:
        return int(self._levels[0].shape[0])

    @property
    def width(self) -> int:
        return int(self._levels[0].shape[1])

    @property
    def base(self) -> Image:
        return self._levels[0]

    def max_level(self) -> int:
        """The coarsest level (its short side stays above :attr:`MIN_SIDE` or is level 0)."""
        short = min(self.height, self.width)
        k = 0
        while short // 2 >= self.MIN_SIDE:
            short //= 2
            k += 1
        return k

    def level(self, k: int) -> Image:
        """Level ``k`` (built, and kept, on first use)."""
        k = max(0, min(k, self.max_level()))
        while len(self._levels) <= k:
            self._levels.append(overlays.downsample2(self._levels[-1]))
        return self._levels[k]

    def build_all(self) -> None:
        """Build every level now (e.g. in a worker thread, before the first frame)."""
        self.level(self.max_level())

    def level_for_scale(self, scale: float, *, bias: float = 0.0) -> int:
        """The coarsest level whose resolution is still ≥ ``scale`` screen px per image px.

        ``bias`` (while the user zooms or pans) allows a level up to ``2 ** bias``
        times coarser than the screen: 0.5 reads at most about twice the screen's
        pixels, 1.0 at most about as many; the window redraws with the exact level
        (``bias`` 0) once the motion stops.
        """
        if scale <= 0:
            raise ValueError("scale must be positive")
        if bias < 0:
            raise ValueError("bias must not be negative")
        k = math.floor(math.log2(1.0 / scale) + bias) if scale < 2.0 ** bias else 0
        return max(0, min(k, self.max_level()))

    def region(self, x0: float, y0: float, x1: float, y1: float, *, scale: float,
               bias: float = 0.0) -> tuple[Image, tuple[float, float, float, float]]:
        """The pixels covering image rectangle ``[x0, x1) × [y0, y1)`` at display ``scale``.

        Returns the crop (a view, not a copy) and the image-coordinate rectangle
        ``(x0, y0, x1, y1)`` it exactly covers.
        """
        k = self.level_for_scale(scale, bias=bias)
        lvl = self.level(k)
        lh, lw = lvl.shape[:2]
        fx, fy = self.width / lw, self.height / lh
        c0 = max(0, math.floor(x0 / fx))
        r0 = max(0, math.floor(y0 / fy))
        c1 = min(lw, math.ceil(x1 / fx))
        r1 = min(lh, math.ceil(y1 / fy))
        c1, r1 = max(c1, c0 + 1), max(r1, r0 + 1)
        c0, r0 = min(c0, lw - 1), min(r0, lh - 1)
        return lvl[r0:r1, c0:c1], (c0 * fx, r0 * fy, c1 * fx, r1 * fy)


def build_pyramids(images: Mapping[Light, Image]) -> dict[Light, Pyramid]:
    """A fully built :class:`Pyramid` per image (slow for large images: call it in a
    worker thread, then hand the result to :meth:`ViewerState.set_images`)."""
    out = {}
    for light, img in images.items():
        pyr = Pyramid(img)
        pyr.build_all()
        out[light] = pyr
    return out


# ------------------------------------------------------------------------------------------
# viewport


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


# ------------------------------------------------------------------------------------------
# levels, modes, panes


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
        return {"capture": "All lights", "side-by-side": "Side by side", "blend": "Blend",
                "swipe": "Swipe", "difference": "Difference", "false-colour": "False colour",
                "flicker": "Flicker"}[self.value]


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


@dataclass(frozen=True)
class ZoneOverlay:
    """A specimen zone drawn over the images: rectangle in content px and its label."""

    id: str
    rect: tuple[float, float, float, float]  # x, y, w, h (content px)
    label: str
    expectations: str
    status: CheckStatus | None = None


_EXPECT_SHORT = {Expect.LUMINESCENT: "glows", Expect.DULL: "dull", Expect.VISIBLE: "visible",
                 Expect.INVISIBLE: "invisible", Expect.MATCH: "matches",
                 Expect.BARCODE: "barcode"}


def zone_overlays(specimen: Specimen, *, content_w: int, content_h: int,
                  checks: Sequence[CheckResult] = (), face: str = "front"
                  ) -> list[ZoneOverlay]:
    """The specimen's zones of ``face`` in content pixels, labelled by their expectations
    and the worst status of the checks run on them."""
    sx = content_w / specimen.size_mm[0]
    sy = content_h / specimen.size_mm[1]
    order = {CheckStatus.FAIL: 0, CheckStatus.WARN: 1, CheckStatus.PASS: 2,
             CheckStatus.SKIPPED: 3}
    out = []
    for z in specimen.zones:
        if z.face != face:
            continue
        x, y, w, h = z.rect_mm
        exp = ", ".join(f"{c.light.value} {_EXPECT_SHORT.get(c.expect, c.expect.value)}"
                        for c in z.checks)
        statuses = [c.status for c in checks if c.zone == z.id]
        worst = min(statuses, key=order.__getitem__) if statuses else None
        out.append(ZoneOverlay(z.id, (x * sx, y * sy, w * sx, h * sy), z.label or z.id, exp,
                               worst))
    return out


class ViewerState:
    """Everything the image area shows, and how. Widgets render it; input changes it."""

    def __init__(self) -> None:
        self.sources: dict[SourceKey, Pyramid] = {}
        self.dpi: float | None = None
        self.viewport = Viewport()
        self.mode = Mode.CAPTURE
        self.a: SourceKey | None = None
        self.b: SourceKey | None = None
        self.opacity = 0.5
        self.swipe_position = 0.5
        self.flicker_hz = 2.0
        self.diff_gain = 2.0
        self.diff_blur_px = 1.0
        self.diff_signed = False
        self._stretch: dict[SourceKey, Any] = {}
        self.colour_map = overlays.ColourMap.INFERNO
        self.levels = Levels()
        self.show_zones = False
        self.zones: list[ZoneOverlay] = []
        self.selected_zone: str | None = None
        self.listeners: list[Callable[[], None]] = []
        self.interactive = False  # the user is zooming or panning: favour speed
        self.capture_to_content: Any | None = None
        self.capture_dpi: float | None = None
        self.live: Pyramid | None = None
        self.live_light: Light = Light.WHITE
        self.live_viewport = Viewport()

    # -- live view -------------------------------------------------------------------
    def set_live_frame(self, light: Light | None, frame: Image | None) -> None:
        """Show a live frame (``None``: live view off, back to the captured images)."""
        if frame is None:
            self.live = None
        else:
            first = self.live is None
            self.live = Pyramid(frame)
            self.live_light = light or Light.WHITE
            h, w = frame.shape[:2]
            self.live_viewport.set_content(w, h)
            if first:
                self.live_viewport.fit()
        self.changed()

    def viewport_for(self, pane: Pane) -> Viewport:
        """The viewport a pane is drawn with (live view keeps its own)."""
        return self.live_viewport if pane.role == "live" else self.viewport

    # -- content ---------------------------------------------------------------------
    def changed(self) -> None:
        for fn in list(self.listeners):
            fn()

    @property
    def content_size(self) -> tuple[int, int]:
        """``(width, height)`` of the content in px."""
        return self.viewport.image_w, self.viewport.image_h

    def set_images(self, origin: Origin, images: Mapping[Light, Image | Pyramid], *,
                   dpi: float | None = None, replace_all: bool = False) -> None:
        """Show ``images`` as ``origin``. The first set defines the content size; later
        sets of another size are resampled to it (registered images already match).

        Values may be :class:`Pyramid` objects built beforehand (:func:`build_pyramids`,
        in a worker thread) so the first frame does not pay for them.
        """
        if replace_all:
            self.sources.clear()
        for key in [k for k in self.sources if k.origin is origin]:
            del self.sources[key]
        self._stretch.clear()
        if not images:
            self.changed()
            return
        first = next(iter(images.values()))
        if self.sources:
            cw, ch = self.content_size
        else:
            if isinstance(first, Pyramid):
                ch, cw = first.height, first.width
            else:
                ch, cw = int(first.shape[0]), int(first.shape[1])
            if dpi is not None:
                self.dpi = dpi
        for light in LIGHT_ORDER:
            if light not in images:
                continue
            value = images[light]
            if isinstance(value, Pyramid) and (value.height, value.width) == (ch, cw):
                pyr = value
            else:
                base = value.base if isinstance(value, Pyramid) else value
                pyr = Pyramid(overlays.resize_to(base, height=ch, width=cw))
            self.sources[SourceKey(origin, light)] = pyr
        self.viewport.set_content(cw, ch)
        if origin is Origin.SPECIMEN and self.a is not None:
            # a specimen has arrived: compare the questioned image against it
            spec = SourceKey(Origin.SPECIMEN, self.a.light)
            if self.has(spec):
                self.b = spec
        self._fix_selection()
        self.changed()

    def lights(self, origin: Origin = Origin.CAPTURE) -> list[Light]:
        return [k.light for k in self.sources if k.origin is origin]

    def has(self, key: SourceKey | None) -> bool:
        return key is not None and key in self.sources

    def _fix_selection(self) -> None:
        keys = list(self.sources)
        if not keys:
            self.a = self.b = None
            return
        if not self.has(self.a):
            self.a = keys[0]
        if not self.has(self.b) or self.b == self.a:
            spec = SourceKey(Origin.SPECIMEN, self.a.light) if self.a else None
            if self.has(spec):
                self.b = spec
            else:
                others = [k for k in keys if k != self.a]
                self.b = others[0] if others else self.a

    # -- choices ---------------------------------------------------------------------
    def set_mode(self, mode: Mode | str) -> None:
        self.mode = Mode(mode)
        self.changed()

    def set_sources(self, a: SourceKey | None = None, b: SourceKey | None = None) -> None:
        for key in (a, b):
            if key is not None and key not in self.sources:
                raise ValueError(f"no image {key}")
        if a is not None:
            self.a = a
        if b is not None:
            self.b = b
        self.changed()

    def set_opacity(self, value: float) -> None:
        if not 0.0 <= value <= 1.0:
            raise ValueError("opacity must be in [0, 1]")
        self.opacity = value
        self.changed()

    def set_swipe(self, value: float) -> None:
        self.swipe_position = min(max(value, 0.0), 1.0)
        self.changed()

    def set_flicker_hz(self, hz: float) -> None:
        if not 0.1 <= hz <= 30.0:
            raise ValueError("flicker rate must be between 0.1 and 30 Hz")
        self.flicker_hz = hz
        self.changed()

    def show_light(self, light: Light) -> None:
        """Make ``light`` the first image (and the specimen's under it the second)."""
        key = SourceKey(Origin.CAPTURE, light)
        if not self.has(key):
            key = SourceKey(Origin.SPECIMEN, light)
        if not self.has(key):
            raise ValueError(f"no image under {light}")
        self.a = key
        spec = SourceKey(Origin.SPECIMEN, light)
        if key.origin is Origin.CAPTURE and self.has(spec):
            self.b = spec
        self._fix_selection()
        self.changed()

    # -- panes and frames ------------------------------------------------------------
    def false_colour_ready(self, origin: Origin = Origin.CAPTURE) -> bool:
        return all(self.has(SourceKey(origin, li)) for li in (Light.IR, Light.WHITE, Light.UV))

    def panes(self) -> list[Pane]:
        """The panes of the current mode, left to right."""
        if self.live is not None:
            return [Pane(f"Live · {light_label(self.live_light)}",
                         (SourceKey(Origin.LIVE, self.live_light),), "live")]
        if not self.sources or self.a is None:
            return []
        a, b = self.a, self.b or self.a
        m = self.mode
        if m is Mode.CAPTURE:
            keys = [k for k in self.sources if k.origin is Origin.CAPTURE] or list(self.sources)
            panes = [Pane(k.title, (k,)) for k in keys]
            if len(panes) == 3 and self.false_colour_ready():
                # the grid's fourth cell: the three lights in one image
                fc = tuple(SourceKey(Origin.CAPTURE, li) for li in (Light.IR, Light.WHITE,
                                                                    Light.UV))
                panes.append(Pane("False colour  (R = IR, G = white, B = UV)", fc,
                                  "false-colour"))
            return panes
        if m is Mode.SIDE_BY_SIDE:
            return [Pane(a.title, (a,)), Pane(b.title, (b,))]
        if m is Mode.BLEND:
            return [Pane(f"Blend  {a.title}  ◐  {b.title}  ({round(self.opacity * 100)} %)",
                         (a, b), "blend")]
        if m is Mode.SWIPE:
            return [Pane(f"Swipe  {a.title}  |  {b.title}", (a, b), "swipe")]
        if m is Mode.DIFFERENCE:
            return [Pane(f"Difference  {a.title}  −  {b.title}", (a, b), "difference")]
        if m is Mode.FALSE_COLOUR:
            origin = a.origin if self.false_colour_ready(a.origin) else Origin.CAPTURE
            fc = tuple(SourceKey(origin, li) for li in (Light.IR, Light.WHITE, Light.UV))
            who = "Questioned" if origin is Origin.CAPTURE else "Specimen"
            return [Pane(f"False colour · {who}  (R = IR, G = white, B = UV)", fc,
                         "false-colour")]
        if m is Mode.FLICKER:
            return [Pane(f"Flicker  {a.title}  ⇄  {b.title}  ({self.flicker_hz:g} Hz)", (a, b),
                         "flicker")]
        raise ValueError(m)

    def render(self, pane: Pane, *, t_ms: float = 0.0,
               viewport: Viewport | None = None) -> Frame | None:
        """The visible part of ``pane``: a crop about screen-sized, composed and levelled.

        ``None`` when nothing is visible or a source is missing.
        """
        vp = viewport or self.viewport_for(pane)
        x0, y0, x1, y1 = vp.visible_rect()
        if x1 <= x0 or y1 <= y0:
            return None
        if pane.role == "live":
            if self.live is None:
                return None
            crop, rect = self.live.region(x0, y0, x1, y1, scale=vp.scale,
                                          bias=0.5 if self.interactive else 0.0)
            return Frame(self._levelled(crop), rect)
        if not pane.sources or not all(self.has(k) for k in pane.sources):
            return None
        if pane.role == "flicker":
            phase = overlays.flicker_phase(t_ms=t_ms, rate_hz=self.flicker_hz)
            crop, rect = self.sources[pane.sources[phase]].region(
                x0, y0, x1, y1, scale=vp.scale, bias=0.5 if self.interactive else 0.0)
            return Frame(self._levelled(crop), rect)
        crops = []
        rect = (x0, y0, x1, y1)
        # while moving, composed panes read at most a screenful (sharp again when still)
        bias = 0.0 if not self.interactive else (0.5 if pane.role == "single" else 1.0)
        for key in pane.sources:
            crop, rect = self.sources[key].region(x0, y0, x1, y1, scale=vp.scale, bias=bias)
            crops.append(crop)
        if pane.role == "single":
            return Frame(self._levelled(crops[0]), rect)
        crops = self._to_screen(crops, rect, vp.scale)
        if pane.role == "blend":
            img = overlays.blend(crops[0], crops[1], alpha=self.opacity)
        elif pane.role == "swipe":
            # the divider sits at a fixed place of the pane, not of the crop
            divider_x = vp.view_to_image(self.swipe_position * vp.view_w, 0)[0]
            frac = (divider_x - rect[0]) / max(rect[2] - rect[0], 1e-9)
            img = overlays.swipe(crops[0], crops[1], position=min(max(frac, 0.0), 1.0))
        elif pane.role == "difference":
            img = overlays.difference(crops[0], crops[1], gain=self.diff_gain,
                                      signed=self.diff_signed, cmap=self.colour_map,
                                      blur_px=0.0 if self.interactive else self.diff_blur_px)
            return Frame(img, rect)  # levels would falsify the colour scale
        elif pane.role == "false-colour":
            img = overlays.false_colour(crops[0], crops[1], crops[2],
                                        luts=tuple(self.stretch_lut(k) for k in pane.sources))
        else:
            raise ValueError(f"unknown pane role {pane.role}")
        return Frame(np.ascontiguousarray(self.levels.apply(img)), rect)

    def _to_screen(self, crops: list[Image], rect: tuple[float, float, float, float],
                   scale: float) -> list[Image]:
        """Crops larger than the screen area they fill, resampled to it first, so that
        composing two or three images costs screen pixels, not image pixels."""
        tw = max(1, math.ceil((rect[2] - rect[0]) * scale))
        th = max(1, math.ceil((rect[3] - rect[1]) * scale))
        h, w = crops[0].shape[:2]
        if w * h <= tw * th * 1.2:
            return crops
        interp = cv2.INTER_NEAREST if self.interactive else cv2.INTER_AREA
        return [np.asarray(cv2.resize(np.ascontiguousarray(c), (tw, th),
                                      interpolation=interp), dtype=np.uint8) for c in crops]

    def flicker_showing(self, t_ms: float) -> int:
        """Which of the two flicker images shows at ``t_ms`` (0: the first)."""
        return overlays.flicker_phase(t_ms=t_ms, rate_hz=self.flicker_hz)

    def _levelled(self, crop: Image) -> Image:
        """``crop`` through the display levels (the crop itself, uncopied, when neutral)."""
        if self.levels.is_identity:
            return crop
        return self.levels.apply(crop)

    def stretch_lut(self, key: SourceKey) -> Any:
        """Per-image contrast stretch for false colour, from its coarsest level (cached)."""
        if key not in self._stretch:
            pyr = self.sources[key]
            coarse = overlays.false_colour_channel(pyr.level(pyr.max_level()),
                                                   uv=key.light is Light.UV)
            self._stretch[key] = overlays.stretch_lut(coarse)
        return self._stretch[key]

    def pixel_at(self, key: SourceKey, x: float, y: float) -> tuple[int, ...] | None:
        """The value of the full-resolution pixel under image point ``(x, y)``."""
        if not self.has(key):
            return None
        base = self.sources[key].base
        c, r = int(x), int(y)
        if not (0 <= r < base.shape[0] and 0 <= c < base.shape[1]):
            return None
        v = base[r, c]
        return tuple(int(t) for t in np.atleast_1d(v))

    def position_mm(self, x: float, y: float) -> tuple[float, float] | None:
        """Image point ``(x, y)`` in mm, when the dpi is known."""
        if self.dpi is None:
            return None
        return measure.point_mm((x, y), dpi=self.dpi)

    # -- where annotations live -------------------------------------------------------
    # An annotation names the image it was drawn on (formats of Annotation.image):
    # ``capture:<light>`` points are pixels of the capture *as taken* (what a report
    # shows), ``specimen:<light>`` points are pixels of the specimen image shown
    # (the content). After an examination the content is the capture registered
    # onto the specimen, so capture points go through ``capture_to_content``.

    def set_capture_geometry(self, capture_to_content: Any | None,
                             capture_dpi: float | None) -> None:
        """The 3 x 3 homography from capture pixels to content pixels (``None``: the
        content is the capture itself) and the capture's dpi."""
        self.capture_to_content = (None if capture_to_content is None
                                   else np.asarray(capture_to_content, dtype=np.float64))
        self.capture_dpi = capture_dpi

    def _map(self, points: Sequence[tuple[float, float]], inverse: bool
             ) -> list[tuple[float, float]]:
        h = self.capture_to_content
        if h is None:
            return [(float(x), float(y)) for x, y in points]
        m = np.linalg.inv(h) if inverse else h
        pts = np.asarray(points, dtype=np.float64).reshape(-1, 1, 2)
        out = cv2.perspectiveTransform(pts, m).reshape(-1, 2)
        return [(float(x), float(y)) for x, y in out]

    def annotation_target(self, key: SourceKey, x: float, y: float
                          ) -> tuple[str, tuple[float, float], float | None]:
        """Where a click at content point ``(x, y)`` on ``key``'s pane is recorded:
        ``(image, point in that image's pixels, that image's dpi)``."""
        if key.origin is Origin.SPECIMEN:
            return str(key), (float(x), float(y)), self.dpi
        ref = f"capture:{key.light.value}"
        if self.capture_to_content is None:
            return ref, (float(x), float(y)), self.capture_dpi or self.dpi
        return ref, self._map([(x, y)], inverse=True)[0], self.capture_dpi

    def annotation_in_content(self, ann: Annotation) -> list[tuple[float, float]]:
        """An annotation's points in content pixels (for drawing it)."""
        if ann.image.startswith("capture:"):
            return self._map(ann.points, inverse=False)
        return [(float(x), float(y)) for x, y in ann.points]

    def annotations_for(self, pane: Pane, annotations: Iterable[Annotation]
                        ) -> list[Annotation]:
        """The annotations drawn on ``pane``: those made on an image of the same
        origin (questioned or specimen), whatever the light — the page is the same."""
        if not pane.sources or pane.role == "live":
            return []
        origin = pane.sources[0].origin.value
        return [a for a in annotations if a.image.split(":")[0] == origin]


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


# ------------------------------------------------------------------------------------------
# checks


GROUP_ORDER: tuple[CheckStatus, ...] = (CheckStatus.FAIL, CheckStatus.WARN, CheckStatus.PASS,
                                        CheckStatus.SKIPPED)
GROUP_TITLES = {CheckStatus.FAIL: "Failed", CheckStatus.WARN: "Warnings",
                CheckStatus.PASS: "Passed", CheckStatus.SKIPPED: "Skipped"}


def group_checks(checks: Iterable[CheckResult]) -> list[tuple[CheckStatus, list[CheckResult]]]:
    """Checks grouped by status, failed first; empty groups left out."""
    groups: dict[CheckStatus, list[CheckResult]] = {s: [] for s in GROUP_ORDER}
    for c in checks:
        groups[c.status].append(c)
    return [(s, groups[s]) for s in GROUP_ORDER if groups[s]]


@dataclass
class ExaminationView:
    """What the window takes from an :class:`~workstation.examination.results.Examination`.

    ``registered`` is the questioned document warped onto the specimen, and
    ``reference`` the specimen's images at the same size (the registration's
    images at ``work_dpi``). Without a matched specimen, ``registered`` holds the
    straightened page when one was found.
    """

    examination: Examination
    registered: dict[Light, Image]
    specimen: Specimen | None
    dpi: float | None
    reference: dict[Light, Image] = field(default_factory=dict)
    capture_to_content: Any | None = None

    @classmethod
    def of(cls, exam: Examination) -> ExaminationView:
        reg = exam.registration
        if reg is not None and reg.registered:
            return cls(exam, dict(reg.registered), exam.specimen, reg.work_dpi,
                       dict(reg.reference), reg.capture_to_work)
        page = exam.page
        if page is not None and page.found and page.images:
            return cls(exam, {light: page.images[light] for light in page.images},
                       exam.specimen, page.dpi, {}, page.homography)
        return cls(exam, {}, exam.specimen, exam.capture.dpi, {}, None)

    def specimen_images(self) -> dict[Light, Image]:
        """The specimen's images to compare with: ``reference`` when the examination
        made it, else the specimen's own images (loaded here)."""
        if self.reference:
            return self.reference
        if self.specimen is None:
            return {}
        return dict(self.specimen.images())

    def mrz_fields(self) -> list[tuple[str, str]]:
        """Identity fields to show above the images, in order."""
        mrz = self.examination.mrz
        fields: Mapping[str, str] = mrz.fields if mrz is not None and mrz.found else {}

        def f(key: str) -> str:
            v = fields.get(key)
            return "" if v in (None, "") else str(v)

        out = []
        name = ", ".join(t for t in (f("surname"), f("given_names")) if t)
        if name:
            out.append(("Name", name))
        doc = " ".join(t for t in (f("document_code"), f("issuing_state"),
                                   f("document_number")) if t)
        if doc:
            out.append(("Document", doc))
        for key, label in (("nationality", "Nationality"), ("birth_date", "Born"),
                           ("sex", "Sex"), ("expiry_date", "Expires")):
            if f(key):
                out.append((label, f(key)))
        return out

    def check_zone_rect(self, check: CheckResult, *, content_w: int,
                        content_h: int) -> tuple[float, float, float, float] | None:
        """The check's zone as ``(x, y, w, h)`` content px, when it has one."""
        if check.zone is None or self.specimen is None:
            return None
        try:
            z = self.specimen.zone(check.zone)
        except KeyError:
            return None
        sx = content_w / self.specimen.size_mm[0]
        sy = content_h / self.specimen.size_mm[1]
        x, y, w, h = z.rect_mm
        return x * sx, y * sy, w * sx, h * sy


def focus_check(state: ViewerState, view: ExaminationView, check: CheckResult) -> bool:
    """Show ``check``: questioned | specimen under its light, zoomed to its zone.

    Returns ``False`` (and changes nothing) when the check has no zone to show.
    """
    cw, ch = state.content_size
    rect = view.check_zone_rect(check, content_w=cw, content_h=ch)
    if rect is None:
        return False
    light = check.light or Light.WHITE
    a = SourceKey(Origin.CAPTURE, light)
    if not state.has(a):
        a = SourceKey(Origin.CAPTURE, Light.WHITE)
    b = SourceKey(Origin.SPECIMEN, a.light)
    if state.has(a):
        state.a = a
    if state.has(b):
        state.b = b
    if state.mode not in (Mode.SIDE_BY_SIDE, Mode.BLEND, Mode.SWIPE, Mode.DIFFERENCE,
                          Mode.FLICKER):
        state.mode = Mode.SIDE_BY_SIDE
    state.selected_zone = check.zone
    state.changed()  # the panes of the new mode take their size first
    x, y, w, h = rect
    pad = 0.12 * max(w, h)  # room around the zone: a long thin zone still fills the pane
    state.viewport.zoom_to_rect(x - pad, y - pad, w + 2 * pad, h + 2 * pad, margin=0.0)
    return True


# ------------------------------------------------------------------------------------------
# measurement tools


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
