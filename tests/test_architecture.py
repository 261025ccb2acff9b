"""Which way dependencies point (docs/architecture.md), enforced on the source."""

from __future__ import annotations

import ast
from pathlib import Path

PKG = Path(__file__).resolve().parent.parent / "workstation"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(sub: str = "") -> list[Path]:
    return sorted((PKG / sub).rglob("*.py"))


def test_pyside6_only_under_ui() -> None:
    offenders = [
        str(p.relative_to(PKG))
        for p in _modules()
        if "ui" not in p.relative_to(PKG).parts[:1]
        and any(n.split(".")[0] == "PySide6" for n in _imports(p))
    ]
    assert offenders == []


def test_hardware_never_imports_imaging() -> None:
    offenders = [
        str(p.relative_to(PKG)) for p in _modules("hardware")
        if any(n.startswith("workstation.imaging") for n in _imports(p))
    ]
    assert offenders == []


def test_imaging_and_mrz_know_no_hardware_database_or_ui() -> None:
    forbidden = ("workstation.hardware", "workstation.cases", "workstation.ui",
                 "workstation.reports", "sqlalchemy")
    offenders = [
        str(p.relative_to(PKG))
        for sub in ("imaging", "mrz")
        for p in _modules(sub)
        if any(n.startswith(forbidden) for n in _imports(p))
    ]
    assert offenders == []


def test_the_check_catches_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in _imports(bad)


def test_no_opencv_with_its_own_qt() -> None:
    """opencv-python ships its own Qt and clashes with PySide6; only the headless build."""
    from importlib.metadata import PackageNotFoundError, distribution

    distribution("opencv-python-headless")
    try:
        distribution("opencv-python")
    except PackageNotFoundError:
        return
    raise AssertionError("opencv-python is installed next to opencv-python-headless")
