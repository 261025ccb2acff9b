"""Shared fixtures: the external test-data folder, a private data folder per test."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def pytest_sessionstart(session: pytest.Session) -> None:
    """Compile the message catalogues (``.ts`` -> ``.qm``, not committed) once, in the
    controlling process, before any worker starts."""
    if hasattr(session.config, "workerinput"):
        return
    from workstation.i18n.build import compile_all

    compile_all()


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
    config = tmp_path_factory.mktemp("config")
    monkeypatch.setenv("WORKSTATION_HOME", str(home))
    monkeypatch.setenv("WORKSTATION_CONFIG_HOME", str(config))
    monkeypatch.delenv("WORKSTATION_USER", raising=False)
    monkeypatch.setattr(sealing, "DEFAULT_COST",
                        {"time_cost": 1, "memory_kib": 1024, "parallelism": 1})
    yield home
    # A data folder holds captures, specimens and a database (tens of MB for an
    # examining test); kept for the whole run, 1,700 of them filled a CI runner's disk.
    # Like ``tmp_path`` under ``tmp_path_retention_policy = "failed"``, they go as soon
    # as the test is over.
    shutil.rmtree(home, ignore_errors=True)
    shutil.rmtree(config, ignore_errors=True)


# -- the bundled Utopia specimens, rendered once per test run -------------------------------
#
# A specimen library opened in an empty data folder writes the bundled specimens into it
# (workstation.specimens.bundled: rendered at 600 dpi, about 3 s of CPU). Every test has
# its own data folder, so that cost was paid again by every test that examined anything.
# Here they are rendered once per run (xdist workers share them through a lock) and
# copied into a test's library when it first needs them; the library's own check then
# finds them current. tests/specimens/test_bundled.py exercises the rendering itself.

_BUNDLED: dict[str, Path] = {}
_BUNDLED_LOCK = threading.Lock()


@pytest.fixture(scope="session", autouse=True)
def _bundled_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where this run keeps its one rendering of the bundled specimens (not yet made)."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    _BUNDLED["dir"] = shared / "bundled-specimens"
    return _BUNDLED["dir"]


def cached_bundled_root() -> Path:
    """The folder holding this run's bundled specimen packages (rendered on first use,
    once per run; read-only use). Safe from any thread and any xdist worker."""
    import fcntl

    from workstation.specimens.bundled import ensure_bundled

    folder = _BUNDLED["dir"]
    root = folder / "specimens"
    with _BUNDLED_LOCK:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not _BUNDLED.get("ready"):
                ensure_bundled(root)
                _BUNDLED["ready"] = root
    return root


def copy_bundled(library_root: Path) -> None:
    """Put this run's bundled specimen packages into ``library_root`` where missing (a
    data folder's ``specimens/``, e.g. for a command run in a subprocess)."""
    import shutil

    library_root.mkdir(parents=True, exist_ok=True)
    for package in cached_bundled_root().iterdir():
        target = library_root / package.name
        if package.is_dir() and not target.exists():
            shutil.copytree(package, target)


@pytest.fixture(autouse=True)
def _bundled_from_cache(request: pytest.FixtureRequest,
                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Libraries get the bundled specimens by copy (see above), except in the tests of the
    bundled specimens themselves."""
    if request.node.path.name == "test_bundled.py":
        return
    import workstation.specimens.bundled as bundled
    import workstation.specimens.library as library

    real, rendering = library._ensure_bundled, bundled.ensure_bundled

    def from_cache(root: Path) -> None:
        if bundled.ensure_bundled is rendering:  # not when the test replaced it
            copy_bundled(Path(root))
        real(root)

    monkeypatch.setattr(library, "_ensure_bundled", from_cache)


@pytest.fixture(scope="session")
def bundled_root() -> Path:
    """A folder holding the two bundled Utopia specimen packages (read-only use)."""
    return cached_bundled_root()


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
        shutil.rmtree(folder, ignore_errors=True)
        reason = f"PostgreSQL test server did not start: {proc.stderr.strip()[-800:]}"
        if in_ci or proc.returncode != 3:
            pytest.fail(reason)
        pytest.skip(reason)
    try:
        yield proc.stdout.strip().splitlines()[-1]
    finally:
        subprocess.run(["bash", str(script), "stop", folder], capture_output=True, timeout=120,
                       check=False)
        shutil.rmtree(folder, ignore_errors=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``slow`` run first (otherwise in collection order): with several
    workers (``make test`` runs ``-n auto``) the longest start at once instead of last,
    so no worker is left running one alone at the end."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
