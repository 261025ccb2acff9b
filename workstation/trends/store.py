"""Running trend queries over the case database's summary tables.

:class:`TrendStore` answers a :class:`~workstation.trends.query.TrendQuery` from the
summaries the database's triggers keep (migrations 0007 and 0010): :func:`plan`
reads whole months from the monthly tables and only the partial months' days from the
daily ones, and each piece reads the smallest summary that has every dimension the
query uses (:func:`_summary`: ``trend_month_documents``, ``trend_month_check_states``,
``trend_outcome_counts``, or the full-grain tables); each statement is built once per
shape with bind parameters.
A total over two check codes is their rows' sum less ``trend_check_pairs``' count of
both; over more, it and the examinations behind a figure with a check filter come from
``trend_check_facts`` (the rows of those codes only). It also lists
the examinations behind a figure (:meth:`TrendStore.drill_down`) and recounts
everything from the examinations (:meth:`TrendStore.rebuild`).
"""

from __future__ import annotations

import datetime as dt
import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Date, DateTime, and_, bindparam, case, cast, func, select

from workstation.cases import CaseRepository, ExaminationSummary, User
from workstation.errors import InputError
from workstation.trends.models import (
    TrendCheckCountRow,
    TrendCheckFactRow,
    TrendCheckPairRow,
    TrendCountRow,
    TrendFactRow,
    TrendMonthCheckCountRow,
    TrendMonthCheckStateRow,
    TrendMonthCountRow,
    TrendMonthDocumentRow,
    TrendOutcomeCountRow,
)
from workstation.trends.query import (
    DIMENSIONS,
    DRILL_DOWN_ROLES,
    FORGERY_CONCLUSIONS,
    TIME_BUCKETS,
    TrendQuery,
    TrendRow,
    TrendTable,
    bucket_of,
    bucket_range,
    sum_rows,
)

_STATEMENTS: dict[tuple[Any, ...], Any] = {}
_STATEMENTS_LOCK = threading.Lock()


#: (daily table, monthly table) for plain counts and for counts per check code.
_TABLES = {False: (TrendCountRow.__table__, TrendMonthCountRow.__table__),
           True: (TrendCheckCountRow.__table__, TrendMonthCheckCountRow.__table__)}


#: Dimensions ``trend_month_documents`` does not have (its forgeries and flagged counts
#: stand for them); a query without them reads that small table for whole months.
_OUTCOME_DIMENSIONS = frozenset({"conclusion", "kind", "verdict", "check"})
#: The dimensions ``trend_outcome_counts`` has (besides the day); a query that uses no
#: other reads that small table for days (migration 0010).
_OUTCOME_TABLE_DIMENSIONS = frozenset({"point", "conclusion", "kind", "verdict"})
#: The dimensions ``trend_month_check_states`` has (migration 0010).
_CHECK_STATE_DIMENSIONS = frozenset({"point", "state", "check"})


def _summary(q: TrendQuery, grain: str) -> Any:
    """The smallest summary table that holds every dimension ``q`` uses, at ``grain``."""
    used = set(q.by) | set(q.where)
    used -= set(TIME_BUCKETS)
    if grain == "month" and not used & _OUTCOME_DIMENSIONS:
        return TrendMonthDocumentRow.__table__
    if grain == "month" and q.uses_checks and used <= _CHECK_STATE_DIMENSIONS:
        return TrendMonthCheckStateRow.__table__
    if grain == "day" and used <= _OUTCOME_TABLE_DIMENSIONS:
        return TrendOutcomeCountRow.__table__
    return _TABLES[q.uses_checks][grain == "month"]


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _month_end(day: dt.date) -> dt.date:
    return bucket_range("month", day.strftime("%Y-%m"))[1]


def plan(q: TrendQuery) -> list[tuple[str, dt.date | None, dt.date | None]]:
    """The pieces a query reads: ``("day"|"month", first, last)``; a month piece's
    bounds are months' first days. Day and week buckets read the daily table; the
    rest read whole months from the monthly table and partial months' days from the
    daily one."""
    since, until = q.since, q.until
    if "day" in q.by or "week" in q.by:
        return [("day", since, until)]
    first_full = since if since is None or since.day == 1 else _month_end(since) + \
        dt.timedelta(days=1)
    last_full = until if until is None or until == _month_end(until) else \
        _month_start(until) - dt.timedelta(days=1)
    if first_full is not None and last_full is not None and first_full > last_full:
        return [("day", since, until)]
    pieces: list[tuple[str, dt.date | None, dt.date | None]] = []
    if since is not None and first_full is not None and since < first_full:
        pieces.append(("day", since, first_full - dt.timedelta(days=1)))
    pieces.append(("month", first_full, None if last_full is None else _month_start(last_full)))
    if until is not None and last_full is not None and until > last_full:
        pieces.append(("day", last_full + dt.timedelta(days=1), until))
    return pieces


