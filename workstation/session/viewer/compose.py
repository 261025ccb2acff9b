"""A pane's frame: the visible part of its images at screen size, composed (blend, swipe,
difference, false colour, flicker) and passed through the display levels."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from workstation.imaging import overlays
from workstation.session.viewer.panes import Frame, Pane
from workstation.session.viewer.sources import SourceKey
from workstation.session.viewer.viewport import Viewport
from workstation.types import Image, Light

if TYPE_CHECKING:
    from workstation.session.viewer.state import ViewerState

def render_pane(state: ViewerState, pane: Pane, *, t_ms: float = 0.0,
                viewport: Viewport | None = None) -> Frame | None:
    """The visible part of ``pane``: a crop about screen-sized, composed and levelled.

    ``None`` when nothing is visible or a source is missing.
    """
    vp = viewport or state.viewport_for(pane)
    x0, y0, x1, y1 = vp.visible_rect()
    if x1 <= x0 or y1 <= y0:
        return None
    if pane.role == "live":
        if state.live is None:
            return None
        crop, rect = state.live.region(x0, y0, x1, y1, scale=vp.scale,
                                      bias=0.5 if state.interactive else 0.0)
        return Frame(_levelled(state, crop), rect)
    if not pane.sources or not all(state.has(k) for k in pane.sources):
        return None
    if pane.role == "flicker":
        phase = overlays.flicker_phase(t_ms=t_ms, rate_hz=state.flicker_hz)
        crop, rect = state.sources[pane.sources[phase]].region(
            x0, y0, x1, y1, scale=vp.scale, bias=0.5 if state.interactive else 0.0)
        return Frame(_levelled(state, crop), rect)
    crops = []
    rect = (x0, y0, x1, y1)
    # while moving, composed panes read at most a screenful (sharp again when still)
    bias = 0.0 if not state.interactive else (0.5 if pane.role == "single" else 1.0)
    for key in pane.sources:
        crop, rect = state.sources[key].region(x0, y0, x1, y1, scale=vp.scale, bias=bias)
        crops.append(crop)
    if pane.role == "single":
        return Frame(_levelled(state, crops[0]), rect)
    crops = _to_screen(state, crops, rect, vp.scale)
    if pane.role == "blend":
        img = overlays.blend(crops[0], crops[1], alpha=state.opacity)
    elif pane.role == "swipe":
        # the divider sits at a fixed place of the pane, not of the crop
        divider_x = vp.view_to_image(state.swipe_position * vp.view_w, 0)[0]
        frac = (divider_x - rect[0]) / max(rect[2] - rect[0], 1e-9)
        img = overlays.swipe(crops[0], crops[1], position=min(max(frac, 0.0), 1.0))
    elif pane.role == "difference":
        img = overlays.difference(crops[0], crops[1], gain=state.diff_gain,
                                  signed=state.diff_signed, cmap=state.colour_map,
                                  blur_px=0.0 if state.interactive else state.diff_blur_px)
        return Frame(img, rect)  # levels would falsify the colour scale
    elif pane.role == "false-colour":
        img = overlays.false_colour(crops[0], crops[1], crops[2],
                                    luts=tuple(stretch_lut(state, k) for k in pane.sources))
    else:
        raise ValueError(f"unknown pane role {pane.role}")
    return Frame(np.ascontiguousarray(state.levels.apply(img)), rect)

def _to_screen(state: ViewerState, crops: list[Image], rect: tuple[float, float, float, float],
               scale: float) -> list[Image]:
    """Crops larger than the screen area they fill, resampled to it first, so that
    composing two or three images costs screen pixels, not image pixels."""
    tw = max(1, math.ceil((rect[2] - rect[0]) * scale))
    th = max(1, math.ceil((rect[3] - rect[1]) * scale))
    h, w = crops[0].shape[:2]
    if w * h <= tw * th * 1.2:
        return crops
    interp = cv2.INTER_NEAREST if state.interactive else cv2.INTER_AREA
    return [np.asarray(cv2.resize(np.ascontiguousarray(c), (tw, th),
                                  interpolation=interp), dtype=np.uint8) for c in crops]

def flicker_showing(state: ViewerState, t_ms: float) -> int:
    """Which of the two flicker images shows at ``t_ms`` (0: the first)."""
    return overlays.flicker_phase(t_ms=t_ms, rate_hz=state.flicker_hz)

def _levelled(state: ViewerState, crop: Image) -> Image:
    """``crop`` through the display levels (the crop itself, uncopied, when neutral)."""
    if state.levels.is_identity:
        return crop
    return state.levels.apply(crop)

def stretch_lut(state: ViewerState, key: SourceKey) -> Any:
    """Per-image contrast stretch for false colour, from its coarsest level (cached)."""
    if key not in state._stretch:
        pyr = state.sources[key]
        coarse = overlays.false_colour_channel(pyr.level(pyr.max_level()),
                                               uv=key.light is Light.UV)
        state._stretch[key] = overlays.stretch_lut(coarse)
    return state._stretch[key]
