"""Synthetic MRZ images in OCR-B: for training the recogniser, tests and the bench.

Geometry follows ICAO Doc 9303 part 3: 10 characters per inch (pitch 2.54 mm),
character height about 2.4 mm, line pitch about 4.2 mm (TD3) / 3.8 mm (TD1).
"""

from __future__ import annotations

import random
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

from workstation.paths import resource
from workstation.types import MM_PER_INCH, Image

PITCH_MM = 2.54
LINE_PITCH_MM = {30: 3.8, 36: 4.2, 44: 4.3}
_FONT_SIZE = 100  # the reference size the glyph metrics are measured at


@lru_cache(maxsize=64)
def _font(size: int, path: str = "") -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path or str(resource("fonts", "OCRB.ttf")), size)


def _font_for_pitch(pitch_px: float, path: str = "") -> tuple[ImageFont.FreeTypeFont, float]:
    ref = _font(_FONT_SIZE, path).getlength("<")
    size = max(4, round(_FONT_SIZE * pitch_px / ref))
    font = _font(size, path)
    return font, font.getlength("<")


def cap_height_px(pitch_px: float, font_path: str = "") -> float:
    """The capital height (px) :func:`render_lines` draws at ``pitch_px``."""
    font, _adv = _font_for_pitch(pitch_px, font_path)
    box = font.getbbox("H")
    return float(box[3] - box[1])


def render_lines(lines: list[str], *, pitch_px: float, line_pitch_px: float | None = None,
                 margin_px: int | None = None, stroke_px: int = 0,
                 font_path: str = "") -> Image:
    """Black ``lines`` on white, ``pitch_px`` per character (grey, uint8), in OCR-B
    or the monospaced font at ``font_path`` (sized so its advance is the pitch).

    Each character is drawn at ``x = margin + i * pitch`` so sub-pixel pitch
    is kept over the whole line.
    """
    if pitch_px <= 2:
        raise ValueError(f"pitch_px must exceed 2, got {pitch_px}")
    font, _adv = _font_for_pitch(pitch_px, font_path)
    line_pitch = line_pitch_px or pitch_px * 1.65
    margin = margin_px if margin_px is not None else round(pitch_px * 2)
    n = max(len(line) for line in lines)
    width = round(2 * margin + n * pitch_px)
    height = round(2 * margin + (len(lines) - 1) * line_pitch + pitch_px * 1.2)
    img = PILImage.new("L", (width, height), 255)
    draw = ImageDraw.Draw(img)
    top = font.getbbox("A")[1]
    for r, line in enumerate(lines):
        y = margin + r * line_pitch - top
        for i, ch in enumerate(line):
            draw.text((margin + i * pitch_px, y), ch, font=font, fill=0,
                      stroke_width=stroke_px, stroke_fill=0)
    return np.asarray(img, dtype=np.uint8).copy()


