"""Trends benchmark: 1,000,000 examinations, then the trend queries' timings.

    python -m bench.trends [--n 1000000] [--db sqlite|postgresql|both] [--repeat 40]

The examinations are bulk-inserted with SQL into ``examinations`` and
``examination_results`` (the columns the repository writes, checks JSON with
12 checks each) over two years at three border points, with a realistic mix:
most documents genuine and passed, about 8 % flagged by a check, about 5 %
concluded forged or counterfeit. The base rows are loaded with the triggers off
and the summaries computed set-based (see :func:`populate`); the rate of
inserting through the triggers into the full database is measured on 20,000
more examinations (rolled back). The SQLite file is kept in
``/tmp/bench-trends`` between runs (same n, seed and schema); PostgreSQL runs on
``$WORKSTATION_BENCH_PG_URL`` (where the populated database is kept and reused the same
way) or a private server (``scripts/pg-test-server.sh``, thrown away afterwards).

Each query is timed through :class:`workstation.trends.TrendStore` as the
window and ``workstation trends`` use it, with varying parameters; targets
(issue 24): p95 <= 200 ms on PostgreSQL, <= 500 ms on SQLite. Every result is
checked once against a direct count of the examinations. Prints one table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from bench.cases import _pg_url
from workstation.cases import CaseRepository
from workstation.cases.db import head_revision
from workstation.cases.models import CaseRow, ExaminationResultRow, ExaminationRow
from workstation.cases.storage import BlobStore
from workstation.trends import TrendQuery, TrendStore

POINTS = (("Zamyn-Uud road", 0.5), ("Altanbulag rail", 0.3), ("Chinggis Khaan airport", 0.2))
MAIN_STATES = (("MNG", 0.45), ("CHN", 0.25), ("RUS", 0.12), ("KAZ", 0.08), ("KOR", 0.03))
OTHER_STATES = ("USA", "D", "FRA", "GBR", "JPN", "TUR", "UKR", "POL", "ITA", "ESP", "NLD",
                "SWE", "CZE", "HUN", "IND", "VNM", "THA", "AUS", "CAN", "KGZ")
CODES = ("UV_DULL_PAPER", "FALSE_LUMINESCENCE", "UV_FEATURE_ABSENT", "UV_PATTERN_BROKEN",
         "IR_B900_LOW_CONTRAST", "INVISIBLE_ELEMENT_PRESENT", "VISIBLE_ELEMENT_ABSENT",
         "PATTERN_MISMATCH", "PORTRAIT_EDGE", "INVALID_CHECKSUM", "MRZ_VIZ_MISMATCH",
         "STATE_UNKNOWN", "DATES_INCONSISTENT", "DPI_MISMATCH", "SPECIMEN_MISMATCH")
KINDS = ("photo_substitution", "data_alteration", "mrz_alteration", "page_substitution",
         "other")
FIRST_DAY = dt.date(2025, 1, 1)
DAYS = 730
BATCH = 5000
CACHE = Path("/tmp/bench-trends")


def _state(rng: random.Random) -> str:
    r = rng.random()
    for state, p in MAIN_STATES:
        if r < p:
            return state
        r -= p
    return rng.choice(OTHER_STATES)


def _checks_json(rng: random.Random, failed: list[str]) -> str:
    checks = [{"id": f"check.{k}", "zone": f"zone{k}", "light": "uv", "status": "pass",
               "code": "OK", "score": round(rng.random(), 4), "threshold": 0.5,
               "message": "as expected"} for k in range(12 - len(failed))]
    checks += [{"id": f"check.{code.lower()}", "zone": "z", "light": "ir", "status": "fail",
                "code": code, "score": 0.1, "threshold": 0.5, "message": "differs"}
               for code in failed]
    return json.dumps(checks)


def _rows(rng: random.Random, first: int, count: int) -> tuple[list[dict[str, object]], ...]:
    """``count`` examinations from id ``first``: (cases, examinations, results)."""
    start = dt.datetime.combine(FIRST_DAY, dt.time(), dt.UTC)
    cases: list[dict[str, object]] = []
    exams: list[dict[str, object]] = []
    results: list[dict[str, object]] = []
    for i in range(first, first + count):
        created = start + dt.timedelta(seconds=rng.randrange(DAYS * 86400))
        reference = f"B-{i:07d}"
        cases.append({"id": i, "reference": reference, "reference_key": reference,
                      "traveller": "", "notes": "", "created_at": created,
                      "created_by": "bench", "version": 1})
        state = _state(rng)
        code = "P" if rng.random() < 0.8 else "ID"
        series = (None if rng.random() < 0.05
                  else f"{state}-{code}-{rng.choice(('2015', '2020', '2024'))}")
        r = rng.random()
        failed = rng.sample(CODES, rng.choice((1, 1, 2, 3))) if r < 0.08 else []
        verdict = "fail" if failed else ("pass" if r < 0.9 else "inconclusive")
        c = rng.random()
        conclusion, kind = None, None
        if c < 0.9:
            if failed and c < 0.6:
                conclusion = "forged" if rng.random() < 0.6 else "counterfeit"
                kind = rng.choice(KINDS) if conclusion == "forged" else None
            else:
                conclusion = "no_anomaly" if rng.random() < 0.95 else "inconclusive"
        findings = ("null" if conclusion is None else json.dumps(
            {"conclusion": conclusion, "forgery_kind": kind, "text": "bench"}))
        exams.append({
            "id": i, "case_id": i, "created_at": created, "updated_at": created,
            "created_by": "bench", "status": "approved" if conclusion else "open",
            "version": 1, "document_code": code, "issuing_state": state,
            "document_number": f"X{i:08d}", "surname": "BENCH", "given_names": "CASE",
            "nationality": state, "birth_date": "1980-01-01", "expiry_date": "2030-01-01",
            "document_number_key": f"X{i:08d}", "case_reference_key": reference,
            "surname_key": "BENCH", "given_names_key": "CASE", "specimen_id": series,
            "verdict": verdict, "capture_path": None, "result_sha256": "0" * 64,
            "duration_ms": 800.0, "conclusion": conclusion, "findings_json": findings,
            "reviewed_by": None, "review_note": "",
            "border_point": rng.choices([p for p, _ in POINTS], [w for _, w in POINTS])[0],
            "purpose": "casework"})
        results.append({"examination_id": i, "capture_json": '{"dpi": 300}',
                        "mrz_json": '{"found": true}',
                        "checks_json": _checks_json(rng, failed)})
    return cases, exams, results


def populate(url: str, n: int, seed: int = 1) -> float:
    """Insert ``n`` examinations; returns the seconds it took.

    The base rows go in with the trends triggers off (PostgreSQL:
    ``session_replication_role = replica``, the benchmark connects as the server's
    superuser; SQLite, which cannot switch triggers off: dropped and created again
    from the migration's own statements), then the facts and summaries are computed
    set-based from them — the rows the triggers would have written (the tests show
    the triggers agree with a direct count). The triggers' own rate is measured
    separately (:func:`trigger_rate`).
    """
    migration = _migration()
    rng = random.Random(seed)
    CaseRepository.open(url, blobs=BlobStore("database")).close()
    engine = create_engine(url)
    dialect = engine.dialect.name
    t0 = time.perf_counter()
    rollups = _rollups()
    if dialect == "sqlite":
        with engine.begin() as conn:
            for name, _table in (*migration.TRIGGERS, *rollups.TRIGGERS):
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
    for first in range(1, n + 1, BATCH):
        with engine.begin() as conn:
            if dialect == "postgresql":
                conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            _flush(conn, *_rows(rng, first, min(BATCH, n + 1 - first)))
    with engine.begin() as conn:
        if dialect == "postgresql":
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for statement in _set_based_summaries(dialect):
            conn.exec_driver_sql(statement)
        if dialect == "sqlite":
            for statement in (*migration.sqlite_triggers(), *rollups.sqlite_triggers()):
                conn.exec_driver_sql(statement)
    seconds = time.perf_counter() - t0
    with engine.connect() as conn:
        if dialect == "sqlite":
            conn.exec_driver_sql("ANALYZE")
        else:
            # what autovacuum does after a bulk load: statistics, and the visibility map
            # that lets the summaries' indexes answer without visiting the table
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                "VACUUM ANALYZE")
            for table in ("examinations", "cases"):
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))")
    engine.dispose()
    return seconds


def _migration() -> Any:
    from workstation.cases import trends_sql

    return trends_sql


def _rollups() -> Any:
    from workstation.cases import trend_rollups_sql

    return trend_rollups_sql


def _schema_key() -> str:
    """The head revision and a digest of the trend summaries' SQL: a kept database is
    reused only when both match."""
    import hashlib

    from workstation.cases.migrations import versions

    digest = hashlib.sha256()
    migrations = sorted(Path(versions.__file__).parent.glob("*trend*.py"))
    for path in (Path(_migration().__file__), Path(_rollups().__file__), *migrations):
        digest.update(path.read_bytes())
    return f"{head_revision()}-{digest.hexdigest()[:10]}"


def _set_based_summaries(dialect: str) -> list[str]:
    """Statements that fill the facts and summaries from the base rows."""
    migration = _migration()
    dims = ", ".join(migration.DIMS)
    first_day = ("date_trunc('month', f.day)::date" if dialect == "postgresql"
                 else "date(f.day, 'start of month')")
    month = ", ".join(first_day if d == "day" else f"f.{d}" for d in migration.DIMS)
    plain = ", ".join(f"f.{d}" for d in migration.DIMS)
    out = [migration.backfill_checks(dialect), migration.backfill_facts(dialect)]
    for table, keys in (("trend_counts", plain), ("trend_month_counts", month)):
        out.append(f"INSERT INTO {table} ({dims}, n) SELECT {keys}, count(*) "
                   f"FROM trend_facts f GROUP BY {keys}")
    doc_keys = ", ".join(first_day if d == "day" else f"f.{d}" for d in migration.DOCUMENT_DIMS)
    out.append(f"INSERT INTO trend_month_documents ({', '.join(migration.DOCUMENT_DIMS)}, n, "
               "forgeries, flagged) SELECT " + doc_keys + ", count(*), "
               "sum(CASE WHEN f.conclusion IN ('counterfeit', 'forged') THEN 1 ELSE 0 END), "
               "sum(CASE WHEN f.verdict = 'fail' THEN 1 ELSE 0 END) FROM trend_facts f "
               f"GROUP BY {doc_keys}")
    for table, keys in (("trend_check_counts", plain), ("trend_month_check_counts", month)):
        out.append(f"INSERT INTO {table} ({dims}, code, n) SELECT {keys}, c.code, count(*) "
                   "FROM trend_facts f JOIN trend_fact_checks c ON c.examination_id = "
                   f"f.examination_id GROUP BY {keys}, c.code")
    return out + _rollups().backfill(dialect)


def trigger_rate(url: str, n: int, count: int = 20_000) -> float:
    """Examinations per second inserted through the triggers into the full database
    (batches of 1,000 in one transaction that is rolled back: the database is left
    as it was)."""
    rng = random.Random(99)
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            tx = conn.begin()
            t0 = time.perf_counter()
            for first in range(n + 1, n + 1 + count, 1000):
                _flush(conn, *_rows(rng, first, 1000))
            seconds = time.perf_counter() - t0
            tx.rollback()
    finally:
        engine.dispose()
    return count / seconds


def _flush(conn: object, cases: list[dict[str, object]], exams: list[dict[str, object]],
           results: list[dict[str, object]]) -> None:
    for model, rows in ((CaseRow, cases), (ExaminationRow, exams),
                        (ExaminationResultRow, results)):
        if rows:
            conn.execute(insert(model), rows)  # type: ignore[attr-defined]
            rows.clear()


def _day(rng: random.Random, back: int) -> dt.date:
    """A random start ``back`` days before the end of the data, or earlier."""
    last = FIRST_DAY + dt.timedelta(days=DAYS - 1)
    return last - dt.timedelta(days=back + rng.randrange(30))


#: (label, query maker) — each call gets a fresh random generator state.
QUERIES: list[tuple[str, Callable[[random.Random], TrendQuery]]] = [
    ("by month, all time", lambda r: TrendQuery(by=("month",))),
    ("by state,check since a date (CLI)", lambda r: TrendQuery(
        since=_day(r, 330), by=("state", "check"))),
    ("by day,point, last 90 days", lambda r: TrendQuery(since=_day(r, 90), by=("day", "point"))),
    ("forgeries by week,kind, all time", lambda r: TrendQuery(
        by=("week", "kind"), where={"conclusion": ("forged", "counterfeit")})),
    ("one state by series,conclusion, 1 year", lambda r: TrendQuery(
        since=_day(r, 365), by=("series", "conclusion"),
        where={"state": (r.choice(("MNG", "CHN", "RUS")),)})),
    ("by point,check, two checks, all time", lambda r: TrendQuery(
        by=("point", "check"), where={"check": tuple(r.sample(CODES, 2))})),
    ("by month,state,type,series, all time", lambda r: TrendQuery(
        by=("month", "state", "type", "series"))),
]


def measure(url: str, n: int, repeat: int,
            load_s: float | None) -> list[tuple[str, list[float], int]]:
    rows: list[tuple[str, list[float], int]] = []
    with CaseRepository.open(url, blobs=BlobStore("database")) as repo:
        store = TrendStore(repo)
        # only an administrator grants the supervisor role (issue 19)
        supervisor = repo.get_user("bench-supervisor") or repo.create_user(
            "bench-supervisor", "supervisor",
            actor=repo.get_user("bench-admin") or repo.create_user(
                "bench-admin", "examiner", administrator=True))
        for label, make in QUERIES:
            rng = random.Random(11)
            store.query(make(random.Random(5)))  # warm the statement cache and pages
            times = []
            got = 0
            for _ in range(repeat):
                q = make(rng)
                t0 = time.perf_counter()
                got = len(store.query(q).rows)
                times.append((time.perf_counter() - t0) * 1000)
            rows.append((label, times, got))
        rng = random.Random(3)
        table = store.query(TrendQuery(by=("month", "check")))

        def drill(_: int) -> int:
            row = rng.choice(table.rows)
            q = TrendQuery(by=("month", "check")).narrowed(("month", "check"), row.key)
            return len(store.drill_down(q, user=supervisor, limit=200))

        times = []
        hits = 0
        for i in range(repeat):
            t0 = time.perf_counter()
            hits = drill(i)
            times.append((time.perf_counter() - t0) * 1000)
        rows.append(("drill-down: 200 behind a bar", times, hits))
        _check(store, repo)
    rate = trigger_rate(url, n)
    rows.insert(0, (f"insert through triggers: {rate:,.0f}/s", [1000.0 / rate], 20_000))
    if load_s is not None:
        rows.insert(0, ("bulk load (s total)", [load_s], n))  # seconds, as labelled
    return rows


def _check(store: TrendStore, repo: CaseRepository) -> None:
    """The summaries agree with a direct count over the examinations (one query)."""
    t = store.query(TrendQuery(by=("state",)))
    with repo.engine.connect() as conn:
        direct = dict(conn.execute(text(
            "SELECT issuing_state, count(*) FROM examinations WHERE purpose = 'casework' "
            "GROUP BY issuing_state")).all())
    got = {r.key[0]: r.examinations for r in t.rows}
    if got != direct:
        raise SystemExit("the trend summaries disagree with a direct count")


def _sqlite_url(n: int, seed: int) -> tuple[str, float | None]:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"trends-{n}-{seed}-{_schema_key()}.db"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return f"sqlite:///{path}", None
    for old in CACHE.glob(f"trends-{n}-{seed}-*"):  # another schema's file: gigabytes
        old.unlink()
    url = f"sqlite:///{path}"
    seconds = populate(url, n, seed)
    done.write_text(f"{seconds}\n")
    return url, seconds


def _postgresql_url(n: int, seed: int,
                    cleanup: list[Callable[[], None]]) -> tuple[str, float | None]:
    """A populated PostgreSQL database and the seconds its load took (``None``: reused).

    On ``$WORKSTATION_BENCH_PG_URL`` the database is kept, named by n, seed and schema
    (:func:`_schema_key`), and reused by the next run while they match — marked complete
    by its comment once the load finished; another schema's database of the same n and
    seed is dropped. A private server is thrown away with its database."""
    admin = os.environ.get("WORKSTATION_BENCH_PG_URL")
    if not admin:
        url = _pg_url(cleanup)
        return url, populate(url, n, seed)
    prefix = f"bench_trends_{n}_{seed}_"
    name = (prefix + _schema_key()).replace("-", "_").lower()
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            found: dict[str, str] = dict(conn.execute(text(
                "SELECT datname, coalesce(shobj_description(oid, 'pg_database'), '') "
                "FROM pg_database WHERE datname LIKE :p"), {"p": prefix + "%"}).all())
            url = make_url(admin).set(database=name).render_as_string(hide_password=False)
            if found.get(name) == "complete":
                return url, None
            for old in found:
                conn.execute(text(f'DROP DATABASE "{old}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        seconds = populate(url, n, seed)
        with engine.connect() as conn:
            conn.execute(text(f"COMMENT ON DATABASE \"{name}\" IS 'complete'"))
        return url, seconds
    finally:
        engine.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="examinations to insert")
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--repeat", type=int, default=40, help="timed runs per query")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    cleanup: list[Callable[[], None]] = []
    print(f"trend queries, {args.n:,} examinations (3 border points, 2 years), "
          f"{args.repeat} runs per query (ms; targets p95: PostgreSQL <= 200, SQLite <= 500)",
          flush=True)
    print(f"{'database':<11} {'query':<42} {'median':>9} {'p95':>9} {'rows':>7}  target",
          flush=True)
    try:
        if args.db in ("sqlite", "both"):
            url, load = _sqlite_url(args.n, args.seed)
            _print("sqlite", measure(url, args.n, args.repeat, load))
        if args.db in ("postgresql", "both"):
            url, load = _postgresql_url(args.n, args.seed, cleanup)
            _print("postgresql", measure(url, args.n, args.repeat, load))
    finally:
        for fn in reversed(cleanup):
            fn()
    return 0


def _print(db: str, rows: list[tuple[str, list[float], int]]) -> None:
    limit = 200 if db == "postgresql" else 500
    for label, times, got in rows:
        med = statistics.median(times)
        p95 = sorted(times)[max(0, round(0.95 * len(times)) - 1)]
        timed = not (label.startswith("bulk") or label.startswith("insert"))
        target = ("ok" if p95 <= limit else "MISSED") if timed else ""
        print(f"{db:<11} {label:<42} {med:>9.1f} {p95:>9.1f} {got:>7}  {target}", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
