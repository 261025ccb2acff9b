"""uv.pattern_continuity reads the capture's luminescent pattern where its print pass
lies: a pass displaced (sheet's print registration, what registration leaves) by more
than the strength's dilation forgives is moved onto the specimen's first."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from workstation.examination.checks.uv import _pass_aligned
from workstation.examination.registry import ExamContext
from workstation.types import Light

DPI = 200.0
PX_MM = DPI / 25.4
SIZE = (60.0, 40.0)  # mm
CENTRE = (30.0, 30.0)  # mm: the arcs' centre, the portrait's lower right corner
ZONE = (18.0, 18.0, 24.0, 14.0)  # mm


def _page(moved_mm: tuple[float, float], seed: int) -> np.ndarray:
    """A UV page ``(H, W, 3)`` uint8: six concentric green arcs (1.1 mm apart, 0.45 mm
    wide) on a dull substrate, the whole pass displaced by ``moved_mm`` (x, y)."""
    h, w = round(SIZE[1] * PX_MM), round(SIZE[0] * PX_MM)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64) / PX_MM
    r = np.hypot(xx - CENTRE[0] - moved_mm[0], yy - CENTRE[1] - moved_mm[1])
    arcs = np.zeros((h, w))
    for k in range(6):
        arcs = np.maximum(arcs, np.clip(1.0 - np.abs(r - 4.0 - 1.1 * k) / 0.225, 0, 1))
    arcs[yy > CENTRE[1] + moved_mm[1]] = 0.0
    rng = np.random.default_rng(seed)
    base = np.array([50.0, 38.0, 80.0])
    glow = np.array([60.0, 170.0, 40.0])
    img = base + arcs[:, :, None] * glow + rng.normal(0, 3, size=(h, w, 3))
    return np.clip(img, 0, 255).astype(np.uint8)


def _context(cap: np.ndarray, ref: np.ndarray) -> ExamContext:
    return ExamContext(capture=None, lights=(Light.UV,),  # type: ignore[arg-type]
                       registered={Light.UV: cap}, reference={Light.UV: ref}, work_dpi=DPI)


def _measures(ctx: ExamContext, box: tuple[int, int, int, int]) -> dict[str, Any]:
    from workstation.examination.checks.uv import _feature_measures

    r0, r1, c0, c1 = box
    return _feature_measures(ctx, ctx.registered[Light.UV][r0:r1, c0:c1],
                             ctx.reference[Light.UV][r0:r1, c0:c1])


def test_a_displaced_pass_is_read_where_it_lies() -> None:
    ref = _page((0.0, 0.0), seed=1)
    box = tuple(round(v * PX_MM) for v in (ZONE[1], ZONE[1] + ZONE[3], ZONE[0],
                                           ZONE[0] + ZONE[2]))
    r0, r1, c0, c1 = box
    cols = (np.arange(c1 - c0) + c0) / PX_MM
    outside = np.broadcast_to(cols > CENTRE[0] + 0.8, (r1 - r0, c1 - c0))
    for moved in ((0.64, 0.89), (-0.9, 0.5)):
        ctx = _context(_page(moved, seed=2), ref)
        m = _measures(ctx, box)  # type: ignore[arg-type]
        on = m["sig_r"] > 0.5 * float(np.percentile(m["sig_r"], 95))
        unmoved = float(np.median(m["sig_c"][on])) / float(np.median(m["sig_r"][on]))
        aligned, (dy, dx) = _pass_aligned(ctx, m, box, outside)  # type: ignore[arg-type]
        assert (dx / PX_MM, dy / PX_MM) == (
            pytest.approx(moved[0], abs=0.13),
            pytest.approx(moved[1], abs=0.13))
        read = float(np.median(aligned[on])) / float(np.median(m["sig_r"][on]))
        assert read > 0.85 > 2 * unmoved, (moved, read, unmoved)


def test_the_same_pass_is_not_moved() -> None:
    ref = _page((0.0, 0.0), seed=1)
    ctx = _context(_page((0.0, 0.0), seed=3), ref)
    box = tuple(round(v * PX_MM) for v in (ZONE[1], ZONE[1] + ZONE[3], ZONE[0],
                                           ZONE[0] + ZONE[2]))
    m = _measures(ctx, box)  # type: ignore[arg-type]
    outside = np.ones(m["sig_r"].shape, bool)
    _, moved = _pass_aligned(ctx, m, box, outside)  # type: ignore[arg-type]
    assert moved == (0, 0)