def random_mrz(rng: random.Random, fmt: str | None = None) -> list[str]:
    """A random, check-digit-valid MRZ of format ``fmt`` (random format if ``None``)."""
    from workstation.mrz.checkdigit import check_digit

    fmt = fmt or rng.choice(["TD1", "TD2", "TD3", "MRVA", "MRVB"])
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    states = ["UTO", "D<<", "FRA", "GBR", "NLD", "CHE", "USA", "CAN", "XXA", "ESP", "POL"]

    def word(a: int, b: int) -> str:
        return "".join(rng.choice(letters) for _ in range(rng.randint(a, b)))

    def alnum(n: int) -> str:
        return "".join(rng.choice(letters + "0123456789") for _ in range(n))

    def date() -> str:
        return f"{rng.randint(0, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"

    def name(width: int) -> str:
        parts = [word(2, 12)]
        if rng.random() < 0.3:
            parts.append(word(2, 8))
        given = [word(2, 10) for _ in range(rng.randint(0, 3))]
        text = "<".join(parts) + "<<" + "<".join(given)
        return (text + "<" * width)[:width]

    state, nat = rng.choice(states), rng.choice(states)
    sex = rng.choice("MF<")
    number = alnum(rng.randint(6, 9)).ljust(9, "<")
    birth, expiry = date(), date()
    if fmt == "TD1":
        code = rng.choice(["I<", "ID", "IR", "AC", "C<"])
        opt1 = (alnum(rng.randint(0, 12)) + "<" * 15)[:15]
        opt2 = (alnum(rng.randint(0, 6)) + "<" * 11)[:11]
        l1 = code + state + number + check_digit(number) + opt1
        l2a = birth + check_digit(birth) + sex + expiry + check_digit(expiry) + nat + opt2
        comp = check_digit(l1[5:30] + l2a[0:7] + l2a[8:15] + l2a[18:29])
        return [l1, l2a + comp, name(30)]
    width = 44 if fmt in ("TD3", "MRVA") else 36
    code = {"TD3": "P<", "TD2": rng.choice(["I<", "ID", "AC"]),
            "MRVA": "V<", "MRVB": rng.choice(["V<", "VC", "VD"])}[fmt]
    l1 = code + state + name(width - 5)
    body = (number + check_digit(number) + nat + birth + check_digit(birth) + sex + expiry
            + check_digit(expiry))
    if fmt == "TD3":
        personal = (alnum(rng.randint(0, 14)) + "<" * 14)[:14]
        pcheck = check_digit(personal) if personal.strip("<") or rng.random() < 0.5 else "<"
        body += personal + pcheck
        body += check_digit(body[0:10] + body[13:20] + body[21:43])
    elif fmt == "TD2":
        body += (alnum(rng.randint(0, 7)) + "<" * 7)[:7]
        body += check_digit(body[0:10] + body[13:20] + body[21:35])
    else:
        body += (alnum(rng.randint(0, width - 28)) + "<" * 16)[:width - 28]
    return [l1, body]


