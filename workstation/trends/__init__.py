"""Fraud trends and alerts: what one border point finds, every border point knows.

Public API::

    from workstation.trends import TrendStore, TrendQuery
    store = TrendStore(repository)                 # a workstation.cases.CaseRepository
    table = store.query(TrendQuery(since=date(2026, 1, 1), by=("state", "check")))
    store.drill_down(TrendQuery(...).narrowed(table.query.by, row.key), user=supervisor)

    from workstation.trends.export import write_export, import_export
    from workstation.trends.alerts import AlertStore

Only casework examinations are counted (``examinations.purpose``): the
trainer's examinations never mix into the trends or the exports.
"""

from __future__ import annotations

from workstation.trends.query import (
    DIMENSIONS,
    MEASURES,
    TIME_BUCKETS,
    TrendQuery,
    TrendRow,
    TrendTable,
)
from workstation.trends.store import TrendStore

__all__ = ["DIMENSIONS", "MEASURES", "TIME_BUCKETS", "TrendQuery", "TrendRow", "TrendStore",
           "TrendTable"]
