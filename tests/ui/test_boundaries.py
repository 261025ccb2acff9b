"""The window talks to the public APIs and plain view-state objects only (issue 5)."""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "workstation" / "ui"
FORBIDDEN = ("workstation.imaging", "sqlalchemy", "alembic", "workstation.cases.models",
             "workstation.cases.db", "workstation.cases.repository", "workstation.cases.repo_",
             "cv2")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_no_widget_imports_imaging_internals_or_the_database() -> None:
    offenders = {p.name: sorted(n for n in _imports(p) if n.startswith(FORBIDDEN))
                 for p in sorted(UI.glob("*.py"))}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from workstation.imaging.overlays import blend\n")
    assert "workstation.imaging.overlays" in _imports(bad)