def synthetic_page(lines: list[str], *, dpi: float = 300.0, seed: int = 0,
                   rotation_deg: float = 0.0, perspective: float = 0.0, blur_px: float = 0.0,
                   noise: float = 0.0, jpeg_quality: int | None = None,
                   uneven_light: float = 0.0, ir: bool = False, colour: bool = True,
                   draw_mrz: bool = True) -> tuple[Image, np.ndarray]:
    """A document face with ``lines`` as its MRZ, and the MRZ's four corners.

    The face is an ID-1 (TD1), ID-2 (TD2, MRV-B) or ID-3 (TD3, MRV-A) card with a
    guilloche-like background and some printed text; under ``ir`` the
    background drops out. Degradations: rotation (degrees, any angle),
    ``perspective`` (fraction of the width the corners move), blur (Gaussian
    sigma, pixels), noise (sigma, grey levels), JPEG quality, uneven light
    (0..1 darkening of one side). ``draw_mrz`` false leaves the MRZ out (a
    page with no MRZ; the corners still say where it would be).

    Returns:
        ``(image, corners)``: RGB (or grey when not ``colour``) uint8 image and
        a ``(4, 2)`` float array of the MRZ corners (x, y) in the image.
    """
    rng = np.random.default_rng(seed)
    pyrng = random.Random(seed)
    n = len(lines[0])
    px = dpi / MM_PER_INCH
    size_mm = {30: (85.6, 54.0), 36: (105.0, 74.0), 44: (125.0, 88.0)}[n]
    w, h = round(size_mm[0] * px), round(size_mm[1] * px)
    pitch = PITCH_MM * px
    line_pitch = LINE_PITCH_MM[n] * px
    mrz = render_lines(lines, pitch_px=pitch, line_pitch_px=line_pitch, margin_px=0)
    # background: paper tint and guilloche waves (dropped in IR)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if ir:
        page = np.full((h, w), 225.0, np.float32)
    else:
        f1, f2 = rng.uniform(0.02, 0.06, 2) * (300 / dpi)
        wave = np.sin(xx * f1 + 3 * np.sin(yy * f2)) * np.cos(yy * f1 * 0.7)
        page = 215 + 25 * wave
    pil = PILImage.fromarray(np.clip(page, 0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(pil)
    text_font = ImageFont.truetype(str(resource("fonts", "DejaVuSans.ttf")),
                                   max(6, round(2.6 * px)))
    x_text = round(w * 0.35)
    for k in range(6):
        y = round(h * 0.12 + k * 4.8 * px)
        if y > h * 0.62:
            break
        label = "".join(pyrng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789")
                        for _ in range(pyrng.randint(6, 18)))
        draw.text((x_text, y), label, font=text_font, fill=40 if ir else 60)
    # portrait block (fades in IR)
    draw.rectangle([round(w * 0.04), round(h * 0.12), round(w * 0.3), round(h * 0.62)],
                   fill=200 if ir else 120)
    page = np.asarray(pil, dtype=np.float32)
    x0 = round((w - mrz.shape[1]) / 2)
    y0 = round(h - 2.5 * px - mrz.shape[0])
    region = page[y0:y0 + mrz.shape[0], x0:x0 + mrz.shape[1]]
    if draw_mrz:
        page[y0:y0 + mrz.shape[0], x0:x0 + mrz.shape[1]] = np.minimum(
            region, mrz.astype(np.float32) * 0.9 + 15)
    corners = np.array([[x0, y0], [x0 + mrz.shape[1], y0],
                        [x0 + mrz.shape[1], y0 + mrz.shape[0]], [x0, y0 + mrz.shape[0]]],
                       np.float32)
    if colour and not ir:
        tint = np.array([1.0, 0.97, 0.9], np.float32)
        img = page[:, :, None] * tint[None, None, :]
    else:
        img = page[:, :, None]
    # place on a larger canvas, rotate, perspective
    pad = round(0.15 * max(w, h))
    canvas_bg = 90.0 if not ir else 60.0
    big = np.full((h + 2 * pad, w + 2 * pad, img.shape[2]), canvas_bg, np.float32)
    big[pad:pad + h, pad:pad + w] = img
    corners = corners + pad
    src = np.array([[pad, pad], [pad + w, pad], [pad + w, pad + h], [pad, pad + h]], np.float32)
    dst = src.copy()
    if perspective:
        dst += rng.uniform(-perspective, perspective, (4, 2)).astype(np.float32) * w
    centre = np.array([big.shape[1] / 2, big.shape[0] / 2], np.float32)
    theta = np.deg2rad(rotation_deg)
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]],
                   np.float32)
    dst = ((dst - centre) @ rot.T + centre).astype(np.float32)
    # output canvas big enough for any rotation
    side = int(np.ceil(np.hypot(*big.shape[:2])))
    shift = np.array([(side - big.shape[1]) / 2, (side - big.shape[0]) / 2], np.float32)
    dst = dst + shift
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    out = cv2.warpPerspective(big, m, (side, side), flags=cv2.INTER_AREA,
                              borderValue=(canvas_bg,) * 3)
    if out.ndim == 2:
        out = out[:, :, None]
    pts = cv2.perspectiveTransform(corners[None, :, :], m)[0]
    # crop to the document's bounding box plus a margin
    all_pts = cv2.perspectiveTransform(src[None], m)[0]
    mx = round(0.05 * max(w, h))
    x_lo = max(0, int(all_pts[:, 0].min()) - mx)
    y_lo = max(0, int(all_pts[:, 1].min()) - mx)
    x_hi = min(side, int(all_pts[:, 0].max()) + mx)
    y_hi = min(side, int(all_pts[:, 1].max()) + mx)
    out = out[y_lo:y_hi, x_lo:x_hi]
    pts = pts - np.array([x_lo, y_lo], np.float32)
    if uneven_light:
        hh, ww = out.shape[:2]
        ramp = 1.0 - uneven_light * np.linspace(0, 1, ww, dtype=np.float32)[None, :]
        ramp = ramp * (1.0 - 0.5 * uneven_light * np.linspace(1, 0, hh, dtype=np.float32)[:, None])
        out = out * ramp[:, :, None]
    if blur_px > 0:
        out = cv2.GaussianBlur(out, (0, 0), blur_px)
        if out.ndim == 2:
            out = out[:, :, None]
    if noise > 0:
        out = out + rng.normal(0, noise, out.shape).astype(np.float32)
    result = np.clip(out, 0, 255).astype(np.uint8)
    result = result[:, :, 0] if result.shape[2] == 1 else np.ascontiguousarray(result)
    if jpeg_quality is not None:
        ok, buf = cv2.imencode(".jpg", result, [cv2.IMWRITE_JPEG_QUALITY, int(jpeg_quality)])
        if ok:
            dec = cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)
            if dec is not None:
                result = np.asarray(dec, dtype=np.uint8)
    return np.ascontiguousarray(result), pts
