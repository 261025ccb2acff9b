"""A document reader of another make: platens, lamps, optics and sensor.

The printed face (linear images from :mod:`bench.family2.render`) is laid on a
platen and photographed under white, UV and IR light:

* platens ``dark`` (black rubber, IR-grey), ``light`` (white lid as bright as the
  paper; some glow under UV), ``textured`` (ribbed grey mat), ``blue`` (felt,
  IR-bright);
* the page anywhere on the platen, turned by up to ±10°, sometimes partly
  outside the image, or the image cropped by the reader to the page's edges;
* per light: auto-exposure (the UV and IR gains follow the scene), white
  balance, uneven lamp light and vignetting, a soft shadow along the page's
  edges, defocus (IR focuses differently), shot and read noise, gamma, 8 bits,
  and optionally JPEG.

Everything is drawn from a :class:`Conditions` (random from a seed by
:func:`conditions_for`), and the ground truth (where the page lies) comes back
with the images.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import cv2
import numpy as np
import numpy.typing as npt

from bench.family2.optics import AZIMUTH_DEG
from bench.family2.render import RenderedFace
from workstation.imageio import decode_image, encode_image
from workstation.types import CaptureSet, Light

Float = npt.NDArray[np.float32]

PLATENS = ("dark", "light", "textured", "blue")
#: The reader's platen (mm) and its native density.
PLATEN_MM = (172.0, 124.0)
READER_DPI = 300.0
#: Gain of each light at the reader's nominal exposure.
NOMINAL_GAIN = {"white": 1.0, "uv": 1.25, "ir": 1.0, "uv254": 2.0, "oblique": 1.3,
                "oblique_top": 1.3, "coaxial": 1.6, "transmitted": 1.0}
DEVICE = "Norvanian bench reader NBR-2 (simulated, bench.family2)"


@dataclass(frozen=True)
class Conditions:
    """How one capture is taken (all drawn by :func:`conditions_for`).

    Attributes:
        platen: one of :data:`PLATENS`.
        platen_glows: the (light) platen has optical brighteners (glows under UV).
        angle_deg: the page's rotation on the platen (counter-clockwise).
        centre_mm: the page centre on the platen, mm from the image's top-left.
        cropped: the reader crops the image to the page (plus ``crop_margin_mm``).
        crop_margin_mm: margin of a cropped image (negative: cuts into the page).
        gains: exposure gain per light (the image level relative to nominal).
        auto_exposure: UV and IR gains follow the scene's mean level.
        white_balance: RGB gains of the white image.
        lamp_tilt: strength of the lamp's gradient per light (0..1).
        vignetting: light lost in the corners (0..1).
        blur_px: defocus (Gaussian sigma, px at ``dpi``) per light.
        noise: read-noise sigma (of full scale).
        jpeg_quality: JPEG quality of the saved images, or ``None`` for PNG.
        reports_exposure: the reader writes each light's exposure into capture.json.
        dpi: the reader's density.
    """

    platen: str = "dark"
    platen_glows: bool = False
    angle_deg: float = 0.0
    centre_mm: tuple[float, float] = (86.0, 62.0)
    cropped: bool = False
    crop_margin_mm: float = 0.0
    gains: dict[str, float] = field(default_factory=lambda: {"white": 1.0, "uv": 1.0,
                                                              "ir": 1.0})
    auto_exposure: bool = False
    white_balance: tuple[float, float, float] = (1.0, 1.0, 1.0)
    lamp_tilt: dict[str, float] = field(default_factory=lambda: {"white": 0.05, "uv": 0.15,
                                                                  "ir": 0.05})
    lamp_angle_deg: float = 30.0
    vignetting: float = 0.1
    blur_px: dict[str, float] = field(default_factory=lambda: {"white": 0.5, "uv": 0.7,
                                                                "ir": 0.8})
    noise: float = 0.006
    jpeg_quality: int | None = None
    reports_exposure: bool = True
    dpi: float = READER_DPI

    def to_json(self) -> dict[str, Any]:
        """JSON-ready fields."""
        return asdict(self)


def conditions_for(seed: int, *, platen: str | None = None, size_mm: tuple[float, float],
                   allow_outside: bool = True, allow_cropped: bool = True) -> Conditions:
    """Random capture conditions from ``seed`` for a face of ``size_mm``.

    ``platen`` forces the platen; the page's placement keeps it inside the
    image except (when ``allow_outside``) about one capture in six, where up to
    9 % of its width or height falls outside; about one in eight is cropped by
    the reader (``allow_cropped``).
    """
    rng = np.random.default_rng([seed, 31337])
    plat = platen or str(rng.choice(PLATENS))
    if plat not in PLATENS:
        raise ValueError(f"unknown platen {plat!r} (known: {', '.join(PLATENS)})")
    angle = float(rng.uniform(-10.0, 10.0))
    w, h = size_mm
    a = math.radians(angle)
    half_w = 0.5 * (abs(w * math.cos(a)) + abs(h * math.sin(a)))
    half_h = 0.5 * (abs(w * math.sin(a)) + abs(h * math.cos(a)))
    pw, ph = PLATEN_MM
    outside = allow_outside and rng.random() < 1 / 6
    cropped = allow_cropped and not outside and rng.random() < 1 / 8
    if outside:
        side = int(rng.integers(0, 4))
        over = float(rng.uniform(0.03, 0.09)) * (w if side in (0, 1) else h)
        cx = float(rng.uniform(half_w + 2, pw - half_w - 2))
        cy = float(rng.uniform(half_h + 2, ph - half_h - 2))
        if side == 0:
            cx = half_w - over
        elif side == 1:
            cx = pw - half_w + over
        elif side == 2:
            cy = half_h - over
        else:
            cy = ph - half_h + over
    else:
        cx = float(rng.uniform(half_w + 1.5, max(half_w + 1.6, pw - half_w - 1.5)))
        cy = float(rng.uniform(half_h + 1.5, max(half_h + 1.6, ph - half_h - 1.5)))
    auto = bool(rng.random() < 0.6)
    return Conditions(
        platen=plat,
        platen_glows=bool(plat == "light" and rng.random() < 0.5),
        angle_deg=angle, centre_mm=(cx, cy), cropped=cropped,
        crop_margin_mm=float(rng.uniform(-0.6, 1.5)),
        gains={"white": float(rng.uniform(0.82, 1.12)), "uv": float(rng.uniform(0.6, 1.7)),
               "ir": float(rng.uniform(0.75, 1.2))},
        auto_exposure=auto,
        white_balance=(float(rng.uniform(0.9, 1.1)), 1.0, float(rng.uniform(0.88, 1.12))),
        lamp_tilt={"white": float(rng.uniform(0.0, 0.12)), "uv": float(rng.uniform(0.05, 0.3)),
                   "ir": float(rng.uniform(0.0, 0.15))},
        lamp_angle_deg=float(rng.uniform(0, 360)),
        vignetting=float(rng.uniform(0.04, 0.25)),
        blur_px={"white": float(rng.uniform(0.3, 1.1)), "uv": float(rng.uniform(0.5, 1.3)),
                 "ir": float(rng.uniform(0.6, 1.5))},
        noise=float(rng.uniform(0.003, 0.012)),
        jpeg_quality=int(rng.integers(70, 96)) if rng.random() < 0.5 else None,
        reports_exposure=bool(rng.random() < 0.7),
    )


# -- platens ---------------------------------------------------------------------------------
def _smooth_noise(shape: tuple[int, int], rng: np.random.Generator, sigma: float) -> Float:
    """Gaussian noise blurred by ``sigma`` px, unit spread (coarse noise made small and
    enlarged: same look, a fraction of the time)."""
    h, w = shape
    f = max(1.0, sigma / 3.0)
    sh, sw = max(2, round(h / f)), max(2, round(w / f))
    n = rng.normal(0, 1, size=(sh, sw)).astype(np.float32)
    n = np.asarray(cv2.GaussianBlur(n, (0, 0), sigma / f), np.float32)
    if (sh, sw) != (h, w):
        n = np.asarray(cv2.resize(n, (w, h), interpolation=cv2.INTER_CUBIC), np.float32)
    return n / max(1e-6, float(n.std()))


def platen_images(kind: str, shape: tuple[int, int], dpi: float, *, glows: bool,
                  seed: int) -> tuple[Float, Float, Float]:
    """Linear ``(white RGB, uv RGB, ir)`` reflectance/emission of the empty platen."""
    rng = np.random.default_rng([seed, 99])
    h, w = shape
    px = dpi / 25.4
    fine = _smooth_noise(shape, rng, 0.6)
    coarse = _smooth_noise(shape, rng, 12 * px)
    if kind == "dark":
        base = np.array([0.030, 0.031, 0.036], np.float32)
        tex = 1.0 + 0.12 * fine + 0.08 * coarse
        white = base * tex[:, :, None]
        ir = 0.22 * (1.0 + 0.1 * fine + 0.06 * coarse)
        uv = white * 0.6
    elif kind == "light":
        level = float(rng.uniform(0.78, 0.93))
        base = np.array([level, level * 0.995, level * 0.985], np.float32)
        tex = 1.0 + 0.01 * fine + 0.015 * coarse
        white = base * tex[:, :, None]
        ir = level * 0.98 * tex
        uv = (np.array([0.26, 0.31, 0.62], np.float32) * tex[:, :, None] if glows
              else white * np.array([0.03, 0.012, 0.08], np.float32))
    elif kind == "textured":
        yy, xx = np.mgrid[0:h, 0:w].astype(np.float32) / np.float32(px)
        ribs = 0.5 + 0.5 * np.sin(2 * np.pi * (xx * 0.8 + yy * 0.6) / 2.2)
        ribs = ribs ** 3
        tex = 0.36 * (1.0 - 0.35 * ribs + 0.06 * fine + 0.05 * coarse)
        white = np.stack([tex, tex * 1.01, tex * 0.97], axis=2)
        ir = 0.45 * (1.0 - 0.3 * ribs + 0.05 * fine)
        uv = white * np.array([0.05, 0.03, 0.1], np.float32)
    elif kind == "blue":
        felt = 1.0 + 0.18 * fine + 0.1 * coarse
        white = np.array([0.07, 0.12, 0.34], np.float32) * felt[:, :, None]
        ir = 0.72 * (1.0 + 0.08 * fine)
        uv = white * np.array([0.1, 0.1, 0.3], np.float32)
    else:
        raise ValueError(f"unknown platen {kind!r}")
    return (np.ascontiguousarray(white, np.float32), np.ascontiguousarray(uv, np.float32),
            np.ascontiguousarray(ir, np.float32))


# -- placing the page --------------------------------------------------------------------------
def page_to_image(face_size_mm: tuple[float, float], render_dpi: float, cond: Conditions,
                  image_shape: tuple[int, int]) -> npt.NDArray[np.float64]:
    """Homography: page px at ``render_dpi`` -> image px of the capture."""
    s = cond.dpi / render_dpi
    w, h = face_size_mm
    a = math.radians(cond.angle_deg)
    c, si = math.cos(a), math.sin(a)
    # page px -> mm about its centre -> rotate (counter-clockwise on screen) -> platen px
    to_centre = np.array([[1, 0, -w * render_dpi / 25.4 / 2], [0, 1, -h * render_dpi / 25.4 / 2],
                          [0, 0, 1]], dtype=np.float64)
    rot = np.array([[c * s, si * s, 0], [-si * s, c * s, 0], [0, 0, 1]], dtype=np.float64)
    cx, cy = (v * cond.dpi / 25.4 for v in cond.centre_mm)
    to_platen = np.array([[1, 0, cx], [0, 1, cy], [0, 0, 1]], dtype=np.float64)
    mat = to_platen @ rot @ to_centre
    if cond.cropped:
        # The reader cuts the page out (plus the margin) and turns it upright, leaving
        # a trace of its rotation: the page sits centred in an image of its own size.
        small = math.radians(cond.angle_deg * 0.04)
        c2, s2 = math.cos(small), math.sin(small)
        rot2 = np.array([[c2 * s, s2 * s, 0], [-s2 * s, c2 * s, 0], [0, 0, 1]])
        oh, ow = image_shape
        centre = np.array([[1, 0, ow / 2], [0, 1, oh / 2], [0, 0, 1]], dtype=np.float64)
        mat = centre @ rot2 @ to_centre
    return mat


def image_shape_for(face_size_mm: tuple[float, float], cond: Conditions) -> tuple[int, int]:
    """``(height, width)`` of the capture's images."""
    if cond.cropped:
        w, h = face_size_mm
        m = 2 * cond.crop_margin_mm
        return (round((h + m) * cond.dpi / 25.4), round((w + m) * cond.dpi / 25.4))
    pw, ph = PLATEN_MM
    return round(ph * cond.dpi / 25.4), round(pw * cond.dpi / 25.4)


