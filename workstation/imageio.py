"""Reading and writing image files (PNG, JPEG, TIFF; 8 or 16 bit; RGB or grey).

Every image comes back as ``uint8``: ``(H, W, 3)`` RGB or ``(H, W)`` grey, with
EXIF orientation applied. 16-bit images are scaled to 8 bit. An alpha channel
is dropped (composited on nothing: the colour channels are kept as they are).
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import cv2
import numpy as np
import numpy.typing as npt

from workstation.errors import FormatError
from workstation.fsutil import atomic_write_bytes
from workstation.limits import Limits, describe
from workstation.limits import current as current_limits
from workstation.types import Image

K = TypeVar("K")

#: EXIF orientation tag value -> (rotate code or None, flip horizontally first)
_EXIF_OPS: dict[int, tuple[int | None, bool]] = {
    2: (None, True),
    3: (cv2.ROTATE_180, False),
    4: (cv2.ROTATE_180, True),
    5: (cv2.ROTATE_90_CLOCKWISE, True),
    6: (cv2.ROTATE_90_CLOCKWISE, False),
    7: (cv2.ROTATE_90_COUNTERCLOCKWISE, True),
    8: (cv2.ROTATE_90_COUNTERCLOCKWISE, False),
}


def _exif_orientation(data: bytes) -> int:
    """The EXIF orientation (1..8) of an encoded image, 1 when absent or unreadable."""
    from PIL import Image as PILImage

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with PILImage.open(io.BytesIO(data)) as im:
                value = im.getexif().get(0x0112, 1)
    except Exception:
        return 1
    return int(value) if isinstance(value, int) and 1 <= value <= 8 else 1


def apply_orientation(image: Image, orientation: int) -> Image:
    """Turn/flip ``image`` as EXIF ``orientation`` (1..8) says, so it displays upright."""
    op = _EXIF_OPS.get(orientation)
    if op is None:
        return image
    rotate, flip = op
    out: np.ndarray = image
    if flip:
        out = cv2.flip(out, 1)
    if rotate is not None:
        out = cv2.rotate(out, rotate)
    return np.ascontiguousarray(out, dtype=np.uint8)


def to_uint8(image: npt.NDArray[Any]) -> Image:
    """Normalise a decoded array to ``uint8`` RGB ``(H, W, 3)`` or grey ``(H, W)``.

    ``image`` is in OpenCV channel order (BGR/BGRA) when it has channels.
    """
    if image.dtype == np.uint16:
        image = (image >> 8).astype(np.uint8)
    elif image.dtype in (np.float32, np.float64):
        scaled = image * 255.0 if image.max() <= 1.0 else image
        image = np.clip(scaled, 0, 255).astype(np.uint8)
    elif image.dtype != np.uint8:
        raise ValueError(f"unsupported pixel type {image.dtype}")
    if image.ndim == 3:
        if image.shape[2] == 1:
            image = image[:, :, 0]
        elif image.shape[2] == 4:
            image = cv2.cvtColor(image, cv2.COLOR_BGRA2RGB)
        elif image.shape[2] == 3:
            image = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        else:
            raise ValueError(f"unsupported channel count {image.shape[2]}")
    return np.ascontiguousarray(image)


#: Pillow decodes what OpenCV does not (ICO, PCX, TGA, 1-bit and palette
#: images...) up to this many pixels (a larger header is refused, not decoded).
PILLOW_MAX_PIXELS = 400_000_000


def _decode_with_pillow(data: bytes) -> npt.NDArray[Any] | None:
    """The image in OpenCV channel order (BGR/grey) decoded by Pillow, or ``None``."""
    from PIL import Image as PILImage

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with PILImage.open(io.BytesIO(data)) as im:
                if im.width * im.height > PILLOW_MAX_PIXELS:
                    return None
                if im.mode in ("I;16", "I;16B", "I;16L", "I"):
                    arr = np.asarray(im, dtype=np.uint32)
                    return np.asarray(np.clip(arr, 0, 65535), np.uint16)
                rgb = im.convert("L" if im.mode in ("1", "L", "LA") else "RGB")
                arr = np.asarray(rgb, dtype=np.uint8)
    except Exception:
        return None
    return arr if arr.ndim == 2 else np.ascontiguousarray(arr[:, :, ::-1])


def image_size(data: bytes, name: str = "<bytes>") -> tuple[int, int]:
    """``(width, height)`` in pixels from an encoded image's header (nothing decoded).

    Raises:
        FormatError: when the header cannot be read (unknown or damaged format).
    """
    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    # Pillow's own decompression-bomb guard (a fixed 89/179 MP) is replaced by the
    # configurable pixel limit checked by the caller.
    PILImage.MAX_IMAGE_PIXELS = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with PILImage.open(io.BytesIO(data)) as im:
                width, height = im.size
    except PILImage.DecompressionBombError:
        raise FormatError(name, "image of far too many pixels (decompression bomb): "
                                "refused") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, EOFError):
        raise FormatError(name, "not a readable image (corrupt, truncated or unknown "
                                "format)") from None
    return int(width), int(height)


def check_image_limits(data: bytes, name: str = "<bytes>", *,
                       limits: Limits | None = None) -> tuple[int, int]:
    """Refuse an encoded image larger than the file-size or pixel limit (before any
    decoding: a small file may hold a huge image); returns ``(width, height)``."""
    limits = limits or current_limits()
    if len(data) > limits.image_bytes:
        raise FormatError(name, f"image file of {describe(len(data))} is larger than the "
                                f"limit of {describe(limits.image_bytes)} "
                                "(limits.json: image_bytes)")
    width, height = image_size(data, name)
    if width <= 0 or height <= 0:
        raise FormatError(name, f"image of {width}x{height} pixels: empty")
    if width * height > limits.image_pixels:
        raise FormatError(name, f"image of {width}x{height} pixels "
                                f"({width * height / 1e6:.3g} MP) is larger than the limit "
                                f"of {limits.image_pixels / 1e6:.3g} MP "
                                "(limits.json: image_pixels)")
    return width, height


def decode_image(data: bytes, name: str = "<bytes>", *, limits: Limits | None = None) -> Image:
    """Decode an encoded image (PNG/JPEG/TIFF/...) to ``uint8`` RGB or grey.

    The file-size and pixel limits (:mod:`workstation.limits`) are checked from the
    header first, so an image too large to hold in memory is refused without
    being decoded.

    Raises:
        FormatError: when ``data`` is empty, over a limit or not a decodable image.
    """
    if not data:
        raise FormatError(name, "empty file")
    check_image_limits(data, name, limits=limits)
    buf = np.frombuffer(data, dtype=np.uint8)
    # The format is taken from the bytes, never from the file name: a BMP named
    # .jpg loads as a BMP.
    decoded = cv2.imdecode(buf, cv2.IMREAD_UNCHANGED | cv2.IMREAD_IGNORE_ORIENTATION)
    if decoded is None or decoded.size == 0:
        decoded = _decode_with_pillow(data)
    if decoded is None or decoded.size == 0:
        raise FormatError(name, "not a readable image (corrupt, truncated or unknown format)")
    try:
        image = to_uint8(decoded)
    except ValueError as exc:
        raise FormatError(name, str(exc)) from None
    orientation = _exif_orientation(data) if data[:2] != b"\x89P" else 1
    return apply_orientation(image, orientation)


def read_image_bytes(path: str | Path, *, root: str | Path | None = None,
                     limits: Limits | None = None) -> bytes:
    """The bytes of an image file: a regular file within the ``image_bytes`` limit, and
    with ``root`` (its capture folder or package) never a symbolic link leading out of it."""
    from workstation.safeio import read_regular_file

    limits = limits or current_limits()
    return read_regular_file(path, max_bytes=limits.image_bytes, root=root,
                             limit_name="image_bytes", what="image file")


def read_image(path: str | Path, *, root: str | Path | None = None,
               limits: Limits | None = None) -> Image:
    """Read an image file (see :func:`decode_image` and :func:`read_image_bytes`).

    Raises:
        FormatError: missing, unreadable, not a regular file, over a limit, or not an
            image.
    """
    limits = limits or current_limits()
    data = read_image_bytes(path, root=root, limits=limits)
    return decode_image(data, str(path), limits=limits)


#: zlib level of the PNGs written: 1 (the fastest) costs a 300 dpi page 40 % less CPU
#: than 3 for files 2-20 % larger; every capture is stored the moment it is taken, beside
#: its examination (issue 14: Space to verdict), so the time counts more than the bytes.
PNG_COMPRESSION = 1


def encode_image(image: Image, ext: str = ".png", *, jpeg_quality: int = 92) -> bytes:
    """Encode a ``uint8`` RGB or grey image; ``ext`` is ``.png``, ``.jpg`` or ``.tif``."""
    if image.dtype != np.uint8:
        raise ValueError("expected a uint8 image")
    arr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR) if image.ndim == 3 else image
    params: list[int] = []
    if ext.lower() in (".jpg", ".jpeg"):
        params = [cv2.IMWRITE_JPEG_QUALITY, int(jpeg_quality)]
    elif ext.lower() == ".png":
        params = [cv2.IMWRITE_PNG_COMPRESSION, PNG_COMPRESSION]
    ok, buf = cv2.imencode(ext, arr, params)
    if not ok:
        raise ValueError(f"cannot encode image as {ext}")
    return bytes(buf.tobytes())


def _lower_priority() -> None:
    """Make the calling thread yield the CPU to the others (Linux: a thread's own nice
    value, +10); nothing where threads have no priority of their own."""
    import threading

    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(),
                       min(19, os.getpriority(os.PRIO_PROCESS, 0) + 10))


def encode_images(images: Mapping[K, Image], ext: str = ".png", *,
                  jpeg_quality: int = 92, background: bool = False) -> dict[K, bytes]:
    """Encode several images (:func:`encode_image`) at once, in threads: OpenCV's
    encoders release the GIL, so a capture's lights are encoded on every core (a PNG
    of a 300 dpi page takes about 0.15 s of CPU). Same keys, same order.

    ``background``: the encoding threads (made for this call, gone after it) run at a
    lower priority, so that work the examiner waits for (the examination of the same
    capture, stored meanwhile) gets the cores first."""
    items = list(images.items())
    if not background and (len(items) <= 1 or (os.cpu_count() or 1) <= 1):
        return {k: encode_image(img, ext, jpeg_quality=jpeg_quality) for k, img in items}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=max(1, min(len(items), os.cpu_count() or 1)),
                            thread_name_prefix="encode",
                            initializer=_lower_priority if background else None) as pool:
        data = list(pool.map(lambda kv: encode_image(kv[1], ext, jpeg_quality=jpeg_quality),
                             items))
    return {k: d for (k, _), d in zip(items, data, strict=True)}


def write_image(path: str | Path, image: Image, *, jpeg_quality: int = 92) -> None:
    """Write ``image`` atomically; the format follows the file extension."""
    path = Path(path)
    atomic_write_bytes(path, encode_image(image, path.suffix or ".png", jpeg_quality=jpeg_quality))


def to_grey(image: Image) -> Image:
    """A greyscale ``(H, W)`` view of an RGB or grey image."""
    if image.ndim == 2:
        return image
    return np.ascontiguousarray(cv2.cvtColor(image, cv2.COLOR_RGB2GRAY))
