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
* ``trend_check_pairs``: examinations per day, combination of dimensions and ordered
  pair of distinct check codes they both failed (each pair in both orders), kept from
  ``trend_check_facts``: a total over two codes is the two codes' counts less their
  pair's, from a few hundred rows (inclusion-exclusion).
* ``trend_month_check_states``: per month (``day``: its first day), border point,
  issuing state and failed check code, the examinations with their forgeries and
  flagged ones as counts of their own — which checks fail for which state, in a few
  rows per month instead of one per series and outcome.

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
    ("trend_rollups_pairs_insert", "trend_check_facts"),
    ("trend_rollups_pairs_delete", "trend_check_facts"),
    ("trend_rollups_states_insert", "trend_check_facts"),
    ("trend_rollups_states_delete", "trend_check_facts"),
)
#: The PostgreSQL functions the triggers execute.
FUNCTIONS = ("trend_rollups_facts_changed", "trend_rollups_checks_changed",
             "trend_rollups_pairs_added", "trend_rollups_pairs_removed",
             "trend_rollups_states_changed")
#: The tables, in the order they are emptied and dropped.
TABLES = ("trend_month_check_states", "trend_check_pairs", "trend_check_facts",
          "trend_outcome_counts")
#: The key of ``trend_month_check_states``.
STATE_KEY = ("day", "border_point", "issuing_state", "code")
#: The key of ``trend_check_pairs``.
PAIR_KEY = ("code", "other_code", *DIMS)

_DIM_LIST = ", ".join(DIMS)
_OUTCOME_LIST = ", ".join(OUTCOME_DIMS)
_PAIR_LIST = ", ".join(PAIR_KEY)


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


def _same_dims(a: str, b: str) -> str:
    return " AND ".join(f"{a}.{d} = {b}.{d}" for d in DIMS)


def _sqlite_pairs() -> list[str]:
    """SQLite runs a row trigger as each row is written: a new check fact pairs with the
    examination's codes already there, in both orders; a removed one unpairs from those
    left."""
    t = "trend_check_pairs"
    add = "".join(
        f"INSERT INTO {t} ({_PAIR_LIST}, n) SELECT {first}, {second}, "
        f"{_values('NEW', DIMS)}, 1 FROM trend_check_facts o "
        "WHERE o.examination_id = NEW.examination_id AND o.code <> NEW.code "
        f"ON CONFLICT ({_PAIR_LIST}) DO UPDATE SET n = {t}.n + 1; "
        for first, second in (("NEW.code", "o.code"), ("o.code", "NEW.code")))
    left = ("(SELECT o.code FROM trend_check_facts o "
            "WHERE o.examination_id = OLD.examination_id)")
    match = _same_dims(t, "OLD")
    # two statements, not one with OR: each finds its rows by the key
    drop = "".join(f"UPDATE {t} SET n = n - 1 WHERE {cond} AND {match}; "
                   f"DELETE FROM {t} WHERE {cond} AND {match} AND n <= 0; "
                   for cond in (f"code = OLD.code AND other_code IN {left}",
                                f"code IN {left} AND other_code = OLD.code"))
    return [
        f"CREATE TRIGGER trend_rollups_pairs_insert AFTER INSERT ON trend_check_facts BEGIN "
        f"{add}END",
        f"CREATE TRIGGER trend_rollups_pairs_delete AFTER DELETE ON trend_check_facts BEGIN "
        f"{drop}END",
    ]


def _postgresql_pairs() -> list[str]:
    """PostgreSQL runs a row trigger after the whole statement, when every row it wrote is
    visible: so the pairs are kept by statement triggers that see the statement's rows
    (``added``, ``removed``) apart from the rest, and count each pair once."""
    t = "trend_check_pairs"
    a_dims = _values("a", DIMS)
    pair = "JOIN trend_check_facts o ON o.examination_id = a.examination_id AND o.code <> a.code"
    upsert = f"ON CONFLICT ({_PAIR_LIST}) DO UPDATE SET n = p.n + EXCLUDED.n; "
    added = (
        # each new code with every code of its examination (new ones included) ...
        f"INSERT INTO {t} AS p ({_PAIR_LIST}, n) SELECT a.code, o.code, {a_dims}, count(*) "
        f"FROM added a {pair} GROUP BY a.code, o.code, {a_dims} {upsert}"
        # ... and the codes that were there before with each new one
        f"INSERT INTO {t} AS p ({_PAIR_LIST}, n) SELECT o.code, a.code, {a_dims}, count(*) "
        f"FROM added a {pair} WHERE NOT EXISTS (SELECT 1 FROM added x WHERE "
        "x.examination_id = o.examination_id AND x.code = o.code) "
        f"GROUP BY o.code, a.code, {a_dims} {upsert}")
    every = ("(SELECT examination_id, code FROM trend_check_facts UNION ALL "
             "SELECT examination_id, code FROM removed)")
    gone = (f"SELECT a.code, o.code AS other_code, {a_dims}, count(*) AS k FROM removed a "
            f"JOIN {every} o ON o.examination_id = a.examination_id AND o.code <> a.code "
            f"GROUP BY a.code, o.code, {a_dims} UNION ALL "
            f"SELECT o.code, a.code, {a_dims}, count(*) FROM removed a {pair} "
            f"GROUP BY o.code, a.code, {a_dims}")
    same = " AND ".join(f"p.{c} = g.{c}" for c in PAIR_KEY)
    removed = (f"UPDATE {t} AS p SET n = p.n - g.k FROM ({gone}) AS g WHERE {same}; "
               f"DELETE FROM {t} AS p USING ({gone}) AS g WHERE {same} AND p.n <= 0; ")
    return [
        "CREATE FUNCTION trend_rollups_pairs_added() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {added}RETURN NULL; END $$",
        "CREATE FUNCTION trend_rollups_pairs_removed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {removed}RETURN NULL; END $$",
        "CREATE TRIGGER trend_rollups_pairs_insert AFTER INSERT ON trend_check_facts "
        "REFERENCING NEW TABLE AS added FOR EACH STATEMENT "
        "EXECUTE FUNCTION trend_rollups_pairs_added()",
        "CREATE TRIGGER trend_rollups_pairs_delete AFTER DELETE ON trend_check_facts "
        "REFERENCING OLD TABLE AS removed FOR EACH STATEMENT "
        "EXECUTE FUNCTION trend_rollups_pairs_removed()",
    ]