def _filters(table: Any, q: TrendQuery, params: dict[str, Any]) -> list[Any]:
    where: list[Any] = []
    if q.since is not None:
        where.append(table.c.day >= bindparam("since"))
        params["since"] = q.since
    if q.until is not None:
        where.append(table.c.day <= bindparam("until"))
        params["until"] = q.until
    for name in sorted(q.where):
        if name == "check" and "code" not in table.c:
            continue
        where.append(table.c[DIMENSIONS[name]].in_(bindparam(f"w_{name}", expanding=True)))
        params[f"w_{name}"] = list(q.where[name])
    return where


def _week(dialect: str, day: Any) -> Any:
    """The Monday of ``day``'s week (a date on PostgreSQL, ``YYYY-MM-DD`` on SQLite)."""
    if dialect == "postgresql":
        # as a timestamp without time zone: no session time zone comes into it
        return cast(func.date_trunc("week", cast(day, DateTime)), Date)
    # six days back, then forward to the next Monday (the same day when it is one)
    return func.date(day, "-6 days", "weekday 1")


def _grouped_statement(dialect: str, q: TrendQuery, params: dict[str, Any],
                       grain: str = "day") -> Any:
    """``SELECT keys..., SUM(n), SUM(forgeries), SUM(flagged) ... GROUP BY keys`` over
    the daily or monthly table (``grain``; ``q``'s bounds are that table's days), built
    once per shape (table, dimensions, filters and bounds)."""
    table = _summary(q, grain)
    stored = "forgeries" in table.c  # the measures are columns of their own
    shape = (dialect, table.name, q.by, q.since is not None, q.until is not None,
             tuple(sorted(q.where)))
    where = _filters(table, q, params)
    with _STATEMENTS_LOCK:
        stmt = _STATEMENTS.get(shape)
        if stmt is not None:
            return stmt
    # A time bucket groups by the stored day itself (a month's first day in the
    # monthly tables), its label made from it afterwards, in Python — but a week, which
    # reads days over any range, groups by its Monday, so seven times fewer rows come
    # back.
    keys = [(_week(dialect, table.c.day) if n == "week"
             else table.c.day if n in TIME_BUCKETS
             else table.c[DIMENSIONS[n]]).label(f"k{i}") for i, n in enumerate(q.by)]
    n = table.c.n
    if stored:
        measures = [func.sum(n).label("examinations"),
                    func.sum(table.c.forgeries).label("forgeries"),
                    func.sum(table.c.flagged).label("flagged")]
    else:
        measures = [
            func.sum(n).label("examinations"),
            func.sum(case((table.c.conclusion.in_(FORGERY_CONCLUSIONS), n), else_=0))
            .label("forgeries"),
            func.sum(case((table.c.verdict == "fail", n), else_=0)).label("flagged"),
        ]
    stmt = select(*keys, *measures).select_from(table)
    if where:
        stmt = stmt.where(and_(*where))
    if keys:
        # in key order: the sort in Python that makes the order then finds it made
        stmt = stmt.group_by(*keys).order_by(*keys)
    with _STATEMENTS_LOCK:
        _STATEMENTS[shape] = stmt
    return stmt


