"""Compare Qt Charts, pyqtgraph and matplotlib for the Trends view (issue 24).

Not part of the program: run it in a scratch environment that has all three::

    python3 -m venv /tmp/charts && /tmp/charts/bin/pip install \
        PySide6-Essentials==6.11.3 PySide6-Addons==6.11.3 pyqtgraph matplotlib numpy
    QT_QPA_PLATFORM=offscreen /tmp/charts/bin/python tools/compare_charts.py --out /tmp/charts-out

The chart is the one the view draws most: examinations per day over a year,
stacked by six categories (issuing states), from 100,000 simulated
examinations — 365 x 6 = 2,190 bars — and the same over three years. Each
library draws it into a 1200 x 600 px widget grabbed to an image (what the
window does), re-draws it with new data (a filter change), and writes SVG.
Times are medians of ``--repeat`` runs in ms; sizes are the installed bytes of
the library and of every dependency the project does not have yet (for Qt
Charts: the Qt libraries a bundle must add for QtCharts).
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

W, H = 1200, 600
CATEGORIES = ("MNG", "CHN", "RUS", "KAZ", "KOR", "other")
# What the project's lock already has (not counted against a library).
PROJECT_HAS = {"numpy", "pillow", "packaging", "six", "pyside6-essentials", "shiboken6"}


def simulated_counts(examinations: int, days: int, seed: int) -> np.ndarray:
    """``(days, len(CATEGORIES))`` examinations per day and category."""
    rng = np.random.default_rng(seed)
    day = rng.integers(0, days, examinations)
    share = np.array([0.45, 0.25, 0.12, 0.08, 0.05, 0.05])
    cat = rng.choice(len(CATEGORIES), examinations, p=share)
    counts = np.zeros((days, len(CATEGORIES)), dtype=np.int64)
    np.add.at(counts, (day, cat), 1)
    return counts


def installed_bytes(dist_name: str) -> int:
    """Bytes of the files a distribution installed (its RECORD)."""
    dist = md.distribution(dist_name)
    total = 0
    for f in dist.files or ():
        p = Path(str(dist.locate_file(f)))
        if p.is_file():
            total += p.stat().st_size
    return total


def requirement_closure(name: str) -> set[str]:
    """``name`` and the distributions it needs, transitively (lower-case names)."""
    import re

    seen: set[str] = set()
    todo = [name]
    while todo:
        n = todo.pop().lower().replace("_", "-")
        if n in seen:
            continue
        seen.add(n)
        try:
            reqs = md.requires(n) or []
        except md.PackageNotFoundError:
            continue
        for r in reqs:
            if "extra ==" in r:
                continue
            todo.append(re.split(r"[ ;<>=!~\[(]", r, maxsplit=1)[0])
    return seen


def qtcharts_bytes() -> int:
    """QtCharts' binding and the Qt libraries it links that Essentials lacks."""
    import PySide6

    root = Path(PySide6.__file__).parent
    binding = next(root.glob("QtCharts.*.so"))
    out = subprocess.run(["ldd", str(binding)], capture_output=True, text=True,
                         check=True).stdout
    libs = {binding}
    for line in out.splitlines():
        parts = line.split("=>")
        if len(parts) == 2 and "Qt6" in parts[0]:
            path = Path(parts[1].split("(")[0].strip())
            libs.add(path)
    essentials = {p.name for p in (root / "Qt" / "lib").glob("*")
                  if _owned_by(p, "PySide6_Essentials")}
    return sum(p.stat().st_size for p in libs if p.name not in essentials)


_OWNERS: dict[str, set[str]] = {}


def _owned_by(path: Path, dist_name: str) -> bool:
    if dist_name not in _OWNERS:
        files = md.distribution(dist_name).files or ()
        _OWNERS[dist_name] = {Path(str(f)).name for f in files}
    return path.name in _OWNERS[dist_name]