def _month(dialect: str, day: str) -> str:
    if dialect == "postgresql":
        return f"date_trunc('month', {day})::date"
    return f"date({day}, 'start of month')"


def _states(dialect: str, row: str, sign: int) -> str:
    """Count the check fact ``row`` into ``trend_month_check_states`` (``sign`` +1) or out
    of it (-1), dropping rows that reach zero."""
    t = "trend_month_check_states"
    keys = ", ".join(STATE_KEY)
    exprs = [_month(dialect, f"{row}.day") if k == "day" else f"{row}.{k}" for k in STATE_KEY]
    values = ", ".join(exprs)
    forged = f"(CASE WHEN {row}.conclusion IN ('counterfeit', 'forged') THEN 1 ELSE 0 END)"
    flagged = f"(CASE WHEN {row}.verdict = 'fail' THEN 1 ELSE 0 END)"
    if sign > 0:
        return (f"INSERT INTO {t} ({keys}, n, forgeries, flagged) VALUES ({values}, 1, "
                f"{forged}, {flagged}) ON CONFLICT ({keys}) DO UPDATE SET n = {t}.n + 1, "
                f"forgeries = {t}.forgeries + {forged}, flagged = {t}.flagged + {flagged}; ")
    match = " AND ".join(f"{t}.{k} = {v}" for k, v in zip(STATE_KEY, exprs, strict=True))
    return (f"UPDATE {t} SET n = n - 1, forgeries = forgeries - {forged}, "
            f"flagged = flagged - {flagged} WHERE {match}; "
            f"DELETE FROM {t} WHERE {match} AND n <= 0; ")


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
        *_sqlite_pairs(),
        "CREATE TRIGGER trend_rollups_states_insert AFTER INSERT ON trend_check_facts BEGIN "
        f"{_states('sqlite', 'NEW', +1)}END",
        "CREATE TRIGGER trend_rollups_states_delete AFTER DELETE ON trend_check_facts BEGIN "
        f"{_states('sqlite', 'OLD', -1)}END",
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
          for name, table in TRIGGERS if table != "trend_check_facts"),
        *_postgresql_pairs(),
        "CREATE FUNCTION trend_rollups_states_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF TG_OP = 'DELETE' THEN {_states('postgresql', 'OLD', -1)}RETURN OLD; END IF; "
        f"{_states('postgresql', 'NEW', +1)}RETURN NEW; END $$",
        *(f"CREATE TRIGGER trend_rollups_states_{op.lower()} AFTER {op} ON trend_check_facts "
          "FOR EACH ROW EXECUTE FUNCTION trend_rollups_states_changed()"
          for op in ("INSERT", "DELETE")),
    ]


def backfill(dialect: str) -> list[str]:
    """Statements that fill the roll-ups from ``trend_facts`` and ``trend_fact_checks``
    (set-based: the rows the triggers would have written)."""
    month = _month(dialect, "c.day")
    return [
        f"INSERT INTO trend_check_facts (examination_id, code, {_DIM_LIST}) "
        f"SELECT f.examination_id, c.code, {_values('f', DIMS)} FROM trend_facts f "
        "JOIN trend_fact_checks c ON c.examination_id = f.examination_id",
        f"INSERT INTO trend_outcome_counts ({_OUTCOME_LIST}, n) "
        f"SELECT {_values('f', OUTCOME_DIMS)}, count(*) FROM trend_facts f "
        f"GROUP BY {_values('f', OUTCOME_DIMS)}",
        f"INSERT INTO trend_check_pairs ({_PAIR_LIST}, n) "
        f"SELECT a.code, o.code, {_values('a', DIMS)}, count(*) FROM trend_check_facts a "
        "JOIN trend_check_facts o ON o.examination_id = a.examination_id AND o.code <> a.code "
        f"GROUP BY a.code, o.code, {_values('a', DIMS)}",
        f"INSERT INTO trend_month_check_states ({', '.join(STATE_KEY)}, n, forgeries, flagged) "
        f"SELECT {month}, c.border_point, c.issuing_state, c.code, count(*), "
        "sum(CASE WHEN c.conclusion IN ('counterfeit', 'forged') THEN 1 ELSE 0 END), "
        "sum(CASE WHEN c.verdict = 'fail' THEN 1 ELSE 0 END) FROM trend_check_facts c "
        f"GROUP BY {month}, c.border_point, c.issuing_state, c.code",
    ]


__all__ = ["FUNCTIONS", "OUTCOME_DIMS", "PAIR_KEY", "STATE_KEY", "TABLES", "TRIGGERS", "backfill",
           "postgresql_triggers", "sqlite_triggers"]
