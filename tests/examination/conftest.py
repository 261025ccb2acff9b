"""Shared fixtures: libraries of the bundled specimens (``bundled_root``, rendered
once per run: tests/conftest.py) and simulated captures (cached per session)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from workstation.types import CaptureSet


@pytest.fixture
def library(bundled_root: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A private library holding copies of the bundled specimens."""
    from workstation.specimens.library import SpecimenLibrary

    root = tmp_path / "specimens"
    shutil.copytree(bundled_root, root)
    return SpecimenLibrary(root, bundled=False)


@pytest.fixture(scope="session")
def shared_library(bundled_root: Path):  # type: ignore[no-untyped-def]
    """One library over the session's bundled specimens (do not modify)."""
    from workstation.specimens.library import SpecimenLibrary

    return SpecimenLibrary(bundled_root, bundled=False)


_CAPTURES: dict[tuple[str, str | None, int, bool], CaptureSet] = {}


@pytest.fixture(scope="session")
def simulate() -> Callable[..., CaptureSet]:
    """``simulate(document, forgery=None, seed=0, every_light=False)``: a simulated capture
    (cached), both faces for a document with a back (the examiner turns the card over);
    white, UV and IR, or with ``every_light`` every light the simulator has."""
    from workstation.hardware.simulated import ALL_LIGHTS, BASIC_LIGHTS, SimulatedReader
    from workstation.specimens.back import has_back

    def make(document: str = "UTO-P-2020", forgery: str | None = None,
             seed: int = 0, every_light: bool = False) -> CaptureSet:
        key = (document, forgery, seed, every_light)
        if key not in _CAPTURES:
            reader = SimulatedReader(document=document, forgery=forgery, seed=seed,
                                     lights=ALL_LIGHTS if every_light else BASIC_LIGHTS)
            try:
                capture = reader.capture_all()
                if has_back(document):
                    reader.turn_over()
                    capture.back = reader.capture_all()
                _CAPTURES[key] = capture
            finally:
                reader.close()
        return _CAPTURES[key]

    return make
