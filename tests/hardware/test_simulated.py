"""The simulated reader: lights, exposure, live frames, capture, placement, close."""

from __future__ import annotations

import math

import numpy as np
import pytest

from workstation.errors import DeviceError, InputError
from workstation.hardware.base import BaseReader, Reader, ReaderConfig, open_reader, reader_kinds
from workstation.hardware.simulated import (
    MAX_ANGLE_DEG,
    NOMINAL_EXPOSURE_MS,
    PLATEN_MM,
    SimulatedReader,
    placement_for,
)
from workstation.types import Light, mm_to_px

DPI = 120.0


@pytest.fixture
def reader() -> SimulatedReader:
    r = SimulatedReader(document="UTO-P-2020", seed=4, dpi=DPI)
    yield r
    r.close()


def test_registered_as_the_default_reader() -> None:
    assert "simulated" in reader_kinds()
    r = open_reader()
    try:
        assert isinstance(r, SimulatedReader)
        assert isinstance(r, Reader)
        assert isinstance(r, BaseReader)
        assert r.dpi == 300.0
    finally:
        r.close()
    r = open_reader(ReaderConfig("simulated", {"document": "UTO-ID-2021",
                                               "forgery": "office_paper", "seed": "3",
                                               "dpi": 100}))
    try:
        assert (r.document, r.forgery, r.seed, r.dpi) == ("UTO-ID-2021", "office_paper", 3,
                                                          100.0)
    finally:
        r.close()


def test_bad_settings() -> None:
    with pytest.raises(DeviceError, match="unknown settings"):
        open_reader(ReaderConfig("simulated", {"colour": "red"}))
    with pytest.raises(DeviceError, match="unknown document"):
        open_reader(ReaderConfig("simulated", {"document": "XX"}))
    with pytest.raises(DeviceError, match="bad settings"):
        open_reader(ReaderConfig("simulated", {"seed": "seven"}))
    with pytest.raises(DeviceError, match="cannot simulate"):
        SimulatedReader(lights=(Light.WHITE, Light.IR_TRANSMITTED))


def test_lights_and_switching(reader: SimulatedReader) -> None:
    assert reader.lights == (Light.WHITE, Light.UV, Light.IR)
    assert reader.current_light is None
    reader.set_light(Light.UV)
    assert reader.current_light is Light.UV
    uv = reader.live_frame()
    reader.set_light(Light.WHITE)
    white = reader.live_frame()
    reader.set_light(None)
    dark = reader.live_frame()
    h, w = round(mm_to_px(PLATEN_MM[1], DPI)), round(mm_to_px(PLATEN_MM[0], DPI))
    assert white.shape == (h, w, 3) and uv.shape == (h, w, 3)
    assert dark.mean() < 6
    assert white.mean() > 2.5 * uv.mean()
    with pytest.raises(DeviceError):
        reader.set_light(Light.TRANSMITTED)


def test_live_frames_get_fresh_noise(reader: SimulatedReader) -> None:
    reader.set_light(Light.WHITE)
    a = reader.live_frame().astype(int)
    b = reader.live_frame().astype(int)
    assert not np.array_equal(a, b)
    assert np.abs(a - b).mean() < 5  # only noise differs


def test_exposure_scales_brightness_and_saturates(reader: SimulatedReader) -> None:
    reader.set_light(Light.IR)
    assert reader.exposure_ms(Light.IR) == NOMINAL_EXPOSURE_MS[Light.IR]
    base = reader.live_frame().astype(float)
    reader.set_exposure_ms(Light.IR, NOMINAL_EXPOSURE_MS[Light.IR] / 2)
    half = reader.live_frame().astype(float)
    assert 0.4 < half.mean() / base.mean() < 0.6
    reader.set_exposure_ms(Light.IR, NOMINAL_EXPOSURE_MS[Light.IR] * 4)
    bright = reader.live_frame()
    assert (bright == 255).mean() > 0.3
    assert bright.max() == 255
    assert reader.set_exposure_ms(Light.IR, 1e9) == 10_000.0
    # other lights keep their exposure
    assert reader.exposure_ms(Light.WHITE) == NOMINAL_EXPOSURE_MS[Light.WHITE]


def test_capture_all_lights_with_ground_truth(reader: SimulatedReader) -> None:
    steps: list[tuple[int, int, Light]] = []
    cap = reader.capture_all(progress=lambda d, t, light: steps.append((d, t, light)))
    assert cap.lights == (Light.WHITE, Light.UV, Light.IR)
    assert [s[2] for s in steps] == [Light.WHITE, Light.UV, Light.IR]
    assert reader.current_light is None
    assert cap.dpi == DPI
    assert cap.images[Light.IR].ndim == 2
    sim = cap.metadata["simulation"]
    assert sim["document"] == "UTO-P-2020" and sim["forgery"] is None and sim["seed"] == 4
    assert sim["cropped"] is False
    assert len(sim["mrz_lines"]) == 2
    place = sim["placement"]
    assert abs(place["angle_deg"]) <= MAX_ANGLE_DEG
    h, w = cap.size
    corners = np.array(place["corners_px"])
    assert corners.shape == (4, 2)
    assert (corners[:, 0] >= 0).all() and (corners[:, 0] < w).all()
    assert (corners[:, 1] >= 0).all() and (corners[:, 1] < h).all()
    # top-left corner in mm agrees with corners_px
    k = DPI / 25.4
    assert corners[0] == pytest.approx([place["x_mm"] * k, place["y_mm"] * k], abs=0.5)
    # the document is bright where the truth says it is, the platen dark around it
    white = cap.images[Light.WHITE].astype(float).mean(axis=2)
    cx, cy = corners.mean(axis=0)
    assert white[round(cy) - 5:round(cy) + 5, round(cx) - 5:round(cx) + 5].mean() > 120
    outside = np.ones_like(white, bool)
    import cv2

    poly = np.zeros(white.shape, np.uint8)
    cv2.fillPoly(poly, [np.round(corners).astype(np.int32)], 1)
    outside &= poly == 0
    assert white[outside].mean() < 40
    # the document edge runs where the corners say: measured side length matches
    side = math.dist(corners[0], corners[1])
    assert side == pytest.approx(mm_to_px(125.0, DPI), rel=0.01)