class TrendStore:
    """Trend queries and drill-down over a case database."""

    def __init__(self, repository: CaseRepository) -> None:
        self.repository = repository

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.repository.engine.dialect.name

    def query(self, q: TrendQuery) -> TrendTable:
        """Count examinations, forgeries and flagged examinations as ``q`` asks."""
        with self.repository.reading() as s, _collector_paused():
            rows = self._grouped(s, q)
            total = self._total(s, q, rows)
        return TrendTable(query=q, rows=rows, total=total)

    def _grouped(self, s: Any, q: TrendQuery) -> tuple[TrendRow, ...]:
        """The rows of every piece of :func:`plan`, merged by key. Thousands of rows are
        common (a month by state, type and series): so the loop stays small — the rows
        fetched at once, a time bucket's label made once per distinct day, and no
        merging when one piece's rows already have one key each."""
        pieces = plan(q)
        width = len(q.by)
        bucket = next(((i, b) for i, b in enumerate(q.by) if b in TIME_BUCKETS), None)
        merged: dict[tuple[str, ...], list[int]] = {}
        for grain, first, last in pieces:
            part = TrendQuery(since=first, until=last, by=q.by, where=q.where)
            params: dict[str, Any] = {}
            stmt = _grouped_statement(self.dialect, part, params, grain)
            rows = s.execute(stmt, params).all()
            if bucket is None:
                keys = [tuple(r[:width]) for r in rows]
                one_key_each = True
            else:
                at, name = bucket
                labels = {day: bucket_of(name, _as_date(day)) for day in {r[at] for r in rows}}
                keys = [(*r[:at], labels[r[at]], *r[at + 1:width]) for r in rows]
                # a day, a week (grouped by its Monday) or a month of the monthly tables
                # is one stored day; a year, or a month of daily rows, is many
                one_key_each = name in ("day", "week") or (name, grain) == ("month", "month")
            if len(pieces) == 1 and one_key_each:
                out = [TrendRow(k, int(r[-3] or 0), int(r[-2] or 0), int(r[-1] or 0))
                       for k, r in zip(keys, rows, strict=True) if r[-3]]
                out.sort()
                return tuple(out)
            for key, r in zip(keys, rows, strict=True):
                got = merged.get(key)
                if got is None:
                    merged[key] = [int(r[-3] or 0), int(r[-2] or 0), int(r[-1] or 0)]
                else:
                    got[0] += int(r[-3] or 0)
                    got[1] += int(r[-2] or 0)
                    got[2] += int(r[-1] or 0)
        return tuple(TrendRow(k, *merged[k]) for k in sorted(merged) if merged[k][0])

    def _total(self, s: Any, q: TrendQuery, rows: tuple[TrendRow, ...]) -> TrendRow:
        codes = q.where.get("check")
        if not q.uses_checks or (codes is not None and len(codes) == 1):
            return sum_rows(rows)  # every examination is in one row at most
        if codes is not None and len(codes) == 2:
            # inclusion-exclusion: the rows count the examinations failing both codes twice
            both = self._pair_total(s, q)
            counted = sum_rows(rows)
            return TrendRow((), counted.examinations - both.examinations,
                            counted.forgeries - both.forgeries, counted.flagged - both.flagged)
        if codes is not None:
            return self._distinct_total(s, q)
        base = self._grouped(s, TrendQuery(since=q.since, until=q.until, where=q.where))
        return base[0] if base else TrendRow((), 0, 0, 0)

    def _pair_total(self, s: Any, q: TrendQuery) -> TrendRow:
        """Examinations that failed both of ``q``'s two check codes (and pass its other
        filters), from ``trend_check_pairs``."""
        t = TrendCheckPairRow.__table__
        params: dict[str, Any] = {}
        where = _filters(t, TrendQuery(since=q.since, until=q.until,
                                       where={k: v for k, v in q.where.items()
                                              if k != "check"}), params)
        first, second = sorted(q.where["check"])
        params.update(pair_code=first, pair_other=second)
        stmt = (select(func.sum(t.c.n),
                       func.sum(case((t.c.conclusion.in_(FORGERY_CONCLUSIONS), t.c.n),
                                     else_=0)),
                       func.sum(case((t.c.verdict == "fail", t.c.n), else_=0)))
                .where(t.c.code == bindparam("pair_code"),
                       t.c.other_code == bindparam("pair_other"), *where))
        got = s.execute(stmt, params).one()
        return TrendRow((), int(got[0] or 0), int(got[1] or 0), int(got[2] or 0))

    def _distinct_total(self, s: Any, q: TrendQuery) -> TrendRow:
        """Examinations failing any of several checks, each counted once: from the rows
        of those codes in ``trend_check_facts`` (which carry the dimensions), never from
        the facts of every failing examination."""
        params: dict[str, Any] = {}
        failing = _check_facts(q, params).subquery()
        stmt = select(func.count(),
                      func.sum(case((failing.c.conclusion.in_(FORGERY_CONCLUSIONS), 1),
                                    else_=0)),
                      func.sum(case((failing.c.verdict == "fail", 1), else_=0)))
        got = s.execute(stmt, params).one()
        return TrendRow((), int(got[0] or 0), int(got[1] or 0), int(got[2] or 0))

    def values(self, dimension: str, *, since: dt.date | None = None,
               until: dt.date | None = None, limit: int = 500) -> list[str]:
        """The values a dimension takes in the day range, most frequent first (for
        filter lists)."""
        if dimension in TIME_BUCKETS:
            raise InputError("time buckets have no value list")
        table = self.query(TrendQuery(since=since, until=until, by=(dimension,)))
        ranked = sorted(table.rows, key=lambda r: (-r.examinations, r.key))
        return [r.key[0] for r in ranked[:limit]]

    def drill_down(self, q: TrendQuery, *, user: User, limit: int = 200,
                   offset: int = 0) -> list[ExaminationSummary]:
        """The examinations behind a figure (``q`` narrowed to it, e.g. by
        :meth:`TrendQuery.narrowed`), newest first; only for supervisors and forensic
        examiners (:data:`DRILL_DOWN_ROLES`)."""
        if user.role not in DRILL_DOWN_ROLES:
            raise InputError(f"{user.name} is a {user.role.label}: only supervisors and "
                             "forensic examiners open the examinations behind a figure")
        if not 0 < limit <= 10_000 or offset < 0:
            raise InputError("limit must be 1..10000 and offset not negative")
        ids = self.examination_ids(q, limit=limit, offset=offset)
        return self.repository.summaries(ids)

    def examination_ids(self, q: TrendQuery, *, limit: int | None = None,
                        offset: int = 0) -> list[int]:
        """Ids of the casework examinations ``q`` counts (its ``by`` is ignored), newest
        first."""
        params: dict[str, Any] = {}
        if "check" in q.where:
            ids = _check_facts(q, params).subquery()
            stmt = select(ids.c.examination_id).order_by(ids.c.examination_id.desc())
        else:
            f = TrendFactRow.__table__
            where = _filters(f, TrendQuery(since=q.since, until=q.until, where=q.where),
                             params)
            stmt = select(f.c.examination_id).order_by(f.c.examination_id.desc())
            if where:
                stmt = stmt.where(and_(*where))
        stmt = stmt.offset(offset)
        if limit is not None:
            stmt = stmt.limit(limit)
        with self.repository.reading() as s:
            return [int(r[0]) for r in s.execute(stmt, params)]

    def day_range(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day with a counted examination."""
        t = TrendCountRow.__table__
        with self.repository.reading() as s:
            first, last = s.execute(select(func.min(t.c.day), func.max(t.c.day))).one()
        if first is None or last is None:
            return None
        return _as_date(first), _as_date(last)

    def rebuild(self, *, user: User | str) -> int:
        """Recount every summary from the examinations (after a restore, or when
        :meth:`consistent` says the summaries drifted); audited as ``trends.rebuilt``.
        Returns the number of examinations counted."""
        from sqlalchemy import text

        from workstation.cases import trend_rollups_sql

        with self.repository.writing(user) as w:
            s = w.session
            for table in (*trend_rollups_sql.TABLES, "trend_month_documents",
                          "trend_month_check_counts", "trend_month_counts",
                          "trend_check_counts", "trend_counts",
                          "trend_fact_checks", "trend_facts"):
                s.execute(text(f"DELETE FROM {table}"))
            s.execute(text(_rebuild_sql(self.dialect, "checks")))
            s.execute(text(_rebuild_sql(self.dialect, "facts")))
            counted = int(s.execute(select(func.count()).select_from(
                TrendFactRow.__table__)).scalar_one())
            w.record("trends.rebuilt", "trends", details={"examinations": counted})
        return counted


def _check_facts(q: TrendQuery, params: dict[str, Any]) -> Any:
    """``SELECT DISTINCT examination_id, conclusion, verdict`` of the examinations that
    failed one of ``q``'s check codes and pass its other filters (from
    ``trend_check_facts``: the rows of those codes only, by its key)."""
    t = TrendCheckFactRow.__table__
    where = _filters(t, TrendQuery(since=q.since, until=q.until, where=q.where), params)
    return select(t.c.examination_id, t.c.conclusion, t.c.verdict).where(*where).distinct()


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a query's rows are built (thousands
    of small objects, none in a cycle): a full collection that their allocations start
    would scan every object of the process in the middle of the query — the slowest
    runs of a query answering thousands of rows were those."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _rebuild_sql(dialect: str, what: str) -> str:
    """The migration's own back-fill statements (one definition of a fact)."""
    from workstation.cases import trends_sql

    if what == "checks":
        return trends_sql.backfill_checks(dialect)
    return trends_sql.backfill_facts(dialect)


__all__ = ["TrendStore", "plan"]
