"""Family 2 in the reader's high-density mode: the face's top band printed finely is the
same sheet as the whole face (every random choice alike), and a white-only capture."""

from __future__ import annotations

import numpy as np

from bench import family2
from bench.family2.render import render_face, render_face_fine_band


def test_the_top_band_is_the_same_sheet_as_the_whole_face() -> None:
    whole = render_face("NRV-P-2018", 7, dpi=120.0)
    band = render_face("NRV-P-2018", 7, dpi=120.0, rows_mm=16.0)
    rows = band.white.shape[0]
    assert rows == int(np.ceil(16.0 * 120.0 / 25.4))
    assert band.white.shape[1] == whole.white.shape[1]
    # fibres, print offsets and inks: the same draws (another seed's sheet differs); the
    # band's last rows miss what blurs in from below
    np.testing.assert_allclose(band.white[:rows - 3], whole.white[:rows - 3], atol=1e-4)
    other = render_face("NRV-P-2018", 8, dpi=120.0, rows_mm=16.0)
    assert float(np.abs(other.white - whole.white[:rows]).mean()) > 5e-3


def test_fine_band_face_keeps_the_print_outside_the_band() -> None:
    face = render_face_fine_band("NRV-P-2018", 7, dpi=240.0, base_dpi=120.0, rows_mm=16.0,
                                 lights=("white",))
    assert face.white.shape[:2] == (round(88.0 * 240 / 25.4), round(125.0 * 240 / 25.4))
    assert face.truth["fine_rows_mm"] == 16.0
    assert family2.fine_rows_mm("NRV-P-2018") == 11.7 + 1.05 + 3.0
    assert family2.fine_rows_mm("NRV-ID-2019-F") == 54.0  # no microprint: the whole face


def test_a_white_only_capture_and_specimen() -> None:
    cap = family2.genuine_capture("NRV-P-2018", 7, dpi=150.0, lights=("white",))
    assert set(cap.capture.images) == {family2.Light.WHITE}
    spec = family2.specimen("NRV-P-2018", dpi=150.0, lights=("white",))
    assert spec.image_lights == (family2.Light.WHITE,)
    assert all(c.light == family2.Light.WHITE for z in spec.zones for c in z.checks)
    assert any(c.expect.value == "microprint" for z in spec.zones for c in z.checks)
