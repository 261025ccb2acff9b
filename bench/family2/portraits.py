"""Norvanian holders' portraits: frontal head-and-shoulders photographs painted from a seed.

Independent of the Utopia portrait code (:mod:`workstation.specimens.portrait`), and in
another style: a face is a set of landmark outlines (Catmull-Rom splines through
proportions of the head) filled as anti-aliased polygons, shaded from the distance to
its own outline and from blurred shadows of the features above it; hair is the space
between an outer contour and the hairline, streaked along its fall.

What varies between holders is what varies between people: the face's length and width,
forehead, cheekbones, jaw and chin; eye spacing, size, opening and slant, iris colour;
brow thickness, arch and height; nose length, width and bridge; mouth width, lip
thickness and a small smile; ear size and how far they stand out; hair (short, medium,
long over the shoulders, receding, bald, shaved), its parting, fringe, volume, texture and
colour; beards, moustaches and stubble for some; glasses for some; skin tone on a
continuous scale; a head tilt of a few degrees; the clothing's colour and neckline.
Everything is drawn as ICAO asks of a passport photograph: frontal, eyes open, neutral
light background.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Float = npt.NDArray[np.float32]
Pts = npt.NDArray[np.float64]

#: Portraits are painted at most this many pixels high and then scaled (they are smooth).
PAINT_PX = 480


def _spline(points: Pts, closed: bool = False, n: int = 12) -> Pts:
    """Catmull-Rom curve ``(m, 2)`` through ``points`` ``(k, 2)``."""
    p = np.asarray(points, np.float64)
    ext = (np.vstack([p[-1:], p, p[:2]]) if closed
           else np.vstack([2 * p[:1] - p[1:2], p, 2 * p[-1:] - p[-2:-1]]))
    segs = len(p) if closed else len(p) - 1
    t = np.linspace(0.0, 1.0, n, endpoint=False)[:, None]
    out = []
    for i in range(segs):
        p0, p1, p2, p3 = ext[i], ext[i + 1], ext[i + 2], ext[i + 3]
        out.append(0.5 * (2 * p1 + (-p0 + p2) * t + (2 * p0 - 5 * p1 + 4 * p2 - p3) * t ** 2
                          + (-p0 + 3 * p1 - 3 * p2 + p3) * t ** 3))
    if not closed:
        out.append(p[-1:])
    return np.vstack(out)


def _mirror(right: Pts) -> Pts:
    """A closed outline from its right half ``(k, 2)`` listed top to bottom on x >= 0."""
    left = right[::-1].copy()
    left[:, 0] = -left[:, 0]
    return np.vstack([right, left[1:-1]])


def _stroke(centre: Pts, widths: npt.ArrayLike) -> Pts:
    """A polygon around the curve ``centre`` ``(m, 2)``, ``widths`` (m,) thick."""
    c = np.asarray(centre, np.float64)
    d = np.gradient(c, axis=0)
    nrm = np.stack([-d[:, 1], d[:, 0]], axis=1)
    nrm /= np.maximum(1e-9, np.linalg.norm(nrm, axis=1))[:, None]
    half = np.asarray(widths, np.float64)[:, None] / 2
    return np.vstack([c + nrm * half, (c - nrm * half)[::-1]])


@dataclass
class _Canvas:
    """Paints polygons given in head units onto an RGB image ``(h, w, 3)``."""

    img: Float
    to_px: Callable[[Pts], Pts]

    def mask(self, poly: Pts, blur: float = 0.0) -> Float:
        """Coverage 0..1 ``(h, w)`` of the polygon ``poly`` (head units)."""
        h, w = self.img.shape[:2]
        m = np.zeros((h, w), np.uint8)
        pts = np.round(self.to_px(poly) * 16).astype(np.int32)
        cv2.fillPoly(m, [pts], 255, lineType=cv2.LINE_AA, shift=4)
        out = m.astype(np.float32) / 255.0
        if blur > 0:
            out = cv2.GaussianBlur(out, (0, 0), blur * h)
        return out

    def paint(self, mask: Float, colour: npt.ArrayLike, alpha: float = 1.0) -> None:
        a = (mask * np.float32(alpha))[:, :, None]
        col = np.asarray(colour, np.float32)
        self.img *= 1 - a
        self.img += a * col

    def darken(self, mask: Float, amount: float) -> None:
        self.img *= (1 - np.float32(amount) * mask)[:, :, None]


_SKIN_SCALE = np.array([[0.93, 0.79, 0.70], [0.86, 0.68, 0.56], [0.76, 0.57, 0.43],
                        [0.62, 0.44, 0.31], [0.46, 0.31, 0.21], [0.31, 0.20, 0.14]], np.float32)
_HAIR = np.array([[0.06, 0.05, 0.05], [0.16, 0.11, 0.08], [0.30, 0.20, 0.12],
                  [0.48, 0.35, 0.22], [0.72, 0.60, 0.40], [0.55, 0.27, 0.13],
                  [0.55, 0.54, 0.52], [0.80, 0.79, 0.77]], np.float32)
_IRIS = np.array([[0.22, 0.13, 0.07], [0.35, 0.22, 0.11], [0.30, 0.42, 0.55],
                  [0.35, 0.42, 0.28], [0.12, 0.08, 0.06]], np.float32)
_BACKDROP = np.array([[0.90, 0.90, 0.89], [0.84, 0.86, 0.89], [0.80, 0.84, 0.90],
                      [0.93, 0.93, 0.93], [0.86, 0.86, 0.84]], np.float32)


def _skin(t: float) -> npt.NDArray[np.float32]:
    """A skin reflectance on a continuous scale ``t`` in 0..1 (light to dark)."""
    x = t * (len(_SKIN_SCALE) - 1)
    i = min(int(x), len(_SKIN_SCALE) - 2)
    return np.asarray(_SKIN_SCALE[i] * (i + 1 - x) + _SKIN_SCALE[i + 1] * (x - i), np.float32)


def portrait(h: int, w: int, rng: np.random.Generator) -> Float:
    """A passport photograph ``(h, w, 3)`` of reflectances 0..1, drawn from ``rng``."""
    hp = min(h, PAINT_PX)
    wp = max(8, round(w * hp / h))
    img = _paint(hp, wp, rng)
    if (hp, wp) != (h, w):
        img = cv2.resize(img, (w, h), interpolation=cv2.INTER_CUBIC)
    img = img + rng.normal(0, 0.008, size=img.shape).astype(np.float32)
    img = cv2.GaussianBlur(img, (0, 0), max(0.5, w / 400))
    return np.clip(img, 0.02, 1.0).astype(np.float32)


def _paint(h: int, w: int, rng: np.random.Generator) -> Float:
    u = rng.uniform
    # -- who this is ---------------------------------------------------------------------
    female = bool(rng.random() < 0.5)
    length = u(0.66, 0.76)                    # crown to chin: ICAO asks 70-80 % of the height
    crown = u(0.06, 0.11)
    half_w = u(0.30, 0.37)                    # cheekbone half-width / length
    forehead = u(0.84, 0.97)                  # forehead width / cheekbones
    jaw = u(0.70, 0.88) if female else u(0.78, 0.96)   # jaw angle width / cheekbones
    jaw_y = u(0.76, 0.88)
    chin = u(0.16, 0.40)                      # chin half-width / cheekbones
    eye_y = u(0.46, 0.53)
    eye_w = u(0.085, 0.115)                   # eye length / length
    eye_gap = eye_w * u(0.80, 1.30)           # between the inner corners
    eye_open = u(0.28, 0.45)                  # opening / eye length
    slant = u(-0.05, 0.08)                    # outer corner raised (radians)
    nose_y = eye_y + u(0.17, 0.23)
    nose_w = eye_gap * u(0.85, 1.25) / 2
    mouth_y = nose_y + u(0.075, 0.11)
    mouth_w = u(0.15, 0.21) / 2
    lip_top, lip_bottom = u(0.010, 0.022), u(0.014, 0.032)
    smile = u(-0.004, 0.010)
    brow_up, brow_thick, brow_arch = u(0.045, 0.075), u(0.010, 0.024), u(0.005, 0.022)
    ear_size, ear_out = u(0.16, 0.23), u(0.01, 0.05)
    tilt = math.radians(rng.normal(0.0, 2.0))
    skin = _skin(float(u(0.0, 1.0))) * np.float32(u(0.96, 1.04))
    hair_col = _HAIR[rng.integers(len(_HAIR))] * np.float32(u(0.9, 1.1))
    iris = _IRIS[rng.integers(len(_IRIS))]
    style = str(rng.choice(["short", "medium", "medium", "long", "long", "long"] if female
                           else ["short", "short", "short", "medium", "long", "receding",
                                 "receding", "bald", "shaved"]))
    parting = float(rng.choice([-1.0, 0.0, 1.0]))
    fringe = bool(rng.random() < 0.3) and style in ("medium", "long", "short")
    volume = u(0.01, 0.07)
    curly = bool(rng.random() < 0.2)
    facial_hair = "none" if female else str(rng.choice(["none"] * 3 + [
        "moustache", "beard", "goatee", "stubble"]))
    glasses = bool(rng.random() < 0.22)
    frame_round = bool(rng.random() < 0.4)
    backdrop = _BACKDROP[rng.integers(len(_BACKDROP))]
    clothes_dark = bool(rng.random() < 0.55)
    clothes = (rng.uniform([0.04, 0.04, 0.05], [0.25, 0.25, 0.32]) if clothes_dark
               else rng.uniform([0.45, 0.40, 0.40], [0.92, 0.90, 0.90])).astype(np.float32)
    neckline = str(rng.choice(["crew", "vee", "collar", "open"]))
    asym = rng.normal(0.0, 0.006, size=16)
    cx = 0.5 * w / h + rng.normal(0.0, 0.012)

    # -- head units: x across from the face's axis, y down from the crown, 1 = crown..chin
    ct, st = math.cos(tilt), math.sin(tilt)

    def to_px(p: Pts) -> Pts:
        q = np.asarray(p, np.float64).reshape(-1, 2)
        x, y = q[:, 0], q[:, 1] - 1.1         # tilt about the neck
        xr, yr = x * ct - y * st, x * st + y * ct + 1.1
        return np.stack([(cx + xr * length) * h, (crown + yr * length) * h], axis=1)

    def body_px(p: Pts) -> Pts:               # the body is not tilted with the head
        q = np.asarray(p, np.float64).reshape(-1, 2)
        return np.stack([(cx + q[:, 0] * length) * h, (crown + q[:, 1] * length) * h], axis=1)

    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.broadcast_to(backdrop, (h, w, 3)).copy()
    r = np.hypot((xx / w - 0.5) * 1.2, yy / h - 0.45)
    img *= (1.03 - 0.10 * r)[:, :, None]
    cv = _Canvas(img, to_px)
    body = _Canvas(img, body_px)

    hw = half_w
    outline = _mirror(_spline(np.array([
        [0.0, 0.0], [0.48 * hw * forehead, 0.035], [0.80 * hw * forehead, 0.11],
        [hw * forehead, 0.25 + asym[0]], [0.98 * hw, 0.40], [hw, 0.55 + asym[1]],
        [0.5 * (hw + jaw * hw) + 0.02, 0.5 * (0.55 + jaw_y)], [jaw * hw, jaw_y],
        [chin * hw + 0.45 * (jaw - chin) * hw, jaw_y + 0.62 * (1 - jaw_y)],
        [chin * hw, 0.975], [0.0, 1.0]]), n=10))
    outline[:, 0] *= 1 + asym[2]

    # -- long hair behind the shoulders ---------------------------------------------------
    hair_out = _spline(np.array([
        [0.0, -volume], [0.55 * hw, -volume * 0.8 + 0.02], [hw * forehead + volume, 0.16],
        [hw + volume * 0.8 + 0.01, 0.40]]), n=10)
    if style == "long":
        fall = u(1.05, 1.55)
        back = np.vstack([hair_out, [[hw + volume + 0.05, 0.8], [hw + 0.12, fall]]])
        back_poly = _mirror(np.vstack([back, [[0.0, fall + 0.02]]]))
        cv.paint(cv.mask(back_poly), hair_col * 0.8)

    # -- shoulders, clothing, neck --------------------------------------------------------
    neck_w = hw * u(0.55, 0.72)
    shoulder_y = 1.12 + u(0.0, 0.08)
    slope = u(0.10, 0.22)
    span = 1.6
    shoulders = np.array([[-span, shoulder_y + slope * 3 + 0.4], [-span, shoulder_y + slope * 3],
                          [-neck_w - 0.35, shoulder_y + slope * 0.6], [-neck_w - 0.05, shoulder_y],
                          [neck_w + 0.05, shoulder_y], [neck_w + 0.35, shoulder_y + slope * 0.6],
                          [span, shoulder_y + slope * 3], [span, shoulder_y + slope * 3 + 0.4]])
    neck_poly = np.array([[-neck_w, 0.72], [neck_w, 0.72], [neck_w * 1.05, shoulder_y + 0.05],
                          [neck_w * 1.35, shoulder_y + 0.12], [-neck_w * 1.35, shoulder_y + 0.12],
                          [-neck_w * 1.05, shoulder_y + 0.05]])
    neck = body.mask(neck_poly)
    body.paint(neck, skin * 0.86)
    jaw_shadow = cv.mask(outline + np.array([0.0, 0.05]), blur=0.015)
    cv.darken(jaw_shadow * neck, 0.30)
    cloth = body.mask(shoulders)
    cloth_shade = (1.0 - 0.12 * np.clip(np.abs(xx / w - cx * h / w) * 2, 0, 1))[:, :, None]
    body.paint(cloth, clothes * cloth_shade)
    if neckline in ("vee", "open"):
        depth = 0.18 if neckline == "vee" else 0.28
        body.paint(body.mask(np.array([[-neck_w * 1.1, shoulder_y - 0.01],
                                       [neck_w * 1.1, shoulder_y - 0.01],
                                       [0.0, shoulder_y + depth]])), skin * 0.84)
    if neckline in ("collar", "open"):
        shirt = np.float32(0.9) if clothes_dark else clothes * 0.8
        for side in (-1, 1):
            body.paint(body.mask(np.array([[side * neck_w * 0.9, shoulder_y - 0.04],
                                           [side * neck_w * 1.6, shoulder_y + 0.06],
                                           [side * 0.04, shoulder_y + 0.18]])), shirt)
    else:
        body.paint(body.mask(_stroke(_spline(np.array([[-neck_w * 1.15, shoulder_y],
                                                       [0.0, shoulder_y + 0.06],
                                                       [neck_w * 1.15, shoulder_y]]), n=8),
                                     np.full(17, 0.025))), clothes * 0.7)

    # -- long hair falling in front of the shoulders --------------------------------------
    if style == "long" and rng.random() < 0.6:
        for side in (-1, 1):
            lock = np.array([[side * (hw * 0.9), 0.35], [side * (hw + volume + 0.06), 0.7],
                             [side * (hw + 0.10), fall], [side * (neck_w + 0.05), fall],
                             [side * (hw * 0.75), 0.75]])
            cv.paint(cv.mask(_spline(lock, closed=True, n=6)), hair_col * 0.88)

    # -- ears ------------------------------------------------------------------------------
    ear_top, ear_bot = eye_y - 0.06, eye_y - 0.06 + ear_size
    for side in (-1, 1):
        ear = np.array([[0.9 * hw, ear_top + 0.01], [hw + ear_out + 0.035, ear_top],
                        [hw + ear_out + 0.045, ear_top + 0.45 * ear_size],
                        [hw + ear_out * 0.5 + 0.02, ear_bot], [0.92 * hw, ear_bot - 0.01]])
        ear[:, 0] *= side
        em = cv.mask(_spline(ear, closed=True, n=6))
        cv.paint(em, skin * 0.9)
        inner = ear.copy()
        inner[:, 0] = side * (np.abs(ear[:, 0]) * 0.5 + (hw + ear_out * 0.5) * 0.5)
        inner[:, 1] = ear_top + (ear[:, 1] - ear_top) * 0.8 + 0.02
        cv.darken(cv.mask(_spline(inner, closed=True, n=6), blur=0.004) * em, 0.22)

    # -- the face, shaded from its outline ------------------------------------------------
    face = cv.mask(outline)
    dist = cv2.distanceTransform((face > 0.5).astype(np.uint8), cv2.DIST_L2, 5)
    depth_map = np.clip(dist / (hw * length * h * 0.55), 0, 1) ** 0.6
    side_light = 1.0 + 0.06 * np.clip((cx * h - xx) / (hw * length * h), -1, 1)
    shade = ((0.80 + 0.22 * depth_map) * side_light)[:, :, None]
    cv.paint(face, np.clip(skin * shade, 0, 1))

    # eye sockets, cheek and nose shadows
    for side in (-1, 1):
        ex = side * (eye_gap / 2 + eye_w / 2)
        socket = np.array([[ex - eye_w * 0.75, eye_y - 0.01], [ex, eye_y - brow_up * 0.7],
                           [ex + eye_w * 0.75, eye_y - 0.01], [ex, eye_y + 0.04]])
        cv.darken(cv.mask(_spline(socket, closed=True, n=6), blur=0.012) * face, 0.26)
        cheek = np.array([[side * hw * 0.95, 0.58], [side * hw * 0.7, 0.66],
                          [side * jaw * hw * 0.95, jaw_y - 0.02]])
        cv.darken(cv.mask(_stroke(_spline(cheek, n=6), np.full(13, 0.04)), blur=0.02) * face,
                  0.10)
    bridge = np.array([[-nose_w * 0.45, eye_y + 0.02], [nose_w * 0.45, eye_y + 0.02],
                       [nose_w * 0.6, nose_y - 0.04], [-nose_w * 0.6, nose_y - 0.04]])
    for side in (-1, 1):
        line = np.array([[side * nose_w * 0.45, eye_y + 0.01],
                         [side * nose_w * 0.55, 0.5 * (eye_y + nose_y)],
                         [side * nose_w * 0.85, nose_y - 0.025]])
        cv.darken(cv.mask(_stroke(_spline(line, n=6), np.full(13, 0.012)), blur=0.006), 0.16)
    cv.paint(cv.mask(bridge, blur=0.01) * face, np.clip(skin * 1.06, 0, 1), 0.5)
    # nose tip, wings and nostrils
    tip = np.array([[-nose_w * 0.55, nose_y - 0.03], [0.0, nose_y - 0.05],
                    [nose_w * 0.55, nose_y - 0.03], [nose_w * 0.4, nose_y - 0.005],
                    [0.0, nose_y + 0.005], [-nose_w * 0.4, nose_y - 0.005]])
    cv.paint(cv.mask(_spline(tip, closed=True, n=6), blur=0.006), np.clip(skin * 1.05, 0, 1),
             0.6)
    for side in (-1, 1):
        wing = np.array([[side * nose_w * 0.7, nose_y - 0.05],
                         [side * nose_w * 1.02, nose_y - 0.02],
                         [side * nose_w * 0.75, nose_y + 0.002], [side * nose_w * 0.35, nose_y]])
        cv.darken(cv.mask(_stroke(_spline(wing, n=6), np.full(19, 0.008)), blur=0.003), 0.28)
        nostril = np.array([[side * nose_w * 0.25, nose_y - 0.004],
                            [side * nose_w * 0.55, nose_y - 0.012],
                            [side * nose_w * 0.7, nose_y - 0.002],
                            [side * nose_w * 0.45, nose_y + 0.004]])
        cv.darken(cv.mask(_spline(nostril, closed=True, n=5), blur=0.002), 0.5)
    cv.darken(cv.mask(np.array([[-nose_w, nose_y], [nose_w, nose_y], [0.0, nose_y + 0.03]]),
                      blur=0.01) * face, 0.12)

    # -- mouth -----------------------------------------------------------------------------
    mw = mouth_w
    lips = np.clip(skin * np.array([0.92, 0.62, 0.62], np.float32) + [0.05, 0.0, 0.0], 0, 1)
    corner_y = mouth_y - smile
    upper = np.array([[-mw, corner_y], [-mw * 0.45, mouth_y - lip_top * 0.9],
                      [-mw * 0.12, mouth_y - lip_top], [0.0, mouth_y - lip_top * 0.75],
                      [mw * 0.12, mouth_y - lip_top], [mw * 0.45, mouth_y - lip_top * 0.9],
                      [mw, corner_y], [mw * 0.5, mouth_y + 0.002], [0.0, mouth_y + 0.003],
                      [-mw * 0.5, mouth_y + 0.002]])
    lower = np.array([[-mw, corner_y], [-mw * 0.5, mouth_y + 0.002], [0.0, mouth_y + 0.003],
                      [mw * 0.5, mouth_y + 0.002], [mw, corner_y],
                      [mw * 0.55, mouth_y + lip_bottom * 0.85], [0.0, mouth_y + lip_bottom],
                      [-mw * 0.55, mouth_y + lip_bottom * 0.85]])
    cv.paint(cv.mask(_spline(upper, closed=True, n=5)), lips * 0.88)
    cv.paint(cv.mask(_spline(lower, closed=True, n=5)), lips)
    seam = _spline(np.array([[-mw, corner_y], [-mw * 0.5, mouth_y + 0.001],
                             [0.0, mouth_y + 0.002], [mw * 0.5, mouth_y + 0.001], [mw, corner_y]]),
                   n=6)
    cv.darken(cv.mask(_stroke(seam, np.full(len(seam), 0.006))), 0.45)
    cv.darken(cv.mask(np.array([[-mw * 0.6, mouth_y + lip_bottom],
                                [mw * 0.6, mouth_y + lip_bottom],
                                [0.0, mouth_y + lip_bottom + 0.025]]), blur=0.008) * face, 0.12)

    # -- facial hair -----------------------------------------------------------------------
    beard_col = hair_col * 1.05
    if facial_hair in ("moustache", "beard"):
        tache = np.array([[-mw * 1.1, corner_y + 0.01], [-nose_w * 0.8, nose_y + 0.012],
                          [nose_w * 0.8, nose_y + 0.012], [mw * 1.1, corner_y + 0.01],
                          [mw * 0.5, mouth_y - lip_top - 0.002], [-mw * 0.5,
                                                                  mouth_y - lip_top - 0.002]])
        cv.paint(cv.mask(_spline(tache, closed=True, n=5), blur=0.003), beard_col, 0.9)
    if facial_hair in ("beard", "goatee", "stubble"):
        if facial_hair == "goatee":
            region = np.array([[-mw * 0.8, mouth_y + lip_bottom + 0.005],
                               [mw * 0.8, mouth_y + lip_bottom + 0.005],
                               [chin * hw * 0.9, 0.97], [0.0, 1.01], [-chin * hw * 0.9, 0.97]])
        else:
            region = np.vstack([outline[outline[:, 1] > nose_y - 0.02],
                                [[-mw * 1.3, mouth_y - 0.01], [mw * 1.3, mouth_y - 0.01]]])
            region = region[np.argsort(np.arctan2(region[:, 1] - mouth_y, region[:, 0]))]
        beard = cv.mask(region, blur=0.008)
        beard *= 1 - cv.mask(_spline(lower, closed=True, n=5))
        alpha = 0.35 if facial_hair == "stubble" else 0.9
        speck = rng.random((h, w)).astype(np.float32)
        cv.paint(beard * (0.7 + 0.3 * speck), beard_col, alpha)

    # -- eyes and brows --------------------------------------------------------------------
    for side in (-1, 1):
        inner, outer = side * eye_gap / 2, side * (eye_gap / 2 + eye_w)
        dy = -math.tan(slant) * eye_w
        o = eye_w * eye_open
        lid_up = _spline(np.array([[inner, eye_y], [inner + side * eye_w * 0.35, eye_y - o * 0.6],
                                   [inner + side * eye_w * 0.7, eye_y - o * 0.55 + dy * 0.6],
                                   [outer, eye_y + dy]]), n=6)
        lid_lo = _spline(np.array([[outer, eye_y + dy],
                                   [inner + side * eye_w * 0.6, eye_y + o * 0.45 + dy * 0.5],
                                   [inner + side * eye_w * 0.25, eye_y + o * 0.35],
                                   [inner, eye_y]]), n=6)
        eye_poly = np.vstack([lid_up, lid_lo])
        eye = cv.mask(eye_poly)
        cv.paint(eye, np.array([0.90, 0.88, 0.86], np.float32))
        ic = np.array([inner + side * eye_w * 0.5, eye_y + dy * 0.5 + o * 0.05])
        ang = np.linspace(0, 2 * np.pi, 24, endpoint=False)
        ring = np.stack([np.cos(ang), np.sin(ang)], axis=1)
        cv.paint(cv.mask(ic + ring * eye_w * 0.21) * eye, iris)
        cv.paint(cv.mask(ic + ring * eye_w * 0.09) * eye, np.float32(0.04))
        cv.paint(cv.mask(ic + np.array([-0.004, -0.004]) + ring * eye_w * 0.035) * eye,
                 np.float32(0.95), 0.8)
        cv.darken(cv.mask(_stroke(lid_up, np.linspace(0.004, 0.008, len(lid_up))[::side])), 0.75)
        crease = lid_up + np.array([0.0, -o * 0.55])
        cv.darken(cv.mask(_stroke(crease, np.full(len(crease), 0.004)), blur=0.003), 0.15)
        bx0, bx1 = inner - side * 0.005, outer + side * eye_w * 0.25
        by = eye_y - brow_up
        brow = _spline(np.array([[bx0, by + 0.006], [bx0 + side * eye_w * 0.45, by - brow_arch],
                                 [bx1, by + dy + 0.012]]), n=8)
        widths = np.linspace(brow_thick, brow_thick * 0.35, len(brow))
        brow_c = np.minimum(hair_col * 0.75, 0.45)  # brows are darker than fair hair
        cv.paint(cv.mask(_stroke(brow, widths), blur=0.002), brow_c, 0.9)

    # -- hair ------------------------------------------------------------------------------
    hair = np.zeros((h, w), np.float32)
    if style != "shaved" and style != "bald":
        drop = {"short": 0.40, "receding": 0.42, "medium": 0.70, "long": 0.75}[style]
        outer_poly = _mirror(np.vstack([hair_out, [[hw + volume * 0.5 + 0.005, drop],
                                                   [hw - 0.02, drop + 0.02], [0.0, 0.5]]]))
        line_y = {"receding": u(0.08, 0.14)}.get(style, u(0.19, 0.26))
        if fringe:
            line_y = eye_y - brow_up - u(0.03, 0.08)
        xs = np.linspace(-hw * 1.2, hw * 1.2, 49)
        hl = line_y + 0.12 * (xs / hw) ** 2 * (0.2 if fringe else 1.0)
        if style == "receding":
            hl = hl - 0.06 * np.exp(-((np.abs(xs) - 0.55 * hw) / (0.2 * hw)) ** 2)
        if parting and not fringe:
            hl = hl - 0.03 * parting * xs / hw
        side_in = hw * forehead * (0.80 if style == "short" else 0.92)
        hl = np.where(np.abs(xs) > side_in, drop, hl)
        exposed = np.vstack([np.stack([xs, hl], axis=1), [[hw * 1.3, 1.2], [-hw * 1.3, 1.2]]])
        hair = cv.mask(outer_poly) * (1 - cv.mask(exposed, blur=0.003))
    elif style == "bald":
        band = np.array([[hw * 0.97, 0.30], [hw + 0.008, 0.36], [hw + 0.006, 0.47],
                         [hw * 0.93, 0.47], [hw * 0.90, 0.36]])
        for side in (-1, 1):
            b = band.copy()
            b[:, 0] *= side
            hair = np.maximum(hair, cv.mask(b, blur=0.004))
    if hair.any():
        noise = rng.random((h, w)).astype(np.float32)
        if curly:
            tex = cv2.GaussianBlur(noise, (0, 0), h * 0.006)
        else:
            k = max(3, int(h * 0.05) | 1)
            kern = np.zeros((k, k), np.float32)
            kern[:, k // 2] = 1.0 / k
            kern = cv2.warpAffine(kern, cv2.getRotationMatrix2D((k / 2, k / 2),
                                                                 parting * 20.0, 1.0), (k, k))
            tex = cv2.filter2D(noise, -1, kern / max(1e-6, float(kern.sum())))
        tex = (tex - tex.mean()) / max(1e-6, float(tex.std()))
        hd = cv2.distanceTransform((hair > 0.5).astype(np.uint8), cv2.DIST_L2, 3)
        body_shade = 0.85 + 0.15 * np.clip(hd / (0.03 * h), 0, 1)
        sheen = 1.0 + 0.12 * np.exp(-(((yy / h) - crown - 0.06 * length) / 0.04) ** 2)
        colour = hair_col * (body_shade * sheen * (1 + 0.10 * tex))[:, :, None]
        cv.paint(hair, np.clip(colour, 0, 1))

    # -- glasses ---------------------------------------------------------------------------
    if glasses:
        frame = np.float32(rng.uniform(0.03, 0.45))
        thick = u(0.006, 0.014)
        for side in (-1, 1):
            ex = side * (eye_gap / 2 + eye_w / 2)
            rx, ry = eye_w * u(0.75, 0.85), eye_w * u(0.55, 0.70)
            ang = np.linspace(0, 2 * np.pi, 40, endpoint=False)
            p = 2.0 if frame_round else 5.0
            c, s = np.cos(ang), np.sin(ang)
            lens = np.stack([ex + rx * np.sign(c) * np.abs(c) ** (2 / p),
                             eye_y + 0.005 + ry * np.sign(s) * np.abs(s) ** (2 / p)], axis=1)
            ring_m = cv.mask(_stroke(np.vstack([lens, lens[:1]]), np.full(41, thick)))
            cv.paint(ring_m, frame)
            temple = np.array([[ex + side * rx, eye_y - ry * 0.4],
                               [side * (hw + 0.01), eye_y - ry * 0.5]])
            cv.paint(cv.mask(_stroke(temple, np.full(2, thick * 0.8))), frame)
        bridge_g = _spline(np.array([[-eye_gap / 2 + 0.01, eye_y - 0.005], [0.0, eye_y - 0.015],
                                     [eye_gap / 2 - 0.01, eye_y - 0.005]]), n=6)
        cv.paint(cv.mask(_stroke(bridge_g, np.full(len(bridge_g), thick * 0.8))), frame)
    return np.clip(cv.img, 0.0, 1.0).astype(np.float32)
