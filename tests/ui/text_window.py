"""The window in one language, every view, for test_window_language.py:

    python -m tests.ui.text_window LANG 1280x720,1920x1080 [PNG_DIR]

Installs ``LANG`` (``pseudo``, ``mn``, ``ru``), sets the desk up as
:mod:`tests.ui.layout_window` does (a supervisor's shift: an identity card captured
front and back, its chip read, an alert published, the case database open), then shows
every view of :mod:`tests.ui.layout_window` and every ``--view`` of
:data:`workstation.ui.offline.VIEWS` (the trainer's in their own windows) at each size.
Prints one JSON object per view: ``{"language", "size", "view", "untranslated",
"problems"}``: the readable texts that bypass translation (:mod:`tests.ui.pseudo`;
with ``pseudo`` only) and the layout audit's clipped widgets. With ``PNG_DIR`` each
view is rendered to ``PNG_DIR/<view>_<size>_<lang>.png``.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    language = sys.argv[1]
    sizes = [tuple(int(v) for v in s.split("x")) for s in sys.argv[2].split(",")]
    png_dir = Path(sys.argv[3]) if len(sys.argv) > 3 else None
    from PySide6.QtWidgets import QApplication, QWidget

    from tests.ui.layout_window import _desk, _settle, _views
    from tests.ui.pseudo import unbracketed
    from workstation.i18n import LANGUAGES
    from workstation.ui.app import quiet_offscreen_warnings
    from workstation.ui.language import LanguageSwitch
    from workstation.ui.layout_audit import layout_problems
    from workstation.ui.main_window import MainWindow

    quiet_offscreen_warnings()
    app = QApplication.instance() or QApplication(["workstation"])
    assert isinstance(app, QApplication)
    LanguageSwitch(None, app).apply(language)
    allowed = set(LANGUAGES.values())

    def report(view: str, root: QWidget, size: tuple[int, int]) -> None:
        _settle()
        found = unbracketed(root, allowed=allowed) if language == "pseudo" else []
        for dialog in QApplication.topLevelWidgets():  # an open dialog is read too
            if dialog is not root and dialog.isVisible() and language == "pseudo":
                found += unbracketed(dialog, allowed=allowed)
        problems = layout_problems(root, size)
        print(json.dumps({"language": language, "size": f"{size[0]}x{size[1]}",
                          "view": view, "untranslated": sorted(set(map(tuple, found))),
                          "problems": problems}, ensure_ascii=False), flush=True)
        if png_dir is not None:
            from workstation.ui.widgets import save_png

            save_png(root, png_dir / f"{view}_{size[0]}x{size[1]}_{language}.png")

    window = _desk()
    assert isinstance(window, MainWindow)
    for w, h in sizes:
        window.resize(w, h)
        window.default_layout()
        _settle()
        for view in _views(window):
            report(view, window, (w, h))
        for view in _app_views(window):
            report(f"--view {view}", window, (w, h))
    window.close()
    for view in ("trainer", "trainer-debrief", "trainer-progress"):
        from workstation.ui.trainer_shots import trainer_view

        widget = trainer_view(view, "dark")
        if isinstance(widget, str):
            raise SystemExit(f"text_window: {widget}")
        for w, h in sizes:
            widget.resize(w, h)
            widget.show()
            report(f"--view {view}", widget, (w, h))
        widget.close()
    return 0


def _app_views(window: object) -> Iterator[str]:
    """The image area's ``--view``s (the panels' were shown by ``_views``)."""
    from workstation.ui.offline import VIEWS, apply_view
    from workstation.ui.panel_views import PANEL_VIEWS

    for view in VIEWS:
        if view in PANEL_VIEWS or view.startswith("trainer"):
            continue
        apply_view(window, view)
        yield view


if __name__ == "__main__":
    sys.exit(main())