def _lamp_field(shape: tuple[int, int], tilt: float, angle_deg: float, vignetting: float
                ) -> Float:
    h, w = shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    u = (xx - w / 2) / (w / 2)
    v = (yy - h / 2) / (h / 2)
    a = math.radians(angle_deg)
    grad = 1.0 + tilt * (u * math.cos(a) + v * math.sin(a)) * 0.5
    r2 = (u * u + v * v) / 2.0
    vig = 1.0 - vignetting * r2 ** 1.5 * 1.4
    return np.clip(grad * vig, 0.2, 1.5).astype(np.float32)


def _warp(img: Float, mat: npt.NDArray[np.float64], shape: tuple[int, int],
          src_dpi: float, dst_dpi: float) -> Float:
    # Pre-filter the denser source so resampling does not alias fine print.
    ratio = src_dpi / dst_dpi
    if ratio > 1.05:
        img = np.asarray(cv2.GaussianBlur(img, (0, 0), 0.45 * ratio), np.float32)
    h, w = shape
    out = cv2.warpPerspective(img, mat, (w, h), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return np.asarray(out, np.float32)


@dataclass
class Capture:
    """A capture with its ground truth (``truth`` is JSON-ready)."""

    capture: CaptureSet
    truth: dict[str, Any]
    conditions: Conditions
    #: the JPEG files as the reader wrote them (the images are their decoding)
    encoded: dict[Light, bytes] = field(default_factory=dict)


def photograph(face: RenderedFace, cond: Conditions, *, seed: int, jpeg: bool = True,
               lights: tuple[str, ...] | None = None) -> Capture:
    """Lay ``face`` on the platen and take white, UV and IR images (and those of
    ``face.other``) under ``cond`` (JPEG-compressed by :func:`compress` unless ``jpeg`` is
    false: to edit first); ``lights`` keeps only those (a white-only high-density capture:
    ``("white",)``; the white image is the same whichever are taken)."""
    rng = np.random.default_rng([seed, 2024])
    shape = image_shape_for(face.face.size_mm, cond)
    mat = page_to_image(face.face.size_mm, face.dpi, cond, shape)
    plat_w, plat_uv, plat_ir = platen_images(cond.platen, shape, cond.dpi,
                                             glows=cond.platen_glows, seed=seed)
    alpha = _warp(face.alpha, mat, shape, face.dpi, cond.dpi)
    # A soft shadow along the page's edges, away from the white lamp.
    px = cond.dpi / 25.4
    a = math.radians(cond.lamp_angle_deg)
    shift = np.array([[1, 0, -0.35 * px * math.cos(a)], [0, 1, -0.35 * px * math.sin(a)]])
    shadow = cv2.warpAffine(alpha, shift, (shape[1], shape[0]))
    shadow = np.asarray(cv2.GaussianBlur(shadow, (0, 0), 0.4 * px), np.float32)
    shade = 1.0 - 0.45 * np.clip(shadow - alpha, 0.0, 1.0)
    scenes: dict[str, Float] = {}
    for name, src, plat in (("white", face.white, plat_w), ("uv", face.uv, plat_uv),
                            ("ir", face.ir, plat_ir)):
        if lights is not None and name not in lights:
            continue
        img = _warp(src, mat, shape, face.dpi, cond.dpi)
        al = alpha[:, :, None] if img.ndim == 3 else alpha
        sh = shade[:, :, None] if img.ndim == 3 else shade
        scenes[name] = img * al + plat * (1.0 - al) * sh
    # the other lights: the platen as each shows it (a light box under transmitted light)
    other_platen = {"uv254": plat_uv * np.float32(0.4), "oblique": plat_w * np.float32(0.35),
                    "oblique_top": plat_w * np.float32(0.35),
                    "coaxial": plat_w * np.float32(0.3),
                    "transmitted": np.full_like(plat_w, 0.92)}
    for name, src in face.other.items():
        if lights is not None and name not in lights:
            continue
        img = _warp(src, mat, shape, face.dpi, cond.dpi)
        al = alpha[:, :, None]
        scenes[name] = img * al + other_platen[name] * (1.0 - al)
    images: dict[Light, np.ndarray] = {}
    exposure: dict[str, float] = {}
    for name in ("white", "uv", "ir", *face.other):
        if name not in scenes:
            continue
        scene = scenes[name]
        key = name if name in cond.lamp_tilt else "white"
        lamp = _lamp_field(shape, cond.lamp_tilt[key], cond.lamp_angle_deg
                           + (90.0 if name in ("uv", "uv254") else 0.0), cond.vignetting)
        nominal_gain = NOMINAL_GAIN[name]
        gain = cond.gains.get(name, cond.gains["white"]) * nominal_gain
        if cond.auto_exposure and name in ("uv", "ir"):
            target = 0.10 if name == "uv" else 0.55
            gain = float(np.clip(target / max(1e-3, float(scene.mean())), 0.5, 6.0))
        # what the reader reports: exposure relative to its nominal setting
        exposure[name] = round(gain / nominal_gain, 4)
        lit = scene * (lamp[:, :, None] if scene.ndim == 3 else lamp) * np.float32(gain)
        if name == "white":
            lit = lit * np.asarray(cond.white_balance, np.float32).reshape(1, 1, 3)
        sigma = cond.blur_px.get(name, cond.blur_px["white"])
        if sigma > 0.2:
            lit = np.asarray(cv2.GaussianBlur(lit, (0, 0), sigma), np.float32)
        # shot noise (signal dependent) and read noise, in linear units of full scale
        shot = np.sqrt(np.clip(lit, 0, None) * 0.0004)
        lit = lit + rng.normal(0, 1, size=lit.shape).astype(np.float32) * (shot + cond.noise)
        enc = np.power(np.clip(lit, 0.0, 1.0), 1 / 2.2)
        images[Light(name)] = np.ascontiguousarray(np.round(enc * 255.0).astype(np.uint8))
    corners = cv2.perspectiveTransform(
        np.array([[[0, 0], [face.white.shape[1], 0], [face.white.shape[1], face.white.shape[0]],
                   [0, face.white.shape[0]]]], dtype=np.float64), mat)[0]
    h, w = shape
    inside = np.mean([(0 <= x <= w) and (0 <= y <= h) for x, y in corners])
    page_px = float(cv2.contourArea(corners.astype(np.float32)))
    clip = cv2.intersectConvexConvex(corners.astype(np.float32),
                                     np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32))[0]
    truth = {**face.truth, "conditions": cond.to_json(), "exposure": exposure,
             "corners_px": [[round(float(x), 2), round(float(y), 2)] for x, y in corners],
             "page_to_image": mat.tolist(), "render_dpi": face.dpi,
             "page_visible_fraction": round(float(clip) / max(1.0, page_px), 4),
             "corners_inside": float(inside)}
    meta: dict[str, Any] = {}
    grazing = {k: v for k, v in AZIMUTH_DEG.items() if Light(k) in images}
    if grazing:  # this reader's grazing lamps: on the right and the top edge
        meta["azimuth_deg"] = grazing
    if cond.reports_exposure:
        meta["exposure"] = dict(exposure)
    cap = CaptureSet(images=images, dpi=cond.dpi, device=DEVICE, metadata=meta,
                     captured_at=dt.datetime(2026, 5, 1, 9, 0, tzinfo=dt.UTC)
                     + dt.timedelta(minutes=seed % 100000))
    out = Capture(capture=cap, truth=truth, conditions=cond)
    return compress(out) if jpeg else out


