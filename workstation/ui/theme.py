"""Light and dark themes: one palette and one style sheet per theme."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from workstation.paths import resource

#: The tick drawn in a checked box (a white mark on the accent colour, both themes).
_CHECK = resource("ui", "check.svg").as_posix()
#: The spin boxes' arrows (grey: legible on both themes).
_UP = resource("ui", "up.svg").as_posix()
_DOWN = resource("ui", "down.svg").as_posix()


@dataclass(frozen=True)
class Theme:
    name: str
    window: str
    panel: str
    base: str
    text: str
    muted: str
    border: str
    accent: str
    canvas: str
    fail: str = "#e5484d"
    warn: str = "#f5a524"
    ok: str = "#30a46c"
    skipped: str = "#8b8d98"


DARK = Theme("dark", window="#17191d", panel="#1e2126", base="#121417", text="#e6e8eb",
             muted="#9aa0aa", border="#2c3037", accent="#3e8bff", canvas="#0d0e10")
LIGHT = Theme("light", window="#f3f4f6", panel="#ffffff", base="#ffffff", text="#1c2024",
              muted="#60646c", border="#d9dbe0", accent="#0b68e8", canvas="#2a2d33")
THEMES = {"dark": DARK, "light": LIGHT}


def status_colour(theme: Theme, status: str) -> str:
    return {"fail": theme.fail, "warn": theme.warn, "pass": theme.ok}.get(status, theme.skipped)


def style_sheet(t: Theme) -> str:
    return f"""
QMainWindow, QWidget {{ background: {t.window}; color: {t.text}; font-size: 12px; }}
QDockWidget::title {{ background: {t.window}; padding: 6px 8px; color: {t.muted};
    font-weight: 600; text-transform: uppercase; }}
QFrame#panel, QGroupBox {{ background: {t.panel}; border: 1px solid {t.border};
    border-radius: 6px; }}
QGroupBox {{ margin-top: 14px; padding: 8px 6px 6px 6px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 8px; padding: 0 4px; color: {t.muted};
    font-weight: 600; }}
QLabel {{ background: transparent; }}
QLabel#muted {{ color: {t.muted}; }}
QLabel#heading {{ font-size: 13px; font-weight: 600; }}
QLabel#fieldname {{ color: {t.muted}; font-size: 10px; text-transform: uppercase; }}
QLabel#fieldvalue {{ font-family: "DejaVu Sans Mono", monospace; font-size: 13px;
    font-weight: 600; }}
QPushButton, QToolButton {{ background: {t.panel}; border: 1px solid {t.border};
    border-radius: 5px; padding: 5px 10px; color: {t.text}; }}
QToolButton {{ padding: 4px 7px; }}
QPushButton:hover, QToolButton:hover {{ border-color: {t.accent}; }}
QPushButton:checked, QToolButton:checked {{ background: {t.accent}; color: white;
    border-color: {t.accent}; }}
QPushButton:disabled, QToolButton:disabled {{ color: {t.muted}; }}
QPushButton#primary {{ background: {t.accent}; color: white; border-color: {t.accent};
    font-weight: 600; padding: 8px 10px; }}
QComboBox, QSpinBox, QDoubleSpinBox, QLineEdit, QPlainTextEdit {{ background: {t.base};
    border: 1px solid {t.border}; border-radius: 4px; padding: 3px 6px; color: {t.text}; }}
QTreeWidget, QListWidget {{ background: {t.base}; border: 1px solid {t.border};
    border-radius: 4px; alternate-background-color: {t.panel}; }}
QTreeWidget::item {{ padding: 3px 0; }}
QTreeWidget::item:selected, QListWidget::item:selected {{ background: {t.accent};
    color: white; }}
QHeaderView::section {{ background: {t.panel}; color: {t.muted}; border: none;
    padding: 4px; }}
QStatusBar {{ background: {t.panel}; border-top: 1px solid {t.border}; color: {t.muted}; }}
QStatusBar QLabel {{ color: {t.muted}; padding: 0 6px; }}
QProgressBar {{ background: {t.base}; border: 1px solid {t.border}; border-radius: 3px;
    height: 12px; text-align: center; color: {t.text}; }}
QProgressBar::chunk {{ background: {t.accent}; border-radius: 3px; }}
QSlider::groove:horizontal {{ height: 4px; background: {t.border}; border-radius: 2px; }}
QSlider::handle:horizontal {{ background: {t.accent}; width: 12px; margin: -5px 0;
    border-radius: 6px; }}
QTabWidget::pane {{ border: 1px solid {t.border}; border-radius: 4px; }}
QTabBar::tab {{ background: {t.window}; color: {t.muted}; padding: 5px 10px;
    border: none; }}
QTabBar::tab:selected {{ color: {t.text}; border-bottom: 2px solid {t.accent}; }}
QToolBar {{ background: {t.panel}; border: none; border-bottom: 1px solid {t.border};
    spacing: 4px; padding: 3px; }}
QLabel#banner {{ background: {t.fail}; color: white; padding: 6px 10px;
    border-radius: 4px; font-weight: 600; }}
QMenuBar {{ background: {t.window}; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {t.accent}; color: white; }}
QMenu {{ background: {t.panel}; border: 1px solid {t.border}; }}
QSplitter::handle {{ background: {t.border}; }}
QScrollArea {{ border: none; }}
QCheckBox {{ spacing: 6px; background: transparent; }}
QCheckBox::indicator, QListView::indicator, QTreeView::indicator, QTableView::indicator {{
    width: 14px; height: 14px; border: 1px solid {t.muted}; border-radius: 3px;
    background: {t.base}; }}
QCheckBox::indicator:hover, QListView::indicator:hover {{ border-color: {t.accent}; }}
QCheckBox::indicator:checked, QListView::indicator:checked, QTreeView::indicator:checked,
QTableView::indicator:checked {{ background: {t.accent}; border-color: {t.accent};
    image: url({_CHECK}); }}
QCheckBox::indicator:disabled {{ border-color: {t.border}; }}
QCheckBox:disabled {{ color: {t.muted}; }}
QAbstractSpinBox {{ padding-right: 16px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 14px; border: none;
    background: transparent; subcontrol-origin: border; }}
QAbstractSpinBox::up-button {{ subcontrol-position: top right; }}
QAbstractSpinBox::down-button {{ subcontrol-position: bottom right; }}
QAbstractSpinBox::up-arrow {{ image: url({_UP}); width: 9px; height: 6px; }}
QAbstractSpinBox::down-arrow {{ image: url({_DOWN}); width: 9px; height: 6px; }}
QToolButton#viewButton {{ padding: 2px 8px; }}
QMenuBar QToolButton#viewButton:checked {{ background: {t.accent}; color: white; }}
"""


def apply_theme(app: QApplication, name: str) -> Theme:
    """Apply theme ``name`` (``dark`` or ``light``) to the whole application."""
    t = THEMES.get(name, DARK)
    pal = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, t.window), (QPalette.ColorRole.Base, t.base),
                         (QPalette.ColorRole.Text, t.text),
                         (QPalette.ColorRole.WindowText, t.text),
                         (QPalette.ColorRole.Button, t.panel),
                         (QPalette.ColorRole.ButtonText, t.text),
                         (QPalette.ColorRole.Highlight, t.accent),
                         (QPalette.ColorRole.AlternateBase, t.panel)):
        pal.setColor(role, QColor(colour))
    app.setPalette(pal)
    app.setStyleSheet(style_sheet(t))
    return t
