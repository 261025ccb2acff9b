"""The local capture edits: photo swap, retyped data, altered MRZ, erased UV feature,
IR-absorbing and redrawn backgrounds.

Each function works on the straightened page images (``pages``: light ->
``uint8`` image at ``px_per_mm``) and returns ``(edited pages, mask, truth)``:
the mask (``float32`` 0..1, page px) says which pixels :func:`paste_back` puts
into the capture. Used through :func:`workstation.specimens.edits.apply_edit`.
"""

from __future__ import annotations

import functools
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from workstation.paths import resource
from workstation.specimens.edit_model import (
    Donor,
    EditError,
    EditTruth,
    Float,
    Layout,
    page_images,
    rect_px,
)
from workstation.types import Image, Light, RectMM, Zone

Result = tuple[dict[Light, Image], Float, EditTruth]

_LUMA = np.array([0.299, 0.587, 0.114], np.float32)


def _truth(description: str, rect: RectMM | None, **details: Any) -> EditTruth:
    return EditTruth(kind="", description=description, rect_mm=rect, lights=(),
                     expected_checks=(), details=details)


def _grey(img: Image) -> Float:
    return (img.astype(np.float32) @ _LUMA if img.ndim == 3 else img.astype(np.float32))


def _grow(rect: RectMM, mm: float) -> RectMM:
    x, y, w, h = rect
    return (x - mm, y - mm, w + 2 * mm, h + 2 * mm)


def _region_mask(shape: tuple[int, int], box: tuple[int, int, int, int],
                 feather_px: float = 1.0) -> Float:
    """1 inside ``box`` (r0, r1, c0, c1), ramping to 0 over ``feather_px`` outside."""
    r0, r1, c0, c1 = box
    mask = np.zeros(shape, np.float32)
    mask[r0:r1, c0:c1] = 1.0
    if feather_px > 0.5:
        mask = np.asarray(cv2.GaussianBlur(mask, (0, 0), feather_px / 2), np.float32)
        mask[r0:r1, c0:c1] = np.maximum(mask[r0:r1, c0:c1], 0.999)
    return mask


def _print_mask(grey: Float, *, fraction: float = 0.45) -> npt.NDArray[np.bool_]:
    """Dark print in a crop: darker than ``fraction`` of the way from paper to ink."""
    paper, ink = float(np.percentile(grey, 90)), float(np.percentile(grey, 1))
    if paper - ink < 25:
        return np.zeros(grey.shape, bool)
    return np.asarray(grey < paper - fraction * (paper - ink), dtype=bool)


def _inpaint(img: Image, mask: npt.NDArray[np.bool_], radius_px: float) -> Image:
    m = mask.astype(np.uint8) * 255
    return np.asarray(cv2.inpaint(img, m, max(1.0, radius_px), cv2.INPAINT_TELEA), np.uint8)


@functools.lru_cache(maxsize=32)
def _font(name: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource("fonts", name)), size)


def _glyphs(text: str, *, font: str, cap_px: float, pitch_px: float | None = None
            ) -> tuple[Float, int]:
    """``text`` as coverage (0..1) and the baseline row, capitals ``cap_px`` high."""
    probe = _font(font, 200)
    box = probe.getbbox("H", anchor="ls")
    ratio = (box[3] - box[1]) / 200.0 if box[3] > box[1] else 0.7
    f = _font(font, max(4, round(cap_px / ratio)))
    asc, desc = f.getmetrics()
    width = int(pitch_px * len(text) if pitch_px else f.getlength(text)) + 8
    img = PILImage.new("L", (max(8, width), asc + desc + 8), 0)
    draw = ImageDraw.Draw(img)
    if pitch_px:
        for i, ch in enumerate(text):
            draw.text((4 + (i + 0.5) * pitch_px, 4 + asc), ch, fill=255, font=f, anchor="ms")
    else:
        draw.text((4, 4 + asc), text, fill=255, font=f, anchor="ls")
    return np.asarray(img, np.float32) / 255.0, 4 + asc


