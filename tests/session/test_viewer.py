"""The viewer's state, tested without Qt."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import numpy as np
import pytest

from tests.ui.fakes import DPI, H, W, fake_examine, page, specimen
from workstation.findings import AnnotationKind
from workstation.session.viewer import (
    Annotator,
    ExaminationView,
    Mode,
    Origin,
    Pyramid,
    SourceKey,
    Tool,
    ViewerState,
    Viewport,
    focus_check,
    group_checks,
    zone_overlays,
)
from workstation.types import CaptureSet, CheckStatus, Light

LIGHTS = (Light.WHITE, Light.UV, Light.IR)


def _state(with_specimen: bool = True) -> ViewerState:
    st = ViewerState()
    st.viewport.resize(400, 300)
    st.set_images(Origin.CAPTURE, {li: page(li, forged=True) for li in LIGHTS}, dpi=DPI)
    if with_specimen:
        st.set_images(Origin.SPECIMEN, {li: page(li) for li in LIGHTS})
    return st


def test_view_state_imports_no_qt() -> None:
    code = ("import sys, workstation.session.viewer, workstation.imaging.overlays; "
            "print(sorted(m for m in sys.modules if m.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "[]"


def test_viewport_zoom_keeps_point_under_cursor() -> None:
    vp = Viewport(image_w=1000, image_h=800, view_w=500, view_h=400)
    vp.fit()
    before = vp.view_to_image(120, 90)
    vp.zoom_at(2.0, 120, 90)
    after = vp.view_to_image(120, 90)
    assert after == pytest.approx(before)
    assert vp.scale == pytest.approx(2.0 * 0.98 * 0.5)


def test_viewport_fit_one_to_one_pan_and_zone() -> None:
    vp = Viewport(image_w=2000, image_h=1000, view_w=500, view_h=500)
    vp.fit()
    assert vp.scale == pytest.approx(0.98 * 0.25)
    vp.one_to_one()
    assert vp.scale == 1.0
    cx = vp.cx
    vp.pan(100, 0)  # drag right: content moves right, centre moves left
    assert vp.cx == pytest.approx(cx - 100)
    vp.zoom_to_rect(100, 100, 50, 100, margin=0.0)
    assert vp.scale == pytest.approx(5.0)
    assert (vp.cx, vp.cy) == (125, 150)
    x0, y0, x1, y1 = vp.visible_rect()
    assert x0 <= 100 and x1 >= 150 and y0 <= 100 and y1 >= 200
    with pytest.raises(ValueError):
        vp.zoom_at(0)


def test_viewport_listeners_fire_for_synchronised_panes() -> None:
    vp = Viewport(image_w=100, image_h=100)
    calls: list[int] = []
    vp.listeners.append(lambda: calls.append(1))
    vp.zoom_in()
    vp.pan(3, 3)
    assert len(calls) == 2


def test_pyramid_reads_only_a_screenful() -> None:
    img = np.zeros((4096, 6144, 3), np.uint8)
    img[:, 3072:] = 255
    pyr = Pyramid(img)
    assert pyr.level_for_scale(1.0) == 0
    assert pyr.level_for_scale(0.3) == 1
    assert pyr.level_for_scale(0.1) == 3
    crop, rect = pyr.region(0, 0, 6144, 4096, scale=0.1)
    assert crop.shape[0] * crop.shape[1] <= 800 * 600
    assert rect == pytest.approx((0, 0, 6144, 4096))
    crop, rect = pyr.region(3000, 10, 3100, 60, scale=2.0)
    assert crop.shape[:2] == (50, 100)
    assert int(crop[0, 0, 0]) == 0 and int(crop[0, -1, 0]) == 255


def test_panes_per_mode() -> None:
    st = _state()
    assert [p.title for p in st.panes()] == ["Questioned · White", "Questioned · UV 365",
                                             "Questioned · IR 900",
                                             "False colour  (R = IR, G = white, B = UV)"]
    assert st.a == SourceKey(Origin.CAPTURE, Light.WHITE)
    assert st.b == SourceKey(Origin.SPECIMEN, Light.WHITE)
    st.set_mode(Mode.SIDE_BY_SIDE)
    assert [p.sources for p in st.panes()] == [(st.a,), (st.b,)]
    for mode, role in ((Mode.BLEND, "blend"), (Mode.SWIPE, "swipe"),
                       (Mode.DIFFERENCE, "difference"), (Mode.FALSE_COLOUR, "false-colour"),
                       (Mode.FLICKER, "flicker")):
        st.set_mode(mode)
        panes = st.panes()
        assert len(panes) == 1 and panes[0].role == role
        frame = st.render(panes[0])
        assert frame is not None and frame.image.ndim == 3


def test_render_modes_compose_the_two_images() -> None:
    st = _state()
    st.show_light(Light.UV)
    st.viewport.fit()
    emblem = (350, 150)  # glows on the specimen, not on the forged capture

    def value_at(mode: Mode, **kw: float) -> np.ndarray:
        st.set_mode(mode)
        for k, v in kw.items():
            setattr(st, k, v)
        pane = st.panes()[0]
        frame = st.render(pane)
        assert frame is not None
        x0, y0, x1, y1 = frame.rect
        fh, fw = frame.image.shape[:2]
        c = int((emblem[0] - x0) / (x1 - x0) * fw)
        r = int((emblem[1] - y0) / (y1 - y0) * fh)
        return frame.image[r, c].astype(int)

    q = value_at(Mode.BLEND, opacity=0.0)
    s = value_at(Mode.BLEND, opacity=1.0)
    mid = value_at(Mode.BLEND, opacity=0.5)
    assert s[0] > q[0] + 150
    assert q[0] < mid[0] < s[0]
    # swipe divider at the far right shows only the questioned image
    assert value_at(Mode.SWIPE, swipe_position=1.0)[0] == pytest.approx(q[0], abs=3)
    assert value_at(Mode.SWIPE, swipe_position=0.0)[0] == pytest.approx(s[0], abs=3)
    diff = value_at(Mode.DIFFERENCE)
    assert diff.sum() > 300  # the missing emblem lights up
    st.set_mode(Mode.FLICKER)
    pane = st.panes()[0]
    f0, f1 = st.render(pane, t_ms=0), st.render(pane, t_ms=300)
    assert f0 is not None and f1 is not None
    assert not np.array_equal(f0.image, f1.image)


def test_levels_apply_to_display() -> None:
    st = _state(with_specimen=False)
    pane = st.panes()[0]
    plain = st.render(pane)
    st.levels.invert = True
    inverted = st.render(pane)
    assert plain is not None and inverted is not None
    assert np.array_equal(inverted.image, 255 - plain.image)


def test_side_by_side_is_synchronised() -> None:
    st = _state()
    st.set_mode(Mode.SIDE_BY_SIDE)
    st.viewport.zoom_at(3.0, 100, 100)
    left, right = st.panes()
    fl, fr = st.render(left), st.render(right)
    assert fl is not None and fr is not None
    assert fl.rect == fr.rect


def test_different_sizes_are_resampled_to_the_content() -> None:
    st = ViewerState()
    st.set_images(Origin.CAPTURE, {Light.WHITE: page(Light.WHITE)}, dpi=DPI)
    st.set_images(Origin.SPECIMEN, {Light.WHITE: page(Light.WHITE)[::2, ::2].copy()})
    assert st.sources[SourceKey(Origin.SPECIMEN, Light.WHITE)].base.shape[:2] == (H, W)


def test_position_in_mm_and_pixel_value() -> None:
    st = _state()
    assert st.position_mm(100, 200) == pytest.approx((25.4, 50.8))
    assert st.pixel_at(SourceKey(Origin.CAPTURE, Light.WHITE), 5000, 1) is None
    assert len(st.pixel_at(SourceKey(Origin.CAPTURE, Light.WHITE), 1, 1) or ()) == 3


def test_checks_grouped_fail_first() -> None:
    exam = fake_examine(CaptureSet({Light.WHITE: page(Light.WHITE)}, dpi=DPI))
    groups = group_checks(exam.checks)
    assert [s for s, _ in groups] == [CheckStatus.FAIL, CheckStatus.PASS]


def test_selecting_a_check_zooms_both_images_to_its_zone() -> None:
    st = _state()
    exam = fake_examine(CaptureSet({Light.WHITE: page(Light.WHITE)}, dpi=DPI))
    view = ExaminationView.of(exam)
    assert view.specimen is not None and set(view.registered) == set(LIGHTS)
    failed = exam.checks[0]
    assert focus_check(st, view, failed)
    assert st.mode is Mode.SIDE_BY_SIDE
    assert st.a == SourceKey(Origin.CAPTURE, Light.UV)
    assert st.b == SourceKey(Origin.SPECIMEN, Light.UV)
    x0, y0, x1, y1 = st.viewport.visible_rect()
    assert x0 <= 300 and x1 >= 400 and y0 <= 100 and y1 >= 200   # the emblem zone
    assert (x1 - x0) < W / 2                                    # and zoomed in on it
    assert st.selected_zone == "emblem"
    assert not focus_check(st, view, exam.checks[2])  # no zone: nothing to show


def test_zone_overlays_carry_expectations_and_status() -> None:
    exam = fake_examine(CaptureSet({Light.WHITE: page(Light.WHITE)}, dpi=DPI))
    zones = zone_overlays(specimen(), content_w=W, content_h=H, checks=exam.checks)
    emblem = next(z for z in zones if z.id == "emblem")
    assert emblem.rect == pytest.approx((300, 100, 100, 100))
    assert emblem.status is CheckStatus.FAIL
    assert "UV 365 glows" in emblem.expectations  # lights by their human names


def test_mrz_fields_for_identity_bar() -> None:
    exam = fake_examine(CaptureSet({Light.WHITE: page(Light.WHITE)}, dpi=DPI))
    fields = dict(ExaminationView.of(exam).mrz_fields())
    assert fields["Name"] == "ERIKSSON, ANNA MARIA"
    assert fields["Document"] == "UTO L898902C3"
    assert "MRZ repaired" not in fields


def test_mrz_repairs_shown_per_character() -> None:
    exam = fake_examine(CaptureSet({Light.WHITE: page(Light.WHITE)}, dpi=DPI))
    assert exam.mrz is not None
    mrz = dataclasses.replace(exam.mrz, corrections=[
        {"line": 1, "position": 13, "from": "O", "to": "0", "field": "birth_date",
         "reason": "digits-only position", "confidence": 0.61}])
    exam = dataclasses.replace(exam, mrz=mrz)
    fields = dict(ExaminationView.of(exam).mrz_fields())
    assert fields["MRZ repaired"] == "line 2 pos 14: O→0 (digits-only position)"


def test_annotator_ruler_angle_rect_arrow() -> None:
    ann = Annotator()
    assert ann.click(0, 0, image="capture:white", dpi=100) is None  # pan tool: nothing
    ann.set_tool(Tool.RULER)
    assert ann.click(0, 0, image="capture:white", dpi=100) is None
    ruler = ann.click(300, 400, image="capture:white", dpi=100)
    assert ruler is not None and ruler.kind is AnnotationKind.RULER
    assert ruler.label() == "127.0 mm"  # 500 px at 100 dpi
    ann.set_tool(Tool.ANGLE)
    for p in ((10, 0), (0, 0)):
        ann.click(*p, image="capture:white", dpi=100)
    angle = ann.click(0, 10, image="capture:white", dpi=100)
    assert angle is not None and angle.label() == "90.0°"
    ann.set_tool(Tool.RECTANGLE)
    ann.click(0, 0, image="capture:white", dpi=254)
    rect = ann.click(100, 50, image="capture:white", dpi=254, text="seal")
    assert rect is not None and rect.label() == "10.0 mm × 5.00 mm — seal"
    ann.set_tool(Tool.ARROW)
    ann.click(0, 0, image="capture:uv", dpi=None)
    arrow = ann.click(5, 5, image="capture:uv", dpi=None, text="fibre")
    assert arrow is not None and arrow.label() == "fibre"
    assert len(ann.annotations) == 4
    assert ann.remove_last() is arrow and len(ann.annotations) == 3


def test_live_frame_has_its_own_viewport() -> None:
    st = _state()
    zoom = st.viewport.scale
    st.set_live_frame(Light.UV, np.zeros((50, 80, 3), np.uint8))
    panes = st.panes()
    assert len(panes) == 1 and panes[0].role == "live"
    assert st.live_viewport.image_w == 80 and st.viewport.scale == zoom
    assert st.render(panes[0]) is not None
    st.set_live_frame(None, None)
    assert st.panes()[0].role == "single"


def test_grid_shape_shows_the_page_largest() -> None:
    from workstation.session.viewer import grid_shape

    # three landscape pages in a 4:3 area: 2 x 2 beats 1 x 3
    assert grid_shape(3, area_w=1200, area_h=900, content_w=1250, content_h=880) == (2, 2)
    # in a very wide strip, one row
    assert grid_shape(3, area_w=3000, area_h=500, content_w=1250, content_h=880) == (1, 3)
    assert grid_shape(1, area_w=10, area_h=10, content_w=1, content_h=1) == (1, 1)


def test_moving_view_reads_coarser_levels() -> None:
    pyr = Pyramid(np.zeros((4096, 4096), np.uint8))
    assert pyr.level_for_scale(0.6) == 0
    assert pyr.level_for_scale(0.6, bias=0.5) == 1
    assert pyr.level_for_scale(0.3, bias=1.0) == 2
    assert pyr.level_for_scale(1.5, bias=1.0) == 0
    st = ViewerState()
    st.viewport.resize(400, 300)
    big = {Light.WHITE: np.zeros((2048, 2048, 3), np.uint8)}
    st.set_images(Origin.CAPTURE, big)
    st.set_images(Origin.SPECIMEN, big)
    st.set_mode(Mode.BLEND)
    st.viewport.scale = 0.6
    still = st.render(st.panes()[0])
    st.interactive = True
    moving = st.render(st.panes()[0])
    assert still is not None and moving is not None
    assert moving.image.size < still.image.size


def test_annotations_on_the_questioned_image_are_kept_in_capture_pixels() -> None:
    st = _state()
    # content = capture scaled by 0.5 and shifted by (10, 20)
    h = np.array([[0.5, 0, 10], [0, 0.5, 20], [0, 0, 1]], dtype=float)
    st.set_capture_geometry(h, 300.0)
    q = SourceKey(Origin.CAPTURE, Light.UV)
    image, point, dpi = st.annotation_target(q, 60, 70)
    assert image == "capture:uv" and dpi == 300.0
    assert point == pytest.approx((100, 100))
    s = SourceKey(Origin.SPECIMEN, Light.WHITE)
    assert st.annotation_target(s, 60, 70) == ("specimen:white", (60, 70), DPI)
    ann = Annotator()
    ann.set_tool(Tool.RULER)
    ann.click(*st.annotation_target(q, 10, 20)[1], image="capture:uv", dpi=300.0)
    ruler = ann.click(*st.annotation_target(q, 160, 20)[1], image="capture:uv", dpi=300.0)
    assert ruler is not None
    assert list(ruler.points) == [pytest.approx((0, 0)), pytest.approx((300, 0))]
    assert ruler.label() == "25.4 mm"  # 300 capture px at 300 dpi
    assert st.annotation_in_content(ruler) == [pytest.approx((10, 20)),
                                               pytest.approx((160, 20))]
    st.set_mode(Mode.SIDE_BY_SIDE)
    left, right = st.panes()
    assert st.annotations_for(left, [ruler]) == [ruler]
    assert st.annotations_for(right, [ruler]) == []


def test_the_report_view_is_the_pictures_without_screen_overlays() -> None:
    from workstation.session.viewer import Mode, snapshot

    st = _state()
    st.set_mode(Mode.SIDE_BY_SIDE)
    st.show_zones = True
    st.selected_zone = st.zones[0].id if st.zones else None
    st.interactive = True  # the user was zooming: the snapshot is still the sharp frame
    shot = snapshot(st, width=800)
    assert shot is not None and shot.shape[1] == 800 and shot.dtype == np.uint8
    assert st.interactive  # the state is left as it was
    # two panes side by side, each the whole page: the left half is the questioned
    # image, scaled — nothing drawn over it (no title, no zoom percentage, no zones)
    half = shot[:, : (800 - 8) // 2]
    rows = np.flatnonzero(half.min(axis=(1, 2)) < 255)
    cols = np.flatnonzero(half.min(axis=(0, 2)) < 255)
    picture = half[rows[0]:rows[-1] + 1, cols[0]:cols[-1] + 1]
    import cv2

    expected = cv2.resize(page(Light.WHITE, forged=True), picture.shape[1::-1],
                          interpolation=cv2.INTER_AREA)
    assert np.abs(picture.astype(int) - expected.astype(int)).mean() < 3.0
    st.show_zones = False
    assert np.array_equal(snapshot(st, width=800), shot)  # zones never reach the report
    st.set_live_frame(Light.WHITE, page(Light.WHITE))
    assert snapshot(st, width=800) is None  # a live frame is not a view of the document
