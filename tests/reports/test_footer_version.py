"""The report footer names the program and its version (issue 9: version in one place)."""

from __future__ import annotations

from pathlib import Path

from tests.reports.conftest import Material, run_tool
from workstation import __version__


def test_every_page_footer_shows_the_workstation_version(material: Material,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(material.signed)
    res = run_tool("pdftotext", "-layout", path, "-")
    assert res.returncode == 0, res.stderr
    pages = [p for p in res.stdout.split("\f") if p.strip()]
    assert len(pages) >= 2
    for page in pages:
        # the footer line: hash prefix, then the program and its version
        assert f"workstation {__version__}" in page
