"""Zones found from the exemplars' images (issue 17): what glows under UV, what prints
in white light and drops out in IR, what stays dark in IR, the MRZ, the portrait, the
signature (blank substrate and the background print: :mod:`.substrate`) — each a
:class:`~workstation.types.Zone` with its checks per light and ``varies``.

Works on :class:`~.masks.LightMeasures` at :data:`~.masks.DETECT_DPI`; rectangles are
returned in mm on the page. Thresholds are on scales relative to each exemplar's own
substrate (the page's median UV colour, the paper's white and IR level), not on
absolute pixel values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from workstation.examination.authoring import masks as M
from workstation.examination.authoring.masks import Bool, Float, LightMeasures
from workstation.types import Expect, Light, Zone, ZoneCheck

#: UV emission above the substrate (0..1) from which a pixel glows.
GLOW_MIN = 0.22
#: IR absorption from which print counts as IR-visible (carbon ~0.85; a portrait ~0.3).
IR_VISIBLE_MIN = 0.38
#: Fainter IR absorption still counts as IR-visible print where it is at least
#: :data:`IR_VISIBLE_SHARE` of the print's darkness in white light: small carbon text
#: (a card's 1.8 mm capitals) reduced to the detection density keeps about 0.25
#: absorption but 0.6 of its white-light darkness; a dropout ink keeps under 0.1 of it.
IR_VISIBLE_LOW = 0.18
IR_VISIBLE_SHARE = 0.35
#: Fine print darkness in white light from which a pixel is print — at least, and at
#: least :data:`INK_OVER_BACKGROUND` times the page's usual line darkness (its 75th
#: percentile: the background pattern's lines, thin, light and screened, stay below).
INK_MIN = 0.17
INK_OVER_BACKGROUND = 2.8
#: Lighter print kept where it joins print of the strong level (light label text): at
#: least this, and :data:`INK_WEAK_OVER_BACKGROUND` times the background's level.
INK_WEAK = 0.11
INK_WEAK_OVER_BACKGROUND = 1.8
#: A tint this much darker (1 - reflectance, smoothed over 1 mm) than the page's
#: median is a printed element of its own (a rosette), not the background.
TINT_ABOVE = 0.12
#: A tint (rosette) of the design at least this size (mm) is also matched in white light.
TINT_MIN_MM = 5.0
#: IR absorption below which white-light print has dropped out in IR.
IR_DROPOUT_MAX = 0.12
#: Margin (mm) added around every found feature's extent.
PAD_MM = 0.6
#: A group whose print agrees between exemplars at least this well (normalised
#: cross-correlation) is fixed design; below, it varies with the holder.
FIXED_AGREEMENT = 0.6
#: Smallest feature kept (mm²) — dust and fibres are smaller or not on every exemplar.
MIN_AREA_MM2 = 1.0
#: Portrait: at least this area (mm²) and height/width within this range.
PORTRAIT_MIN_MM2 = 250.0
PORTRAIT_ASPECT = (0.95, 1.7)
@dataclass
class Found:
    """A proposed zone before ids are given: kind, rectangle (mm) and what it shows."""

    kind: str  # luminescent, ir_visible, ir_dropout, mrz, portrait, signature, field, ...
    rect_mm: tuple[float, float, float, float]
    varies: bool = False
    role: str | None = None
    label: str = ""
    colour: tuple[int, int, int] | None = None
    checks: tuple[ZoneCheck, ...] = ()
    #: a printed field: the text read there and how closely it matched the MRZ's value
    read: str | None = None
    read_similarity: float | None = None
    #: a portrait: the face the detector found in it (centre, mm) and in how many exemplars
    face_mm: tuple[float, float] | None = None
    face_exemplars: int = 0


def _rect_mm(x: int, y: int, w: int, h: int, pad_mm: float = PAD_MM,
             size_mm: tuple[float, float] | None = None) -> tuple[float, float, float, float]:
    k = M.DETECT_DPI / 25.4
    x0, y0 = x / k - pad_mm, y / k - pad_mm
    x1, y1 = (x + w) / k + pad_mm, (y + h) / k + pad_mm
    if size_mm is not None:
        x0, y0 = max(0.0, x0), max(0.0, y0)
        x1, y1 = min(size_mm[0], x1), min(size_mm[1], y1)
    return (round(x0, 2), round(y0, 2), round(x1 - x0, 2), round(y1 - y0, 2))


def rect_mask(shape: tuple[int, int], rect_mm: tuple[float, float, float, float]) -> Bool:
    """``True`` inside ``rect_mm`` on a grid of ``shape`` at the detection density."""
    k = M.DETECT_DPI / 25.4
    x, y, w, h = rect_mm
    out = np.zeros(shape, bool)
    out[max(0, round(y * k)):max(0, round((y + h) * k)),
        max(0, round(x * k)):max(0, round((x + w) * k))] = True
    return out


_HUES = ((0, "red"), (30, "orange"), (55, "yellow"), (80, "yellow-green"), (120, "green"),
         (170, "cyan"), (210, "blue"), (260, "violet"), (300, "magenta"), (345, "red"))


def colour_name(rgb: Sequence[float]) -> str:
    """A plain name for an emission colour (0..255 RGB)."""
    px = np.asarray([[np.clip(np.asarray(rgb, np.float64), 0, 255)]], np.uint8)
    hue = float(cv2.cvtColor(px, cv2.COLOR_RGB2HSV_FULL)[0, 0, 0]) * 360.0 / 256.0
    return min(_HUES, key=lambda hn: min(abs(hue - hn[0]), 360 - abs(hue - hn[0])))[1]


def _groups(masks: Sequence[Bool], maps: Sequence[Float], allowed: Bool, *,
            close_mm: tuple[float, float], fixed_only: bool = False
            ) -> list[tuple[tuple[int, int, int, int], Bool, float]]:
    """Groups of the union of ``masks`` inside ``allowed`` (with ``fixed_only``: of the
    pixels every exemplar marks): ``(bbox px, pixels, agreement)`` where agreement is
    how alike the exemplars' ``maps`` are there (:func:`~.masks.agreement`)."""
    masks = [m & allowed for m in masks]
    fixed, anyone = M.fixed_and_any(masks)
    k2 = (M.DETECT_DPI / 25.4) ** 2
    min_px = max(3, round(MIN_AREA_MM2 * k2 * 0.15))
    out = []
    for x, y, w, h, own in M.components(fixed if fixed_only else anyone, close_mm=close_mm,
                                        min_px=min_px):
        if w * h / k2 < MIN_AREA_MM2:
            continue
        out.append(((x, y, w, h), own, M.agreement(maps, (x, y, w, h))))
    return out