def _stamp(page: Image, cov: Float, r0: int, c0: int, colour: npt.ArrayLike) -> None:
    """Print ``cov`` at ``(r0, c0)`` into ``page`` (in place): the page's own level
    times the ink's relative reflectance ``colour`` (0..1 per channel) where covered."""
    h, w = cov.shape
    H, W = page.shape[:2]
    ra, ca, rb, cb = max(0, r0), max(0, c0), min(H, r0 + h), min(W, c0 + w)
    if rb <= ra or cb <= ca:
        return
    c = cov[ra - r0:rb - r0, ca - c0:cb - c0]
    region = page[ra:rb, ca:cb].astype(np.float32)
    col = np.asarray(colour, np.float32)
    if region.ndim == 3:
        out = region * (1.0 - c[:, :, None] * (1.0 - col.reshape(1, 1, -1)[..., :3]))
    else:
        out = region * (1.0 - c * (1.0 - float(np.mean(col))))
    page[ra:rb, ca:cb] = np.clip(np.rint(out), 0, 255).astype(np.uint8)


def _match_levels(src: Image, like: Image) -> Image:
    """``src`` scaled per channel so its page-wide median matches ``like``'s (the piece
    is seen under the capture's own light and exposure, not the donor's)."""
    a = src.reshape(-1, src.shape[2] if src.ndim == 3 else 1).astype(np.float32)
    b = like.reshape(-1, like.shape[2] if like.ndim == 3 else 1).astype(np.float32)
    gain = np.median(b, axis=0) / np.maximum(np.median(a, axis=0), 1.0)
    out = src.astype(np.float32) * (gain.reshape(1, 1, -1) if src.ndim == 3 else float(gain[0]))
    return np.clip(np.rint(out), 0, 255).astype(np.uint8)


# -- photo substitution ----------------------------------------------------------------------
def photo_swap(*, pages: dict[Light, Image], layout: Layout, px_per_mm: float,
               rng: np.random.Generator, donor: Donor | None, feather_mm: float = 0.6,
               printed: bool = True, paper: str | None = None, **_: Any) -> Result:
    """Replace the portrait by another person's photo and blend it in with a soft seam of
    ``feather_mm``; the cut wanders up to 1 mm around the portrait's frame and the piece
    sits up to 0.4 mm off.

    The face is taken from ``donor`` (another document of the same type, so the photo
    has the document's framing). With ``printed`` (the default: what a forger without
    the issuer's printer does) the photo was printed by another printer: the donor's
    portrait scanned, separated and screened in CMYK toner onto ``paper`` (``office``:
    glows under UV, or ``dull``: the UV features screen-printed again from the scan;
    chosen at random when ``None``) by
    :func:`workstation.specimens.printscan.reprint_page`. Without it the piece is cut
    out of the donor document itself (its own print, UV and IR response)."""
    from workstation.specimens.printscan import PAPER_WHITE

    if layout.portrait is None:
        raise EditError("the layout has no portrait zone")
    if donor is None:
        raise EditError("a photo swap needs a donor capture (another document's portrait)")
    if paper is not None and paper not in PAPER_WHITE:
        raise EditError(f"unknown paper {paper!r} ({', '.join(PAPER_WHITE)})")
    shape = pages[Light.WHITE].shape[:2]
    dpages = page_images(donor.capture, donor.geometry)
    cut = _grow(layout.portrait, float(rng.uniform(-0.3, 1.0)))
    box = rect_px(cut, px_per_mm, shape)
    dx, dy = (float(v) * px_per_mm for v in rng.uniform(-0.4, 0.4, size=2))
    mat = np.array([[1, 0, dx], [0, 1, dy]], np.float64)
    details: dict[str, Any] = {}
    if printed:
        paper = paper or str(rng.choice(sorted(PAPER_WHITE)))
        dpages = _reprinted_piece(dpages, shape, _grow(cut, 3.0), px_per_mm, layout, rng, paper)
        details = {"printed": True, "paper": paper}
    edited: dict[Light, Image] = {}
    for light, page in pages.items():
        src = dpages.get(light)
        if src is None:
            continue
        if src.ndim != page.ndim:
            src = np.asarray(cv2.cvtColor(src, cv2.COLOR_RGB2GRAY) if src.ndim == 3
                             else cv2.cvtColor(src, cv2.COLOR_GRAY2RGB), np.uint8)
        d = np.asarray(cv2.resize(src, (shape[1], shape[0]), interpolation=cv2.INTER_AREA),
                       np.uint8)
        d = _match_levels(d, page)
        edited[light] = np.ascontiguousarray(cv2.warpAffine(
            d, mat, (shape[1], shape[0]), flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_REPLICATE), np.uint8)
    mask = _region_mask(shape, box, feather_mm * px_per_mm)
    what = (f"portrait replaced by another person's photo printed on {paper} paper, seam "
            f"blended" if printed else
            "portrait replaced by another document's portrait, seam blended")
    return edited, mask, _truth(
        what, cut, offset_mm=[round(dx / px_per_mm, 2), round(dy / px_per_mm, 2)],
        feather_mm=feather_mm, **details)


