"""An examination made ready for the case database — and kept in the spool when the
database cannot take it.

:class:`PreparedExamination` is exactly what :meth:`CaseRepository.store_examination`
writes (PNG images, the examination's JSON, capture metadata, identity fields), so it
can be written to a folder and stored later, unchanged: when the database stays
locked longer than the write waits (:mod:`workstation.cases.spool`), the
examination is kept, not lost.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workstation.errors import FormatError
from workstation.examination.results import Examination
from workstation.fsutil import atomic_write_bytes
from workstation.types import CaptureSet

FORMAT = "workstation.prepared-examination/1"


def plain(obj: Any) -> Any:
    """``obj`` as JSON-ready data: NaN/inf become ``None``, unknown objects strings."""
    from collections.abc import Mapping

    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, Mapping):
        return {str(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [plain(v) for v in obj]
    if obj is None or isinstance(obj, bool | int | str):
        return obj
    if hasattr(obj, "item"):  # numpy scalars
        return plain(obj.item())
    if isinstance(obj, dt.datetime | dt.date):
        return obj.isoformat()
    return str(obj)


def encode_faces(capture: CaptureSet) -> tuple[dict[str, bytes], dict[str, list[int]]]:
    """A capture's images as stored: ``light`` (``back_<light>`` for the back face) →
    PNG bytes, and → ``[height, width]`` in px. Encoded at a lower priority: a capture
    is stored while it is examined, and the examiner waits for the verdict."""
    from workstation.imageio import encode_images

    faces = [(prefix, face) for prefix, face in (("", capture), ("back_", capture.back))
             if face is not None]
    images = encode_images({f"{prefix}{lt.value}": face.images[lt]
                            for prefix, face in faces for lt in face.lights}, ".png",
                           background=True)
    sizes = {f"{prefix}{lt.value}": [int(v) for v in face.images[lt].shape[:2]]
             for prefix, face in faces for lt in face.lights}
    return images, sizes


def capture_meta(capture: CaptureSet, started_at: dt.datetime | None) -> dict[str, Any]:
    """The capture's metadata as stored with its examination (``capture_json``)."""
    return dict(plain({
        "dpi": capture.dpi, "device": capture.device,
        "captured_at": capture.captured_at.isoformat() if capture.captured_at else None,
        "metadata": capture.metadata, "lights": [lt.value for lt in capture.lights],
        "back": None if capture.back is None else {
            "dpi": capture.back.dpi, "lights": [lt.value for lt in capture.back.lights]},
        "started_at": started_at.isoformat() if started_at else None,
    }))


@dataclass
class PreparedExamination:
    """What storing an examination writes: ``images`` (light → PNG bytes), ``sizes``
    (light → ``[height, width]`` px), ``exam_json`` (formats.md §4 object),
    ``capture_meta``, and the columns taken from the examination."""

    images: dict[str, bytes]  # light (``back_<light>`` for the back face) -> PNG
    sizes: dict[str, list[int]]
    exam_json: dict[str, Any]
    capture_meta: dict[str, Any]
    mrz: dict[str, Any] | None
    specimen_id: str | None
    verdict: str
    capture_path: str | None
    duration_ms: float | None
    checks: int
    device: str
    #: the files read from the document's chip (``EF.SOD``, ``DG1``...), stored with it
    chip_files: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def from_examination(cls, examination: Examination) -> PreparedExamination:
        capture = examination.capture
        images, sizes = encode_faces(capture)
        return cls(
            images=images, sizes=sizes, exam_json=plain(examination.to_json()),
            capture_meta=capture_meta(capture, examination.started_at),
            mrz=plain(examination.mrz_json()),
            specimen_id=examination.specimen_id, verdict=examination.verdict.value,
            capture_path=examination.capture_path, duration_ms=examination.duration_ms,
            checks=len(examination.checks), device=capture.device,
            chip_files=dict(capture.chip_files))

    @property
    def fields(self) -> dict[str, Any]:
        """The MRZ fields (identity columns)."""
        fields = (self.mrz or {}).get("fields") or {}
        return fields if isinstance(fields, dict) else {}

    def save(self, folder: Path) -> None:
        """Write into ``folder`` (images and chip files first, ``prepared.json`` last)."""
        for light, data in self.images.items():
            atomic_write_bytes(folder / f"{light}.png", data)
        for name, data in self.chip_files.items():
            atomic_write_bytes(folder / _chip_file(name), data)
        meta = {k: v for k, v in self.__dict__.items() if k not in ("images", "chip_files")}
        meta["chip_names"] = sorted(self.chip_files)
        atomic_write_bytes(folder / "prepared.json",
                           json.dumps({"format": FORMAT, **meta}).encode("utf-8"))

    @classmethod
    def load(cls, folder: Path) -> PreparedExamination:
        """Read what :meth:`save` wrote; ``FormatError`` when incomplete."""
        try:
            meta = json.loads((folder / "prepared.json").read_text(encoding="utf-8"))
            if meta.pop("format") != FORMAT:
                raise ValueError
            images = {light: (folder / f"{light}.png").read_bytes() for light in meta["sizes"]}
            chip = {str(name): (folder / _chip_file(str(name))).read_bytes()
                    for name in meta.pop("chip_names", [])}
            return cls(images=images, chip_files=chip, **meta)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise FormatError(folder, f"not a complete spooled examination ({exc})") from None


_CHIP_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")


def _chip_file(name: str) -> str:
    """The spool folder's file name of the chip file ``name`` (``DG1``, ``EF.SOD``)."""
    if not _CHIP_NAME.match(name):
        raise ValueError(f"not a chip file name: {name!r}")
    return f"chip-{name}.bin"