def find_luminescent(ms: Sequence[LightMeasures], allowed: Bool, size_mm: tuple[float, float]
                     ) -> list[Found]:
    """UV-luminescent features: glow above the dull substrate on every exemplar (random
    fibres are not), grouped across gaps of 1.5 mm; the emission colour recorded."""
    if any(m.glow is None for m in ms):
        return []
    glows = [m.glow > GLOW_MIN for m in ms if m.glow is not None]
    maps = [m.glow for m in ms if m.glow is not None]
    found = []
    # a feature glows on every exemplar: fibres (random per sheet) do not
    for (x, y, w, h), own, agree in _groups(glows, maps, allowed, close_mm=(1.5, 1.5),
                                            fixed_only=len(ms) > 1):
        if min(w, h) < M.px(1.0):
            continue  # a fibre's line
        uv = ms[0].uv
        assert uv is not None
        rgb = tuple(int(v * 255) for v in uv[own].mean(axis=0)) if own.any() else (0, 0, 0)
        name = colour_name(rgb)
        found.append(Found("luminescent", _rect_mm(x, y, w, h, size_mm=size_mm),
                           varies=agree < FIXED_AGREEMENT,
                           label=f"luminescent feature ({name})", colour=rgb,  # type: ignore[arg-type]
                           checks=(ZoneCheck(Light.UV, Expect.LUMINESCENT),)))
    return found


def _ink_print(m: LightMeasures, allowed: Bool) -> Bool:
    """Fine print in white light, with thresholds above the page's own background
    lines (:data:`INK_OVER_BACKGROUND`): a dense guilloche raises them, a faint one
    lets small label text through."""
    background = float(np.percentile(m.ink[allowed], 75)) if allowed.any() else 0.0
    strong = max(INK_MIN, INK_OVER_BACKGROUND * background)
    weak = max(INK_WEAK, INK_WEAK_OVER_BACKGROUND * background)
    return M.hysteresis(m.ink > weak, m.ink > strong, close_mm=(2.4, 0.9))


def ir_visible(m: LightMeasures) -> Bool:
    """Print that stays dark in IR: strong IR absorption, or fainter absorption that
    keeps :data:`IR_VISIBLE_SHARE` of the print's white-light darkness (relative to
    the paper, so a card body's dimmer IR or small text is judged alike)."""
    assert m.ir_dark is not None
    dark_white = 1.0 - m.white.mean(axis=2)
    return np.asarray((m.ir_dark > IR_VISIBLE_MIN)
                      | ((m.ir_dark > IR_VISIBLE_LOW)
                         & (m.ir_dark >= IR_VISIBLE_SHARE * dark_white)), bool)


