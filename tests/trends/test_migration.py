"""Migrations 0007 and 0010: existing examinations are counted, the triggers exist at the
head, and the migrations go down and up again."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from tests.cases.conftest import db_url  # noqa: F401
from tests.trends.conftest import direct_count
from workstation.cases import CaseRepository, trend_rollups_sql
from workstation.cases.db import create_db_engine, migrate

TRIGGERS = {"trend_examinations_insert", "trend_examinations_update",
            "trend_examinations_delete", "trend_results_insert", "trend_results_update",
            "trend_results_delete", "trend_facts_insert", "trend_facts_update",
            "trend_facts_delete", "trend_fact_checks_insert", "trend_fact_checks_delete",
            # migration 0010's roll-ups
            *(name for name, _table in trend_rollups_sql.TRIGGERS)}


def _triggers(conn: object) -> set[str]:
    dialect = conn.engine.dialect.name  # type: ignore[attr-defined]
    sql = ("SELECT name FROM sqlite_master WHERE type = 'trigger'" if dialect == "sqlite"
           else "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    return {r[0] for r in conn.execute(text(sql))}  # type: ignore[attr-defined]


def _old_rows(conn: object) -> None:
    now = dt.datetime(2026, 2, 3, 10, tzinfo=dt.UTC)
    conn.execute(text(  # type: ignore[attr-defined]
        "INSERT INTO cases (id, reference, reference_key, traveller, notes, created_at, "
        "created_by, version) VALUES (1, 'c-1', 'C 1', '', '', :t, 'anna', 1)"), {"t": now})
    for i, (state, conclusion, findings, checks) in enumerate([
            ("MNG", "forged", '{"conclusion": "forged", "forgery_kind": "data_alteration"}',
             '[{"code": "UV_DULL_PAPER", "status": "fail"}, {"code": "X", "status": "pass"}]'),
            ("CHN", None, "null", "[]"),
            ("MNG", "no_anomaly", '{"conclusion": "no_anomaly"}',
             '[{"code": "UV_DULL_PAPER", "status": "fail"}, '
             '{"code": "UV_DULL_PAPER", "status": "fail"}]')], start=1):
        conn.execute(text(  # type: ignore[attr-defined]
            "INSERT INTO examinations (id, case_id, created_at, updated_at, created_by, "
            "status, version, document_code, issuing_state, document_number, surname, "
            "given_names, nationality, birth_date, expiry_date, case_reference_key, "
            "document_number_key, surname_key, given_names_key, specimen_id, verdict, "
            "capture_path, result_sha256, duration_ms, conclusion, findings_json, "
            "reviewed_by, review_note) VALUES (:i, 1, :t, :t, 'anna', 'open', 1, 'P', :s, "
            "'X1', 'A', 'B', :s, '1980-01-01', '2030-01-01', 'C 1', 'X1', 'A', 'B', NULL, "
            "'fail', NULL, :h, NULL, :c, :f, NULL, '')"),
            {"i": i, "t": now, "s": state, "h": "a" * 64, "c": conclusion, "f": findings})
        conn.execute(text(  # type: ignore[attr-defined]
            "INSERT INTO examination_results (examination_id, capture_json, mrz_json, "
            "checks_json) VALUES (:i, '{}', 'null', :k)"), {"i": i, "k": checks})


def test_existing_examinations_are_counted_and_the_triggers_exist(db_url: str) -> None:  # noqa: F811
    engine = create_db_engine(db_url)
    try:
        migrate(engine, "0004")
        with engine.begin() as conn:
            _old_rows(conn)
        migrate(engine)
        with engine.connect() as conn:
            assert _triggers(conn) >= TRIGGERS
    finally:
        engine.dispose()
    with CaseRepository.open(db_url) as repo:
        from workstation.trends import TrendQuery, TrendStore

        store = TrendStore(repo)
        for by in (("state",), ("check",), ("kind", "conclusion"), ("month", "point")):
            got = {r.key: (r.examinations, r.forgeries, r.flagged)
                   for r in store.query(TrendQuery(by=by)).rows}
            assert got == direct_count(repo, by), by
        assert store.query(TrendQuery(by=("check",))).rows[0].examinations == 2


def test_the_migration_goes_down_and_up(db_url: str) -> None:  # noqa: F811
    engine = create_db_engine(db_url)
    try:
        migrate(engine, "0004")
        with engine.begin() as conn:
            _old_rows(conn)
        migrate(engine)
        migrate_down = __import__("alembic.command", fromlist=["downgrade"])
        from workstation.cases.db import WRITE_OPTION, _alembic_config

        with engine.connect() as conn:
            conn = conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                migrate_down.downgrade(_alembic_config(conn), "0004")
        with engine.connect() as conn:
            assert not TRIGGERS & _triggers(conn)
        migrate(engine)
        with engine.connect() as conn:
            assert _triggers(conn) >= TRIGGERS
            assert conn.execute(text("SELECT sum(n) FROM trend_counts")).scalar_one() == 3
    finally:
        engine.dispose()
