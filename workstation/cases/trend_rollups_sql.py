"""The SQL of the roll-ups migration 0010 adds to the trend summaries, kept in step by
triggers of their own on ``trend_facts`` and ``trend_fact_checks`` (the tables migration
0007's triggers fill from the examinations), and their set-based back-fill — one
definition used by the migration, by ``workstation trends rebuild`` and by the bench.

* ``trend_check_facts``: one row per casework examination and check code it failed,
  carrying the fact's dimensions. A query over several check codes counts each
  examination once from it (and lists the examinations behind a figure) by reading
  only the rows of those codes, instead of probing the facts of every failing id.
* ``trend_outcome_counts``: examinations per UTC day, border point, conclusion,
  forgery kind and verdict — the grain of the forgery charts (by week and kind, by day
  and conclusion...), a few rows per day instead of one per document series.

Migration 0007's triggers and statements are left as they are (a migration does not
change under a database that ran it); these are added beside them.
"""

from __future__ import annotations

from workstation.cases.trends_sql import DIMS

#: The dimensions of ``trend_outcome_counts``, in key order.
OUTCOME_DIMS = ("day", "border_point", "conclusion", "forgery_kind", "verdict")
#: (trigger name, table) of the roll-ups' triggers.
TRIGGERS = (
    ("trend_rollups_facts_insert", "trend_facts"),
    ("trend_rollups_facts_update", "trend_facts"),
    ("trend_rollups_facts_delete", "trend_facts"),
    ("trend_rollups_checks_insert", "trend_fact_checks"),
    ("trend_rollups_checks_delete", "trend_fact_checks"),
)
#: The PostgreSQL functions the triggers execute.
FUNCTIONS = ("trend_rollups_facts_changed", "trend_rollups_checks_changed")
#: The tables, in the order they are emptied and dropped.
TABLES = ("trend_check_facts", "trend_outcome_counts")

_DIM_LIST = ", ".join(DIMS)
_OUTCOME_LIST = ", ".join(OUTCOME_DIMS)


def _values(row: str, dims: tuple[str, ...]) -> str:
    return ", ".join(f"{row}.{d}" for d in dims)


def _add_outcome(row: str) -> str:
    t = "trend_outcome_counts"
    return (f"INSERT INTO {t} ({_OUTCOME_LIST}, n) VALUES ({_values(row, OUTCOME_DIMS)}, 1) "
            f"ON CONFLICT ({_OUTCOME_LIST}) DO UPDATE SET n = {t}.n + 1; ")


def _drop_outcome(row: str) -> str:
    t = "trend_outcome_counts"
    match = " AND ".join(f"{t}.{d} = {row}.{d}" for d in OUTCOME_DIMS)
    return f"UPDATE {t} SET n = n - 1 WHERE {match}; DELETE FROM {t} WHERE {match} AND n <= 0; "


def _add_check_facts(row: str) -> str:
    """The failed codes already recorded for the fact ``row``, with its dimensions."""
    return (f"INSERT INTO trend_check_facts (examination_id, code, {_DIM_LIST}) "
            f"SELECT {row}.examination_id, c.code, {_values(row, DIMS)} FROM trend_fact_checks c "
            f"WHERE c.examination_id = {row}.examination_id ON CONFLICT DO NOTHING; ")


def _drop_check_facts(row: str) -> str:
    return f"DELETE FROM trend_check_facts WHERE examination_id = {row}.examination_id; "


def _add_check_fact(row: str) -> str:
    """The check code ``row`` (a ``trend_fact_checks`` row) with its fact's dimensions,
    when the examination is counted (has a fact)."""
    return (f"INSERT INTO trend_check_facts (examination_id, code, {_DIM_LIST}) "
            f"SELECT f.examination_id, {row}.code, {_values('f', DIMS)} FROM trend_facts f "
            f"WHERE f.examination_id = {row}.examination_id ON CONFLICT DO NOTHING; ")


def _drop_check_fact(row: str) -> str:
    return (f"DELETE FROM trend_check_facts WHERE examination_id = {row}.examination_id "
            f"AND code = {row}.code; ")


def sqlite_triggers() -> list[str]:
    """``CREATE TRIGGER`` statements (SQLite)."""
    return [
        "CREATE TRIGGER trend_rollups_facts_insert AFTER INSERT ON trend_facts BEGIN "
        f"{_add_outcome('NEW')}{_add_check_facts('NEW')}END",
        "CREATE TRIGGER trend_rollups_facts_update AFTER UPDATE ON trend_facts BEGIN "
        f"{_drop_outcome('OLD')}{_drop_check_facts('OLD')}"
        f"{_add_outcome('NEW')}{_add_check_facts('NEW')}END",
        "CREATE TRIGGER trend_rollups_facts_delete AFTER DELETE ON trend_facts BEGIN "
        f"{_drop_outcome('OLD')}{_drop_check_facts('OLD')}END",
        "CREATE TRIGGER trend_rollups_checks_insert AFTER INSERT ON trend_fact_checks BEGIN "
        f"{_add_check_fact('NEW')}END",
        "CREATE TRIGGER trend_rollups_checks_delete AFTER DELETE ON trend_fact_checks BEGIN "
        f"{_drop_check_fact('OLD')}END",
    ]


def postgresql_triggers() -> list[str]:
    """``CREATE FUNCTION`` and ``CREATE TRIGGER`` statements (PostgreSQL)."""
    return [
        "CREATE FUNCTION trend_rollups_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {_drop_outcome('OLD')}{_drop_check_facts('OLD')}END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
        f"{_add_outcome('NEW')}{_add_check_facts('NEW')}RETURN NEW; END $$",

        "CREATE FUNCTION trend_rollups_checks_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF TG_OP = 'DELETE' THEN {_drop_check_fact('OLD')}RETURN OLD; END IF; "
        f"{_add_check_fact('NEW')}RETURN NEW; END $$",

        *(f"CREATE TRIGGER {name} AFTER {name.rsplit('_', 1)[1].upper()} ON {table} "
          f"FOR EACH ROW EXECUTE FUNCTION {FUNCTIONS[table == 'trend_fact_checks']}()"
          for name, table in TRIGGERS),
    ]


def backfill() -> list[str]:
    """Statements that fill the roll-ups from ``trend_facts`` and ``trend_fact_checks``
    (set-based: the rows the triggers would have written; the same SQL on both
    dialects)."""
    return [
        f"INSERT INTO trend_check_facts (examination_id, code, {_DIM_LIST}) "
        f"SELECT f.examination_id, c.code, {_values('f', DIMS)} FROM trend_facts f "
        "JOIN trend_fact_checks c ON c.examination_id = f.examination_id",
        f"INSERT INTO trend_outcome_counts ({_OUTCOME_LIST}, n) "
        f"SELECT {_values('f', OUTCOME_DIMS)}, count(*) FROM trend_facts f "
        f"GROUP BY {_values('f', OUTCOME_DIMS)}",
    ]


__all__ = ["FUNCTIONS", "OUTCOME_DIMS", "TABLES", "TRIGGERS", "backfill",
           "postgresql_triggers", "sqlite_triggers"]