def timed(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


# -- the three implementations -------------------------------------------------------------

def qtcharts(counts: np.ndarray, out: Path, tag: str, repeat: int) -> dict[str, float]:
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSet,
        QChart,
        QChartView,
        QStackedBarSeries,
        QValueAxis,
    )
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    view = QChartView()
    view.resize(W, H)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)

    def build(data: np.ndarray) -> None:
        chart = QChart()
        series = QStackedBarSeries()
        for j, name in enumerate(CATEGORIES):
            s = QBarSet(name)
            s.append([float(v) for v in data[:, j]])
            series.append(s)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append([str(i) for i in range(len(data))])
        chart.addAxis(axis, __import__("PySide6.QtCore").QtCore.Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        y = QValueAxis()
        chart.addAxis(y, __import__("PySide6.QtCore").QtCore.Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(y)
        chart.setTitle("Examinations per day")
        old = view.chart()
        view.setChart(chart)
        if old is not None:
            old.deleteLater()
        view.grab()

    t_first = timed(lambda: build(counts), 1)
    t_redraw = timed(lambda: build(counts[::-1].copy()), repeat)
    view.grab().save(str(out / f"qtcharts-{tag}.png"))

    def svg() -> None:
        gen = QSvgGenerator()
        gen.setFileName(str(out / f"qtcharts-{tag}.svg"))
        gen.setSize(QSize(W, H))
        p = QPainter(gen)
        view.render(p)
        p.end()

    return {"first": t_first, "redraw": t_redraw, "svg": timed(svg, 1)}


def pyqtgraph_(counts: np.ndarray, out: Path, tag: str, repeat: int) -> dict[str, float]:
    import pyqtgraph as pg
    import pyqtgraph.exporters as ex

    pg.setConfigOptions(antialias=True, background="w", foreground="k")
    plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
    plot.resize(W, H)
    plot.addLegend()
    colours = [pg.intColor(i, hues=len(CATEGORIES)) for i in range(len(CATEGORIES))]
    x0 = 1_735_689_600 + np.arange(len(counts)) * 86400.0

    def build(data: np.ndarray) -> None:
        plot.clear()
        base = np.zeros(len(data))
        for j, name in enumerate(CATEGORIES):
            item = pg.BarGraphItem(x=x0, height=data[:, j], y0=base, width=86400 * 0.8,
                                   brush=colours[j], pen=None, name=name)
            plot.addItem(item)
            base = base + data[:, j]
        plot.setTitle("Examinations per day")
        plot.grab()

    t_first = timed(lambda: build(counts), 1)
    t_redraw = timed(lambda: build(counts[::-1].copy()), repeat)
    plot.grab().save(str(out / f"pyqtgraph-{tag}.png"))

    def svg() -> None:
        # pyqtgraph's own SVGExporter fails on these bars (pyqtgraph issue 3485:
        # "x,y = c.split(',')" on Qt 6 path data); Qt's SVG generator renders the widget.
        try:
            ex.SVGExporter(plot.plotItem).export(str(out / f"pyqtgraph-{tag}.svg"))
        except ValueError:
            from PySide6.QtCore import QSize
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgGenerator

            print("pyqtgraph: SVGExporter failed; QSvgGenerator used", file=sys.stderr)
            gen = QSvgGenerator()
            gen.setFileName(str(out / f"pyqtgraph-{tag}.svg"))
            gen.setSize(QSize(W, H))
            p = QPainter(gen)
            plot.render(p)
            p.end()

    return {"first": t_first, "redraw": t_redraw, "svg": timed(svg, 1)}


def matplotlib_(counts: np.ndarray, out: Path, tag: str, repeat: int) -> dict[str, float]:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(W / 100, H / 100), dpi=100)
    canvas = FigureCanvasQTAgg(fig)
    canvas.resize(W, H)
    days = np.arange(len(counts))

    def build(data: np.ndarray) -> None:
        fig.clear()
        ax = fig.add_subplot()
        base = np.zeros(len(data))
        for j, name in enumerate(CATEGORIES):
            ax.bar(days, data[:, j], bottom=base, width=0.8, label=name, linewidth=0)
            base = base + data[:, j]
        ax.set_title("Examinations per day")
        ax.legend(loc="upper right")
        canvas.draw()
        canvas.grab()

    t_first = timed(lambda: build(counts), 1)
    t_redraw = timed(lambda: build(counts[::-1].copy()), repeat)
    canvas.grab().save(str(out / f"matplotlib-{tag}.png"))

    def svg() -> None:
        fig.savefig(str(out / f"matplotlib-{tag}.svg"))

    return {"first": t_first, "redraw": t_redraw, "svg": timed(svg, 1)}


def import_ms(module: str) -> float:
    """Cold import time in a fresh interpreter (ms)."""
    code = ("import time, os; os.environ['QT_QPA_PLATFORM']='offscreen';"
            "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            f"t = time.perf_counter(); import {module}; "
            "print((time.perf_counter() - t) * 1000)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    return float(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/compare-charts"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    datasets = {"1y": simulated_counts(100_000, 365, 1), "3y": simulated_counts(100_000, 1095, 2)}
    libs = {"Qt Charts": (qtcharts, "PySide6.QtCharts"),
            "pyqtgraph": (pyqtgraph_, "pyqtgraph"),
            "matplotlib": (matplotlib_, "matplotlib.backends.backend_qtagg")}
    sizes = {
        "Qt Charts": qtcharts_bytes(),
        "pyqtgraph": sum(installed_bytes(d) for d in requirement_closure("pyqtgraph")
                         if d not in PROJECT_HAS),
        "matplotlib": sum(installed_bytes(d) for d in requirement_closure("matplotlib")
                          if d not in PROJECT_HAS),
    }
    print(f"{'library':<12} {'adds MB':>8} {'import':>7} "
          + " ".join(f"{k + ' ' + t:>12}" for k in datasets for t in ("first", "redraw", "svg")))
    for name, (fn, module) in libs.items():
        row = [f"{name:<12}", f"{sizes[name] / 1e6:>8.1f}", f"{import_ms(module):>7.0f}"]
        for tag, counts in datasets.items():
            r = fn(counts, args.out, tag, args.repeat)
            row += [f"{r['first']:>12.0f}", f"{r['redraw']:>12.0f}", f"{r['svg']:>12.0f}"]
        print(" ".join(row), flush=True)
    print(f"(times in ms, median of {args.repeat}; images in {args.out})")
    del app


if __name__ == "__main__":
    main()