def find_print(ms: Sequence[LightMeasures], allowed: Bool, size_mm: tuple[float, float]
               ) -> tuple[list[Found], list[Found]]:
    """``(ir_visible, ir_dropout)``: print that stays dark in IR, and print visible in
    white light that IR passes through; lines of text grouped word by word (gaps of
    2.4 mm joined), each group fixed or varying with the holder."""
    if any(m.ir_dark is None for m in ms):
        return [], []
    vis = [ir_visible(m) for m in ms if m.ir_dark is not None]
    # fine print (text, lines) and broad tints (a rosette's dense lines) darker than the
    # page's usual background, both gone in IR
    # (not within lines of IR-dark print: a carbon letter's soft edge is no ink of its own)
    _fixed, any_vis = M.fixed_and_any(vis)
    joined = cv2.morphologyEx(any_vis.astype(np.uint8), cv2.MORPH_CLOSE,
                              cv2.getStructuringElement(cv2.MORPH_RECT, (M._odd(M.px(2.4)),
                                                                         M._odd(M.px(0.9)))))
    lines: Bool = np.asarray(cv2.dilate(joined, cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (M._odd(M.px(1.4)),) * 2)) > 0, bool)
    tint = (ms[0].tone > float(np.median(ms[0].tone)) + TINT_ABOVE) & ~lines
    drop = [(_ink_print(m, allowed)
             | (m.tone > float(np.median(m.tone)) + TINT_ABOVE))
            & (m.ir_dark < IR_DROPOUT_MAX) & ~lines for m in ms if m.ir_dark is not None]
    out: tuple[list[Found], list[Found]] = ([], [])
    ir_maps = [m.ir_dark for m in ms if m.ir_dark is not None]
    ink_maps = [m.ink for m in ms]
    for masks, maps, kind, check, target in (
            (vis, ir_maps, "ir_visible", Expect.VISIBLE, out[0]),
            (drop, ink_maps, "ir_dropout", Expect.INVISIBLE, out[1])):
        for (x, y, w, h), own, agree in _groups(masks, maps, allowed, close_mm=(2.4, 0.9)):
            varies = agree < FIXED_AGREEMENT
            what = ("print that stays dark in IR" if kind == "ir_visible"
                    else "print that drops out in IR")
            checks: tuple[ZoneCheck, ...] = (ZoneCheck(Light.IR, check),)
            if (kind == "ir_dropout" and not varies and min(w, h) >= M.px(TINT_MIN_MM)
                    and float(tint[own].mean()) >= 0.5):
                # a rosette or tint of the design: its fine pattern is matched too (a
                # redrawn or reprinted background changes it)
                what = "printed rosette or tint that drops out in IR"
                checks = (ZoneCheck(Light.WHITE, Expect.MATCH), ZoneCheck(Light.IR, check))
            target.append(Found(kind, _rect_mm(x, y, w, h, size_mm=size_mm), varies=varies,
                                label=("holder's " if varies else "") + what, checks=checks))
    return out


def find_portrait(ms: Sequence[LightMeasures], allowed: Bool, size_mm: tuple[float, float],
                  *, face_mm: tuple[float, float] | None = None,
                  eyes_mm: float | None = None) -> Found | None:
    """The portrait: the largest photograph-sized rectangle of continuous tone (broad
    darkness, not line print) that, with two or more exemplars, changes between them —
    with ``face_mm`` (the face detector's centre of the holder's face, mm), the one
    that holds the face. With ``eyes_mm`` too (the detector's outer eye corners' distance,
    mm) the face itself (1.2 eye distances to each side, 1.5 above, 2 below the centre)
    belongs to the photograph even where the exemplars' faces are alike in tone (holders
    of one skin tone): it joins the hair above and the clothing below, which change."""
    tone = [m.tone > 0.16 for m in ms]
    if len(ms) > 1:
        stack = np.stack([cv2.GaussianBlur(m.white.mean(axis=2), (0, 0), M.px(0.6))
                          for m in ms])
        changes = (stack.max(axis=0) - stack.min(axis=0)) > 0.12
        cand = tone[0] & changes
    else:
        cand = tone[0]
    if face_mm is not None and eyes_mm is not None:
        e = eyes_mm
        shape = (int(cand.shape[0]), int(cand.shape[1]))
        cand |= rect_mask(shape, (face_mm[0] - 1.2 * e, face_mm[1] - 1.5 * e,
                                                 2.4 * e, 3.5 * e))
    cand &= allowed
    best = None
    for x, y, w, h, own in M.components(cand, close_mm=(3.0, 3.0), min_px=50):
        k2 = (M.DETECT_DPI / 25.4) ** 2
        area = w * h / k2
        aspect = h / max(1, w)
        fill = float(own.sum()) / max(1, w * h)
        if area < PORTRAIT_MIN_MM2 or not PORTRAIT_ASPECT[0] <= aspect <= PORTRAIT_ASPECT[1]:
            continue
        if fill < 0.25:
            continue
        if face_mm is not None and not (x <= M.px(face_mm[0]) < x + w
                                        and y <= M.px(face_mm[1]) < y + h):
            continue
        if best is None or area > best[0]:
            best = (area, (x, y, w, h))
    if best is None:
        return None
    x, y, w, h = _grow_photo(ms[0].white.mean(axis=2), best[1])
    return Found("portrait", _rect_mm(x, y, w, h, pad_mm=0.0, size_mm=size_mm), varies=True,
                 role="portrait", label="holder's portrait")


