"""The Trends charts' time axis names months and weekdays in the window's language
(Qt's locale, set by View > Language), not the C library's English."""

from __future__ import annotations

import datetime as dt

import numpy as np
from pytestqt.qtbot import QtBot

from workstation.trends.series import ChartSeries, bucket_sequence
from workstation.ui.language import LanguageSwitch
from workstation.ui.trend_chart import LocaleDateAxis, TrendChart


def _chart(qtbot: QtBot) -> TrendChart:
    """A chart drawn once (the axis measures its ticks with the font it drew with)."""
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(900, 400)
    chart.show()
    chart.grab()
    return chart


def _months(axis: LocaleDateAxis, width_px: float = 900.0) -> list[str]:
    """The tick texts over January to December 2026 on an axis ``width_px`` wide."""
    lo = dt.datetime(2026, 1, 1, tzinfo=dt.UTC).timestamp()
    hi = dt.datetime(2026, 12, 31, tzinfo=dt.UTC).timestamp()
    out: list[str] = []
    for spacing, values in axis.tickValues(lo, hi, width_px):
        out += axis.tickStrings(values, 1.0, spacing)
    return out


def test_month_names_follow_the_window_language(qtbot: QtBot, switch: LanguageSwitch) -> None:
    chart = _chart(qtbot)
    axis = chart.plot.getAxis("bottom")
    assert isinstance(axis, LocaleDateAxis)
    english = _months(axis)
    assert {"Feb", "Jun", "Nov"} <= set(english), english
    switch.apply("ru")
    russian = _months(axis)
    assert {"февр.", "июнь", "нояб."} <= set(russian), russian
    switch.apply("mn")
    mongolian = _months(axis)
    assert "6-р сар" in mongolian and "Jun" not in mongolian, mongolian
    assert len(mongolian) <= len(english)  # longer names: no more ticks than fit
    switch.apply("en")
    assert _months(axis) == english


def test_weekday_and_day_ticks_in_the_language(qtbot: QtBot, switch: LanguageSwitch) -> None:
    chart = _chart(qtbot)
    axis = chart.plot.getAxis("bottom")
    lo = dt.datetime(2026, 12, 1, tzinfo=dt.UTC).timestamp()  # a Tuesday
    switch.apply("ru")
    ticks = [t for spacing, values in axis.tickValues(lo, lo + 2 * 86400, 900.0)
             for t in axis.tickStrings(values, 1.0, spacing)]
    assert {"ср 02", "чт 03"} <= set(ticks), ticks  # weekday and day of month
    assert "12:00" in ticks


def test_the_chart_draws_with_the_language_axis(qtbot: QtBot, switch: LanguageSwitch) -> None:
    since, until = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    buckets = tuple(bucket_sequence("month", since, until))
    series = ChartSeries("examinations", "month", buckets, ("MNG",),
                         np.arange(len(buckets), dtype=np.int64)[None, :], ())
    chart = _chart(qtbot)
    chart.show_series(series)
    switch.apply("mn")  # the axis is drawn again with the new names
    image = chart.grab().toImage()
    assert not image.isNull()
    assert any("-р сар" in t for t in _months(chart.plot.getAxis("bottom")))
