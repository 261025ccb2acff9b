"""Synthetic holder portraits: a head-and-shoulders figure drawn with soft gradients.

No photographs are used: :func:`draw_portrait` paints a plausible, face-like
figure (background, shoulders and clothing, neck, head with shading, hair, eyes,
brows, nose and mouth) from a few parameters drawn from a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Float = npt.NDArray[np.float32]

_SKIN = ((0.96, 0.80, 0.70), (0.90, 0.72, 0.58), (0.80, 0.60, 0.46), (0.64, 0.45, 0.32),
         (0.45, 0.30, 0.21), (0.93, 0.77, 0.64))
_HAIR = ((0.12, 0.09, 0.07), (0.30, 0.20, 0.12), (0.55, 0.40, 0.22), (0.80, 0.66, 0.42),
         (0.45, 0.45, 0.45), (0.62, 0.30, 0.15), (0.05, 0.05, 0.06))
_CLOTHES = ((0.15, 0.18, 0.28), (0.30, 0.30, 0.32), (0.55, 0.12, 0.15), (0.20, 0.35, 0.30),
            (0.85, 0.85, 0.82), (0.40, 0.28, 0.20))
_BACKDROP = ((0.82, 0.85, 0.88), (0.86, 0.86, 0.84), (0.78, 0.82, 0.86))


@dataclass(frozen=True)
class Face:
    """Parameters of one synthetic portrait (fractions of the portrait's size)."""

    skin: tuple[float, float, float]
    hair: tuple[float, float, float]
    clothes: tuple[float, float, float]
    backdrop: tuple[float, float, float]
    head_w: float
    head_h: float
    head_x: float
    head_y: float
    long_hair: bool
    hair_volume: float
    eye_gap: float
    mouth_w: float
    tilt: float


def portrait_seed(design_id: str, document_number: str, seed: int) -> str:
    """The face seed of a document holder's portrait: the printed page and the chip's
    DG2 are drawn from the same one."""
    return f"{design_id}:{document_number}:{seed}"


def face_for(seed: int | str) -> Face:
    """Portrait parameters drawn from ``seed``."""
    rng = random.Random(f"face:{seed}")
    return Face(
        skin=rng.choice(_SKIN), hair=rng.choice(_HAIR), clothes=rng.choice(_CLOTHES),
        backdrop=rng.choice(_BACKDROP), head_w=rng.uniform(0.25, 0.31),
        head_h=rng.uniform(0.30, 0.35), head_x=rng.uniform(0.47, 0.53),
        head_y=rng.uniform(0.40, 0.45), long_hair=rng.random() < 0.45,
        hair_volume=rng.uniform(0.02, 0.06), eye_gap=rng.uniform(0.095, 0.12),
        mouth_w=rng.uniform(0.07, 0.1), tilt=rng.uniform(-0.04, 0.04),
    )


def _ellipse(u: Float, v: Float, cx: float, cy: float, rx: float, ry: float,
             soft: float) -> Float:
    """Soft-edged filled ellipse: 1 inside, 0 outside, a ramp ``soft`` wide at the edge."""
    d = np.sqrt(((u - cx) / rx) ** 2 + ((v - cy) / ry) ** 2)
    return np.clip((1.0 - d) / soft, 0.0, 1.0).astype(np.float32)


def _paint(img: Float, mask: Float, colour: tuple[float, float, float] | Float) -> None:
    m = mask[..., None]
    img *= 1.0 - m
    img += m * np.asarray(colour, dtype=np.float32)


#: Portraits are painted at most this many pixels high, then scaled (they are smooth).
MAX_PAINT_PX = 260


def draw_portrait(face: Face, height_px: int, width_px: int) -> Float:
    """Paint ``face`` into a ``(height_px, width_px, 3)`` float32 RGB image in 0..1."""
    if height_px < 4 or width_px < 4:
        raise ValueError("portrait too small")
    if height_px > MAX_PAINT_PX:
        small = _paint_face(face, MAX_PAINT_PX, max(4, round(width_px * MAX_PAINT_PX
                                                             / height_px)))
        big = cv2.resize(small, (width_px, height_px), interpolation=cv2.INTER_CUBIC)
        return np.clip(big, 0.0, 1.0).astype(np.float32)
    return _paint_face(face, height_px, width_px)


def _paint_face(face: Face, h: int, w: int) -> Float:
    v, u = np.mgrid[0:h, 0:w].astype(np.float32)
    v /= h
    u /= w
    u = u * (w / h)  # isotropic units: height = 1
    aspect = w / h
    cx = face.head_x * aspect
    img = np.empty((h, w, 3), np.float32)
    back = np.asarray(face.backdrop, np.float32)
    shade = (1.04 - 0.12 * v - 0.1 * np.abs(u / aspect - 0.5))[..., None]
    img[:] = back * shade
    soft = 2.5 / h
    # long hair falls behind the shoulders
    if face.long_hair:
        hair_back = _ellipse(u, v, cx, face.head_y + 0.16, face.head_w * 0.95,
                             face.head_h * 1.05, soft * 4)
        _paint(img, hair_back * 0.98, np.asarray(face.hair, np.float32) * 0.85)
    # neck, then shoulders and clothing over its lower end
    neck = _ellipse(u, v, cx, face.head_y + face.head_h * 0.95, face.head_w * 0.40,
                    face.head_h * 0.6, soft * 3)
    neck *= (v > face.head_y).astype(np.float32)
    skin = np.asarray(face.skin, np.float32)
    neck_col = skin[None, None, :] * (0.72 + 0.12 * np.clip(
        (v - face.head_y - face.head_h) / 0.15, 0, 1))[..., None]
    _paint(img, neck, neck_col)
    body = _ellipse(u, v, cx, 1.14, 0.48 * aspect / 0.8, 0.32, soft * 3)
    body_col = np.asarray(face.clothes, np.float32)[None, None, :] * (
        0.85 + 0.25 * (1 - np.abs(u - cx))[..., None])
    _paint(img, body, np.clip(body_col, 0, 1))
    vneck = np.clip(1.0 - np.abs(u - cx) / np.maximum(0.9 - v, 0.001) / 0.9, 0, 1)
    vneck = (vneck > 0.5).astype(np.float32) * body * (v < 0.95)
    _paint(img, vneck, skin * 0.8)
    # head with a soft 3-D shading (lit from the upper left)
    du = (u - cx - face.tilt * (v - face.head_y)) / face.head_w
    dv = (v - face.head_y) / face.head_h
    head = np.clip((1.0 - np.sqrt(du**2 + dv**2)) / (soft * 2 / face.head_w), 0, 1)
    light = 1.06 - 0.22 * np.clip(du**2 + dv**2, 0, 1) - 0.08 * du - 0.05 * dv
    head_col = skin[None, None, :] * light[..., None]
    _paint(img, head.astype(np.float32), np.clip(head_col, 0, 1).astype(np.float32))
    # hair: a cap over the top of the head
    cap = _ellipse(u, v, cx, face.head_y - face.head_h * 0.18,
                   face.head_w * (1.04 + face.hair_volume), face.head_h * 0.92, soft * 3)
    fringe = face.head_y - face.head_h * (0.42 - 0.45 * np.clip(du, -1, 1) ** 2)
    cap *= np.clip((fringe - v) / (soft * 4) + 0.5, 0, 1).astype(np.float32)
    hair_col = np.asarray(face.hair, np.float32)[None, None, :] * (
        1.0 + 0.15 * np.sin(u * 90.0)[..., None] * 0.5)
    _paint(img, cap, np.clip(hair_col, 0, 1))
    # eyes, brows, nose, mouth
    ey = face.head_y - face.head_h * 0.05
    for side in (-1, 1):
        ex = cx + side * face.eye_gap
        white = _ellipse(u, v, ex, ey, 0.045, 0.018, 0.35)
        _paint(img, white * 0.8, (0.92, 0.90, 0.88))
        iris = _ellipse(u, v, ex, ey, 0.017, 0.017, 0.4)
        _paint(img, iris * 0.95, (0.18, 0.14, 0.12))
        lid = _ellipse(u, v, ex, ey - 0.012, 0.05, 0.01, 0.5)
        _paint(img, lid * 0.5, skin * 0.55)
        brow = _ellipse(u, v, ex, ey - 0.05, 0.055, 0.011, 0.5)
        _paint(img, brow * 0.85, np.asarray(face.hair, np.float32) * 0.9)
    nose = _ellipse(u, v, cx + 0.01, face.head_y + face.head_h * 0.2, 0.025, 0.05, 0.6)
    _paint(img, nose * 0.35, skin * 0.7)
    nostril = _ellipse(u, v, cx, face.head_y + face.head_h * 0.28, 0.035, 0.012, 0.6)
    _paint(img, nostril * 0.4, skin * 0.55)
    mouth = _ellipse(u, v, cx, face.head_y + face.head_h * 0.5, face.mouth_w, 0.016, 0.5)
    _paint(img, mouth * 0.8, (skin[0] * 0.78, skin[1] * 0.45, skin[2] * 0.45))
    chin = _ellipse(u, v, cx, face.head_y + face.head_h * 0.8, face.head_w * 0.6, 0.05, 0.8)
    _paint(img, chin * 0.15 * head, skin * 0.8)
    return np.clip(img, 0.0, 1.0).astype(np.float32)
