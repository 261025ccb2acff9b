"""The current view as an image for a report (``view:current``): the panes of the mode
the examiner is looking at, each fitted whole, side by side — the pictures only,
without anything the screen draws over them (pane titles, the blend's percentage,
zones, marks, the loupe). A report draws the examiner's marks itself, as vectors."""

from __future__ import annotations

import math

import cv2
import numpy as np

from workstation.session.viewer.compose import render_pane
from workstation.session.viewer.panes import grid_shape
from workstation.session.viewer.state import ViewerState
from workstation.session.viewer.viewport import Viewport
from workstation.types import Image

#: Pixels between two panes (white, like the report's paper).
GAP_PX = 8


def snapshot(state: ViewerState, *, width: int = 1800, background: int = 255
             ) -> Image | None:
    """The panes of ``state``'s mode rendered at ``width`` px across (``(H, W, 3)``
    ``uint8``), the content fitted in each pane; ``None`` when nothing is shown (no
    images, or only the live view)."""
    if width < 64:
        raise ValueError(f"a snapshot needs at least 64 px, got {width}")
    panes = [p for p in state.panes() if p.role != "live"]
    if not panes:
        return None
    cw, ch = state.content_size
    # laid out as on a 16:10 screen, so side by side stays side by side
    rows, cols = grid_shape(len(panes), area_w=width, area_h=width * 10 / 16, content_w=cw,
                            content_h=ch)
    cell_w = max(16, (width - GAP_PX * (cols - 1)) // cols)
    cell_h = max(16, math.ceil(cell_w * ch / cw))
    out = np.full((rows * cell_h + GAP_PX * (rows - 1), width, 3), background, np.uint8)
    interactive, state.interactive = state.interactive, False  # the sharp frame
    try:
        for i, pane in enumerate(panes):
            vp = Viewport(image_w=cw, image_h=ch, view_w=cell_w, view_h=cell_h)
            vp.fit()
            frame = render_pane(state, pane, viewport=vp)
            if frame is None:
                continue
            x0, y0, x1, y1 = frame.rect
            vx0, vy0 = vp.image_to_view(x0, y0)
            vx1, vy1 = vp.image_to_view(x1, y1)
            w = max(1, round(vx1 - vx0))
            h = max(1, round(vy1 - vy0))
            img = np.ascontiguousarray(frame.image)
            if img.ndim == 2:
                img = np.repeat(img[:, :, None], 3, axis=2)
            img = np.asarray(cv2.resize(img, (w, h), interpolation=cv2.INTER_AREA
                                        if w < img.shape[1] else cv2.INTER_LINEAR),
                             dtype=np.uint8)
            r, c = divmod(i, cols)
            top = r * (cell_h + GAP_PX) + max(0, round(vy0))
            left = c * (cell_w + GAP_PX) + max(0, round(vx0))
            h = min(h, out.shape[0] - top)
            w = min(w, out.shape[1] - left)
            out[top:top + h, left:left + w] = img[:h, :w]
    finally:
        state.interactive = interactive
    return out
