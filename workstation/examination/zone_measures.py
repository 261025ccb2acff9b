"""The measures each check makes on a zone, as pure functions — what a specimen's
statistics describe (``specimens learn``) and what the checks hold against them.

Every function takes the questioned crop and, where the measure compares, the
specimen's crop of the same zone (both registered, at ``px_per_mm``; ``uint8`` RGB
``(H, W, 3)`` or grey ``(H, W)``, best normalised first with
:mod:`workstation.imaging.normalize`), and returns named floats. The names are
the ``measure`` keys of ``specimen.json``'s ``stats`` (formats.md §3).

A zone whose content belongs to the holder (``varies: "holder"``) is only given
measures that do not compare its content with the specimen's:
:func:`measures_for` chooses.

=====================  ===========  =====================================================
measure                expect       what it is
=====================  ===========  =====================================================
``uv_level``           dull         substrate UV luminance over the specimen's (linear)
``uv_green_share``     dull         green share of the substrate's UV colour: the lamp's
                                    violet reflection (dull paper) has little green,
                                    optical brighteners a lot — needs no exposure
``strength``           luminescent  the feature's glow above the substrate, along the
                                    specimen's ink colour, over the specimen's
``correlation``        luminescent  best-shift correlation of the glow with the
                                    specimen's (up to 0.6 mm), a fixed pattern's beside
                                    the dark print either shows in white light (a
                                    holder's portrait over it absorbs its glow:
                                    :func:`unprinted`)
``hue_difference``     luminescent  hue of the glow against the specimen's (degrees), both
                                    over their lit half; not measured when the
                                    specimen's glow is near grey (no hue)
``glow_contrast``      luminescent  the glow's brightest 2 % over the substrate (no
                                    specimen): the page's for a holder's zone
                                    (:func:`page_substrate`), else the zone's own
``ir_print_ratio``     visible      darkness of the print under IR over its darkness in
                                    white light, summed in linear light over the print's
                                    own pixels and the ring blur spreads them into (few
                                    pixels suffice: a one-letter field; any focus)
``ir_paper_clipped``   visible      share of the paper around that print the reader
                                    clipped under IR (recorded, not judged): from
                                    :data:`IR_CLIPPED_PAPER_SHARE` the paper's true level
                                    comes from the design's fixed IR-absorbing print
                                    (:func:`ir_paper_from_mark`; ``ir_paper_estimated``
                                    1), or, without one, the ratio is a lower bound held
                                    against the prior minimum only
``ir_structure``       invisible    IR structure over white-light structure
``ir_structure_excess`` invisible   ``ir_structure`` minus the specimen's
``similarity``         match        best-shift correlation of the band-passed zone with
                                    the specimen's (up to 0.9 mm)
``fine_detail``        match        fine print energy relative to coarse (bands an
                                    octave above the pixel), over the specimen's, at equal
                                    sharpness (the sharper of the two blurred to the
                                    other's focus, measured on the fixed design's print:
                                    :mod:`~workstation.examination.sharpness`): toner
                                    dots and lost fine lines move it either way (judge
                                    ``|log|``), a capture's focus does not
``ink_axis``           match        angle (degrees) between the zone's print colour axis
                                    and the specimen's, in linear RGB
                                    (:func:`ink_axis`): a process-colour reprint (CMYK
                                    toner) does not lie on the spot ink's axis; focus
                                    and exposure do not move it
(``background`` role)                 a sample a holder's line may cross: the three
                                    measured without the dark print either image
                                    shows there (:func:`without_holder_print`)
``edge_continuity``    portrait     how well the specimen's print continues just outside
                                    the portrait's frame compared with farther out
``uv_border_step``     portrait     the bare paper's UV response just inside the portrait's
                                    frame over just outside, against the specimen's: a
                                    photo on other paper pasted in (judge ``|log|``)
=====================  ===========  =====================================================
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import cv2
import numpy as np
import numpy.typing as npt

from workstation.examination.ink_axis import ink_axis
from workstation.examination.ir_measures import (
    IR_CLIPPED_PAPER_SHARE,
    invisible_measures,
    ir_paper_from_mark,
    ir_print_ratio,
)
from workstation.examination.measures import (
    LUMA,
    Measures,
    best_shift_ncc,
    check_pair,
    crop_mm,
    hue_difference,
    linear,
    luminance,
    masked_best_shift_ncc,
    pattern_similarity,
)
from workstation.examination.portrait_measures import edge_continuity, portrait_border_uv
from workstation.examination.portrait_shift import pattern_shift, portrait_crossings
from workstation.examination.sharpness import fine_detail, relative_blur
from workstation.types import Expect, Image, Light, Zone

Float = npt.NDArray[np.float32]

#: Margin (mm) around the portrait for its edge-continuity measure.
PORTRAIT_MARGIN_MM = 4.5


def _substrate_px(uv_lin: Float, white: Image | None) -> npt.NDArray[np.bool_]:
    """The zone's bare substrate: bright in white light (when given) and not among
    the brightest UV pixels (features, fibres)."""
    lum = uv_lin @ LUMA if uv_lin.ndim == 3 else uv_lin
    mask = lum <= np.percentile(lum, 70)
    if white is not None:
        w = luminance(white)
        mask &= w >= 0.75 * float(np.percentile(w, 95))
    if mask.sum() < 10:
        mask = lum <= np.percentile(lum, 70)
    return np.asarray(mask, dtype=bool)


# -- UV ------------------------------------------------------------------------------------
def dull_measures(q_uv: Image, s_uv: Image, *, q_white: Image | None = None,
                  s_white: Image | None = None) -> Measures:
    """``uv_level`` and ``uv_green_share`` of a zone expected UV-dull."""
    check_pair(q_uv, s_uv)
    ql, sl = linear(q_uv), linear(s_uv)
    qm, sm = _substrate_px(ql, q_white), _substrate_px(sl, s_white)
    qsub = np.median(ql[qm], axis=0)
    ssub = np.median(sl[sm], axis=0)
    q_lum = float(np.dot(qsub, LUMA)) if np.ndim(qsub) else float(qsub)
    s_lum = float(np.dot(ssub, LUMA)) if np.ndim(ssub) else float(ssub)
    out: Measures = {"uv_level": q_lum / max(s_lum, 1e-4)}
    if ql.ndim == 3:
        out["uv_green_share"] = float(qsub[1] / max(1e-6, float(np.sum(qsub))))
    return out


def luminescent_measures(q_uv: Image, s_uv: Image, *, px_per_mm: float,
                         q_substrate: npt.ArrayLike | None = None,
                         s_substrate: npt.ArrayLike | None = None,
                         q_clipped: npt.NDArray[np.bool_] | None = None,
                         glow_percentile: float | None = None,
                         compared: npt.NDArray[np.bool_] | None = None) -> Measures:
    """``strength``, ``correlation``, ``hue_difference`` and ``glow_contrast`` of a
    luminescent zone (colour UV crops). The substrates default to each crop's own
    (30th percentile colour). ``q_clipped`` (``(H, W)`` bool) marks the pixels the
    reader clipped in some channel (over-exposed): they carry no colour, so the hue is
    taken from the lit pixels it did not clip, and not measured when it clipped nearly
    all of them. ``glow_percentile``: where ``glow_contrast`` reads the glow (default
    :data:`GLOW_PERCENTILE`). ``compared`` (``(H, W)`` bool): the pixels the pattern's
    ``correlation`` is taken over (default: all; :func:`unprinted`)."""
    check_pair(q_uv, s_uv)
    if q_uv.ndim != 3:
        raise ValueError("luminescence is measured on colour UV images")
    ql, sl = linear(q_uv).reshape(-1, 3), linear(s_uv).reshape(-1, 3)
    qsub = (np.asarray(q_substrate, np.float32) if q_substrate is not None
            else np.percentile(ql, 30, axis=0).astype(np.float32))
    ssub = (np.asarray(s_substrate, np.float32) if s_substrate is not None
            else np.percentile(sl, 30, axis=0).astype(np.float32))
    sf = sl - ssub
    slum = sf @ LUMA
    top = slum >= np.percentile(slum, 90)
    colour = sf[top].mean(axis=0)
    if float(np.linalg.norm(colour)) < 1e-4:
        colour = np.ones(3, np.float32)
    d = colour / np.linalg.norm(colour)
    qsig = ((ql - qsub) @ d).reshape(q_uv.shape[:2]).astype(np.float32)
    ssig = ((sl - ssub) @ d).reshape(s_uv.shape[:2]).astype(np.float32)
    s_strength = float(np.percentile(ssig, 92))
    q_strength = float(np.percentile(qsig, 92))
    blur = max(0.8, 0.25 * px_per_mm)
    qb = np.asarray(cv2.GaussianBlur(qsig, (0, 0), blur), np.float32)
    sb = np.asarray(cv2.GaussianBlur(ssig, (0, 0), blur), np.float32)
    shift = round(0.6 * px_per_mm)
    corr = (best_shift_ncc(qb, sb, shift) if compared is None
            else masked_best_shift_ncc(qb, sb, compared, shift))
    q_lit = qsig.reshape(-1) >= 0.5 * max(1e-4, q_strength)
    s_lit = ssig.reshape(-1) >= 0.5 * max(1e-4, s_strength)
    lit_count = int(q_lit.sum())
    if q_clipped is not None and q_clipped.shape == q_uv.shape[:2]:
        q_lit &= ~q_clipped.reshape(-1)
    hue_seen = lit_count == 0 or int(q_lit.sum()) >= MIN_UNCLIPPED_SHARE * lit_count
    qcol = (ql[q_lit] - qsub).mean(axis=0) if q_lit.any() else np.zeros(3)
    scol = sf[s_lit].mean(axis=0) if s_lit.any() else colour
    q_sub_lum = max(1e-4, float(np.dot(qsub, LUMA)))
    out: Measures = {"strength": q_strength / s_strength if s_strength > 1e-4 else 0.0,
                     "correlation": corr,
                     "glow_contrast": max(0.0, float(np.percentile(
                         qsig, GLOW_PERCENTILE if glow_percentile is None
                         else glow_percentile))) / q_sub_lum}
    # The hue of both glows over the same pixels (the lit half of each); a glow with
    # almost no colour has no hue to compare (noise would decide the angle).
    if chroma_share(scol) >= MIN_GLOW_CHROMA and hue_seen:
        out["hue_difference"] = (hue_difference(qcol, scol)
                                 if float(np.linalg.norm(qcol)) > 1e-3 else 180.0)
    return out


#: ``glow_contrast`` takes the glow at this percentile of the zone: the ink's own
#: level wherever at least 2 % of the zone glows fully. A holder's ghost image glows
#: over as much of its zone as the holder's picture is light (a dark-haired holder's
#: ghost over a fifth of it): at the 92nd percentile that area, not the ink, decided
#: the value (16 genuine passports: 4.8-29.5, log spread 0.43; here 0.22).
GLOW_PERCENTILE = 98.0

#: The hue of a glow is measured when at least this share of its lit pixels was not
#: clipped by the reader (a clipped channel shifts the colour towards the others).
MIN_UNCLIPPED_SHARE = 0.2
#: A raw 8-bit channel at or above this level was clipped by the reader (the
#: registration's interpolation softens the ceiling of 255 a little).
CLIP_LEVEL = 250

#: A fixed luminescent pattern's ``correlation`` leaves out the pixels under dark print
#: in white light (:func:`holder_print_mask`): a holder's portrait and data printed over
#: the pattern absorb its glow by as much as they are dark (a dark-haired holder's hair
#: over arcs crossing the portrait), while the specimen shows its own holder's there — or,
#: exposed into clipping, no absorption at all. The pattern is compared over the rest
#: when at least this share of the zone is left, else over all of it.
MIN_UNPRINTED_SHARE = 0.25


def unprinted(q_white: Image, s_white: Image, *, px_per_mm: float
              ) -> npt.NDArray[np.bool_] | None:
    """``(H, W)`` bool: the pixels of a zone that neither white-light crop prints dark
    (the complement of :func:`holder_print_mask`), ``None`` when fewer than
    :data:`MIN_UNPRINTED_SHARE` of them are left."""
    keep = ~holder_print_mask(q_white, s_white, px_per_mm=px_per_mm)
    return keep if float(keep.mean()) >= MIN_UNPRINTED_SHARE else None


#: A glow whose colour (linear RGB above the substrate) is closer to grey than this
#: share of chroma (:func:`chroma_share`) has no hue: ``hue_difference`` is not measured.
MIN_GLOW_CHROMA = 0.25


def chroma_share(rgb: npt.ArrayLike) -> float:
    """How far an RGB colour vector is from grey: the norm of its part off the grey
    axis over its norm (0 grey, about 0.8 a primary). 0 for a (near) zero vector."""
    c = np.asarray(rgb, np.float64).ravel()[:3]
    n = float(np.linalg.norm(c))
    if n < 1e-6:
        return 0.0
    return float(np.linalg.norm(c - c.mean())) / n


# -- white light ---------------------------------------------------------------------------
#: Fine print structure (:func:`~workstation.examination.measures.structure`, grey
#: levels) a pattern needs before an IR/white structure ratio means anything: a genuine
#: capture's sensor noise and JPEG leave about one level, so on a fainter pattern (a
#: card's pale central rosette: about 2) the ratio is mostly noise. Specimen authoring
#: gives such a background sample no IR check.
MIN_PATTERN_STRUCTURE = 4.0


#: A sample of the background print that a holder's printed line may cross (role): its
#: ``match`` measures leave out the dark print either image shows there
#: (:func:`without_holder_print`).
CROSSED_BACKGROUND = "background"
#: Holder print, in a sample of the background: pixels darker than this share of the
#: crop's paper level (the background print itself is far paler) ...
HOLDER_PRINT_LEVEL = 0.7
#: ... grown by this much (mm), the blurred edges of the letters with them.
HOLDER_PRINT_GROW_MM = 0.35


def holder_print_mask(q: Image, s: Image, *, px_per_mm: float) -> npt.NDArray[np.bool_]:
    """``(H, W)`` bool: the pixels of either crop of one zone (``q`` questioned, ``s``
    specimen) that carry dark print (below :data:`HOLDER_PRINT_LEVEL` of the crop's own
    paper level, its 95th percentile), grown by :data:`HOLDER_PRINT_GROW_MM`."""
    check_pair(q, s)
    mask = np.zeros(q.shape[:2], bool)
    for img in (q, s):
        lum = luminance(img)
        mask |= lum < HOLDER_PRINT_LEVEL * float(np.percentile(lum, 95))
    r = max(1, round(HOLDER_PRINT_GROW_MM * px_per_mm))
    grow = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * r + 1, 2 * r + 1))
    return np.asarray(cv2.dilate(mask.astype(np.uint8), grow) > 0, dtype=np.bool_)


def without_holder_print(q: Image, s: Image, *, px_per_mm: float) -> tuple[Image, Image]:
    """``q`` and ``s`` (one zone's crops) with the holder's print either shows
    (:func:`holder_print_mask`, the same pixels in both) filled in from the background
    around it (inpainting): what is left to compare is the fixed background print,
    whoever's name crosses it."""
    mask = holder_print_mask(q, s, px_per_mm=px_per_mm)
    if not mask.any():
        return q, s
    m8 = mask.astype(np.uint8)
    radius = max(2.0, HOLDER_PRINT_GROW_MM * px_per_mm)

    def fill(img: Image) -> Image:
        return np.asarray(cv2.inpaint(np.ascontiguousarray(img), m8, radius, cv2.INPAINT_TELEA),
                          np.uint8)

    return fill(q), fill(s)


def match_measures(q: Image, s: Image, *, px_per_mm: float, blur_px: float = 0.0
                   ) -> Measures:
    """``similarity``, ``fine_detail`` and (colour crops) ``ink_axis`` of a zone that must
    match the specimen; ``fine_detail`` at equal sharpness (``blur_px``: the capture's
    blur relative to the specimen's,
    :func:`workstation.examination.sharpness.relative_blur`)."""
    check_pair(q, s)
    sim = pattern_similarity(q, s, px_per_mm=px_per_mm)
    out = {"similarity": sim,
           "fine_detail": fine_detail(q, s, blur_px=blur_px)}
    out.update(ink_axis(q, s, px_per_mm=px_per_mm))
    return out


def sharpness_rects(zones: Sequence[Zone]) -> list[tuple[float, float, float, float]]:
    """Where a capture's sharpness is measured against its specimen's: the fixed design's
    print zones (every zone but the holder's, the blank paper and the samples of the
    background that ``fine_detail`` itself judges)."""
    return [z.rect_mm for z in zones
            if not z.varies_by_holder and z.role != "blank"
            and not any(c.expect is Expect.MATCH for c in z.checks)
            and any(c.expect in (Expect.VISIBLE, Expect.INVISIBLE) for c in z.checks)]


def print_blur(registered: Mapping[Light, Image], reference: Mapping[Light, Image],
               zones: Sequence[Zone], *, work_dpi: float,
               valid: npt.NDArray[np.bool_] | None = None) -> float:
    """The capture's blur relative to its specimen (px at ``work_dpi``; > 0: the capture
    is sharper) on the fixed design's print (:func:`sharpness_rects`), in white light;
    0 without a white image on both sides."""
    q, s = registered.get(Light.WHITE), reference.get(Light.WHITE)
    if q is None or s is None or q.shape[:2] != s.shape[:2]:
        return 0.0
    return relative_blur(q, s, sharpness_rects(zones), px_per_mm=work_dpi / 25.4, valid=valid)


# -- which measures a zone gets -------------------------------------------------------------
def measures_for(zone: Zone, light: Light, expect: Expect, *, q: Image, s: Image,
                 q_white: Image | None, s_white: Image | None, px_per_mm: float,
                 blur_px: float = 0.0,
                 q_clipped: npt.NDArray[np.bool_] | None = None,
                 substrates: tuple[Float, Float] | None = None,
                 ir_paper: float | None = None) -> Measures:
    """The measures of ``zone``'s check ``(light, expect)`` on the questioned crop ``q``
    against the specimen's ``s`` (``*_white``: the same zone in white light;
    ``blur_px``: the capture's blur relative to the specimen's, :func:`print_blur`).
    Holder-varying zones get only the measures that do not compare content; a
    luminescent one's ``glow_contrast`` is over ``substrates`` (the capture's and the
    specimen's page substrate, linear RGB: :func:`page_substrate`) when given; an IR
    ``visible`` zone's clipped paper is taken at ``ir_paper`` (:func:`ir_print_ratio`)."""
    holder = zone.varies_by_holder
    if expect is Expect.DULL:
        m = dull_measures(q, s, q_white=q_white, s_white=s_white)
        return {"uv_green_share": m["uv_green_share"]} if holder and "uv_green_share" in m \
            else m
    if expect is Expect.LUMINESCENT:
        if q.ndim != 3:
            return {}
        if holder and substrates is not None:
            # The holder's glow (a ghost image) may cover most of its zone: its
            # substrate is the page's, not the zone's darkest part.
            m = luminescent_measures(q, s, px_per_mm=px_per_mm, q_clipped=q_clipped,
                                     q_substrate=substrates[0], s_substrate=substrates[1])
        else:
            keep = (unprinted(q_white, s_white, px_per_mm=px_per_mm)
                    if q_white is not None and s_white is not None
                    and q_white.shape[:2] == q.shape[:2] else None)
            m = luminescent_measures(q, s, px_per_mm=px_per_mm, q_clipped=q_clipped,
                                     compared=keep)
        return {"glow_contrast": m["glow_contrast"]} if holder else m
    if expect is Expect.VISIBLE:
        if q_white is None:
            return {}
        return ir_print_ratio(q, q_white, px_per_mm=px_per_mm, q_clipped=q_clipped,
                              ir_paper=ir_paper)
    if expect is Expect.INVISIBLE:
        if q_white is None or s_white is None:
            return {}
        m = invisible_measures(q, s, q_white, s_white, px_per_mm=px_per_mm)
        return {"ir_structure": m["ir_structure"]} if holder else m
    if expect is Expect.MATCH:
        if holder:
            return {}
        if zone.role == CROSSED_BACKGROUND:
            q, s = without_holder_print(q, s, px_per_mm=px_per_mm)
        return match_measures(q, s, px_per_mm=px_per_mm,
                              blur_px=blur_px if light is Light.WHITE else 0.0)
    return {}


#: Share of the page's width and height left out on each side when its substrate is
#: taken (edges, shadow, platen).
PAGE_SUBSTRATE_INSET = 0.06


def page_substrate(img: Image, seen: npt.NDArray[np.bool_] | None = None) -> Float:
    """The page's substrate under one light: the median linear colour (``(3,)``, or
    ``(1,)`` for grey) of the registered page ``img`` (``(H, W[, 3])`` ``uint8``) inside
    :data:`PAGE_SUBSTRATE_INSET` and where ``seen`` (``(H, W)`` bool), every third pixel
    — most of a page is bare substrate, whoever holds it."""
    h, w = img.shape[:2]
    dy, dx = round(h * PAGE_SUBSTRATE_INSET), round(w * PAGE_SUBSTRATE_INSET)
    lin = linear(img[dy:h - dy:3, dx:w - dx:3])
    px = lin.reshape(-1, lin.shape[2] if lin.ndim == 3 else 1)
    if seen is not None and seen.shape == (h, w):
        keep = seen[dy:h - dy:3, dx:w - dx:3].reshape(-1)
        if int(keep.sum()) >= 100:
            px = px[keep]
    return np.asarray(np.median(px, axis=0), dtype=np.float32)


#: The least fraction of a zone the capture must show for the zone to be measured.
SHOWN_FRACTION = 0.98


def shown(seen: npt.NDArray[np.bool_], rect_mm: tuple[float, float, float, float],
          px_per_mm: float, *, fraction: float = SHOWN_FRACTION) -> bool:
    """Whether ``seen`` (``(H, W)`` bool: the pixels a capture shows, at ``px_per_mm``)
    covers at least ``fraction`` of ``rect_mm`` ``(x, y, w, h)``."""
    m = crop_mm(seen.astype(np.uint8), rect_mm, px_per_mm)
    return m is not None and float(m.mean()) >= fraction


def measure_zone(zone: Zone, registered: Mapping[Light, Image],
                  reference: Mapping[Light, Image], *, work_dpi: float,
                  seen: npt.NDArray[np.bool_] | None = None,
                  blur_px: float = 0.0,
                  others: Sequence[Zone] = (),
                  raw: Mapping[Light, Image] | None = None) -> dict[str, Measures]:
    """Every measure of ``zone`` (light name -> measures) on a capture registered
    and normalised onto the specimen at ``work_dpi`` (a portrait's ghost image is
    measured by :mod:`workstation.examination.ghost_measures`, not here).
    ``seen`` (``(H, W)`` bool at the work density) marks what the capture shows;
    ``blur_px`` is the capture's blur relative to the specimen's (:func:`print_blur`,
    px at ``work_dpi``). ``others`` (the specimen's zones) gives a portrait the print
    passes crossing it (``pattern_shift`` under UV,
    :mod:`workstation.examination.portrait_shift`). ``raw`` (the capture registered
    before normalisation) tells which pixels the reader clipped (:data:`CLIP_LEVEL`)."""
    px_mm = work_dpi / 25.4
    out: dict[str, Measures] = {}
    for chk in zone.checks:
        q_img, s_img = registered.get(chk.light), reference.get(chk.light)
        if q_img is None or s_img is None:
            continue
        q, s = crop_mm(q_img, zone.rect_mm, px_mm), crop_mm(s_img, zone.rect_mm, px_mm)
        if q is None or s is None:
            continue
        qw = crop_mm(registered[Light.WHITE], zone.rect_mm, px_mm)
        sw = crop_mm(reference[Light.WHITE], zone.rect_mm, px_mm)
        clipped: npt.NDArray[np.bool_] | None = None
        raw_img = raw.get(chk.light) if raw is not None else None
        if raw_img is not None and raw_img.shape[:2] == q_img.shape[:2]:
            rc = crop_mm(raw_img, zone.rect_mm, px_mm)
            if rc is not None:
                over = rc.max(axis=2) if rc.ndim == 3 else rc
                clipped = np.asarray(over >= CLIP_LEVEL, dtype=np.bool_)
        subs = None
        if (chk.expect is Expect.LUMINESCENT and zone.varies_by_holder and q.ndim == 3
                and s.ndim == 3):
            subs = (page_substrate(q_img, seen), page_substrate(s_img))
        ir_paper = None
        if (chk.light is Light.IR and chk.expect is Expect.VISIBLE and clipped is not None
                and others and float(clipped.mean()) >= 0.5 * IR_CLIPPED_PAPER_SHARE):
            ir_paper = ir_paper_from_mark(
                registered, reference, [z for z in others if z.id != zone.id],
                px_per_mm=px_mm)
        m = measures_for(zone, chk.light, chk.expect, q=q, s=s, q_white=qw, s_white=sw,
                         px_per_mm=px_mm, blur_px=blur_px, q_clipped=clipped,
                         substrates=subs, ir_paper=ir_paper)
        if m:
            out.setdefault(chk.light.value, {}).update(m)
    if zone.role == "portrait":
        x, y, w, h = zone.rect_mm
        m_mm = PORTRAIT_MARGIN_MM
        rect = (x - m_mm, y - m_mm, w + 2 * m_mm, h + 2 * m_mm)
        q, s = (crop_mm(registered[Light.WHITE], rect, px_mm),
                crop_mm(reference[Light.WHITE], rect, px_mm))
        if q is not None and s is not None:
            ox, oy = max(0.0, x - m_mm), max(0.0, y - m_mm)
            frame = (round((x - ox) * px_mm), round((y - oy) * px_mm), round(w * px_mm),
                     round(h * px_mm))
            ec = edge_continuity(q, s, frame, px_per_mm=px_mm)
            if ec:
                out.setdefault(Light.WHITE.value, {}).update(ec)
            q_uv, s_uv = registered.get(Light.UV), reference.get(Light.UV)
            if q_uv is not None and s_uv is not None:
                qu, su = crop_mm(q_uv, rect, px_mm), crop_mm(s_uv, rect, px_mm)
                if qu is not None and su is not None and qu.shape[:2] == q.shape[:2]:
                    bs = portrait_border_uv(qu, su, q, s, frame, px_per_mm=px_mm)
                    if bs:
                        out.setdefault(Light.UV.value, {}).update(bs)
        q_uv, s_uv = registered.get(Light.UV), reference.get(Light.UV)
        if q_uv is not None and s_uv is not None and others:
            shifts = [pattern_shift(q_uv, s_uv, inside, outside, px_per_mm=px_mm)
                      for _z, inside, outside in portrait_crossings(zone, others)
                      if seen is None or (shown(seen, inside, px_mm)
                                          and all(shown(seen, r, px_mm) for r in outside))]
            found = [m for m in shifts if m]
            if found:
                out.setdefault(Light.UV.value, {}).update(
                    max(found, key=lambda m: m["pattern_shift"]))
    return out
