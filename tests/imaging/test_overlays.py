"""Overlay and comparison functions: values measured on small arrays."""

from __future__ import annotations

import numpy as np
import pytest

from workstation.imaging import overlays as ov


def _img(value: int, shape: tuple[int, ...] = (4, 6, 3)) -> np.ndarray:
    return np.full(shape, value, np.uint8)


def test_blend_weights_the_two_images() -> None:
    out = ov.blend(_img(0), _img(200), alpha=0.25)
    assert out.shape == (4, 6, 3)
    assert int(out[0, 0, 0]) == 50
    assert int(ov.blend(_img(0), _img(200), alpha=1.0)[0, 0, 0]) == 200


def test_blend_accepts_grey_with_colour_and_rejects_bad_input() -> None:
    out = ov.blend(_img(100, (4, 6)), _img(100), alpha=0.5)
    assert out.shape == (4, 6, 3)
    with pytest.raises(ValueError, match="alpha"):
        ov.blend(_img(0), _img(0), alpha=1.5)
    with pytest.raises(ValueError, match="size"):
        ov.blend(_img(0), _img(0, (5, 6, 3)), alpha=0.5)
    with pytest.raises(ValueError, match="uint8"):
        ov.blend(np.zeros((4, 6, 3), np.float32), _img(0), alpha=0.5)  # type: ignore[arg-type]


def test_swipe_splits_at_the_divider() -> None:
    out = ov.swipe(_img(10, (2, 10, 3)), _img(250, (2, 10, 3)), position=0.3)
    assert (out[:, :3] == 10).all() and (out[:, 3:] == 250).all()
    vert = ov.swipe(_img(10, (10, 2, 3)), _img(250, (10, 2, 3)), position=0.5, vertical=True)
    assert (vert[:5] == 10).all() and (vert[5:] == 250).all()


def test_difference_is_dark_where_equal_and_bright_where_not() -> None:
    a = _img(100, (4, 4, 3))
    b = a.copy()
    b[0, 0] = 160
    d = ov.difference(a, b, gain=4.0, cmap=ov.ColourMap.GREY)
    assert int(d[1, 1].max()) == 0
    assert int(d[0, 0].min()) == 240  # |100-160| * 4
    signed = ov.difference(b, a, gain=2.0, signed=True)
    # a brighter spot maps to the red end, equal pixels to the dark centre
    assert int(signed[0, 0, 0]) > int(signed[0, 0, 2])
    assert int(signed[1, 1].max()) < 60


def test_colour_maps_are_ordered_ramps() -> None:
    lut = ov.colour_lut(ov.ColourMap.INFERNO)
    assert lut.shape == (256, 3)
    lum = lut.astype(float) @ [0.299, 0.587, 0.114]
    assert lum[255] > lum[128] > lum[0]


def test_false_colour_puts_ir_white_uv_into_rgb() -> None:
    ir, white, uv = _img(10, (2, 2)), _img(20, (2, 2)), np.zeros((2, 2, 3), np.uint8)
    uv[..., 2] = 200
    out = ov.false_colour(ir, white, uv)
    assert out[0, 0].tolist() == [10, 20, 200]


def test_levels_brightness_contrast_gamma_invert_channel() -> None:
    ramp = np.arange(256, dtype=np.uint8).reshape(16, 16)
    assert (ov.apply_levels(ramp)[..., 0] == ramp).all()
    assert int(ov.apply_levels(ramp, brightness=0.5)[0, 0, 0]) == 128
    inv = ov.apply_levels(ramp, invert=True)
    assert int(inv[0, 0, 0]) == 255 and int(inv[-1, -1, 0]) == 0
    g = ov.apply_levels(ramp, gamma=2.0)
    assert int(g[8, 0, 0]) > 128  # mid-grey lifted
    c = ov.apply_levels(ramp, contrast=2.0)
    assert int(c[4, 0, 0]) == 0 and int(c[12, 0, 0]) == 255
    rgb = np.zeros((2, 2, 3), np.uint8)
    rgb[..., 1] = 77
    assert ov.apply_levels(rgb, channel=1)[0, 0].tolist() == [77, 77, 77]
    with pytest.raises(ValueError):
        ov.apply_levels(ramp, gamma=0)
    with pytest.raises(ValueError):
        ov.apply_levels(rgb, channel=3)


def test_flicker_alternates_at_the_rate() -> None:
    a, b = _img(0), _img(255)
    assert int(ov.flicker_frame(a, b, t_ms=0, rate_hz=2)[0, 0, 0]) == 0
    assert int(ov.flicker_frame(a, b, t_ms=300, rate_hz=2)[0, 0, 0]) == 255
    assert int(ov.flicker_frame(a, b, t_ms=500, rate_hz=2)[0, 0, 0]) == 0
    with pytest.raises(ValueError):
        ov.flicker_phase(t_ms=0, rate_hz=0)


def test_downsample_and_resize() -> None:
    img = _img(90, (101, 60, 3))
    assert ov.downsample2(img).shape == (50, 30, 3)
    assert ov.resize_to(img, height=20, width=10).shape == (20, 10, 3)
    with pytest.raises(ValueError):
        ov.resize_to(img, height=0, width=10)


def test_false_colour_stretch_lifts_a_dark_channel() -> None:
    uv = np.zeros((10, 10, 3), np.uint8)
    uv[..., 2] = np.linspace(0, 60, 100, dtype=np.uint8).reshape(10, 10)
    lut = ov.stretch_lut(ov.false_colour_channel(uv, uv=True), low_pct=0, mid_pct=50,
                         mid_to=128)
    identity = np.arange(256, dtype=np.uint8)
    out = ov.false_colour(_img(10, (10, 10)), _img(20, (10, 10)), uv,
                          luts=(identity, identity, lut))
    assert int(out[0, 0, 0]) == 10 and int(out[0, 0, 2]) == 0
    assert abs(int(np.median(out[..., 2])) - 128) <= 3   # the median maps to mid_to
    assert int(out[..., 2].max()) == 255
    with pytest.raises(ValueError):
        ov.false_colour(_img(1, (10, 10)), _img(1, (10, 10)), uv, luts=(identity,))


def test_difference_blur_suppresses_a_one_pixel_shift() -> None:
    a = np.zeros((40, 40), np.uint8)
    a[:, ::4] = 255  # fine lines
    b = np.roll(a, 1, axis=1)
    sharp = ov.difference(a, b, gain=1.0, cmap=ov.ColourMap.GREY)
    smooth = ov.difference(a, b, gain=1.0, cmap=ov.ColourMap.GREY, blur_px=2.0)
    assert float(smooth.mean()) < float(sharp.mean()) / 3
