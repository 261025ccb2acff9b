"""The receiving side: verify other offices' exports, merge them, keep offices apart.

``workstation trends import FILE`` verifies the file (:mod:`workstation.trends.signing`:
intact signature, the signer trusted by this workstation's report trust settings —
``workstation report trust their-ca.pem``), checks its payload, and stores it in
``trend_imports`` (audited as ``trends.imported``). Each office's figures stay
its own: an office is known by the name it signs and its CA (a file naming an
office already imported under another CA is refused); for every month the
latest import of an office replaces the earlier ones; the same export twice is
imported once. :func:`imported_figures` sums an office's (or every office's)
figures by the dimensions asked for; suppressed cells make a figure a range.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from workstation.errors import FormatError, InputError
from workstation.trends.export import EXPORT_FORMAT, EXPORT_TYPE, GROUP, TABLES
from workstation.trends.models import TrendImportRow

if TYPE_CHECKING:
    from workstation.cases import CaseRepository, User
    from workstation.reports.verify import Trust

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])\Z")
_SUPPRESSED = re.compile(r"< (\d+)\Z")


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    office: str
    signer: str
    export_id: str
    period: tuple[str, str]
    rows: int
    already_imported: bool = False

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {"office": self.office, "signer": self.signer, "export_id": self.export_id,
                "period": {"from": self.period[0], "to": self.period[1]}, "rows": self.rows,
                "already_imported": self.already_imported}


def check_payload(payload: dict[str, Any], source: str) -> int:
    """Check an export payload's shape; the number of rows. ``FormatError`` otherwise."""
    if payload.get("format") != EXPORT_FORMAT:
        raise FormatError(source, f"not a {EXPORT_FORMAT} payload")
    for key, kind in (("export_id", str), ("office", str), ("k", int), ("period", dict),
                      ("tables", dict)):
        if not isinstance(payload.get(key), kind) or isinstance(payload.get(key), bool):
            raise FormatError(source, f"{key} is missing or of the wrong kind")
    if not re.fullmatch(r"[0-9a-f]{32}", payload["export_id"]):
        raise FormatError(source, "export_id is not a UUID in hex")
    if not payload["office"].strip() or len(payload["office"]) > 100:
        raise FormatError(source, "office must have 1 to 100 characters")
    k = payload["k"]
    if not 2 <= k <= 1000:
        raise FormatError(source, f"k must be 2..1000, not {k}")
    period = payload["period"]
    if not all(isinstance(period.get(e), str) and _MONTH.match(period[e])
               for e in ("from", "to")) or period["from"] > period["to"]:
        raise FormatError(source, "period must be months YYYY-MM, from <= to")
    rows = 0
    for name, (dims, measures) in TABLES.items():
        table = payload["tables"].get(name)
        columns = [*GROUP, *dims, *measures]
        if not isinstance(table, dict) or table.get("columns") != columns \
                or not isinstance(table.get("rows"), list):
            raise FormatError(source, f"table {name} is missing or has other columns")
        n_keys = len(GROUP) + len(dims)
        for row in table["rows"]:
            if not isinstance(row, list) or len(row) != len(columns):
                raise FormatError(source, f"a row of {name} has the wrong length")
            if not all(isinstance(v, str) for v in row[:n_keys]):
                raise FormatError(source, f"a row of {name} has a non-text dimension")
            if not (_MONTH.match(row[0]) and period["from"] <= row[0] <= period["to"]):
                raise FormatError(source, f"a row of {name} lies outside the period")
            for v in row[n_keys:]:
                if isinstance(v, bool) or not (
                        (isinstance(v, int) and k <= v < 2**40)
                        or (isinstance(v, str) and v == f"< {k}")):
                    raise FormatError(source, f"a count of {name} is neither >= k nor "
                                      f"'< {k}'")
        rows += len(table["rows"])
    return rows


