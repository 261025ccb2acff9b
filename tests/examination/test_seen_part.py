"""A zone the page carries partly beyond the captured image: judged on the part in view."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.examination.registry import ExamContext
from workstation.types import CaptureSet, Light, Zone

DPI = 127.0  # 5 px per mm


def _ctx(valid: np.ndarray) -> ExamContext:
    white = np.full((*valid.shape, 3), 200, np.uint8)
    cap = CaptureSet(images={Light.WHITE: white}, dpi=300.0)
    return ExamContext(capture=cap, lights=cap.lights, reference={Light.WHITE: white},
                       registered={Light.WHITE: white}, work_dpi=DPI, valid=valid)


def _zone() -> Zone:
    return Zone(id="emblem", rect_mm=(10.0, 4.0, 10.0, 8.0))


def test_a_zone_in_view_is_itself() -> None:
    ctx = _ctx(np.ones((100, 150), bool))
    z = _zone()
    assert ctx.seen_part(z) is z


def test_a_zone_cut_by_the_image_edge_keeps_the_part_in_view() -> None:
    valid = np.ones((100, 150), bool)
    valid[:, 80:] = False  # the image ends 16 mm into the page: 60 % of the zone in view
    ctx = _ctx(valid)
    part = ctx.seen_part(_zone())
    assert part is not None and part.id == "emblem"
    x, y, w, h = part.rect_mm
    assert x == pytest.approx(10.0, abs=0.2) and y == pytest.approx(4.0, abs=0.2)
    assert x + w == pytest.approx(16.0, abs=0.2) and h == pytest.approx(8.0, abs=0.2)
    assert ctx.visible(part)
    assert ctx.crop(part, Light.WHITE) is not None


def test_a_slanted_cut_trims_to_a_rectangle_wholly_in_view() -> None:
    valid = np.ones((100, 150), bool)
    for r in range(100):
        valid[r, 85 - r // 10:] = False
    part = _ctx(valid).seen_part(_zone())
    assert part is not None
    assert _ctx(valid).visible(part, fraction=1.0)


def test_too_little_in_view_is_not_judged() -> None:
    valid = np.ones((100, 150), bool)
    valid[:, 65:] = False  # 30 % of the zone in view
    assert _ctx(valid).seen_part(_zone()) is None
