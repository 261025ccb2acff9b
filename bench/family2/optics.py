"""The Norvanian documents under the reader's other lights — this family's own model,
sharing nothing with the Utopia renderer's.

Features (per face, :data:`FEATURES`): the passport's intaglio header and its paper's
watermark (a shaded ring with a crossed centre, thicker paper lighter in transmitted
light); the card's tactile-engraved portrait frame, its laminate's retro-reflective
lattice of rhombi, and a short-wave (254 nm) luminescent band on both faces.

Light models (``linear`` 0..~1 images at the face's density):

* ``oblique`` / ``oblique_top``: a lamp 12° above the page at an azimuth (this reader
  has its grazing lamps on the *right* edge, 0°, and the top edge, 90°); the surface
  (paper roughness plus relief) is lit Lambert-like by the lamp's direction, so a
  ridge is bright on the lamp's side and dark on the other;
* ``coaxial``: a quarter of the diffuse white image, the laminate's specular gloss and
  its retro-reflective lattice;
* ``transmitted``: a backlit platen through the sheet: the paper's transmittance map
  (watermark) times ``10 ** -density`` of all print, in white light;
* ``uv254``: the substrate's own short-wave glow and the UV-C ink's emission, quenched
  by ink above as under 365 nm, plus a little reflected lamp light.

Forgeries (``forgery`` of :func:`features_for`): ``relief_flat`` (no intaglio, no
engraving: a flat reprint), ``watermark_printed`` (plain paper, the ring printed in
pale grey on the front), ``coaxial_pattern_missing`` (a plain laminate),
``uv254_imitated`` (the band in a 365 nm ink).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np
import numpy.typing as npt

from bench.family2 import draw as D
from bench.family2 import materials as M

Float = npt.NDArray[np.float32]

#: Lamp azimuths of this reader (degrees, counter-clockwise from the image's +x, y up):
#: the first grazing lamp on the right edge, the second on the top edge.
AZIMUTH_DEG = {"oblique": 0.0, "oblique_top": 90.0}
#: Elevation of the grazing lamps (degrees above the page).
ELEVATION_DEG = 12.0
#: The UV-C ink: nearly invisible in white light and under 365 nm, green under 254 nm.
UVC_GREEN = M.Ink("UV-C green", (0.004, 0.002, 0.006), 0.0, 0.02)
UVC_EMISSION = (0.18, 0.62, 0.30)
#: The forger's ink for it: glows under 365 nm only.
UVA_GREEN = M.Ink("UV-A green (forger)", (0.004, 0.002, 0.006), 0.0, 0.02, (0.20, 0.60, 0.28))
#: The forger's pale grey for a printed "watermark".
PALE_GREY = M.Ink("pale grey toner", (0.05, 0.05, 0.05), 0.02, 0.05)

FORGERIES = ("relief_flat", "watermark_printed", "coaxial_pattern_missing", "uv254_imitated")


@dataclass
class Sheet:
    """What the other lights see: the surface height (µm), light through the paper,
    the laminate and the short-wave emission, ``(H, W)`` / ``(H, W, 3)``."""

    height_um: Float
    transmit: Float
    uvc: Float
    retro: Float | None = None
    gloss: float = 0.0
    quench: Float | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Features:
    """A face's features for the other lights."""

    intaglio_text: tuple[str, float, float, float] | None = None  # text, x, baseline, cap
    intaglio_um: float = 0.0
    frame: tuple[float, float, float, float] | None = None  # engraved frame rect (mm)
    frame_um: float = 0.0
    watermark: tuple[float, float, float] | None = None  # centre x, y, radius (mm)
    uvc_band: tuple[float, float, float, float] | None = None
    retro_pitch_mm: float = 0.0
    gloss: float = 0.0
    transmit: float = 0.35
    roughness_um: float = 3.0


FEATURES: dict[str, Features] = {
    "NRV-P-2018": Features(intaglio_text=("REPUBLIKA NORVANIA", 38.0, 6.6, 3.1),
                           intaglio_um=22.0, watermark=(66.0, 60.0, 6.5),
                           uvc_band=(98.0, 66.5, 24.0, 4.0), transmit=0.32,
                           roughness_um=4.0),
    "NRV-ID-2019-F": Features(frame=(3.0, 9.5, 22.0, 28.0), frame_um=16.0,
                              uvc_band=(73.0, 2.0, 10.5, 5.0), retro_pitch_mm=4.2,
                              gloss=0.08, transmit=0.06, roughness_um=0.6),
}