def import_export(repository: CaseRepository, path: str | Path, *, user: User,
                  trust: Trust | None = None) -> ImportResult:
    """Verify and merge another office's export (supervisors only). A file that is not
    intact, not signed by a trusted certificate or not a valid export is refused with
    :class:`FormatError` / :class:`InputError`; nothing is stored then."""
    from workstation.cases import Role
    from workstation.trends.signing import read_signed_file

    if user.role is not Role.SUPERVISOR:
        raise InputError(f"{user.name} is a {user.role.label}: only a supervisor imports "
                         "other offices' figures")
    source = str(path)
    signed = read_signed_file(path, typ=EXPORT_TYPE, trust=trust)
    if not signed.trusted:
        raise InputError(f"{source}: signed by {signed.signer}, who is not trusted here "
                         f"({signed.problem}); import their CA with 'workstation report "
                         "trust' first")
    payload = signed.payload
    rows = check_payload(payload, source)
    office = payload["office"].strip()
    period = (payload["period"]["from"], payload["period"]["to"])
    issuer = signed.issuer_key
    with repository.writing(user) as w:
        s = w.session
        done = s.execute(select(TrendImportRow.id).where(
            TrendImportRow.export_id == payload["export_id"])).first()
        if done is not None:
            return ImportResult(office, signed.signer, payload["export_id"], period, rows,
                                already_imported=True)
        other = s.execute(select(TrendImportRow.issuer_sha256).where(
            TrendImportRow.office == office, TrendImportRow.issuer_sha256 != issuer)
        ).first()
        if other is not None:
            raise InputError(f"{source}: office {office!r} was imported before from another "
                             "certificate authority; refusing to mix the two")
        s.add(TrendImportRow(office=office, signer=signed.signer[:200], issuer_sha256=issuer,
                             export_id=payload["export_id"], period_from=period[0],
                             period_to=period[1], k=payload["k"],
                             imported_at=dt.datetime.now(dt.UTC), imported_by=w.user,
                             file_sha256=signed.sha256,
                             payload_json=json.dumps(payload, ensure_ascii=False)))
        w.record("trends.imported", f"export:{payload['export_id']}", sha256=signed.sha256,
                 details={"office": office, "signer": signed.signer,
                          "period": payload["period"], "rows": rows, "file": source})
    return ImportResult(office, signed.signer, payload["export_id"], period, rows)


@dataclass(frozen=True)
class ImportedFigure:
    """An imported figure: exact when ``low == high``; suppressed cells (each below the
    export's ``k``) make it a range."""

    key: tuple[str, ...]
    low: dict[str, int]
    high: dict[str, int]

    def to_json(self, by: Sequence[str]) -> dict[str, Any]:
        """Dimensions, then each measure as a number or ``{"min": a, "max": b}``."""
        out: dict[str, Any] = dict(zip(by, self.key, strict=True))
        for m, lo in self.low.items():
            hi = self.high[m]
            out[m] = lo if lo == hi else {"min": lo, "max": hi}
        return out


def offices(repository: CaseRepository) -> list[dict[str, Any]]:
    """Imported offices: name, signer, months covered, number of imports."""
    with repository.reading() as s:
        rows = s.execute(select(TrendImportRow).order_by(TrendImportRow.office,
                                                         TrendImportRow.id)).scalars().all()
        out: dict[str, dict[str, Any]] = {}
        for r in rows:
            o = out.setdefault(r.office, {"office": r.office, "signer": r.signer,
                                          "from": r.period_from, "to": r.period_to,
                                          "imports": 0})
            o["imports"] += 1
            o["signer"] = r.signer
            o["from"] = min(o["from"], r.period_from)
            o["to"] = max(o["to"], r.period_to)
        return list(out.values())


def imported_figures(repository: CaseRepository, *, by: Sequence[str],
                     office: str | None = None) -> list[ImportedFigure]:
    """Figures of the imported exports summed by ``by`` (``office`` and any column of
    the export's tables: ``month``, ``point``, ``state``, ``type``, ``series``,
    ``conclusion``, ``kind``, ``check``); every office, or one."""
    by = tuple(by)
    name = ("checks" if "check" in by else
            "outcomes" if {"conclusion", "kind"} & set(by) else "documents")
    dims, measures = TABLES[name]
    columns = [*GROUP, *dims]
    for b in by:
        if b != "office" and b not in columns:
            raise InputError(f"imported figures cannot be broken down by {b!r} together "
                             f"with {', '.join(x for x in by if x != b) or 'nothing'}")
    with repository.reading() as s:
        stmt = select(TrendImportRow).order_by(TrendImportRow.id)
        if office is not None:
            stmt = stmt.where(TrendImportRow.office == office)
        imports = s.execute(stmt).scalars().all()
        payloads = [(r.office, r.k, json.loads(r.payload_json)) for r in imports]
    latest: dict[tuple[str, str], int] = {}
    for i, (off, _k, payload) in enumerate(payloads):
        for month in _months(payload["period"]["from"], payload["period"]["to"]):
            latest[(off, month)] = i
    low: dict[tuple[str, ...], dict[str, int]] = {}
    high: dict[tuple[str, ...], dict[str, int]] = {}
    for i, (off, k, payload) in enumerate(payloads):
        for row in payload["tables"][name]["rows"]:
            if latest.get((off, row[0])) != i:
                continue  # a later import of this office covers this month
            values = dict(zip(columns, row, strict=False))
            key = tuple(off if b == "office" else values[b] for b in by)
            lo = low.setdefault(key, dict.fromkeys(measures, 0))
            hi = high.setdefault(key, dict.fromkeys(measures, 0))
            for m, v in zip(measures, row[len(columns):], strict=True):
                if isinstance(v, int):
                    lo[m] += v
                    hi[m] += v
                else:
                    hi[m] += k - 1
    return [ImportedFigure(key, low[key], high[key]) for key in sorted(low)]


def _months(first: str, last: str) -> list[str]:
    """Every month ``YYYY-MM`` from ``first`` to ``last``."""
    year, month = int(first[:4]), int(first[5:])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