def _reprinted_piece(dpages: dict[Light, Image], shape: tuple[int, int], around: RectMM,
                     px_per_mm: float, layout: Layout, rng: np.random.Generator, paper: str
                     ) -> dict[Light, Image]:
    """The donor's pages with the area ``around`` (mm) scanned and printed again on
    ``paper`` (CMYK toner screen): the photo a forger prints for a swap."""
    from workstation.specimens.printscan import reprint_page

    resized = {light: np.asarray(cv2.resize(img, (shape[1], shape[0]),
                                            interpolation=cv2.INTER_AREA), np.uint8)
               for light, img in dpages.items()}
    r0, r1, c0, c1 = rect_px(around, px_per_mm, shape)
    piece = {light: np.ascontiguousarray(img[r0:r1, c0:c1]) for light, img in resized.items()}
    printed, _, _ = reprint_page(pages=piece, layout=layout, px_per_mm=px_per_mm, rng=rng,
                                 paper=paper)
    out = {}
    for light, img in resized.items():
        img = img.copy()
        if light in printed:
            img[r0:r1, c0:c1] = printed[light]
        out[light] = img
    return out


# -- visual-zone data erased and retyped --------------------------------------------------------
_NEW_SURNAMES = ("HOLLANDER", "MARKOVIC", "PETERSEN", "DUBOIS", "KARIMOVA", "SANTOS", "BERG")
_FIELD_ORDER = ("birth_date", "surname", "document_number", "expiry_date", "given_names")


def _new_value(name: str, rng: np.random.Generator) -> str:
    if name.endswith("_date"):
        return (f"{int(rng.integers(1, 29)):02d}.{int(rng.integers(1, 13)):02d}."
                f"{int(rng.integers(1955, 2004)) if name == 'birth_date' else 2039}")
    if name == "document_number":
        return "".join(str(int(d)) for d in rng.integers(0, 10, size=9))
    return str(rng.choice(_NEW_SURNAMES))