def test_capture_subset_and_errors(reader: SimulatedReader) -> None:
    cap = reader.capture_all([Light.WHITE, Light.IR])
    assert cap.lights == (Light.WHITE, Light.IR)
    with pytest.raises(DeviceError):
        reader.capture_all([Light.UV])


def test_load_document_changes_what_lies_on_the_platen(reader: SimulatedReader) -> None:
    first = reader.capture_all([Light.WHITE])
    reader.load_document("UTO-ID-2021", forgery="portrait_substituted", seed=9)
    second = reader.capture_all([Light.WHITE])
    sim = second.metadata["simulation"]
    assert (sim["document"], sim["forgery"], sim["seed"]) == ("UTO-ID-2021",
                                                              "portrait_substituted", 9)
    assert sim["altered"]["portrait"] == "substituted"
    assert not np.array_equal(first.images[Light.WHITE], second.images[Light.WHITE])
    reader.load_document("UTO-ID-2021", forgery="genuine", seed=9)
    assert reader.forgery is None
    with pytest.raises(InputError, match="unknown forgery"):
        reader.load_document("UTO-ID-2021", forgery="smudge")
    with pytest.raises(InputError, match="unknown document"):
        reader.load_document("UTO-Q-1")


def test_same_seed_same_capture_except_noise() -> None:
    with SimulatedReader(seed=5, dpi=DPI) as a, SimulatedReader(seed=5, dpi=DPI) as b:
        ca, cb = a.capture_all(), b.capture_all()
    assert ca.metadata["simulation"] == cb.metadata["simulation"]
    for light in ca.lights:
        assert np.array_equal(ca.images[light], cb.images[light])


def test_placement_varies_within_limits() -> None:
    angles = []
    for seed in range(40):
        p = placement_for((125.0, 88.0), seed, "UTO-P-2020")
        angles.append(p["angle_deg"])
        a = math.radians(p["angle_deg"])
        for ux, uy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
            dx, dy = ux * 62.5, uy * 44.0
            x = p["cx_mm"] + dx * math.cos(a) + dy * math.sin(a)
            y = p["cy_mm"] - dx * math.sin(a) + dy * math.cos(a)
            assert 0 <= x <= PLATEN_MM[0] and 0 <= y <= PLATEN_MM[1]
    assert max(angles) > 5 and min(angles) < -5
    assert all(abs(a) <= MAX_ANGLE_DEG for a in angles)


def test_close_switches_off_and_refuses_more(reader: SimulatedReader) -> None:
    reader.set_light(Light.WHITE)
    reader.close()
    assert reader.current_light is None
    with pytest.raises(DeviceError, match="closed"):
        reader.live_frame()
    with pytest.raises(DeviceError, match="closed"):
        reader.capture_all()
    reader.close()  # twice is fine


def test_oblique_and_transmitted_lights_on_request() -> None:
    from workstation.hardware.simulated import ALL_LIGHTS

    with SimulatedReader(seed=2, dpi=DPI, lights=ALL_LIGHTS) as r:
        cap = r.capture_all()
    assert cap.lights == (Light.WHITE, Light.UV, Light.IR, Light.UV254, Light.OBLIQUE,
                          Light.OBLIQUE_TOP, Light.COAXIAL, Light.TRANSMITTED)
    white = cap.images[Light.WHITE].astype(float).mean()
    assert cap.images[Light.OBLIQUE].astype(float).mean() < white
    assert cap.images[Light.TRANSMITTED].astype(float).mean() < white
    # the two grazing lamps light the page from different sides
    assert not np.array_equal(cap.images[Light.OBLIQUE], cap.images[Light.OBLIQUE_TOP])


def test_load_document_while_capturing_in_a_worker() -> None:
    import threading

    errors: list[BaseException] = []
    docs: list[str] = []
    with SimulatedReader(seed=1, dpi=60) as r:

        def work() -> None:
            try:
                for _ in range(6):
                    cap = r.capture_all()
                    sim = cap.metadata["simulation"]
                    # the images are of the document the metadata names
                    h, w = cap.size
                    assert (h, w) == (round(mm_to_px(115, 60)), round(mm_to_px(160, 60)))
                    docs.append(sim["document"])
            except BaseException as exc:  # reported below
                errors.append(exc)

        t = threading.Thread(target=work)
        t.start()
        for i in range(6):
            r.load_document("UTO-ID-2021" if i % 2 else "UTO-P-2020", seed=i)
        t.join(timeout=120)
    assert not t.is_alive()
    assert errors == []
    assert len(docs) == 6
