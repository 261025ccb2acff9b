"""What a trends chart draws, computed without Qt: time buckets, the categories of a
breakdown (the largest few, the rest as "other"), and the counts per bucket.

:func:`chart_query` says what to ask :class:`~workstation.trends.TrendStore`;
:func:`chart_series` turns the answer into arrays ``(categories, buckets)`` a
chart library stacks. The same numbers fill the view's table, so the chart,
the table and ``workstation trends`` show one set of figures.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from workstation.errors import InputError
from workstation.trends.query import (
    DIMENSIONS,
    MEASURES,
    TrendQuery,
    TrendRow,
    TrendTable,
    bucket_of,
    bucket_range,
)

#: Categories drawn in their own colour; the rest are summed as "other".
TOP_CATEGORIES = 8
OTHER = "other"


def auto_bucket(since: dt.date, until: dt.date) -> str:
    """The time bucket that gives a readable number of bars for the range: days up to
    three months, weeks up to about a year and a half, months beyond."""
    days = (until - since).days + 1
    if days <= 92:
        return "day"
    if days <= 550:
        return "week"
    return "month"


def bucket_sequence(bucket: str, since: dt.date, until: dt.date) -> list[str]:
    """Every bucket label from the one holding ``since`` to the one holding ``until``."""
    if since > until:
        return []
    out: list[str] = []
    label = bucket_of(bucket, since)
    while True:
        out.append(label)
        _first, last = bucket_range(bucket, label)
        if last >= until:
            return out
        label = bucket_of(bucket, last + dt.timedelta(days=1))


def chart_query(*, since: dt.date, until: dt.date, category: str | None, bucket: str,
                where: dict[str, tuple[str, ...]] | None = None) -> TrendQuery:
    """The query behind a chart of ``category`` (a dimension, or ``None``) over time."""
    if category is not None and category not in DIMENSIONS:
        raise InputError(f"unknown dimension {category!r}")
    by = (bucket,) if category is None else (bucket, category)
    return TrendQuery(since=since, until=until, by=by, where=dict(where or {}))


@dataclass(frozen=True)
class ChartSeries:
    """Counts of one measure per category (rows) and time bucket (columns)."""

    measure: str
    bucket: str
    buckets: tuple[str, ...]
    categories: tuple[str, ...]
    values: np.ndarray  # (len(categories), len(buckets)), int64
    totals: tuple[TrendRow, ...]  # per category, over the whole range, largest first

    def bucket_start(self, i: int) -> dt.date:
        """First day of bucket ``i``."""
        return bucket_range(self.bucket, self.buckets[i])[0]


def chart_series(table: TrendTable, *, measure: str = "examinations",
                 top: int = TOP_CATEGORIES) -> ChartSeries:
    """The series of a table made by :func:`chart_query`."""
    if measure not in MEASURES:
        raise InputError(f"unknown measure {measure!r} (known: {', '.join(MEASURES)})")
    q = table.query
    bucket = q.by[0]
    if q.since is None or q.until is None:
        raise InputError("a chart needs a day range")
    buckets = bucket_sequence(bucket, q.since, q.until)
    index = {b: i for i, b in enumerate(buckets)}
    per_category: dict[str, list[int]] = {}
    for row in table.rows:
        name = row.key[1] if len(row.key) > 1 else measure
        acc = per_category.setdefault(name, [0, 0, 0])
        acc[0] += row.examinations
        acc[1] += row.forgeries
        acc[2] += row.flagged
    m = MEASURES.index(measure)
    ranked = sorted(per_category, key=lambda c: (-per_category[c][m], -per_category[c][0], c))
    keep = [c for c in ranked if per_category[c][m] > 0][:top]
    rest = [c for c in ranked if c not in keep]
    categories = keep + ([OTHER] if any(per_category[c][m] for c in rest) else [])
    position = {c: i for i, c in enumerate(categories)}
    values = np.zeros((len(categories), len(buckets)), dtype=np.int64)
    for row in table.rows:
        name = row.key[1] if len(row.key) > 1 else measure
        col = index.get(row.key[0])
        if col is None:
            continue
        cat = position.get(name, position.get(OTHER))
        if cat is None:
            continue
        values[cat, col] += (row.examinations, row.forgeries, row.flagged)[m]
    totals = tuple(TrendRow((c,), *per_category[c]) for c in ranked)
    return ChartSeries(measure=measure, bucket=bucket, buckets=tuple(buckets),
                       categories=tuple(categories), values=values, totals=totals)
