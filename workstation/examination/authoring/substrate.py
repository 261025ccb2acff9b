"""Blank substrate and samples of the background print (issue 17): where the page is
bare paper (checked UV-dull) and where its fixed background design lies away from
every other feature (checked to match the specimen in white light and to drop out
in IR). Works on :class:`~.masks.LightMeasures` at :data:`~.masks.DETECT_DPI`;
rectangles in mm on the page.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from workstation.examination.authoring import masks as M
from workstation.examination.authoring.masks import Bool, Float, LightMeasures
from workstation.examination.authoring.zones import GLOW_MIN, Found, rect_mask
from workstation.examination.measures import bandpass, structure
from workstation.examination.zone_measures import CROSSED_BACKGROUND, MIN_PATTERN_STRUCTURE
from workstation.types import Expect, Light, ZoneCheck

#: A blank or background zone: at least this size (mm).
SAMPLE_MIN_MM = (6.0, 4.0)
#: A sample of the background print: at least this size (mm).
BACKGROUND_MIN_MM = (8.0, 4.0)
#: Background samples proposed at most (largest first), each in its cell of this size
#: (mm) of the page: a redrawn patch is a large part of a small sample, a small part
#: of a large one.
BACKGROUND_SAMPLES = 24
#: A cell's background is sampled when its pattern (mean fine-print darkness) is at
#: least this share of the median cell's (the page's faint corners are left out).
BACKGROUND_STRENGTH = 0.6
BACKGROUND_MAX_MM = (16.0, 10.0)
#: Fine-print darkness (0..1, smoothed over 1 mm) of a page's background print.
BACKGROUND_INK = 0.02
#: A fainter background (down to :data:`FAINT_INK`, as pale as family 2's rosettes) is
#: sampled only where two or more exemplars show the same pattern: the least best-shift
#: correlation of their band-passed white light (:func:`pattern_agreement`) at least
#: this. A pattern the exemplars do not repeat is below their noise, and a genuine
#: capture's similarity there would be noise too.
FAINT_AGREEMENT = 0.6
FAINT_INK = 0.004
#: ... and only where its pattern does not repeat itself within
#: :data:`REPEAT_REACH_MM` (a faint wave field's lines, 1 mm apart, let a genuine capture
#: registered a millimetre off match the specimen's neighbouring line no better than a
#: redrawn one): the best correlation of the pattern with itself shifted by more than
#: :data:`REPEAT_FROM_MM` at most this.
FAINT_REPEAT = 0.5
REPEAT_FROM_MM = 0.4
REPEAT_REACH_MM = 1.6



def free_rectangle(free: Bool, size_mm: tuple[float, float], min_mm: tuple[float, float]
                   ) -> tuple[float, float, float, float] | None:
    """The largest rectangle (mm) of ``free`` pixels, if at least ``min_mm``; searched on
    a 0.5 mm grid, kept 0.5 mm inside."""
    cell = max(1, round(M.px(0.5)))
    h, w = free.shape
    gh, gw = h // cell, w // cell
    grid: Bool = np.asarray(free[:gh * cell, :gw * cell].reshape(gh, cell, gw, cell)
                            .all(axis=(1, 3)), bool)
    x, y, cw, ch = M.largest_rectangle(grid)
    k = M.DETECT_DPI / 25.4
    x0, y0 = x * cell / k + 0.5, y * cell / k + 0.5
    x1, y1 = (x + cw) * cell / k - 0.5, (y + ch) * cell / k - 0.5
    if x1 - x0 < min_mm[0] or y1 - y0 < min_mm[1]:
        return None
    del size_mm
    return (round(x0, 2), round(y0, 2), round(x1 - x0, 2), round(y1 - y0, 2))


def find_blank_and_background(ms: Sequence[LightMeasures], allowed: Bool,
                              taken: Sequence[Found], size_mm: tuple[float, float]
                              ) -> list[Found]:
    """Blank substrate (no print, no glow on any exemplar: checked dull under UV) and a
    sample of the background print away from every other feature (checked to match the
    specimen in white light and to drop out in IR)."""
    shape = allowed.shape
    occupied = np.zeros(shape, bool)
    for f in taken:
        occupied |= rect_mask(shape, f.rect_mm)
    raws = []
    for m in ms:
        raw = (m.ink > 0.06) | (m.tone > 0.12)
        if m.glow is not None:
            raw |= m.glow > GLOW_MIN / 2
        if m.ir_dark is not None:
            raw |= m.ir_dark > 0.2
        raws.append(raw)
    # print is on every exemplar; a fibre or a speck of dust (the substrate's) is not
    fixed, _ = M.fixed_and_any(raws)
    marks = cv2.GaussianBlur(fixed.astype(np.float32), (0, 0), M.px(0.5)) > 0.1
    grow = cv2.getStructuringElement(cv2.MORPH_RECT, (M._odd(M.px(1.5)),) * 2)
    marks_grown = cv2.dilate(marks.astype(np.uint8), grow) > 0
    occ_grown = cv2.dilate(occupied.astype(np.uint8), grow) > 0
    out = []
    blank = free_rectangle(allowed & ~marks_grown & ~occ_grown, size_mm, SAMPLE_MIN_MM)
    has_uv = all(m.glow is not None for m in ms)
    if blank is not None and has_uv:
        out.append(Found("blank", blank, role="blank", label="blank substrate",
                         checks=(ZoneCheck(Light.UV, Expect.DULL),)))
        occ_grown |= rect_mask(shape, blank)
    # the background print: a sample of the fixed design that drops out in IR, away
    # from the holder's content and from print that stays dark in IR. The blank may
    # hold a faint design (a card's central rosette, lighter than what marks print):
    # samples may overlap it, or the design there would go unchecked
    keep_out = np.zeros(shape, bool)
    rows = np.zeros(shape, bool)
    for f in taken:
        if f.varies or f.role or any(c.expect == Expect.VISIBLE for c in f.checks):
            x, y, w, h = f.rect_mm
            keep_out |= rect_mask(shape, (x, y, w, h))
            if f.varies and f.kind in ("ir_visible", "ir_dropout") and h < 8.0:
                # a holder's line of text: another holder's runs on further right
                rows |= rect_mask(shape, (x, y, max(w, size_mm[0] - x), h))
    for m in ms:
        if m.ir_dark is not None:
            keep_out |= m.ir_dark > 0.2
    keep_out = cv2.dilate(keep_out.astype(np.uint8), grow) > 0
    rows = (cv2.dilate(rows.astype(np.uint8), grow) > 0) & ~keep_out
    # printed: fine print of BACKGROUND_INK; with two or more exemplars also fainter
    # print, where the exemplars agree on its pattern and it does not repeat itself.
    # (A lower level alone sampled family 2's passport rosette and found its redrawing,
    # but the card front's faint wave field failed genuine captures, similarity
    # 0.23-0.27: a capture registered a millimetre off matched a neighbouring line.)
    level = cv2.GaussianBlur(ms[0].ink, (0, 0), M.px(1.0))
    has_ir = all(m.ir_dark is not None for m in ms)
    # where another holder's longer line may run, a sample is compared without the dark
    # print crossing it (role CROSSED_BACKGROUND): only the faint background's samples go
    # there (a pale rosette behind the names is the design a redraw imitates), and none
    # of the fixed design's own print (a header, a label): printed in another pass, it
    # sits a little elsewhere on every genuine sheet, and what of it the holder-print
    # mask leaves (a pale label's strokes) is compared out of register with the
    # background (NRV-ID-2019-B: a sample over "REPUBLIC" and a label failed a genuine
    # card, similarity 0.388)
    free_faint = allowed & ~keep_out
    free = free_faint & ~rows

    # several samples over the page: a redrawn or reprinted background shows wherever
    # it was redrawn, so one sample in a corner would miss most of it. The page in
    # cells: the largest free rectangle of each, so the samples cover the whole
    # background (a redrawn patch is found wherever it is)
    def cells(printed: Bool, where: Bool = free) -> list[tuple[float, float, float, float]]:
        found = []
        cw, ch = BACKGROUND_MAX_MM
        for y0 in np.arange(0.0, size_mm[1], ch):
            for x0 in np.arange(0.0, size_mm[0], cw):
                cell = rect_mask(shape, (float(x0), float(y0), cw, ch))
                rect = free_rectangle(where & printed & cell, size_mm, BACKGROUND_MIN_MM)
                if rect is not None and rows[rect_mask(shape, rect)].any() \
                        and marks_grown[rect_mask(shape, rect)].any():
                    # a crossed sample: the faint background alone
                    rect = free_rectangle(where & ~marks_grown & printed & cell, size_mm,
                                          BACKGROUND_MIN_MM)
                if rect is not None:
                    found.append(rect)
        return found

    # the strongest pattern first: a faint background's fine detail is a ratio of small
    # energies that a genuine capture's focus moves as much as a reprint does
    def strength(r: tuple[float, float, float, float]) -> float:
        return float(np.mean([m.ink[rect_mask(shape, r)].mean() for m in ms]))

    cands = cells(level > BACKGROUND_INK)
    strong = {r: strength(r) for r in cands}
    typical = float(np.median(list(strong.values()))) if strong else 0.0
    cands = sorted((r for r in cands if strong[r] >= BACKGROUND_STRENGTH * typical),
                   key=lambda r: -strong[r])
    if len(ms) >= 2:
        taken_cells = np.zeros(shape, bool)
        for r in cands:
            taken_cells |= rect_mask(shape, r)
        taken_cells = cv2.dilate(taken_cells.astype(np.uint8), grow) > 0
        maps = pattern_maps(ms)
        faint = [r for r in cells((level > FAINT_INK) & ~taken_cells, free_faint)
                 if pattern_agreement(maps, r) >= FAINT_AGREEMENT
                 and pattern_repeat(maps[0], r) <= FAINT_REPEAT]
        cands = cands[:BACKGROUND_SAMPLES - min(len(faint), BACKGROUND_SAMPLES // 2)] + faint
    for rect in cands[:BACKGROUND_SAMPLES]:
        checks = [ZoneCheck(Light.WHITE, Expect.MATCH)]
        crossed = bool(rows[rect_mask(shape, rect)].any())
        if crossed:  # a holder's print there would stay dark in IR
            out.append(Found("background", rect, role=CROSSED_BACKGROUND,
                             label="background print (sample; a holder's line may cross it)",
                             checks=tuple(checks)))
            continue
        if has_ir and pattern_structure(ms, rect) >= MIN_PATTERN_STRUCTURE:
            # a fainter pattern's IR structure over its white-light structure is noise
            checks.append(ZoneCheck(Light.IR, Expect.INVISIBLE))
        out.append(Found("background", rect, label="background print (sample)",
                         checks=tuple(checks)))
    return out


def pattern_structure(ms: Sequence[LightMeasures], rect_mm: tuple[float, float, float, float]
                      ) -> float:
    """The faintest exemplar's fine print structure in ``rect_mm`` (grey levels of the
    paper-relative white image, :func:`~workstation.examination.measures.structure`)."""
    shape = ms[0].ink.shape
    sel = rect_mask(shape, rect_mm)
    rows, cols = np.any(sel, axis=1), np.any(sel, axis=0)
    if not rows.any() or not cols.any():
        return 0.0
    r0, r1 = int(np.argmax(rows)), len(rows) - int(np.argmax(rows[::-1]))
    c0, c1 = int(np.argmax(cols)), len(cols) - int(np.argmax(cols[::-1]))
    return min(structure(np.rint(np.clip(m.white[r0:r1, c0:c1] * 255.0, 0.0, 255.0))
                         .astype(np.uint8), px_per_mm=M.DETECT_DPI / 25.4) for m in ms)


def pattern_maps(ms: Sequence[LightMeasures]) -> list[Float]:
    """Each exemplar's white-light luminance band-passed as the examination compares
    a pattern (:func:`~workstation.examination.measures.bandpass`), at
    :data:`~.masks.DETECT_DPI`."""
    k = M.DETECT_DPI / 25.4
    return [bandpass(np.rint(np.clip(m.white * 255.0, 0.0, 255.0)).astype(np.uint8),
                     px_per_mm=k) for m in ms]


def pattern_agreement(maps: Sequence[Float], rect_mm: tuple[float, float, float, float]
                      ) -> float:
    """How alike the exemplars' print pattern (:func:`pattern_maps`) is in ``rect_mm``:
    the least, over exemplars after the first, of the best-shift correlation (up to
    0.5 mm) with the first's. 1 with one exemplar."""
    shape = maps[0].shape
    k = M.DETECT_DPI / 25.4
    x, y, w, h = rect_mm
    r0, r1 = max(0, round(y * k)), min(shape[0], round((y + h) * k))
    c0, c1 = max(0, round(x * k)), min(shape[1], round((x + w) * k))
    if r1 - r0 < 8 or c1 - c0 < 8:
        return 0.0
    return M.agreement(maps, (c0, r0, c1 - c0, r1 - r0), shift_px=max(1, round(0.5 * k)))


