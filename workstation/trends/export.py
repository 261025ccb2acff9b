"""Anonymised export of an office's figures for a central office.

``workstation trends export OUT [--since DATE] [--until DATE] [--k 5]`` writes
a signed JSON file (:mod:`workstation.trends.signing`, the office's report key)
whose payload is::

    {"format": "workstation.trends-export/1", "export_id": "<uuid>",
     "office": "...", "period": {"from": "2026-01", "to": "2026-11"}, "k": 5,
     "tables": {"documents": {"columns": [...], "rows": [[...], ...]},
                "outcomes": {...}, "checks": {...}}}

Counts only, by month (UTC; an export always covers whole months), border
point, issuing state, document type and series:

* ``documents`` — examinations, forgeries (concluded counterfeit or forged),
  flagged (automated verdict fail);
* ``outcomes`` — examinations per conclusion and forgery kind;
* ``checks`` — examinations that failed each check code, and how many of them
  were forgeries.

No name, document number, date of birth, day, case reference, user or image
goes in. Every count below ``k`` (zero included) is written as the string
``"< k"``; and where published figures add up (``documents.examinations`` is
the sum of a group's ``outcomes``; ``documents.forgeries`` the sum of its
counterfeit and forged outcomes), more cells are suppressed until the
suppressed part of each sum is at least ``k`` — so no small cell can be
recovered by subtraction. Trainee examinations are never counted.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workstation.errors import InputError
from workstation.trends.query import FORGERY_CONCLUSIONS, TrendQuery, bucket_range
from workstation.trends.store import TrendStore

if TYPE_CHECKING:
    from workstation.cases import User
    from workstation.reports.ca import Identity

EXPORT_FORMAT = "workstation.trends-export/1"
EXPORT_TYPE = "workstation.trends-export+json"
DEFAULT_K = 5
#: The group every table is broken down by (besides its own dimensions).
GROUP = ("month", "point", "state", "type", "series")
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "documents": ((), ("examinations", "forgeries", "flagged")),
    "outcomes": (("conclusion", "kind"), ("examinations",)),
    "checks": (("check",), ("examinations", "forgeries")),
}


def suppressed(k: int) -> str:
    """How a suppressed count is written."""
    return f"< {k}"


@dataclass(frozen=True)
class Export:
    """A built export: the payload and how many cells were suppressed."""

    payload: dict[str, Any]
    cells: int
    suppressed_primary: int
    suppressed_secondary: int


def whole_months(since: dt.date | None, until: dt.date | None,
                 today: dt.date) -> tuple[dt.date | None, dt.date]:
    """``since`` moved back to its month's first day, ``until`` (default today) forward
    to its month's last day."""
    until = until or today
    last = bucket_range("month", until.strftime("%Y-%m"))[1]
    first = since.replace(day=1) if since else None
    if first is not None and first > last:
        raise InputError(f"--since {since} is after --until {until}")
    return first, last


def build_export(store: TrendStore, *, office: str, since: dt.date | None = None,
                 until: dt.date | None = None, k: int = DEFAULT_K,
                 today: dt.date | None = None) -> Export:
    """The anonymised figures of the case database behind ``store``."""
    if not 2 <= k <= 1000:
        raise InputError(f"k must be 2..1000, not {k}")
    first, last = whole_months(since, until, today or dt.datetime.now(dt.UTC).date())
    raw: dict[str, dict[tuple[str, ...], list[int]]] = {}
    for name, (dims, measures) in TABLES.items():
        table = store.query(TrendQuery(since=first, until=last, by=(*GROUP, *dims)))
        raw[name] = {r.key: [getattr(r, m) for m in measures] for r in table.rows}
    hidden = _suppress(raw, k)
    primary = sum(1 for cells in raw.values() for v in cells.values() for x in v if x < k)
    tables: dict[str, Any] = {}
    count = 0
    for name, (dims, measures) in TABLES.items():
        rows = []
        for key in sorted(raw[name]):
            values = raw[name][key]
            rows.append([*key, *(suppressed(k) if (name, key, i) in hidden else v
                                 for i, v in enumerate(values))])
            count += len(values)
        tables[name] = {"columns": [*GROUP, *dims, *measures], "rows": rows}
    bounds = store.day_range()
    period_from = (first or (bounds[0] if bounds else last)).strftime("%Y-%m")
    payload = {"format": EXPORT_FORMAT, "export_id": uuid.uuid4().hex, "office": office,
               "period": {"from": period_from, "to": last.strftime("%Y-%m")}, "k": k,
               "tables": tables}
    return Export(payload=payload, cells=count, suppressed_primary=primary,
                  suppressed_secondary=len(hidden) - primary)


