"""Shared fixtures: the external test-data folder, a private data folder per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def testdata_dir() -> Path:
    """``$WORKSTATION_TESTDATA`` or ``../shared/testdata`` from the project root."""
    return Path(os.environ.get("WORKSTATION_TESTDATA", ROOT.parent / "shared" / "testdata"))


@pytest.fixture
def testdata() -> Path:
    """The external test data; the test is skipped when the folder is absent."""
    path = testdata_dir()
    if not path.is_dir():
        pytest.skip(f"external test data not found at {path} (set WORKSTATION_TESTDATA)")
    return path


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own empty ``$WORKSTATION_HOME``."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSTATION_HOME", str(home))
    yield home
