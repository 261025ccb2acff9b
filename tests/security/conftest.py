"""Fixtures for the attack regressions of issue 19 (the hostile inputs themselves are in
:mod:`tests.security.hostile`): the bundled specimens, simulated captures."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.security.hostile import (  # noqa: F401 - the tests import them from here too
    deflated_zip,
    huge_png,
    images,
    one_line_error,
    spec_meta,
    write_capture,
    write_package,
)


@pytest.fixture(scope="session")
def bundled_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two bundled Utopia specimen packages, generated once (read-only use)."""
    from workstation.specimens.bundled import ensure_bundled

    root = tmp_path_factory.mktemp("bundled") / "specimens"
    ensure_bundled(root)
    return root


@pytest.fixture
def home_library(bundled_root: Path) -> Path:
    """The test's data folder with the bundled specimens already in its library."""
    import os

    home = Path(os.environ["WORKSTATION_HOME"])
    shutil.copytree(bundled_root, home / "specimens", dirs_exist_ok=True)
    return home


@pytest.fixture(scope="session")
def simulated_capture(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """``simulated_capture(forgery=None, seed=3, document=...)``: a capture folder written
    by the simulated reader (cached per session; treat as read-only)."""
    from workstation.capture import save_capture
    from workstation.hardware.simulated import SimulatedReader

    cache: dict[tuple[str, str | None, int], Path] = {}

    def make(forgery: str | None = None, seed: int = 3,
             document: str = "UTO-P-2020") -> Path:
        key = (document, forgery, seed)
        if key not in cache:
            reader = SimulatedReader(document=document, forgery=forgery, seed=seed)
            try:
                capture = reader.capture_all()
            finally:
                reader.close()
            folder = tmp_path_factory.mktemp("capture") / f"{forgery or 'genuine'}-{seed}"
            save_capture(capture, folder)
            cache[key] = folder
        return cache[key]

    return make


