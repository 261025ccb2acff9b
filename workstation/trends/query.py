"""Trend queries: what to count (:class:`TrendQuery`) and the answer
(:class:`TrendTable`); :class:`workstation.trends.store.TrendStore` runs them.

Every query reads the summary tables the database's triggers keep (migration
0007): ``trend_counts`` (examinations per UTC day and combination of
dimensions) or, when the failed check code is asked for, ``trend_check_counts``
— and for the whole months of a range their monthly roll-ups
(``trend_month_counts``, ``trend_month_check_counts``), the days of partial
months at its ends from the daily tables; a query that needs fewer dimensions reads a
smaller roll-up (``trend_month_documents``; ``trend_outcome_counts``, migration 0010),
and a total over several check codes counts each examination once from
``trend_check_facts``. So a query sums summary rows picked by the day index, never
counts the examinations themselves.

Dimensions (the names of ``--by`` and of filters):

========== ===================================================================
``point``      border point (the workstation's configured location)
``state``      issuing state (MRZ)
``type``       document code (MRZ: ``P``, ``I``, ``ID``, ``AC``...)
``series``     the specimen the document was matched to (type and series)
``check``      code of a check the examination failed (each code once)
``kind``       forgery kind recorded in the findings
``conclusion`` the examiner's conclusion
``verdict``    the automated verdict
``day``, ``week`` (Monday), ``month``, ``year``: the UTC day bucket
========== ===================================================================

Measures of a row: ``examinations``; ``forgeries`` (the examiner concluded
counterfeit or forged); ``flagged`` (the automated verdict was fail). With the
``check`` dimension a row counts the examinations that failed that check. An
empty value means "none" (no conclusion yet, no specimen matched, location not
set). Only casework is counted (``examinations.purpose``), never training.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from workstation.cases import Role
from workstation.errors import InputError

#: Dimension name -> column of the fact / summary tables.
DIMENSIONS: dict[str, str] = {
    "point": "border_point", "state": "issuing_state", "type": "document_code",
    "series": "series", "check": "code", "kind": "forgery_kind", "conclusion": "conclusion",
    "verdict": "verdict",
}
#: Time buckets, finest first.
TIME_BUCKETS: tuple[str, ...] = ("day", "week", "month", "year")
#: The measures of every row.
MEASURES: tuple[str, ...] = ("examinations", "forgeries", "flagged")
#: Conclusions that count as a detected forgery.
FORGERY_CONCLUSIONS: tuple[str, ...] = ("counterfeit", "forged")
#: Roles that may open the examinations behind a figure (drill-down).
DRILL_DOWN_ROLES: frozenset[Role] = frozenset({Role.SUPERVISOR, Role.FORENSIC_EXAMINER})
#: Most values one filter may list.
MAX_FILTER_VALUES = 1000


def parse_dimensions(text: str | Sequence[str]) -> tuple[str, ...]:
    """``"state,check"`` (or a list) as a checked tuple of dimension names."""
    items = text.split(",") if isinstance(text, str) else list(text)
    names = tuple(n.strip().lower() for n in items if n.strip())
    known = (*TIME_BUCKETS, *DIMENSIONS)
    for n in names:
        if n not in known:
            raise InputError(f"unknown dimension {n!r} (known: {', '.join(known)})")
    if len(set(names)) != len(names):
        raise InputError(f"a dimension is named twice: {','.join(names)}")
    if sum(n in TIME_BUCKETS for n in names) > 1:
        raise InputError("at most one time bucket (day, week, month or year)")
    return names


@dataclass(frozen=True)
class TrendQuery:
    """What to count: a day range (UTC, inclusive; open when ``None``), the dimensions
    to break the counts down by (in order), and filters ``dimension -> allowed values``."""

    since: dt.date | None = None
    until: dt.date | None = None
    by: tuple[str, ...] = ()
    where: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by", parse_dimensions(self.by))
        where: dict[str, tuple[str, ...]] = {}
        for name, values in self.where.items():
            if name not in DIMENSIONS:
                raise InputError(f"cannot filter by {name!r} (known: "
                                 f"{', '.join(DIMENSIONS)})")
            vals = tuple(dict.fromkeys(str(v) for v in values))
            if not vals:
                raise InputError(f"the filter on {name} lists no value")
            if len(vals) > MAX_FILTER_VALUES:
                raise InputError(f"the filter on {name} lists more than "
                                 f"{MAX_FILTER_VALUES} values")
            where[name] = vals
        object.__setattr__(self, "where", where)
        if self.since and self.until and self.since > self.until:
            raise InputError(f"--since {self.since} is after --until {self.until}")

    @property
    def uses_checks(self) -> bool:
        """Whether the failed check code is a dimension or a filter."""
        return "check" in self.by or "check" in self.where

    def narrowed(self, by: Sequence[str], key: Sequence[str]) -> TrendQuery:
        """This query restricted to one row of a result broken down by ``by``: time
        buckets narrow the day range, the other dimensions become filters."""
        if len(by) != len(key):
            raise InputError("a row key needs one value per dimension")
        since, until = self.since, self.until
        where = dict(self.where)
        for name, value in zip(by, key, strict=True):
            if name in TIME_BUCKETS:
                first, last = bucket_range(name, value)
                since = max(since, first) if since else first
                until = min(until, last) if until else last
            else:
                where[name] = (value,)
        return TrendQuery(since=since, until=until, by=(), where=where)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None,
                "by": list(self.by), "where": {k: list(v) for k, v in self.where.items()}}


class TrendRow(NamedTuple):
    """One figure: the values of the query's dimensions and the counts. A named tuple
    (immutable, compared by value): a query may answer with thousands of them."""

    key: tuple[str, ...]
    examinations: int
    forgeries: int
    flagged: int

    def to_json(self, by: Sequence[str]) -> dict[str, Any]:
        """``{dimension: value, ..., "examinations": n, "forgeries": n, "flagged": n}``."""
        out: dict[str, Any] = dict(zip(by, self.key, strict=True))
        out.update(examinations=self.examinations, forgeries=self.forgeries,
                   flagged=self.flagged)
        return out


@dataclass(frozen=True)
class TrendTable:
    """The answer to a :class:`TrendQuery`: rows sorted by key, and the total.

    ``total`` counts each examination once, also when rows count it under
    several check codes.
    """

    query: TrendQuery
    rows: tuple[TrendRow, ...]
    total: TrendRow

    def to_json(self) -> dict[str, Any]:
        """The object ``workstation trends --json`` prints."""
        by = self.query.by
        return {**self.query.to_json(), "rows": [r.to_json(by) for r in self.rows],
                "total": self.total.to_json(())}


def bucket_range(bucket: str, value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a time bucket's value (``2026-03`` for a month...)."""
    try:
        if bucket == "day":
            day = dt.date.fromisoformat(value)
            return day, day
        if bucket == "week":
            monday = dt.date.fromisoformat(value)
            return monday, monday + dt.timedelta(days=6)
        if bucket == "month":
            first = dt.date.fromisoformat(value + "-01")
            nxt = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first, nxt - dt.timedelta(days=1)
        if bucket == "year":
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        pass
    raise InputError(f"not a {bucket}: {value!r}")


def bucket_of(bucket: str, day: dt.date) -> str:
    """The label of the time bucket holding ``day`` (as the queries write it)."""
    if bucket == "day":
        return day.isoformat()
    if bucket == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    if bucket == "month":
        return day.strftime("%Y-%m")
    if bucket == "year":
        return f"{day.year:04d}"
    raise InputError(f"unknown time bucket {bucket!r}")


def sum_rows(rows: Iterable[TrendRow], key: tuple[str, ...] = ()) -> TrendRow:
    """The sum of ``rows`` under ``key``."""
    e = f = g = 0
    for r in rows:
        e += r.examinations
        f += r.forgeries
        g += r.flagged
    return TrendRow(key, e, f, g)


__all__ = ["DIMENSIONS", "DRILL_DOWN_ROLES", "FORGERY_CONCLUSIONS", "MEASURES",
           "TIME_BUCKETS", "TrendQuery", "TrendRow", "TrendTable", "bucket_of", "bucket_range",
           "parse_dimensions", "sum_rows"]