def compress(cap: Capture) -> Capture:
    """``cap`` as the reader saves it: JPEG-compressed at the conditions' quality (the
    images become the decoded files); unchanged for a PNG-saving reader."""
    q = cap.conditions.jpeg_quality
    if q is None:
        return cap
    encoded: dict[Light, bytes] = {}
    images = {}
    for light, img in cap.capture.images.items():
        encoded[light] = encode_image(img, ".jpg", jpeg_quality=q)
        images[light] = decode_image(encoded[light], f"{light.value}.jpg")
    return Capture(capture=replace(cap.capture, images=images), truth=cap.truth,
                   conditions=cap.conditions, encoded=encoded)


def nominal(cond: Conditions) -> Conditions:
    """``cond`` with the page centred and upright on the dark platen, fixed exposure,
    little blur and noise and no JPEG: how an office captures an exemplar."""
    return replace(cond, platen="dark", platen_glows=False, angle_deg=0.0,
                   centre_mm=(PLATEN_MM[0] / 2, PLATEN_MM[1] / 2), cropped=False,
                   gains={"white": 1.0, "uv": 1.0, "ir": 1.0}, auto_exposure=False,
                   white_balance=(1.0, 1.0, 1.0),
                   lamp_tilt={"white": 0.03, "uv": 0.08, "ir": 0.03}, vignetting=0.05,
                   blur_px={"white": 0.4, "uv": 0.5, "ir": 0.6}, noise=0.003,
                   jpeg_quality=None)