def _grow_photo(lum: Float, bbox: tuple[int, int, int, int], *, reach_mm: float = 3.5
                ) -> tuple[int, int, int, int]:
    """``bbox`` grown side by side over the photograph's own light: dark lines
    (clothing, hair), and flat ones (its backdrop). Upwards (the backdrop above the
    head is the same for every holder, so the exemplars do not show it changing) a
    line is flat when smooth; sideways and downwards only when much smoother than the
    page's own print along a line as long (a faint guilloche beside the photograph
    is as smooth as its backdrop, a dense one is not: compared with the page's lines
    just beyond the reach on that side)."""
    x, y, w, h = bbox
    b = round(M.px(M.BORDER_MM))
    H, W = lum.shape[0] - b, lum.shape[1] - b  # not into the page's edge
    page_dark = 1.0 - float(np.median(lum))
    reach = round(M.px(reach_mm))
    far = range(reach + 1, reach + 1 + round(M.px(2.0)))
    def photo_line(line: Float, flat: float) -> bool:
        if line.size < 4:
            return False
        return float(line.std()) < flat or 1.0 - float(line.mean()) > page_dark + 0.02

    def span(a: int, n: int) -> slice:
        return slice(a + n // 10, a + n - n // 10)

    def beyond(lines: list[Float]) -> float:
        """Flat enough to be the photograph's: much smoother than the page's lines just
        beyond the reach on that side."""
        stds = [float(v.std()) for v in lines if v.size >= 4]
        return min(0.03, 0.5 * float(np.median(stds))) if stds else 0.0

    for _ in range(reach):
        if y > b and photo_line(lum[y - 1, span(x, w)], 0.03):
            y, h = y - 1, h + 1
        else:
            break
    flat = beyond([lum[y + h + d, span(x, w)] for d in far if y + h + d < H])
    for _ in range(reach):
        if y + h < H and photo_line(lum[y + h, span(x, w)], flat):
            h += 1
        else:
            break
    flat = beyond([lum[span(y, h), x - 1 - d] for d in far if x - 1 - d >= b])
    for _ in range(reach):
        if x > b and photo_line(lum[span(y, h), x - 1], flat):
            x, w = x - 1, w + 1
        else:
            break
    flat = beyond([lum[span(y, h), x + w + d] for d in far if x + w + d < W])
    for _ in range(reach):
        if x + w < W and photo_line(lum[span(y, h), x + w], flat):
            w += 1
        else:
            break
    return x, y, w, h


def to_zones(found: Sequence[Found]) -> list[Zone]:
    """Ids given by kind (``uv-1``, ``ir-print-2``...; roles keep their names)."""
    prefix = {"luminescent": "uv", "ir_visible": "ir-print", "ir_dropout": "dropout",
              "barcode": "barcode"}
    counts: dict[str, int] = {}
    zones = []
    used: set[str] = set()
    for f in found:
        if f.role and f.role not in used and f.kind != "print":
            zid = f.role.replace(":", "-")
        else:
            p = prefix.get(f.kind, f.kind)
            counts[p] = counts.get(p, 0) + 1
            zid = p if f.kind in ("background", "blank") and counts[p] == 1 else f"{p}-{counts[p]}"
        used.add(zid)
        zones.append(Zone(id=zid, rect_mm=f.rect_mm, role=f.role, label=f.label,
                          checks=f.checks, varies="holder" if f.varies else None))
    return zones


def mm_to_detect(shape_mm: tuple[float, float]) -> tuple[int, int]:
    """``(height, width)`` px of a page of ``shape_mm`` (width, height) at the detection
    density."""
    return round(M.px(shape_mm[1])), round(M.px(shape_mm[0]))


def holder_share(ms: Sequence[LightMeasures], rect_mm: tuple[float, float, float, float]
                 ) -> float:
    """How much of the print inside ``rect_mm`` is not shown by every exemplar (0..1)."""
    if len(ms) < 2:
        return 0.0
    inside = rect_mask(ms[0].ink.shape, rect_mm)
    masks: list[Bool] = [(m.ink > INK_MIN) & inside for m in ms]
    fixed, anyone = M.fixed_and_any(masks)
    return 1.0 - float(fixed.sum()) / max(1, int(anyone.sum()))