def data_retyped(*, pages: dict[Light, Image], layout: Layout, px_per_mm: float,
                 rng: np.random.Generator, field: str | None = None, ink: str = "toner",
                 **_: Any) -> Result:
    """Erase one printed field (chemically: the paper is bleached, the UV features
    printed there stay) and type another value in another font and ``ink``
    (``toner``: IR-absorbing; ``inkjet``: a dye that vanishes in IR)."""
    names = [n for n in _FIELD_ORDER if n in layout.fields] or list(layout.fields)
    if field is None:
        if not names:
            raise EditError("the layout has no printed field zone")
        field = names[0] if rng.random() < 0.5 else str(rng.choice(names))
    if field not in layout.fields:
        raise EditError(f"the layout has no field {field!r}")
    if ink not in ("toner", "inkjet"):
        raise EditError(f"unknown ink {ink!r} (toner, inkjet)")
    rect = _grow(layout.fields[field], 0.3)
    white = pages[Light.WHITE]
    box = rect_px(rect, px_per_mm, white.shape[:2])
    r0, r1, c0, c1 = box
    grey = _grey(white[r0:r1, c0:c1])
    text = _print_mask(grey)
    if int(text.sum()) < 10:
        raise EditError(f"no print found in the field {field!r}")
    rows, cols = np.nonzero(text)
    cap_px = float(rows.max() - rows.min() + 1)
    base_row, left = int(rows.max()) + 1, int(cols.min())
    erase = cv2.dilate(text.astype(np.uint8), np.ones((3, 3), np.uint8),
                       iterations=max(1, round(0.12 * px_per_mm))) > 0
    value = _new_value(field, rng)
    cov, baseline = _glyphs(value, font="DejaVuSans.ttf", cap_px=cap_px * 0.97)
    ink_level = float(np.percentile(grey[text], 20)) / max(1.0, float(np.percentile(grey, 90)))
    edited: dict[Light, Image] = {}
    bleach = float(rng.uniform(1.0, 1.5))
    for light, page in pages.items():
        out = page.copy()
        crop = np.ascontiguousarray(out[r0:r1, c0:c1])
        crop = _inpaint(crop, erase, 0.3 * px_per_mm)
        if light == Light.WHITE:
            smooth = cv2.GaussianBlur(crop, (0, 0), 0.12 * px_per_mm)
            crop = np.where((erase[:, :, None] if crop.ndim == 3 else erase), smooth, crop)
        elif light == Light.UV:
            f = np.where(erase, bleach, 1.0).astype(np.float32)
            crop = np.clip(crop.astype(np.float32) * (f[:, :, None] if crop.ndim == 3 else f),
                           0, 255).astype(np.uint8)
        out[r0:r1, c0:c1] = crop
        if light == Light.WHITE:
            colour = (ink_level * 0.95, ink_level * 0.95, ink_level * 1.12)
        elif light == Light.IR:
            colour = (ink_level,) * 3 if ink == "toner" else (0.96,) * 3
        else:
            colour = (0.25,) * 3
        _stamp(out, cov, r0 + base_row - baseline, c0 + left - 4, colour)
        edited[light] = out
    mask = _region_mask(white.shape[:2], box)
    return edited, mask, _truth(f"printed {field.replace('_', ' ')} erased and retyped as "
                                f"{value!r} in {ink}", rect, field=field, value=value, ink=ink)


# -- the MRZ --------------------------------------------------------------------------------
_MRZ_SHAPE = {"TD3": (2, 44), "TD2": (2, 36), "MRVA": (2, 44), "MRVB": (2, 36), "TD1": (3, 30)}
#: (line, first, last) positions of the birth date's digits per format.
_BIRTH = {"TD3": (1, 13, 18), "TD2": (1, 13, 18), "MRVA": (1, 13, 18), "MRVB": (1, 13, 18),
          "TD1": (1, 0, 5)}


def _mrz_region(pages: dict[Light, Image], layout: Layout, px_per_mm: float
                ) -> tuple[tuple[int, int, int, int], Float, npt.NDArray[np.bool_]]:
    if layout.mrz is None:
        raise EditError("the layout has no MRZ zone")
    white = pages[Light.WHITE]
    box = rect_px(_grow(layout.mrz, 0.5), px_per_mm, white.shape[:2])
    r0, r1, c0, c1 = box
    grey = _grey(white[r0:r1, c0:c1])
    glyphs = _print_mask(grey, fraction=0.5)
    if int(glyphs.sum()) < 50:
        raise EditError("no MRZ print found in the MRZ zone")
    return box, grey, glyphs


