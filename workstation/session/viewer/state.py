"""The viewer's state in plain Python: what is shown, where and how (no Qt).

The window's widgets render it and send user input back to it; every rule of the
viewer (zoom around the cursor, synchronised panes, which pyramid level to draw,
how a ruler becomes millimetres) lives here and is tested without a window.

Coordinates: *image* coordinates are pixels ``(x, y)`` of the content (the
registered capture / the specimen, or the raw capture before examination);
*view* coordinates are pixels of one pane on screen."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import cv2
import numpy as np

from workstation import measure
from workstation.findings import Annotation
from workstation.imaging import overlays
from workstation.labels import light_label
from workstation.session.viewer.compose import flicker_showing, render_pane, stretch_lut
from workstation.session.viewer.panes import Frame, Levels, Mode, Pane
from workstation.session.viewer.sources import QUESTIONED, Origin, Pyramid, SourceKey
from workstation.session.viewer.viewport import Viewport
from workstation.session.viewer.zones import CodeOutline, ZoneOverlay
from workstation.types import LIGHT_ORDER, Image, Light


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
        self.outlines: list[CodeOutline] = []  # the barcodes found on the face shown
        self.show_codes = True
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

    def lights(self, origin: Origin | None = None) -> list[Light]:
        """The lights of ``origin``'s images (default: the questioned face shown)."""
        origin = origin or self.questioned
        return [k.light for k in self.sources if k.origin is origin]

    @property
    def questioned(self) -> Origin:
        """The questioned face shown: the back when its images are the ones loaded."""
        return Origin.BACK if any(k.origin is Origin.BACK for k in self.sources) \
            else Origin.CAPTURE

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
        key = SourceKey(self.questioned, light)
        if not self.has(key):
            key = SourceKey(Origin.SPECIMEN, light)
        if not self.has(key):
            raise ValueError(f"no image under {light}")
        self.a = key
        spec = SourceKey(Origin.SPECIMEN, light)
        if key.origin in QUESTIONED and self.has(spec):
            self.b = spec
        self._fix_selection()
        self.changed()

    # -- panes and frames ------------------------------------------------------------
    def false_colour_ready(self, origin: Origin | None = None) -> bool:
        """Whether ``origin`` (default: the questioned face) has IR, white and UV."""
        origin = origin or self.questioned
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
            q = self.questioned
            keys = [k for k in self.sources if k.origin is q] or list(self.sources)
            panes = [Pane(k.title, (k,)) for k in keys]
            if len(panes) == 3 and self.false_colour_ready():
                # the grid's fourth cell: the three lights in one image
                fc = tuple(SourceKey(q, li) for li in (Light.IR, Light.WHITE, Light.UV))
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
            origin = a.origin if self.false_colour_ready(a.origin) else self.questioned
            fc = tuple(SourceKey(origin, li) for li in (Light.IR, Light.WHITE, Light.UV))
            who = {Origin.CAPTURE: "Questioned", Origin.BACK: "Back"}.get(origin, "Specimen")
            return [Pane(f"False colour · {who}  (R = IR, G = white, B = UV)", fc,
                         "false-colour")]
        if m is Mode.FLICKER:
            return [Pane(f"Flicker  {a.title}  ⇄  {b.title}  ({self.flicker_hz:g} Hz)", (a, b),
                         "flicker")]
        raise ValueError(m)

    def render(self, pane: Pane, *, t_ms: float = 0.0,
               viewport: Viewport | None = None) -> Frame | None:
        """The visible part of ``pane`` (see :func:`.compose.render_pane`)."""
        return render_pane(self, pane, t_ms=t_ms, viewport=viewport)

    def flicker_showing(self, t_ms: float) -> int:
        """Which of the two flicker images shows at ``t_ms`` (0: the first)."""
        return flicker_showing(self, t_ms)

    def stretch_lut(self, key: SourceKey) -> Any:
        """Per-image contrast stretch for false colour (cached)."""
        return stretch_lut(self, key)

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
        if key.origin not in QUESTIONED:
            return str(key), (float(x), float(y)), self.dpi
        ref = f"{key.origin.value}:{key.light.value}"
        if self.capture_to_content is None:
            return ref, (float(x), float(y)), self.capture_dpi or self.dpi
        return ref, self._map([(x, y)], inverse=True)[0], self.capture_dpi

    def annotation_in_content(self, ann: Annotation) -> list[tuple[float, float]]:
        """An annotation's points in content pixels (for drawing it)."""
        if ann.image.startswith(("capture:", "back:")):
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