def pattern_repeat(band: Float, rect_mm: tuple[float, float, float, float]) -> float:
    """How well the print pattern ``band`` (one exemplar's :func:`pattern_maps`) in
    ``rect_mm`` matches itself shifted by :data:`REPEAT_FROM_MM` to
    :data:`REPEAT_REACH_MM`: near 1 for a regular field of lines, low for a rosette."""
    k = M.DETECT_DPI / 25.4
    reach, near = round(REPEAT_REACH_MM * k), round(REPEAT_FROM_MM * k)
    H, W = band.shape
    x, y, w, h = rect_mm
    r0, r1 = max(0, round(y * k)), min(H, round((y + h) * k))
    c0, c1 = max(0, round(x * k)), min(W, round((x + w) * k))
    if r1 - r0 < 6 or c1 - c0 < 6:
        return 1.0
    inner = np.ascontiguousarray(band[r0:r1, c0:c1])
    a0, a1 = max(0, r0 - reach), min(H, r1 + reach)
    b0, b1 = max(0, c0 - reach), min(W, c1 + reach)
    around = np.ascontiguousarray(band[a0:a1, b0:b1])
    res = cv2.matchTemplate(around, inner, cv2.TM_CCOEFF_NORMED)
    yy, xx = np.mgrid[0:res.shape[0], 0:res.shape[1]]
    away = (yy - (r0 - a0)) ** 2 + (xx - (c0 - b0)) ** 2 > near ** 2
    return float(res[away].max()) if away.any() else 1.0
