"""The Trends view's charts, drawn with pyqtgraph (docs/architecture.md says why):
stacked bars over time, one colour per category, and the categories' totals.

:class:`TrendChart` draws a :class:`~workstation.trends.series.ChartSeries`; a
click on a bar emits ``barClicked(bucket, category)``. :func:`save_chart` writes
PNG (the widget rendered at any size) or SVG (Qt's SVG generator: pyqtgraph's
own SVG exporter fails on bar charts with Qt 6, pyqtgraph issue 3485). The time
axis (:class:`LocaleDateAxis`) names months and weekdays in the window's language.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.DateAxisItem import (
    ZoomLevel,
    adjustTimestampToPreferredUtcOffset,
    utcfromtimestamp,
)
from PySide6.QtCore import QLocale, QPoint, QPointF, QRectF, QSize, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QVBoxLayout, QWidget

from workstation.trends.series import OTHER, ChartSeries
from workstation.ui.texts import T, live, tx

#: Okabe-Ito colours (told apart by colour-blind readers), then grey for "other".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000")
OTHER_COLOUR = "#9aa0aa"
_BUCKET_DAYS = {"day": 1, "week": 7, "month": 30.4, "year": 365.25}
MEASURE_TITLES = {"examinations": T("trends", "Examinations"),
                  "forgeries": T("trends", "Detected forgeries"),
                  "flagged": T("trends", "Flagged by the checks")}


def category_label(value: str) -> str:
    """How a dimension value shows in a legend ("" is "none")."""
    return value if value else tx("trends", "(none)")


def colour_of(series: ChartSeries, i: int) -> str:
    """The colour of category ``i``."""
    if series.categories[i] == OTHER:
        return OTHER_COLOUR
    return PALETTE[i % len(PALETTE)]


class LocaleDateAxis(pg.DateAxisItem):
    """pyqtgraph's time axis with the month and weekday names of the window's language
    (Qt's default locale, which View > Language sets) instead of the C library's
    English; numbers (days, years, hours) as pyqtgraph writes them. The zoom levels
    measure the language's longest names, so longer Mongolian and Russian ticks do not
    overlap."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # pyqtgraph's zoom levels, with English example texts
        self._english: OrderedDict[float, ZoomLevel] = self.zoomLevels  # type: ignore[has-type]
        self._levels_for = ""

    def _localised_levels(self) -> None:
        locale = QLocale()
        if locale.name() == self._levels_for:
            return
        self._levels_for = locale.name()
        short = QLocale.FormatType.ShortFormat
        names = [locale.standaloneMonthName(m, short) for m in range(1, 13)]
        names += [locale.standaloneDayName(d, short) for d in range(1, 8)]
        widest = max(names, key=len)
        levels: OrderedDict[float, ZoomLevel] = OrderedDict()
        for spacing, level in self._english.items():
            example = level.exampleText.replace("MMM", widest)
            if any("%b" in spec.format for spec in level.tickSpecs):
                example = max(example, widest, key=len)
            levels[spacing] = ZoomLevel(level.tickSpecs, example)
        self.zoomLevels = levels

    def tickValues(self, minVal: float, maxVal: float, size: float) -> Any:
        self._localised_levels()
        return super().tickValues(minVal, maxVal, size)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        spec = next((s for s in self.zoomLevel.tickSpecs if s.spacing == spacing), None)
        if spec is None or ("%b" not in spec.format and "%a" not in spec.format):
            return list(super().tickStrings(values, scale, spacing))
        locale = QLocale()
        short = QLocale.FormatType.ShortFormat
        out = []
        for v in values:
            try:
                day = utcfromtimestamp(adjustTimestampToPreferredUtcOffset(v, self.utcOffset))
            except (OverflowError, ValueError, OSError):
                out.append("")
                continue
            month = locale.standaloneMonthName(day.month, short).replace("%", "%%")
            weekday = locale.standaloneDayName(day.isoweekday(), short).replace("%", "%%")
            out.append(day.strftime(spec.format.replace("%b", month).replace("%a", weekday)))
        return out


def _epoch(day: dt.date) -> float:
    return dt.datetime.combine(day, dt.time(), dt.UTC).timestamp()


class TrendChart(QWidget):
    """Stacked bars of a series over time (with a legend); click a bar to drill down."""

    barClicked = Signal(str, str)
    """A bar was clicked: (bucket label, category)."""

    def __init__(self, parent: QWidget | None = None, *, dark: bool = False) -> None:
        super().__init__(parent)
        self.plot = pg.PlotWidget(axisItems={"bottom": LocaleDateAxis(utcOffset=0)})
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=False, y=True, alpha=0.25)
        self.plot.getViewBox().setMouseEnabled(x=True, y=False)
        # top left: the latest weeks, at the right, are the ones looked at
        self.legend = self.plot.addLegend(offset=(10, 10))
        self.series: ChartSeries | None = None
        self._foreground = ""
        self._title = ""
        self.set_dark(dark)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.plot.scene().sigMouseClicked.connect(self._clicked)
        live(self, self._relabel_time, "time axis")

    def _relabel_time(self) -> None:
        """Draw the time axis's ticks again (the language changed: its month names)."""
        axis = self.plot.getAxis("bottom")
        axis.picture = None
        axis.update()

    def set_dark(self, dark: bool) -> None:
        """Colours for the dark or the light theme (the figures are drawn again)."""
        background, foreground = ("#1e2126", "#e6e8eb") if dark else ("#ffffff", "#1c2024")
        self._foreground = foreground
        self.plot.setBackground(background)
        for name in ("left", "bottom"):
            axis = self.plot.getAxis(name)
            axis.setPen(pg.mkPen(foreground))
            axis.setTextPen(pg.mkPen(foreground))
        self.legend.setLabelTextColor(foreground)
        self.legend.setBrush(pg.mkBrush(background + "e0"))
        self.legend.setPen(pg.mkPen(foreground + "40"))
        if self.series is not None:
            self.show_series(self.series, title=self._title)

    def show_series(self, series: ChartSeries, *, title: str = "") -> None:
        """Draw ``series`` as stacked bars (replacing what was drawn)."""
        self.series = series
        self._title = title
        self.plot.clear()
        self.legend.clear()
        n = len(series.buckets)
        if n:
            x = np.array([_epoch(series.bucket_start(i)) for i in range(n)])
            width = 86400.0 * _BUCKET_DAYS[series.bucket]
            base = np.zeros(n)
            for i, category in enumerate(series.categories):
                heights = series.values[i].astype(float)
                item = pg.BarGraphItem(x0=x, width=width * 0.85, y0=base, height=heights,
                                       brush=pg.mkBrush(colour_of(series, i)), pen=None,
                                       name=category_label(category))
                self.plot.addItem(item)  # named items join the legend themselves
                base = base + heights
            top = float(base.max()) if base.size else 0.0
            self.plot.setXRange(x[0], x[-1] + width, padding=0.01)
            self.plot.setYRange(0, max(1.0, top) * 1.08, padding=0)
        measure = MEASURE_TITLES.get(series.measure)
        self.plot.setTitle(title or (measure.tr() if measure is not None else series.measure),
                           color=self._foreground)
        self.plot.getAxis("left").setLabel(MEASURE_TITLES.get(series.measure, ""),
                                           color=self._foreground)

    def bar_at(self, point: QPointF) -> tuple[str, str] | None:
        """The (bucket, category) of the bar under a point in view coordinates."""
        s = self.series
        if s is None or not s.buckets:
            return None
        x, y = point.x(), point.y()
        width = 86400.0 * _BUCKET_DAYS[s.bucket]
        for i in range(len(s.buckets)):
            start = _epoch(s.bucket_start(i))
            if start <= x <= start + width * 0.85:
                base = 0.0
                for j, category in enumerate(s.categories):
                    top = base + float(s.values[j, i])
                    if base <= y < top:
                        return s.buckets[i], category
                    base = top
                return None
        return None

    def _clicked(self, event: object) -> None:
        pos = event.scenePos()  # type: ignore[attr-defined]
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        hit = self.bar_at(self.plot.getViewBox().mapSceneToView(pos))
        if hit is not None:
            self.barClicked.emit(*hit)


