"""Forgeries made the way forgers make them: by editing a genuine capture.

Pure numpy/OpenCV on a :class:`~workstation.types.CaptureSet` and where its page
lies (:class:`PageGeometry`), with the document's layout taken from any
specimen's zones (:class:`Layout`) — so the bench, and the trainer, can forge
any document type, not only the ones this project draws. No renderer layer is
involved: a photo is cut out of another capture and blended in, a field is
erased and retyped in another ink and font, the whole page goes through a
print/scan model onto other paper (:mod:`workstation.specimens.printscan`).

Each edit works on the page straightened at the capture's density and pastes
only the pixels it changed back into the capture (everything else is left
exactly as captured). Its ground truth (:class:`EditTruth`) says what changed,
where (mm on the page), under which lights, and which check is meant to catch
it (:data:`EXPECTED_CHECKS`).

Use :func:`apply_edit` (``kind`` one of :data:`KINDS`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np

from workstation.specimens import edit_ops as ops
from workstation.specimens.edit_model import (
    Donor,
    EditedCapture,
    EditError,
    EditTruth,
    Float,
    Layout,
    PageGeometry,
    page_images,
    paste_back,
)
from workstation.specimens.printscan import reprint_page
from workstation.types import CaptureSet, Image, Light

__all__ = [
    "EXPECTED_CHECKS", "KINDS", "Donor", "EditError", "EditTruth", "EditedCapture", "Layout",
    "PageGeometry", "apply_edit",
]

#: The check meant to catch each kind of edit (any one of them counts). A swapped
#: portrait is found by what the swap changes (issue 16, item 6): the paper and the print
#: across its border (``white.portrait``), the luminescent pattern across it
#: (``uv.pattern_continuity``) and, where the document has one, the ghost image, which
#: still shows the holder (``ghost.portrait``).
EXPECTED_CHECKS: dict[str, tuple[str, ...]] = {
    "photo_swap": ("white.portrait", "uv.pattern_continuity", "ghost.portrait"),
    "reprint_office_paper": ("uv.dull_paper",),
    "reprint_dull_paper": ("white.match",),
    "data_retyped": ("mrz.viz",),
    "mrz_retyped_ir_transparent": ("ir.visible",),
    "mrz_char_edited": ("mrz.checksum",),
    "uv_feature_erased": ("uv.luminescent",),
    "background_ir_absorbing": ("ir.invisible",),
    "background_redrawn": ("white.match",),
}
KINDS: tuple[str, ...] = tuple(EXPECTED_CHECKS)


# -- the edits -------------------------------------------------------------------------------
def apply_edit(kind: str, capture: CaptureSet, geometry: PageGeometry, layout: Layout, *,
               seed: int = 0, donor: Donor | None = None, **options: Any) -> EditedCapture:
    """Forge ``capture`` by the edit ``kind`` (one of :data:`KINDS`).

    Args:
        kind: the edit.
        capture: a genuine capture (white, and usually UV and IR).
        geometry: where the page lies in it.
        layout: where the document's features are (:meth:`Layout.from_specimen`).
        seed: the edit's random choices (which field, which character...).
        donor: another capture of the same document type (``photo_swap`` takes its
            portrait from it).
        options: kind-specific (see each ``ops`` function).

    Raises:
        EditError: the edit cannot be made (unknown kind, the layout lacks the
            feature, no donor for a photo swap).
    """
    func = _EDITS.get(kind)
    if func is None:
        raise EditError(f"unknown edit {kind!r} (known: {', '.join(KINDS)})")
    if Light.WHITE not in capture.images:
        raise EditError("the capture has no white image")
    if geometry.corners.shape != (4, 2) or min(geometry.size_mm) <= 0:
        raise EditError("the page geometry needs four corners and a positive size")
    rng = np.random.default_rng([seed, len(kind)])
    pages = page_images(capture, geometry)
    s = geometry.px_per_mm()
    edited, mask, truth = func(pages=pages, layout=layout, px_per_mm=s, rng=rng, donor=donor,
                               **options)
    changed = tuple(light for light in capture.lights if light in edited)
    truth = dataclasses.replace(truth, kind=kind, lights=changed,
                                expected_checks=EXPECTED_CHECKS[kind])
    return EditedCapture(capture=paste_back(capture, geometry, edited, mask), truth=truth)


_EDITS: dict[str, Callable[..., tuple[dict[Light, Image], Float, EditTruth]]] = {
    "photo_swap": ops.photo_swap,
    "reprint_office_paper": lambda **kw: reprint_page(paper="office", **kw),
    "reprint_dull_paper": lambda **kw: reprint_page(paper="dull", **kw),
    "data_retyped": ops.data_retyped,
    "mrz_retyped_ir_transparent": ops.mrz_retyped_ir_transparent,
    "mrz_char_edited": ops.mrz_char_edited,
    "uv_feature_erased": ops.uv_feature_erased,
    "background_ir_absorbing": ops.background_ir_absorbing,
    "background_redrawn": ops.background_redrawn,
}
