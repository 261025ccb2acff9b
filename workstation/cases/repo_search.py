"""The case repository's search: the case list's query (prefix keys, filters, sort)
and the review queue, with the compiled statements cached by shape."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

from sqlalchemy import and_, bindparam, or_, select, union
from sqlalchemy.orm import Session

from workstation.cases.keys import prefix_upper_bound, search_key
from workstation.cases.models import (
    CaseRow,
    ExaminationRow,
)
from workstation.cases.records import (
    SORT_KEYS,
    ExaminationSummary,
    SearchQuery,
    Status,
)
from workstation.cases.repo_core import (
    _SUMMARY_KEYS,
    RepositoryCore,
    _summary,
)
from workstation.errors import InputError
from workstation.findings import Conclusion


class Search(RepositoryCore):
    """Finding examinations."""

    # -- search --------------------------------------------------------------------

    def search(self, query: SearchQuery | None = None) -> list[ExaminationSummary]:
        """The examinations matching ``query``, sorted, one page of at most ``limit``."""
        query = query or SearchQuery()
        with self._read() as s:
            return _search(s, query)

    def review_queue(self, *, limit: int = 200) -> list[ExaminationSummary]:
        """Examinations waiting for a supervisor, oldest first."""
        return self.search(SearchQuery(statuses=(Status.UNDER_REVIEW,), descending=False,
                                       limit=limit))


# -- search statement -------------------------------------------------------------------

_SEARCH_CACHE: dict[tuple[Any, ...], Any] = {}
_SEARCH_CACHE_LOCK = threading.Lock()


def _prefix(column: Any, name: str) -> Any:
    """``lo <= column < hi`` with the bind parameters ``<name>_lo`` and ``<name>_hi``."""
    return and_(column >= bindparam(f"{name}_lo"), column < bindparam(f"{name}_hi"))


def _search(s: Session, q: SearchQuery) -> list[ExaminationSummary]:
    """Run a case-list search.

    The prefix filters (text, reference, name, document number) are selective:
    they pick the candidate rows first, through their own indexes, in a
    subquery behind an ``OFFSET 0`` fence so PostgreSQL cannot instead walk the
    date index and test every row; the other filters, the order and the page
    apply to those. Case references are read for the page's rows only.

    Statements are built once per shape (which filters, which order) with bind
    parameters and kept: building a SQLAlchemy statement costs more than
    running an indexed query.
    """
    if q.sort not in SORT_KEYS:
        raise InputError(f"cannot sort by {q.sort!r} (known: {', '.join(SORT_KEYS)})")
    if not 0 < q.limit <= 10_000 or q.offset < 0:
        raise InputError("limit must be 1..10000 and offset not negative")
    params: dict[str, Any] = {"limit": q.limit, "offset": q.offset}
    prefixes = {"text": q.text, "reference": q.reference, "name": q.name,
                "document_number": q.document_number}
    present: list[str] = []
    for name, value in prefixes.items():
        key = search_key(value)
        if key:
            present.append(name)
            params[f"{name}_lo"], params[f"{name}_hi"] = key, prefix_upper_bound(key)
    if q.date_from is not None:
        params["date_from"] = dt.datetime.combine(q.date_from, dt.time(), dt.UTC)
    if q.date_to is not None:
        params["date_to"] = dt.datetime.combine(q.date_to + dt.timedelta(days=1), dt.time(),
                                                dt.UTC)
    if q.statuses:
        params["statuses"] = [Status(x).value for x in q.statuses]
    if q.conclusions:
        params["conclusions"] = [Conclusion(x).value for x in q.conclusions]
    if q.created_by:
        params["created_by"] = q.created_by
    shape = (tuple(present), *(k in params for k in ("date_from", "date_to", "statuses",
                                                     "conclusions", "created_by")),
             q.sort, q.descending)
    with _SEARCH_CACHE_LOCK:
        stmt = _SEARCH_CACHE.get(shape)
        if stmt is None:
            stmt = _SEARCH_CACHE[shape] = _search_statement(shape)
    rows = s.execute(stmt, params).all()
    references: dict[int, str] = {}
    case_ids = {row[1] for row in rows}
    if case_ids:
        c = CaseRow.__table__.c
        for case_id, reference in s.execute(select(c.id, c.reference)
                                            .where(c.id.in_(case_ids))):
            references[case_id] = reference
    return [_summary(row, references[row[1]]) for row in rows]


def _search_statement(shape: tuple[Any, ...]) -> Any:
    """The Core statement of one search shape (see :func:`_search`)."""
    present, has_from, has_to, has_statuses, has_conclusions, has_by, sort, descending = shape
    e: Any = ExaminationRow.__table__.c
    candidates: list[Any] = []
    if "reference" in present:
        candidates.append(_prefix(e.case_reference_key, "reference"))
    if "name" in present:
        candidates.append(or_(_prefix(e.surname_key, "name"),
                              _prefix(e.given_names_key, "name")))
    if "document_number" in present:
        candidates.append(_prefix(e.document_number_key, "document_number"))
    needed = [e[k] for k in (*_SUMMARY_KEYS, "case_reference_key", "surname_key",
                             "given_names_key", "document_number_key", "created_by")]
    if "text" in present:
        # One indexed range per field, united (an OR would scan every row); the union
        # carries the rows themselves, so each is read once.
        fields = (e.case_reference_key, e.surname_key, e.given_names_key,
                  e.document_number_key)
        e = union(*(select(*needed).where(_prefix(f, "text"), *candidates)
                    for f in fields)).subquery("candidates").c
    elif candidates:
        e = select(*needed).where(*candidates).offset(0).subquery("candidates").c
    where: list[Any] = []
    if has_from:
        where.append(e.created_at >= bindparam("date_from"))
    if has_to:
        where.append(e.created_at < bindparam("date_to"))
    if has_statuses:
        where.append(e.status.in_(bindparam("statuses", expanding=True)))
    if has_conclusions:
        where.append(e.conclusion.in_(bindparam("conclusions", expanding=True)))
    if has_by:
        where.append(e.created_by == bindparam("created_by"))
    stmt = select(*(e[k] for k in _SUMMARY_KEYS))
    if where:
        stmt = stmt.where(*where)
    columns: dict[str, tuple[Any, ...]] = {
        "created_at": (e.created_at,), "reference": (e.case_reference_key,),
        "name": (e.surname_key, e.given_names_key), "document_number": (e.document_number_key,),
        "status": (e.status,), "conclusion": (e.conclusion,), "verdict": (e.verdict,),
    }
    order = [*columns[sort], e.id]
    stmt = stmt.order_by(*(col.desc() if descending else col.asc() for col in order))
    return stmt.limit(bindparam("limit")).offset(bindparam("offset"))