def lights_for(face_id: str) -> tuple[str, ...]:
    """The other lights ``face_id`` has features for (in formats.md §1 order)."""
    f = FEATURES.get(face_id)
    if f is None:
        return ()
    out = []
    if f.uvc_band is not None:
        out.append("uv254")
    if f.intaglio_um or f.frame_um:
        out += ["oblique", "oblique_top"]
    if f.retro_pitch_mm:
        out.append("coaxial")
    if f.watermark is not None:
        out.append("transmitted")
    return tuple(out)


def forgeries_for(face_id: str) -> tuple[str, ...]:
    """The forgeries of :data:`FORGERIES` ``face_id`` can carry."""
    f = FEATURES.get(face_id)
    if f is None:
        return ()
    has = {"relief_flat": bool(f.intaglio_um or f.frame_um),
           "watermark_printed": f.watermark is not None,
           "coaxial_pattern_missing": bool(f.retro_pitch_mm),
           "uv254_imitated": f.uvc_band is not None}
    return tuple(k for k in FORGERIES if has[k])


def _watermark_tone(shape: tuple[int, int], dpi: float, wm: tuple[float, float, float]
                    ) -> Float:
    """The watermark as a relative change of the paper's thickness (+ thicker, darker)."""
    x, y, r = wm
    ring = D.ring(shape, dpi, centre_mm=(x, y), radius_mm=r * 0.8, width_mm=r * 0.28)
    cross = D.curves(shape, dpi, [np.array([[x - r * 0.5, y], [x + r * 0.5, y]]),
                                  np.array([[x, y - r * 0.5], [x, y + r * 0.5]])],
                     width_mm=r * 0.16)
    tone = 0.45 * ring - 0.35 * cross
    return np.asarray(cv2.GaussianBlur(tone.astype(np.float32), (0, 0), 0.35 * dpi / 25.4),
                      np.float32)


def _retro_lattice(shape: tuple[int, int], dpi: float, pitch_mm: float) -> Float:
    """Rhombi on a square lattice turned 30° (0..1)."""
    yy, xx = D.grid_mm(shape, dpi)[1], D.grid_mm(shape, dpi)[0]
    a = math.radians(30.0)
    u = (xx * math.cos(a) + yy * math.sin(a)) / pitch_mm
    v = (-xx * math.sin(a) + yy * math.cos(a)) / pitch_mm
    du, dv = np.abs(u - np.round(u)), np.abs(v - np.round(v))
    rhomb = np.clip((0.32 - (du + dv)) * pitch_mm * dpi / 25.4 / 1.5, 0.0, 1.0)
    return np.asarray(rhomb, np.float32)


def print_features(face_id: str, page: M.Page, dpi: float, rng: np.random.Generator, *,
                   forgery: str | None) -> Sheet:
    """Print the face's features on ``page`` (the UV-C band, a printed "watermark") and
    return the :class:`Sheet` the other lights see. Call before the personalisation."""
    f = FEATURES.get(face_id, Features())
    shape = page.shape
    px = dpi / 25.4
    height = (_roughness(shape, dpi, rng) * np.float32(f.roughness_um)).astype(np.float32)
    transmit = np.full(shape, f.transmit, np.float32)
    if f.watermark is not None:
        tone = _watermark_tone(shape, dpi, f.watermark)
        if forgery == "watermark_printed":
            # plain paper; the forger prints what the watermark looks like, pale, on top
            page.print(np.clip(tone, 0.0, None) * 1.4, PALE_GREY)
        else:
            transmit *= np.power(np.float32(10.0), -tone * np.float32(0.5))
    uvc = np.zeros((*shape, 3), np.float32)
    if f.uvc_band is not None:
        x, y, w, h = f.uvc_band
        paths = []
        for k in range(4):
            xs = np.linspace(x, x + w, 160)
            ys = y + h * (k + 0.5) / 4 + 0.3 * h / 4 * np.sin((xs - x) / 1.7 + k)
            paths.append(np.stack([xs, ys], axis=1))
        cov = D.curves(shape, dpi, paths, width_mm=0.3)
        if forgery == "uv254_imitated":
            page.print(cov, UVA_GREEN)
        else:
            page.print(cov, UVC_GREEN)
            uvc += cov[:, :, None] * np.asarray(UVC_EMISSION, np.float32)
    if forgery != "relief_flat":
        if f.intaglio_text is not None and f.intaglio_um:
            text, tx, base, cap = f.intaglio_text
            cov, r0, c0 = D.place_text(shape, text, font=D.SERIF_BOLD, cap_mm=cap, x_mm=tx,
                                       baseline_mm=base, dpi=dpi, tracking_mm=0.15)
            _add(height, cov * np.float32(f.intaglio_um), r0, c0)
        if f.frame is not None and f.frame_um:
            x, y, w, h = f.frame
            frame = np.zeros(shape, np.float32)
            cv2.rectangle(frame, (round(x * px), round(y * px)),
                          (round((x + w) * px), round((y + h) * px)), 1.0,
                          max(1, round(0.5 * px)), cv2.LINE_AA)
            height += cv2.GaussianBlur(frame, (0, 0), 0.12 * px) * np.float32(f.frame_um)
    retro = None
    if f.retro_pitch_mm and forgery != "coaxial_pattern_missing":
        retro = _retro_lattice(shape, dpi, f.retro_pitch_mm)
    return Sheet(height_um=height, transmit=transmit, uvc=uvc, retro=retro, gloss=f.gloss)


