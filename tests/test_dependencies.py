"""What runs is what was locked: the Qt binding is pinned and the environment matches
``requirements.lock`` (``make lock`` changes it deliberately)."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _locked() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            assert version, f"requirements.lock: {line!r} is not pinned with =="
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    return pins


def test_qt_binding_is_pinned_exactly() -> None:
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    qt = [d for d in deps if d.lower().startswith("pyside6")]
    assert qt and all("==" in d for d in qt), qt
    pinned = qt[0].split("==")[1]
    assert _locked()["pyside6-essentials"] == pinned
    assert _locked()["shiboken6"] == pinned


def test_installed_environment_is_the_lock() -> None:
    wrong = []
    for name, version in _locked().items():
        try:
            have = distribution(name).version
        except PackageNotFoundError:
            wrong.append(f"{name} missing (locked {version})")
            continue
        if have != version:
            wrong.append(f"{name} {have} (locked {version})")
    assert not wrong, "environment differs from requirements.lock: " + ", ".join(wrong)


def test_every_dependency_is_locked() -> None:
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = list(meta["dependencies"]) + [d for extra in meta["optional-dependencies"].values()
                                         for d in extra]
    locked = _locked()
    for dep in names:
        name = re.split(r"[<>=!~\[; ]", dep, maxsplit=1)[0]
        assert re.sub(r"[-_.]+", "-", name).lower() in locked, f"{name} is not in the lock"
