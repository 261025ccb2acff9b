"""The image sets of ``python -m bench.mrz`` (see its docstring)."""

from __future__ import annotations

import io
import json
import math
import random
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from workstation.imageio import read_image
from workstation.mrz.render import random_mrz, synthetic_page
from workstation.types import CaptureSet, Image, Light


@dataclass
class Sample:
    name: str
    image: Image
    truth: list[str]  # empty: no MRZ in the image
    inconsistent: bool = False
    source: str = ""


def real_sets(path: Path) -> tuple[list[Sample], list[Sample]]:
    """The ground-truth file's images: printed MRZ verifies / is itself inconsistent."""
    data = json.loads(path.read_text())
    good: list[Sample] = []
    bad: list[Sample] = []
    for e in data["images"]:
        img = read_image(path.parent / e["path"])
        lines = list(e.get("mrz_lines") or [])
        ok = bool(e.get("computed_icao_check_digits", {}).get("all_valid", False))
        s = Sample(e["path"], img, lines, inconsistent=bool(lines) and not ok,
                   source=e["path"].split("/")[0])
        (bad if s.inconsistent else good).append(s)
    return good, bad


def _border_colour(img: Image) -> tuple[float, ...]:
    edge = np.concatenate([img[0].reshape(-1, img.shape[2] if img.ndim == 3 else 1),
                           img[-1].reshape(-1, img.shape[2] if img.ndim == 3 else 1)])
    return tuple(float(v) for v in np.median(edge, axis=0))


def _mrz_width(region: list[tuple[float, float]] | None, img: Image) -> float:
    if region:
        pts = np.asarray(region)
        return float(max(np.hypot(*(pts[1] - pts[0])), np.hypot(*(pts[2] - pts[3]))))
    return 0.9 * img.shape[1]


