"""Image files load by their content, whatever their name says."""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image as PILImage

from workstation.errors import FormatError
from workstation.imageio import read_image


def _picture() -> np.ndarray:
    rng = np.random.default_rng(1)
    img = np.zeros((40, 60, 3), np.uint8)
    img[:, :, 0] = np.linspace(0, 255, 60, dtype=np.uint8)[None, :]
    img[:, :, 1] = np.linspace(255, 0, 40, dtype=np.uint8)[:, None]
    img[:, :, 2] = rng.integers(0, 255, (40, 60), dtype=np.uint8)
    return img


@pytest.mark.parametrize("fmt,name", [
    ("BMP", "scan.jpg"), ("PNG", "scan.jpg"), ("TIFF", "scan.png"), ("WEBP", "scan.tif"),
    ("PPM", "scan.png"), ("ICO", "scan.jpg"), ("TGA", "scan.png"), ("PCX", "scan.bmp"),
])
def test_lossless_formats_load_under_a_wrong_extension(tmp_path: Path, fmt: str,
                                                       name: str) -> None:
    img = _picture()
    buf = io.BytesIO()
    options: dict[str, dict[str, object]] = {"WEBP": {"lossless": True},
                                              "ICO": {"sizes": [(60, 40)]}}
    kw = options.get(fmt, {})
    PILImage.fromarray(img).save(buf, format=fmt, **kw)
    path = tmp_path / name
    path.write_bytes(buf.getvalue())
    got = read_image(path)
    assert got.shape == img.shape and got.dtype == np.uint8
    assert np.array_equal(got, img)


def test_palette_and_one_bit_images_load(tmp_path: Path) -> None:
    img = _picture()
    pal = PILImage.fromarray(img).convert("P")
    path = tmp_path / "p.jpg"
    pal.save(path, format="GIF")
    assert read_image(path).shape == (40, 60, 3)
    bw = PILImage.fromarray(img[:, :, 0]).convert("1")
    path2 = tmp_path / "b.png"
    bw.save(path2, format="TIFF")
    got = read_image(path2)
    assert got.ndim == 2 and set(np.unique(got)) <= {0, 255}


def test_text_named_jpg_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "x.jpg"
    path.write_text("not an image")
    with pytest.raises(FormatError, match="not a readable image"):
        read_image(path)


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="threads have no nice value here")
def test_background_encoding_runs_below_the_caller_and_gives_the_same_bytes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A capture is stored while it is examined: its PNGs are encoded in threads of
    lower priority (the examination is what the examiner waits for); the caller's own
    priority does not change, and the bytes are those of a plain encoding."""
    import threading

    import workstation.imageio as imageio

    priorities: list[int] = []
    plain = imageio.encode_image

    def spy(image: np.ndarray, ext: str = ".png", **kw: int) -> bytes:
        priorities.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        return plain(image, ext, **kw)

    monkeypatch.setattr(imageio, "encode_image", spy)
    rng = np.random.default_rng(5)
    images = {k: (rng.random((40, 50, 3)) * 255).astype(np.uint8) for k in "abc"}
    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    out = imageio.encode_images(images, background=True)
    assert list(out) == ["a", "b", "c"]
    assert priorities and all(p > mine for p in priorities)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine
    assert all(out[k] == plain(images[k]) for k in images)
