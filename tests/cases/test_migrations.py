"""Alembic migrations: an old database is migrated forward with its data intact."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from workstation.cases import CaseRepository, SearchQuery
from workstation.cases.db import create_db_engine, current_revision, head_revision, migrate
from workstation.cases.keys import search_key
from workstation.cases.models import Base
from workstation.training import models as _training_tables  # noqa: F401  (the trainer's too)
from workstation.trends import models as _trend_tables  # noqa: F401  (its tables are in the case database too)


def test_an_old_database_is_migrated_forward(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        migrate(engine, "0001")
        assert current_revision(engine) == "0001"
        now = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.UTC)
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO cases (id, reference, traveller, notes, created_at, created_by, "
                "version) VALUES (1, 'old-case-7', 'Müller, Jürgen', '', :t, 'anna', 1)"),
                {"t": now})
            conn.execute(text(
                "INSERT INTO examinations (id, case_id, created_at, updated_at, created_by, "
                "status, version, document_code, issuing_state, document_number, surname, "
                "given_names, nationality, birth_date, expiry_date, specimen_id, verdict, "
                "capture_path, capture_json, mrz_json, checks_json, result_sha256, "
                "duration_ms, conclusion, findings_json, reviewed_by, review_note) VALUES "
                "(1, 1, :t, :t, 'anna', 'concluded', 3, 'P', 'D', 'C01X00T47', 'MÜLLER', "
                "'JÜRGEN', 'D', '1970-01-01', '2030-01-01', NULL, 'fail', NULL, "
                "'{\"dpi\": 600}', '{\"found\": true}', '[{\"id\": \"uv.dull\"}]', :h, "
                "NULL, 'forged', "
                "'{\"conclusion\": \"forged\", \"text\": \"old finding\"}', NULL, '')"),
                {"t": now, "h": "a" * 64})
    finally:
        engine.dispose()

    with CaseRepository.open(db_url) as repo:  # opening migrates to the head
        assert current_revision(repo.engine) == head_revision() != "0001"
        rec = repo.open_examination(1)
        assert rec.findings is not None and rec.findings.text == "old finding"
        assert rec.version == 3 and rec.summary.case_reference == "old-case-7"
        # The automated results moved to their own table (0003) unchanged.
        assert rec.capture == {"dpi": 600}
        assert rec.examination["mrz"] == {"found": True}
        assert rec.examination["checks"] == [{"id": "uv.dull"}]
        # The new search keys were filled in for the old rows.
        assert [s.id for s in repo.search(SearchQuery(text="muller"))] == [1]
        assert [s.id for s in repo.search(SearchQuery(text="OLD-CASE"))] == [1]
        assert [s.id for s in repo.search(SearchQuery(document_number="c01x"))] == [1]
        assert repo.verify_audit().ok


def test_migrating_twice_is_harmless(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        migrate(engine)
        migrate(engine)
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_the_models_match_the_migrations(db_url: str) -> None:
    engine = create_db_engine(db_url)
    try:
        migrate(engine)
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == []
    finally:
        engine.dispose()


def test_the_migration_key_matches_the_search_key() -> None:
    import importlib

    module = importlib.import_module("workstation.cases.migrations.versions.0002_search_keys")
    for sample in ("Müller-Lüdenscheidt", "L898902C3<<", "o'neill  ann", "", "ÆØÅ 12"):
        assert module._key(sample) == search_key(sample)