def mrz_retyped_ir_transparent(*, pages: dict[Light, Image], layout: Layout, px_per_mm: float,
                               rng: np.random.Generator, **_: Any) -> Result:
    """The MRZ erased and printed again, same characters, in a dye that does not absorb
    IR: under IR only a faint trace remains."""
    box, _grey_crop, glyphs = _mrz_region(pages, layout, px_per_mm)
    r0, r1, c0, c1 = box
    erase = cv2.dilate(glyphs.astype(np.uint8), np.ones((3, 3), np.uint8),
                       iterations=max(1, round(0.1 * px_per_mm))) > 0
    edited: dict[Light, Image] = {}
    residue = float(rng.uniform(0.03, 0.09))
    for light, page in pages.items():
        if light != Light.IR:
            continue
        out = page.copy()
        crop = np.ascontiguousarray(out[r0:r1, c0:c1])
        clean = _inpaint(crop, erase, 0.25 * px_per_mm).astype(np.float32)
        soft = cv2.GaussianBlur(glyphs.astype(np.float32), (0, 0), 0.4)
        clean *= 1.0 - residue * (soft[:, :, None] if clean.ndim == 3 else soft)
        out[r0:r1, c0:c1] = np.clip(np.rint(clean), 0, 255).astype(np.uint8)
        edited[light] = out
    if not edited:
        raise EditError("the capture has no IR image to alter")
    mask = _region_mask(pages[Light.WHITE].shape[:2], box)
    x, y, w, h = layout.mrz  # type: ignore[misc]
    return edited, mask, _truth("MRZ reprinted in an IR-transparent dye", (x, y, w, h),
                                residue=round(residue, 3))


def _line_components(glyphs: npt.NDArray[np.bool_], n_lines: int
                     ) -> list[list[tuple[float, int, int, int, int]]]:
    """Glyph boxes ``(cx, x, y, w, h)`` per MRZ line, lines top to bottom, left to right."""
    n, _lab, stats, cents = cv2.connectedComponentsWithStats(glyphs.astype(np.uint8),
                                                             connectivity=8)
    comps = [(float(cents[i][0]), float(cents[i][1]), *(int(v) for v in stats[i, :4]))
             for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= 6]
    if len(comps) < n_lines * 4:
        raise EditError("too few MRZ characters found")
    ys = np.array([c[1] for c in comps], np.float32)
    order = np.argsort(ys)
    gaps = np.diff(ys[order])
    cuts = sorted(np.argsort(gaps)[-(n_lines - 1):]) if n_lines > 1 else []
    lines: list[list[tuple[float, int, int, int, int]]] = []
    start = 0
    for cut in [*cuts, len(order) - 1]:
        idx = order[start:cut + 1]
        lines.append(sorted(((comps[i][0], comps[i][2], comps[i][3], comps[i][4], comps[i][5])
                             for i in idx), key=lambda t: t[0]))
        start = cut + 1
    return lines


def mrz_char_edited(*, pages: dict[Light, Image], layout: Layout, px_per_mm: float,
                    rng: np.random.Generator, **_: Any) -> Result:
    """One digit of the MRZ's date of birth scraped off and another OCR-B digit
    printed in its place (its check digit no longer verifies)."""
    fmt = layout.mrz_format
    if fmt not in _MRZ_SHAPE:
        raise EditError(f"no MRZ layout for format {fmt!r}")
    n_lines, n_chars = _MRZ_SHAPE[fmt]
    box, grey, glyphs = _mrz_region(pages, layout, px_per_mm)
    lines = _line_components(glyphs, n_lines)
    line_no, first, last = _BIRTH[fmt]
    line = lines[line_no]
    x_first, x_last = line[0][0], line[-1][0]
    pitch = (x_last - x_first) / (n_chars - 1)
    pos = int(rng.integers(first, last + 1))
    want = x_first + pos * pitch
    cx, gx, gy, gw, gh = min(line, key=lambda t: abs(t[0] - want))
    if abs(cx - want) > 0.4 * pitch:
        raise EditError("the MRZ characters could not be told apart")
    top = int(np.median([t[2] for t in line if t[4] > 0.7 * max(u[4] for u in line)]))
    height = int(np.median([t[4] for t in line if t[4] > 0.7 * max(u[4] for u in line)]))
    cell = glyphs[gy:gy + gh, gx:gx + gw].astype(np.float32)
    scores: list[tuple[float, str]] = []
    for d in "0123456789":
        cov, base = _glyphs(d, font="OCRB.ttf", cap_px=height)
        rows, cols = np.nonzero(cov > 0.5)
        g = np.asarray(cv2.resize(cov[rows.min():rows.max() + 1, cols.min():cols.max() + 1],
                                  (gw, gh), interpolation=cv2.INTER_AREA), np.float32)
        scores.append((float(np.sum((g > 0.5) == (cell > 0.5))), d))
    scores.sort(reverse=True)
    old = scores[0][1]
    new = str(rng.choice([d for _, d in scores[1:]]))
    cov, base = _glyphs(new, font="OCRB.ttf", cap_px=height, pitch_px=pitch)
    r0, r1, c0, c1 = box
    erase = np.zeros(glyphs.shape, bool)
    erase[max(0, gy - 2):gy + gh + 2, max(0, gx - 2):gx + gw + 2] = True
    erase &= cv2.dilate(glyphs.astype(np.uint8), np.ones((3, 3), np.uint8), iterations=2) > 0
    ink = float(np.percentile(grey[glyphs], 25)) / max(1.0, float(np.percentile(grey, 90)))
    edited: dict[Light, Image] = {}
    for light, page in pages.items():
        out = page.copy()
        crop = np.ascontiguousarray(out[r0:r1, c0:c1])
        out[r0:r1, c0:c1] = _inpaint(crop, erase, 0.3 * px_per_mm)
        colour = (ink,) * 3 if light != Light.UV else (0.3,) * 3
        _stamp(out, cov, r0 + top + height - base, c0 + round(cx - 4 - pitch / 2), colour)
        edited[light] = out
    mask = _region_mask(pages[Light.WHITE].shape[:2], box)
    return edited, mask, _truth(
        f"MRZ line {line_no + 1} position {pos + 1}: {old!r} scraped off, {new!r} printed",
        ((c0 + gx) / px_per_mm - 0.5, (r0 + gy) / px_per_mm - 0.5, gw / px_per_mm + 1,
         gh / px_per_mm + 1), line=line_no, position=pos, old=old, new=new)