def _add(dst: Float, src: Float, r0: int, c0: int) -> None:
    h, w = src.shape
    H, W = dst.shape
    ra, ca, rb, cb = max(0, r0), max(0, c0), min(H, r0 + h), min(W, c0 + w)
    if rb > ra and cb > ca:
        dst[ra:rb, ca:cb] += src[ra - r0:rb - r0, ca - c0:cb - c0]


def _roughness(shape: tuple[int, int], dpi: float, rng: np.random.Generator) -> Float:
    """Paper or card roughness (unit spread), correlated over about 0.15 mm."""
    n = rng.normal(0, 1, size=shape).astype(np.float32)
    n = np.asarray(cv2.GaussianBlur(n, (0, 0), max(0.8, 0.15 * dpi / 25.4)), np.float32)
    return n / max(1e-6, float(n.std()))


def other_lights(page: M.Page, sheet: Sheet, white: Float, lights: tuple[str, ...],
                 dpi: float) -> dict[str, Float]:
    """The face under each of ``lights`` (linear), from the printed ``page``."""
    out: dict[str, Float] = {}
    ten = np.float32(10.0)
    px_um = 25_400.0 / dpi
    for light in lights:
        if light in AZIMUTH_DEG:
            out[light] = _grazing(white, sheet.height_um, AZIMUTH_DEG[light], px_um)
        elif light == "coaxial":
            img = white * np.float32(0.25) + np.float32(sheet.gloss)
            if sheet.retro is not None:
                img = img + sheet.retro[:, :, None] * np.float32(0.18)
            out[light] = np.ascontiguousarray(img, np.float32)
        elif light == "transmitted":
            dens = page.density[:, :, :3]
            t = sheet.transmit[:, :, None] * np.power(ten, -dens)
            out[light] = np.ascontiguousarray(t * np.float32(2.2), np.float32)
        elif light == "uv254":
            quench = np.power(ten, -page.uv_absorb)[:, :, None]
            own = np.asarray((0.010, 0.012, 0.020), np.float32) * quench
            uvc = sheet.uvc * np.power(ten, -np.clip(page.uv_absorb - 0.02, 0.0, None)
                                       )[:, :, None]
            out[light] = np.ascontiguousarray(own + uvc + white[:, :, 2:3]
                                              * np.asarray((0.01, 0.006, 0.03), np.float32),
                                              np.float32)
    return out


def _grazing(white: Float, height_um: Float, azimuth_deg: float, px_um: float) -> Float:
    """Lambert-like shading of the surface by a lamp low over the page."""
    h = np.asarray(cv2.GaussianBlur(height_um, (0, 0), 0.8), np.float32)
    gx = np.asarray(cv2.Sobel(h, cv2.CV_32F, 1, 0, ksize=3), np.float32) / np.float32(8 * px_um)
    gy = np.asarray(cv2.Sobel(h, cv2.CV_32F, 0, 1, ksize=3), np.float32) / np.float32(8 * px_um)
    a, e = math.radians(azimuth_deg), math.radians(ELEVATION_DEG)
    lx, ly, lz = math.cos(a) * math.cos(e), -math.sin(a) * math.cos(e), math.sin(e)
    norm = np.sqrt(gx * gx + gy * gy + 1.0)
    lambert = np.clip((-gx * lx - gy * ly + lz) / norm, 0.0, None) / np.float32(lz)
    return np.ascontiguousarray(white * (np.float32(0.55) * lambert)[:, :, None], np.float32)
