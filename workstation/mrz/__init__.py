"""ICAO 9303 machine-readable zones: locate, recognise, parse, validate, repair.

Public API:

* :func:`parse_mrz` — MRZ text to an :class:`MrzResult` (fields, check digits,
  repairs, warnings).
* :func:`read_mrz` — an image or a :class:`~workstation.types.CaptureSet`
  (IR preferred, white as fall-back) to an :class:`MrzResult` with the region
  and per-character confidences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workstation.mrz.parse import parse_mrz
from workstation.mrz.result import FORMATS, MrzResult

if TYPE_CHECKING:
    from workstation.mrz.read import read_mrz

__all__ = ["FORMATS", "MrzResult", "parse_mrz", "read_mrz"]


def __getattr__(name: str) -> Any:
    if name == "read_mrz":  # imported on first use: it loads OpenCV and the model
        from workstation.mrz.read import read_mrz

        return read_mrz
    raise AttributeError(name)