# -- UV features and backgrounds -----------------------------------------------------------------
def _pick(zones: tuple[Zone, ...], rng: np.random.Generator, prefer: str = "") -> Zone:
    fixed = [z for z in zones if not z.varies_by_holder] or list(zones)
    if prefer:
        named = [z for z in fixed if prefer in z.id]
        if named:
            return named[0]
    return fixed[int(rng.integers(0, len(fixed)))]


def uv_feature_erased(*, pages: dict[Light, Image], layout: Layout, px_per_mm: float,
                      rng: np.random.Generator, zone: str | None = None, **_: Any) -> Result:
    """One luminescent feature gone under UV (the counterfeiter had no such ink): its
    glow replaced by the substrate's own look; white and IR unchanged."""
    if Light.UV not in pages:
        raise EditError("the capture has no UV image")
    zones = layout.luminescent if zone is None else tuple(
        z for z in layout.luminescent if z.id == zone)
    if not zones:
        raise EditError("the layout has no luminescent zone" if zone is None
                        else f"no luminescent zone {zone!r}")
    z = _pick(zones, rng)
    uv = pages[Light.UV]
    box = rect_px(_grow(z.rect_mm, 0.4), px_per_mm, uv.shape[:2])
    r0, r1, c0, c1 = box
    crop = uv[r0:r1, c0:c1].astype(np.float32)
    lum = _grey(uv[r0:r1, c0:c1])
    level = float(np.percentile(lum, 30))
    spread = max(2.0, float(np.percentile(lum, 30) - np.percentile(lum, 5)))
    glow = lum > level + 3.0 * spread
    glow = cv2.dilate(glow.astype(np.uint8), np.ones((3, 3), np.uint8),
                      iterations=max(1, round(0.2 * px_per_mm))) > 0
    rest = crop[~glow]
    if rest.shape[0] < 20:
        rest = crop.reshape(-1, crop.shape[2] if crop.ndim == 3 else 1)
    pick = rest[rng.integers(0, rest.shape[0], size=int(glow.sum()))]
    filled = crop.copy()
    filled[glow] = pick.reshape(filled[glow].shape)
    filled = np.where((glow[:, :, None] if crop.ndim == 3 else glow),
                      cv2.GaussianBlur(filled, (0, 0), 0.8), filled)
    out = uv.copy()
    out[r0:r1, c0:c1] = np.clip(np.rint(filled), 0, 255).astype(np.uint8)
    mask = _region_mask(uv.shape[:2], box)
    return {Light.UV: out}, mask, _truth(f"luminescent feature {z.label or z.id} left out",
                                         z.rect_mm, zone=z.id)