def render_image(widget: QWidget, size: QSize | None = None) -> QImage:
    """The widget drawn into an image (at ``size``, default its own)."""
    size = size or widget.size()
    if size != widget.size():
        widget.resize(size)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    return image


def save_chart(widget: QWidget, path: str | Path, *, size: QSize | None = None) -> Path:
    """Write the chart as PNG or SVG (by the file's suffix), atomically."""
    from workstation.errors import InputError
    from workstation.fsutil import atomic_open

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise InputError(f"{path.name}: save charts as .png or .svg")
    if suffix == ".png":
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        image = render_image(widget, size)
        encoded = QByteArray()
        buffer = QBuffer(encoded)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # str at run time
            raise InputError(f"{path}: the image could not be encoded")
        data = bytes(encoded.data())
    else:
        data = svg_bytes(widget, size or widget.size())
    with atomic_open(path) as fh:
        fh.write(data)
    return path


def svg_bytes(widget: QWidget, size: QSize) -> bytes:
    """SVG bytes of the widget, drawn through Qt's SVG generator."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle("workstation trends")
    painter = QPainter(generator)
    target = QRectF(0, 0, size.width(), size.height())
    if isinstance(widget, TrendChart):
        # the scene's items as vectors (rendering the view would embed a bitmap)
        painter.fillRect(target, widget.plot.backgroundBrush())
        widget.plot.scene().render(painter, target, widget.plot.sceneRect())
    else:
        widget.render(painter, QPoint(0, 0))
    painter.end()
    buffer.close()
    return bytes(data.data())


__all__ = ["PALETTE", "TrendChart", "category_label", "render_image", "save_chart",
           "svg_bytes"]