Cell = tuple[str, tuple[str, ...], int]


def _suppress(raw: dict[str, dict[tuple[str, ...], list[int]]], k: int) -> set[Cell]:
    """Cells to write as ``< k``: every count below ``k``, then, for every published
    total whose parts are published too, more parts until the hidden parts of each sum
    add up to ``k`` or more (smallest first), repeated until nothing changes."""
    hidden: set[Cell] = {(name, key, i) for name, cells in raw.items()
                         for key, values in cells.items()
                         for i, v in enumerate(values) if v < k}
    relations: list[tuple[Cell, list[Cell]]] = []
    parts_of: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for key in raw["outcomes"]:
        parts_of.setdefault(key[:len(GROUP)], []).append(key)
    for group, values in raw["documents"].items():
        members = parts_of.get(group, [])
        relations.append((("documents", group, 0), [("outcomes", m, 0) for m in members]))
        forged: list[Cell] = [("outcomes", m, 0) for m in members
                              if m[len(GROUP)] in FORGERY_CONCLUSIONS]
        if forged or values[1]:
            relations.append((("documents", group, 1), forged))

    def value(cell: Cell) -> int:
        return raw[cell[0]][cell[1]][cell[2]]

    changed = True
    while changed:
        changed = False
        for total, parts in relations:
            if total in hidden:
                continue
            hidden_parts = [p for p in parts if p in hidden]
            if not hidden_parts or sum(value(p) for p in hidden_parts) >= k:
                continue
            shown = sorted((p for p in parts if p not in hidden), key=lambda c: (value(c), c))
            while shown and sum(value(p) for p in hidden_parts) < k:
                cell = shown.pop(0)
                hidden.add(cell)
                hidden_parts.append(cell)
                changed = True
            if sum(value(p) for p in hidden_parts) < k:
                hidden.add(total)  # cannot happen when the parts add up to the total
                changed = True
    return hidden


def write_export(store: TrendStore, out: str | Path, *, user: User, identity: Identity,
                 office: str, since: dt.date | None = None, until: dt.date | None = None,
                 k: int = DEFAULT_K) -> Export:
    """Build, sign (``identity``: the office's report key) and atomically write an
    export; audited as ``trends.exported`` with the file's SHA-256. Supervisors only."""
    import hashlib

    from workstation.cases import Role
    from workstation.fsutil import atomic_open
    from workstation.trends.signing import sign_payload

    if user.role is not Role.SUPERVISOR:
        raise InputError(f"{user.name} is a {user.role.label}: only a supervisor exports "
                         "the office's figures")
    export = build_export(store, office=office, since=since, until=until, k=k)
    data = sign_payload(export.payload, identity, typ=EXPORT_TYPE)
    out = Path(out)
    # The file is renamed into place only after its audit event has committed; a
    # failure on the way leaves neither the file nor the event.
    with atomic_open(out) as fh, store.repository.writing(user) as w:
        fh.write(data)
        w.record("trends.exported", f"export:{export.payload['export_id']}",
                 sha256=hashlib.sha256(data).hexdigest(),
                 details={"file": str(out), "period": export.payload["period"], "k": k,
                          "cells": export.cells, "office": office,
                          "suppressed": export.suppressed_primary
                          + export.suppressed_secondary})
    return export


def table_rows(payload: dict[str, Any], name: str) -> tuple[Sequence[str], list[list[Any]]]:
    """The columns and rows of one table of a payload (checked)."""
    table = payload.get("tables", {}).get(name)
    if not isinstance(table, dict) or not isinstance(table.get("rows"), list):
        raise InputError(f"the export has no table {name!r}")
    return table["columns"], table["rows"]
