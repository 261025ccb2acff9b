"""Issue 14 item 5: no clipped widget at any size, scale and theme, measured by geometry
(:mod:`workstation.ui.layout_audit`), not pixels; and the audit itself catches what it
is meant to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from workstation.ui.layout_audit import layout_problems

ROOT = Path(__file__).resolve().parents[2]
SIZES = ("1280x720", "1920x1080", "2560x1440", "3840x2160")
VIEWS = {"publish-dialog", "capture", "checks", "alert", "findings", "chip", "barcodes",
         "back", "devices", "cases", "review", "trends"}


@pytest.mark.slow
@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_view_fits_at_every_size_and_theme(tmp_path: Path, scale: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale,
           "WORKSTATION_HOME": str(tmp_path / "home"), "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "tests.ui.layout_window", ",".join(SIZES)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    seen = {(r["size"], r["theme"], r["view"]) for r in results}
    for size in SIZES:
        for theme in ("dark", "light"):
            missing = {v for v in VIEWS - {"publish-dialog"} if (size, theme, v) not in seen}
            assert not missing, (size, theme, missing)
    assert any(r["view"] == "publish-dialog" for r in results)
    # dark, light, then dark again: a theme switch leaves nothing clipped behind it
    assert [r["theme"] for r in results if r["view"] == "capture"
            and r["size"] == SIZES[0]] == ["dark", "light", "dark"]
    problems = [f"{r['size']} x{r['scale']} {r['theme']} {r['view']}: {p}"
                for r in results for p in r["problems"]]
    assert not problems, "\n".join(problems)


# -- the audit catches what it is meant to --------------------------------------------------

def test_the_audit_finds_cut_text_and_children_outside(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    root.resize(400, 200)
    lay = QHBoxLayout(root)
    label = QLabel("A label that is much longer than its room")
    label.setFixedWidth(60)
    button = QPushButton("Capture all lights")
    button.setFixedWidth(40)
    lay.addWidget(label)
    lay.addWidget(button)
    stray = QLabel("x", root)
    stray.setGeometry(380, 180, 60, 40)  # reaches past the parent's corner
    root.show()
    qtbot.waitExposed(root)
    problems = "\n".join(layout_problems(root))
    assert "text cut: QLabel 'A label that is much" in problems
    assert "text cut: QPushButton 'Capture all lights'" in problems
    assert "outside its parent: QLabel 'x'" in problems
    assert "window does not fit" in "\n".join(layout_problems(root, (300, 200)))
    assert not any("window" in p for p in layout_problems(root, (400, 200)))


def test_the_audit_lets_a_scroll_area_scroll(qtbot: QtBot) -> None:
    area = QScrollArea()
    qtbot.addWidget(area)
    inner = QLabel("wide " * 60)
    area.setWidget(inner)
    area.resize(200, 100)
    area.show()
    qtbot.waitExposed(area)
    assert layout_problems(area) == []  # scroll bars on: the content may be larger
    from PySide6.QtCore import Qt

    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    assert any("no horizontal scroll bar" in p for p in layout_problems(area))


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_live_view_toggles_on_its_box_not_only_its_text(qtbot: QtBot, theme: str) -> None:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QStyle, QStyleOptionButton

    from tests.ui.fakes import shown_window

    w = shown_window(qtbot, theme=theme)
    live = w.reader_panel.live
    w.left_tabs.setCurrentIndex(0)
    qtbot.waitUntil(live.isVisible, timeout=5000)
    opt = QStyleOptionButton()
    live.initStyleOption(opt)
    box = live.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, opt, live)
    assert box.width() >= 12 and box.height() >= 12  # a box to click, drawn in the theme
    assert not live.isChecked()
    QTest.mouseClick(live, Qt.MouseButton.LeftButton, pos=box.center())
    qtbot.waitUntil(live.isChecked, timeout=5000)
    QTest.mouseClick(live, Qt.MouseButton.LeftButton, pos=QPoint(box.center()))
    qtbot.waitUntil(lambda: not live.isChecked(), timeout=5000)
