"""Which way dependencies point (docs/architecture.md, "Layers").

The layers themselves are import-linter contracts in pyproject.toml, checked by
``lint-imports`` (``make lint``) and here; what import-linter cannot see is checked on
the source: no module of this repository is imported behind ``except ImportError``
or looked up through ``importlib`` (a broken import must fail loudly, not remove a
feature).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG = ROOT / "workstation"


def _guarded_own_imports(tree: ast.AST) -> list[str]:
    """Modules of this repository imported inside a ``try`` whose handlers catch
    ``ImportError``/``ModuleNotFoundError``, and ``importlib`` lookups of them."""
    found: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Try):
            caught = {ast.unparse(h.type) for h in node.handlers if h.type is not None}
            if not any(name in text for text in caught
                       for name in ("ImportError", "ModuleNotFoundError")):
                continue
            for inner in node.body:
                for sub in ast.walk(inner):
                    if isinstance(sub, ast.ImportFrom) and (sub.module or "").startswith(
                            "workstation"):
                        found.append(f"try-import {sub.module}")
                    elif isinstance(sub, ast.Import):
                        found += [f"try-import {a.name}" for a in sub.names
                                  if a.name.startswith("workstation")]
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("import_module"):
            found.append(f"importlib {ast.unparse(node)}")
    return found


def _offenders(root: Path) -> dict[str, list[str]]:
    out = {}
    for path in sorted(root.rglob("*.py")):
        hits = _guarded_own_imports(ast.parse(path.read_text(encoding="utf-8")))
        if hits:
            out[str(path.relative_to(root))] = hits
    return out


def test_no_own_module_behind_except_importerror_or_importlib() -> None:
    assert _offenders(PKG) == {}
    assert _offenders(ROOT / "bench") == {}


def test_the_check_sees_an_offender(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(
        "try:\n    from workstation.cases import Role\nexcept ImportError:\n    Role = None\n"
        "import importlib\nm = importlib.import_module('workstation.reports')\n")
    (found,) = _offenders(tmp_path).values()
    assert found[0] == "try-import workstation.cases" and found[1].startswith("importlib")


def test_the_import_contracts_hold() -> None:
    exe = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          check=False)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "0 broken" in proc.stdout


def test_no_opencv_with_its_own_qt() -> None:
    """opencv-python ships its own Qt and clashes with PySide6; only the headless build."""
    from importlib.metadata import PackageNotFoundError, distribution

    distribution("opencv-python-headless")
    try:
        distribution("opencv-python")
    except PackageNotFoundError:
        return
    raise AssertionError("opencv-python is installed next to opencv-python-headless")


def test_no_untyped_extra_bags_are_indexed() -> None:
    """Results are typed (issue 15): nothing in the package reads or writes a loose
    ``extra[...]`` bag (``grep -rn "extra\\[" workstation`` finds nothing)."""
    offenders = [f"{p.relative_to(ROOT)}:{i}" for p in sorted(PKG.rglob("*.py"))
                 for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if "extra[" in line]
    assert offenders == []