def shrunk(samples: list[Sample], regions: dict[str, Any], width_px: float = 200.0
           ) -> list[Sample]:
    """Each image scaled so its MRZ is about ``width_px`` wide (never enlarged)."""
    out = []
    for s in samples:
        scale = width_px / _mrz_width(regions.get(s.name), s.image)
        if scale >= 1.0:
            out.append(Sample(s.name + "@as-is", s.image, s.truth, s.inconsistent, s.source))
            continue
        img = cv2.resize(s.image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        out.append(Sample(f"{s.name}@{scale:.2f}", np.ascontiguousarray(img), s.truth,
                          s.inconsistent, s.source))
    return out


def rotated(samples: list[Sample], seed: int) -> list[Sample]:
    """Each image turned by an arbitrary angle (0-360 degrees) on a larger canvas."""
    rng = random.Random(seed)
    out = []
    for s in samples:
        angle = rng.uniform(0, 360)
        h, w = s.image.shape[:2]
        m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        side_w = int(abs(h * m[0, 1]) + abs(w * m[0, 0]) + 0.5)
        side_h = int(abs(h * m[0, 0]) + abs(w * m[0, 1]) + 0.5)
        m[0, 2] += side_w / 2 - w / 2
        m[1, 2] += side_h / 2 - h / 2
        img = cv2.warpAffine(s.image, m, (side_w, side_h), flags=cv2.INTER_LINEAR,
                             borderValue=_border_colour(s.image))
        out.append(Sample(f"{s.name}@{angle:.0f}deg", np.ascontiguousarray(img), s.truth,
                          s.inconsistent, s.source))
    return out


def perspective(samples: list[Sample], seed: int, strength: float = 0.12) -> list[Sample]:
    """Each image seen at an angle: corners moved by up to ``strength`` of its size."""
    rng = np.random.default_rng(seed)
    out = []
    for s in samples:
        h, w = s.image.shape[:2]
        src = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
        move = rng.uniform(0, strength, (4, 2)) * np.array([w, h])
        inward = np.array([[1, 1], [-1, 1], [-1, -1], [1, -1]])
        dst = (src + move * inward).astype(np.float32)
        dst -= dst.min(axis=0)
        size = (math.ceil(dst[:, 0].max()), math.ceil(dst[:, 1].max()))
        m = cv2.getPerspectiveTransform(src, dst)
        img = cv2.warpPerspective(s.image, m, size, flags=cv2.INTER_LINEAR,
                                  borderValue=_border_colour(s.image))
        out.append(Sample(s.name + "@persp", np.ascontiguousarray(img), s.truth,
                          s.inconsistent, s.source))
    return out


def mrz_erased(samples: list[Sample], regions: dict[str, Any]) -> list[Sample]:
    """Real photographs with no MRZ: each MRZ (where it was found) painted over with
    the paper around it, as a forger's retouch would be."""
    out = []
    for s in samples:
        region = regions.get(s.name)
        if not region:
            continue
        pts = np.asarray(region, np.float64)
        centre = pts.mean(axis=0)
        grown = centre + (pts - centre) * np.array([1.08, 1.6])
        img = s.image.copy()
        mask = np.zeros(img.shape[:2], np.uint8)
        cv2.fillPoly(mask, [np.round(grown).astype(np.int32)], 255)
        ring = cv2.dilate(mask, np.ones((9, 9), np.uint8)) & ~mask
        colour = np.median(img[ring > 0], axis=0) if (ring > 0).any() else 200
        img[mask > 0] = colour
        out.append(Sample(s.name + "@erased", img, [], False, s.source))
    return out


#: Lossless formats written under a lying extension.
_LYING = (("BMP", ".jpg"), ("PNG", ".jpg"), ("TIFF", ".png"), ("WEBP", ".jpg"),
          ("PPM", ".png"))


def extension_mismatch(samples: list[Sample]) -> list[tuple[Sample, bool]]:
    """Each image re-encoded losslessly in another format under a wrong extension
    and loaded by ``read_image``: ``(sample, loaded with identical pixels)``."""
    from PIL import Image as PILImage

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, s in enumerate(samples):
            fmt, ext = _LYING[k % len(_LYING)]
            buf = io.BytesIO()
            kw = {"lossless": True} if fmt == "WEBP" else {}
            PILImage.fromarray(s.image).save(buf, format=fmt, **kw)
            path = Path(tmp) / f"image{k}{ext}"
            path.write_bytes(buf.getvalue())
            try:
                img = read_image(path)
                same = img.shape == s.image.shape and bool(np.array_equal(img, s.image))
            except Exception:
                img, same = s.image, False
            out.append((Sample(f"{s.name} as {fmt}{ext}", img, s.truth, s.inconsistent,
                               s.source), same))
    return out


def synthetic_sets(n: int, seed: int) -> tuple[list[Sample], list[Sample]]:
    """Generated pages of every format and their twins without an MRZ."""
    rng = random.Random(seed)
    formats = ["TD1", "TD2", "TD3", "MRVA", "MRVB"]
    dpis = [150, 200, 300, 400, 600]
    pages: list[Sample] = []
    blanks: list[Sample] = []
    for i in range(n):
        fmt = formats[i % len(formats)]
        dpi = dpis[(i // len(formats)) % len(dpis)]
        lines = random_mrz(rng, fmt)
        mode = rng.random()
        rotation = rng.uniform(0, 360) if mode < 0.3 else rng.uniform(-10, 10) if mode < 0.7 else 0
        kw: dict[str, Any] = dict(
            dpi=dpi, seed=seed * 100000 + i, rotation_deg=rotation,
            perspective=rng.choice([0.0, 0.0, 0.015, 0.03]),
            blur_px=rng.uniform(0, 1.0) * dpi / 300, noise=rng.uniform(0, 8),
            jpeg_quality=rng.choice([None, 90, 60, 40]), uneven_light=rng.uniform(0, 0.5),
            ir=rng.random() < 0.3)
        img, _corners = synthetic_page(lines, **kw)
        pages.append(Sample(f"{fmt}@{dpi}#{i}", img, lines, source="synthetic"))
        if i % 5 == 0:
            blank, _ = synthetic_page(lines, draw_mrz=False, **kw)
            blanks.append(Sample(f"blank#{i}", blank, [], source="synthetic"))
    return pages, blanks


def reader_sets(n: int) -> dict[str, list[Sample]]:
    """Genuine documents captured by the simulated reader at 300 dpi, per light."""
    from workstation.hardware.simulated import SimulatedReader

    lights = (Light.WHITE, Light.UV, Light.IR)
    out: dict[str, list[Sample]] = {light.value: [] for light in lights}
    for i in range(n):
        doc = ("UTO-P-2020", "UTO-ID-2021")[i % 2]
        reader = SimulatedReader(document=doc, seed=1000 + i, dpi=300.0, lights=lights)
        try:
            cap: CaptureSet = reader.capture_all()
        finally:
            reader.close()
        truth = list(cap.metadata["simulation"]["mrz_lines"])
        for light in lights:
            out[light.value].append(Sample(f"{doc}#{i}:{light.value}", cap.images[light], truth,
                                           source="simulator"))
    return out
