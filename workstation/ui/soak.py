"""A long run of the window: thousands of paints, marks, zooms and switches.

A Qt binding that mishandles reference counts (PySide6 6.12.0 on Python 3.11 lowers
``None``'s count on every Qt call that returns nothing) aborts the process only after
minutes of use, which no single-call test sees. ``python main.py --soak N`` (and the
installed ``workstation-gui --soak N``) captures and examines a simulated document, then
drives the window through ``N`` operations with real input events — mouse clicks of the
rectangle/ruler/arrow tools, wheel zoom, pans, view-mode and light switches, synchronous
repaints of every pane — and exits 0. An abort ends the process with a signal, which the
test (``tests/ui/test_long_run.py``) and the installer smoke run report.
"""

from __future__ import annotations

import random
import sys
import time

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from workstation.session.viewer import Mode, Tool
from workstation.types import Light
from workstation.ui.main_window import MainWindow

#: Marks kept on the page before the last is removed again (Ctrl+Z's action), so a long run
#: exercises drawing many annotations without growing without bound.
MAX_MARKS = 40

_TOOLS = (Tool.RECTANGLE, Tool.RULER, Tool.ARROW)


def _wheel(widget: QWidget, x: int, y: int, steps: int) -> None:
    """Send one wheel event of ``steps`` notches (120 units each) at ``(x, y)``."""
    pos = QPointF(x, y)
    event = QWheelEvent(pos, pos, QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def _click(widget: QWidget, x: int, y: int) -> None:
    """Press and release the left button at ``(x, y)`` (QtTest is not in the bundle)."""
    pos = QPointF(x, y)
    for kind, buttons in ((QEvent.Type.MouseButtonPress, Qt.MouseButton.LeftButton),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        event = QMouseEvent(kind, pos, widget.mapToGlobal(pos), Qt.MouseButton.LeftButton,
                            buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(widget, event)


def soak(window: MainWindow, operations: int, *, seed: int = 0,
         report_every: int = 500) -> dict[str, int]:
    """Drive ``window`` through ``operations`` random operations; returns how many of each
    kind ran (``marks``, ``zooms``, ``pans``, ``modes``, ``lights``, ``paints``).

    Each operation is followed by a synchronous repaint of every pane and an event-loop
    turn. Progress goes to standard error every ``report_every`` operations.
    """
    rng = random.Random(seed)
    modes = list(Mode)
    lights = [k.light for k in window.state.sources if k.light in (Light.WHITE, Light.UV,
                                                                     Light.IR)]
    t0 = time.perf_counter()
    marks = 0
    done = dict.fromkeys(("marks", "zooms", "pans", "modes", "lights", "paints"), 0)
    for i in range(operations):
        canvases = window.area.canvases
        canvas = canvases[rng.randrange(len(canvases))] if canvases else None
        op = rng.random()
        if canvas is not None and op < 0.35:
            tool = _TOOLS[rng.randrange(len(_TOOLS))]
            window.area.set_tool(tool)
            w, h = max(canvas.width(), 2), max(canvas.height(), 2)
            for _ in range(2):
                _click(canvas, rng.randrange(w), rng.randrange(h))
            window.area.set_tool(Tool.PAN)
            done["marks"] += 1
            marks += 1
            if marks > MAX_MARKS:
                window.work.remove_last_mark()
                marks -= 1
        elif canvas is not None and op < 0.60:
            _wheel(canvas, rng.randrange(max(canvas.width(), 1)),
                   rng.randrange(max(canvas.height(), 1)), rng.choice((-2, -1, 1, 2)))
            done["zooms"] += 1
        elif canvas is not None and op < 0.70:
            window.state.viewport.pan(rng.uniform(-80, 80), rng.uniform(-80, 80))
            done["pans"] += 1
        elif op < 0.85:
            window.state.set_mode(modes[rng.randrange(len(modes))])
            window.state.viewport.fit()
            done["modes"] += 1
        elif lights:
            window.switch_light(lights[rng.randrange(len(lights))])
            done["lights"] += 1
        for c in window.area.canvases:
            c.repaint()
            done["paints"] += 1
        QApplication.processEvents()
        if report_every and (i + 1) % report_every == 0:
            print(f"soak: {i + 1}/{operations} operations, "
                  f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
    if len(window.findings.annotations) == 0 and done["marks"]:
        raise RuntimeError("soak: no mark reached the page; the run did not draw what it says")
    return done