def background_ir_absorbing(*, pages: dict[Light, Image], layout: Layout, px_per_mm: float,
                            rng: np.random.Generator, **_: Any) -> Result:
    """The background printed with an ink that absorbs IR: under IR its pattern shows
    as it does in white light (a counterfeiter's process colours with carbon)."""
    if Light.IR not in pages:
        raise EditError("the capture has no IR image")
    white = _grey(pages[Light.WHITE])
    paper = float(np.percentile(white, 95))
    ratio = np.clip(white / max(1.0, paper), 0.05, 1.0)
    k = float(rng.uniform(0.7, 1.0))
    ir = pages[Light.IR].astype(np.float32)
    out = np.clip(np.rint(ir * (ratio ** k if ir.ndim == 2 else ratio[:, :, None] ** k)), 0, 255)
    shape = white.shape
    corner = round(4.0 * px_per_mm)
    mask = np.ones(shape, np.float32)
    for rs in (slice(0, corner), slice(shape[0] - corner, shape[0])):
        for cs in (slice(0, corner), slice(shape[1] - corner, shape[1])):
            mask[rs, cs] = 0.0
    w, h = layout.size_mm
    return {Light.IR: out.astype(np.uint8)}, mask, _truth(
        "background printed in an IR-absorbing ink", (0.0, 0.0, w, h), strength=round(k, 2))


def background_redrawn(*, pages: dict[Light, Image], layout: Layout, px_per_mm: float,
                       rng: np.random.Generator, zone: str | None = None, **_: Any) -> Result:
    """The fine background pattern in a ``match`` zone replaced by an imitation:
    the original's lines smoothed away (their tint kept) and straight wavy lines
    of another pitch and angle drawn in the pattern's colour."""
    zones = layout.white_match if zone is None else tuple(
        z for z in layout.white_match if z.id == zone)
    if not zones:
        raise EditError("the layout has no zone to match in white light")
    z = _pick(zones, rng, prefer="background")
    white = pages[Light.WHITE]
    box = rect_px(z.rect_mm, px_per_mm, white.shape[:2])
    r0, r1, c0, c1 = box
    crop = white[r0:r1, c0:c1].astype(np.float32)
    grey = _grey(white[r0:r1, c0:c1])
    base = cv2.GaussianBlur(crop, (0, 0), 0.5 * px_per_mm)
    paper = np.percentile(crop.reshape(-1, crop.shape[2] if crop.ndim == 3 else 1), 95, axis=0)
    dark = np.percentile(crop.reshape(-1, crop.shape[2] if crop.ndim == 3 else 1), 8, axis=0)
    h, w = grey.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) / np.float32(px_per_mm)
    ang = float(rng.uniform(0, np.pi))
    pitch = float(rng.uniform(0.45, 0.8))
    u = xx * np.cos(ang) + yy * np.sin(ang) + 0.4 * np.sin(
        (xx * -np.sin(ang) + yy * np.cos(ang)) / 2.5)
    lines = np.clip(1.0 - np.abs(((u / pitch) % 1.0) - 0.5) * 2.0 / 0.35, 0.0, 1.0) * 0.8
    rel = np.clip(dark / np.maximum(paper, 1.0), 0.2, 1.0)
    if crop.ndim == 3:
        new = base * (1.0 - lines[:, :, None] * (1.0 - rel.reshape(1, 1, -1)))
    else:
        new = base * (1.0 - lines * (1.0 - float(np.mean(rel))))
    text = _print_mask(grey, fraction=0.7)
    keep = text[:, :, None] if crop.ndim == 3 else text
    new = np.where(keep, crop, new)
    out = white.copy()
    out[r0:r1, c0:c1] = np.clip(np.rint(new), 0, 255).astype(np.uint8)
    mask = _region_mask(white.shape[:2], box)
    return {Light.WHITE: out}, mask, _truth(
        f"background pattern of {z.label or z.id} imitated", z.rect_mm, zone=z.id,
        pitch_mm=round(pitch, 2), angle_deg=round(float(np.degrees(ang)), 1))
