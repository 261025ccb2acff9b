"""Family-2 captures shared by the tests (rendered once per session: a few seconds each)."""

from __future__ import annotations

import functools

from bench import family2
from workstation.types import Specimen


@functools.lru_cache(maxsize=64)
def genuine(face: str, seed: int, platen: str | None = None, jpeg: bool = True,
            outside: bool = False, cropped: bool = False) -> family2.Capture:
    """A genuine family-2 capture (cached per process)."""
    return family2.genuine_capture(face, seed, platen=platen, jpeg=jpeg,
                                   allow_outside=outside, allow_cropped=cropped)


@functools.lru_cache(maxsize=8)
def specimen(face: str) -> Specimen:
    """The family-2 specimen of ``face`` made from one exemplar capture (cached)."""
    return family2.specimen(face)
