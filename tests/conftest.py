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
    """Every test gets its own empty ``$WORKSTATION_HOME`` (and its own operating-system
    account configuration folder, where the ``os`` sign-in secret lives), and cheap
    key derivation (Argon2id at 1 MiB and one pass instead of 64 MiB and three: the
    tests check the logic, not the cost)."""
    from workstation import sealing

    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSTATION_HOME", str(home))
    monkeypatch.setenv("WORKSTATION_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.delenv("WORKSTATION_USER", raising=False)
    monkeypatch.setattr(sealing, "DEFAULT_COST",
                        {"time_cost": 1, "memory_kib": 1024, "parallelism": 1})
    yield home


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """SQLAlchemy URL of a PostgreSQL server where tests may create databases.

    ``$WORKSTATION_TEST_PG_URL`` when set; otherwise a private server started by
    ``scripts/pg-test-server.sh`` in a temporary folder and stopped afterwards.
    Skips when PostgreSQL is not installed, except in CI (``CI=true``), where the
    PostgreSQL tests must run: there it fails loudly.
    """
    import subprocess
    import tempfile

    given = os.environ.get("WORKSTATION_TEST_PG_URL")
    if given:
        yield given
        return
    in_ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    folder = tempfile.mkdtemp(prefix="workstation-pg-")
    script = ROOT / "scripts" / "pg-test-server.sh"
    proc = subprocess.run(["bash", str(script), "start", folder], capture_output=True,
                          text=True, timeout=180, check=False)
    if proc.returncode != 0:
        subprocess.run(["bash", str(script), "stop", folder], capture_output=True, check=False)
        reason = f"PostgreSQL test server did not start: {proc.stderr.strip()[-800:]}"
        if in_ci or proc.returncode != 3:
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield proc.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(script), "stop", folder], capture_output=True, timeout=120,
                       check=False)
