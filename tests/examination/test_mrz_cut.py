"""An MRZ that runs off the image is not held against the document (mrz.checksum)."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from workstation.examination.checks.mrz import MRZ_EDGE_MARGIN_MM, mrz_cut


def _ctx(region_x1: float, *, shift: float = 0.0) -> SimpleNamespace:
    """A 2000 x 1400 px capture at 300 dpi whose page starts ``shift`` px right of the
    image's left edge (page px = capture px - shift); the MRZ spans x 100..region_x1
    (page px)."""
    h = np.array([[1.0, 0.0, -shift], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    region = np.array([[100, 1200], [region_x1, 1200], [region_x1, 1300], [100, 1300]],
                      np.float64)
    return SimpleNamespace(
        page_result=SimpleNamespace(homography=h, dpi=300.0),
        mrz_region_page=region, page_dpi=300.0,
        capture=SimpleNamespace(size=(1400, 2000), dpi=300.0))


def test_an_mrz_crossing_or_touching_the_image_edge_is_cut() -> None:
    margin_px = MRZ_EDGE_MARGIN_MM * 300 / 25.4
    assert mrz_cut(_ctx(2005.0))                       # beyond the right edge
    assert mrz_cut(_ctx(1999 - margin_px / 2))         # within the margin
    assert not mrz_cut(_ctx(1999 - 2 * margin_px))     # clear of it
    # the same MRZ on a page shifted right in the capture: its end now lies outside
    assert mrz_cut(_ctx(1980.0, shift=40.0))
    assert not mrz_cut(_ctx(1900.0, shift=40.0))


def test_no_page_or_no_region_is_not_cut() -> None:
    ctx = _ctx(2005.0)
    ctx.mrz_region_page = None
    assert not mrz_cut(ctx)
    ctx = _ctx(2005.0)
    ctx.page_result = None
    assert not mrz_cut(ctx)


def _unread(valid: np.ndarray) -> list:  # type: ignore[type-arg]
    """``mrz.checksum`` on a 100 x 60 mm page (127 dpi: 5 px per mm) whose MRZ (the
    specimen's zone at y 48-58 mm) was not read, the capture showing ``valid``."""
    from workstation.examination.checks.mrz import check_digits
    from workstation.examination.registry import ExamContext
    from workstation.types import CaptureSet, Light, Specimen, Zone

    white = np.full((*valid.shape, 3), 200, np.uint8)
    cap = CaptureSet(images={Light.WHITE: white}, dpi=300.0)
    spec = Specimen(id="XX-P", title="t", issuing_state="UTO", document_code="P",
                    mrz_format="TD3", series="", valid_from=None, valid_until=None,
                    size_mm=(100.0, 60.0), dpi=127.0, image_lights=(Light.WHITE,),
                    zones=(Zone(id="mrz", rect_mm=(4.0, 48.0, 92.0, 10.0), role="mrz"),))
    ctx = ExamContext(capture=cap, lights=cap.lights, reference={Light.WHITE: white},
                      registered={Light.WHITE: white}, work_dpi=127.0, valid=valid,
                      specimen=spec)
    ctx.page = {Light.WHITE: white}
    return check_digits(ctx)


def test_an_unread_mrz_beyond_the_image_asks_for_the_whole_page() -> None:
    shown = np.ones((300, 500), bool)
    (whole,) = _unread(shown)
    assert whole.code == "MRZ_UNREADABLE"  # in view and not read: a finding to look at
    shown[:, 440:] = False  # the image ends 88 mm into the page, across the MRZ
    (cut,) = _unread(shown)
    assert cut.code == "MRZ_CUT" and cut.status.value == "warn"
    assert "outside the image" in cut.message
