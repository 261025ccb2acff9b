"""Fraud trends and alerts (issue 24).

* ``examinations.border_point`` (the workstation's configured location) and
  ``examinations.purpose`` (``casework``; the trainer will store ``training``:
  only casework is ever counted).
* ``trend_facts`` (one row per casework examination: its UTC day and the
  dimensions the trends count by), ``trend_fact_checks`` (the distinct codes of
  the checks an examination failed), and the summary tables ``trend_counts``
  and ``trend_check_counts`` (examinations per day and combination of
  dimensions; the second also per failed check code) with their monthly
  roll-ups ``trend_month_counts`` and ``trend_month_check_counts`` (``day`` is
  the month's first day there), and ``trend_month_documents``: per month, border
  point, state, type and series only, with forgeries and flagged examinations as
  counts of their own (what most charts and the export ask for, in few rows).
* Triggers keep all of them in step with ``examinations`` and
  ``examination_results`` in the writing transaction itself — whatever code
  writes, on any workstation — so a trend query reads summary rows (monthly
  ones for whole months) instead of counting a million examinations.
* ``alerts`` and ``alert_crops`` (published alerts and their blurred evidence
  crops, kept in the database so every workstation sharing it sees them) and
  ``trend_imports`` (verified exports of other offices, kept apart per office).

Existing examinations are counted when this migration runs. SQLite drops a
table's triggers when a later migration rebuilds the table (batch mode): a
test checks that the triggers exist at the head revision.

Revision ID: 0007
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None

#: The dimensions of a fact and of a summary row, in key order.
DIMS = ("day", "border_point", "issuing_state", "document_code", "series", "conclusion",
        "forgery_kind", "verdict")
#: The dimensions of ``trend_month_documents``.
DOCUMENT_DIMS = DIMS[:5]
TRIGGERS = (
    ("trend_examinations_insert", "examinations"),
    ("trend_examinations_update", "examinations"),
    ("trend_examinations_delete", "examinations"),
    ("trend_results_insert", "examination_results"),
    ("trend_results_update", "examination_results"),
    ("trend_results_delete", "examination_results"),
    ("trend_facts_insert", "trend_facts"),
    ("trend_facts_update", "trend_facts"),
    ("trend_facts_delete", "trend_facts"),
    ("trend_fact_checks_insert", "trend_fact_checks"),
    ("trend_fact_checks_delete", "trend_fact_checks"),
)


def _ts() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _dim_columns() -> list[sa.Column]:
    return [
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("border_point", sa.String(100), nullable=False),
        sa.Column("issuing_state", sa.String(3), nullable=False),
        sa.Column("document_code", sa.String(4), nullable=False),
        sa.Column("series", sa.String(100), nullable=False),
        sa.Column("conclusion", sa.String(20), nullable=False),
        sa.Column("forgery_kind", sa.String(40), nullable=False),
        sa.Column("verdict", sa.String(20), nullable=False),
    ]


def upgrade() -> None:
    with op.batch_alter_table("examinations") as batch:
        batch.add_column(sa.Column("border_point", sa.String(100), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("purpose", sa.String(16), nullable=False,
                                   server_default="casework"))
    op.create_table("trend_facts",
                    sa.Column("examination_id", sa.Integer, primary_key=True,
                              autoincrement=False),
                    *_dim_columns())
    op.create_index("ix_trend_facts_day", "trend_facts", ["day", "examination_id"])
    # Composite keys: on SQLite the tables are their primary key (WITHOUT ROWID), so a
    # day range is read in key order from one B-tree instead of row by row.
    op.create_table("trend_fact_checks",
                    sa.Column("examination_id", sa.Integer, primary_key=True,
                              autoincrement=False),
                    sa.Column("code", sa.String(64), primary_key=True),
                    sqlite_with_rowid=False)
    op.create_index("ix_trend_fact_checks_code", "trend_fact_checks",
                    ["code", "examination_id"])
    op.create_table("trend_counts", *_dim_columns(),
                    sa.Column("n", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint(*DIMS, name="pk_trend_counts"),
                    sqlite_with_rowid=False)
    op.create_table("trend_check_counts", *_dim_columns(),
                    sa.Column("code", sa.String(64), nullable=False),
                    sa.Column("n", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint(*DIMS, "code", name="pk_trend_check_counts"),
                    sqlite_with_rowid=False)
    op.create_index("ix_trend_check_counts_code", "trend_check_counts", ["code", "day"])
    for table in ("trend_counts", "trend_check_counts"):
        op.create_index(f"ix_{table}_state", table, ["issuing_state", "day"])
        op.create_index(f"ix_{table}_conclusion", table, ["conclusion", "day"])
    op.create_table("trend_month_counts", *_dim_columns(),
                    sa.Column("n", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint(*DIMS, name="pk_trend_month_counts"),
                    sqlite_with_rowid=False)
    op.create_table("trend_month_documents", *_dim_columns()[:5],
                    sa.Column("n", sa.Integer, nullable=False),
                    sa.Column("forgeries", sa.Integer, nullable=False),
                    sa.Column("flagged", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint(*DOCUMENT_DIMS, name="pk_trend_month_documents"),
                    sqlite_with_rowid=False)
    op.create_table("trend_month_check_counts", *_dim_columns(),
                    sa.Column("code", sa.String(64), nullable=False),
                    sa.Column("n", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint(*DIMS, "code", name="pk_trend_month_check_counts"),
                    sqlite_with_rowid=False)

    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("border_point", sa.String(100), nullable=False),
        sa.Column("examination_id", sa.Integer, sa.ForeignKey("examinations.id"),
                  nullable=False),
        sa.Column("issuing_state", sa.String(3), nullable=False),
        sa.Column("document_code", sa.String(4), nullable=False),
        sa.Column("series", sa.String(100), nullable=False),
        sa.Column("feature", sa.String(200), nullable=False),
        sa.Column("check_code", sa.String(64), nullable=False),
        sa.Column("forgery_kind", sa.String(40), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("expires_at", _ts(), nullable=False),
        sa.Column("withdrawn_at", _ts(), nullable=True),
        sa.Column("withdrawn_by", sa.String(64), nullable=True),
        sa.Column("withdraw_reason", sa.Text, nullable=False),
        sa.Column("expiry_recorded", sa.Boolean, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
    )
    op.create_index("ix_alerts_document", "alerts",
                    ["issuing_state", "document_code", "expires_at"])
    op.create_table(
        "alert_crops",
        sa.Column("alert_id", sa.Integer, sa.ForeignKey("alerts.id"), primary_key=True,
                  autoincrement=False),
        sa.Column("position", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("light", sa.String(20), nullable=False),
        sa.Column("width", sa.Integer, nullable=False),
        sa.Column("height", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("png", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "trend_imports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("office", sa.String(100), nullable=False),
        sa.Column("signer", sa.String(200), nullable=False),
        sa.Column("issuer_sha256", sa.String(64), nullable=False),
        sa.Column("export_id", sa.String(64), nullable=False, unique=True),
        sa.Column("period_from", sa.String(7), nullable=False),
        sa.Column("period_to", sa.String(7), nullable=False),
        sa.Column("k", sa.Integer, nullable=False),
        sa.Column("imported_at", _ts(), nullable=False),
        sa.Column("imported_by", sa.String(64), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("payload_json", sa.Text, nullable=False),
    )
    op.create_index("ix_trend_imports_office", "trend_imports", ["office", "id"])

    if op.get_bind().dialect.name == "postgresql":
        for statement in _postgresql_triggers():
            op.execute(statement)
    else:
        for statement in _sqlite_triggers():
            op.execute(statement)
    # Count what is already there: failed check codes first, then the facts (whose
    # triggers fill both summary tables).
    op.execute(_backfill_checks(op.get_bind().dialect.name))
    op.execute(_backfill_facts(op.get_bind().dialect.name))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, table in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for fn in ("trend_examinations_changed", "trend_results_changed",
                   "trend_facts_changed", "trend_fact_checks_changed"):
            op.execute(f"DROP FUNCTION IF EXISTS {fn}()")
    else:
        for name, _table in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in ("trend_imports", "alert_crops", "alerts", "trend_month_documents",
                  "trend_month_check_counts",
                  "trend_month_counts", "trend_check_counts", "trend_counts",
                  "trend_fact_checks", "trend_facts"):
        op.drop_table(table)
    op.execute("ALTER TABLE examinations DROP COLUMN purpose")
    op.execute("ALTER TABLE examinations DROP COLUMN border_point")


# -- the fact of an examination row, per dialect ---------------------------------------------

def _fact_values(dialect: str, e: str) -> str:
    """SQL expressions of a fact's dimensions from the examinations row ``e``."""
    if dialect == "postgresql":
        day = f"({e}.created_at AT TIME ZONE 'UTC')::date"
        kind = f"coalesce(({e}.findings_json::jsonb) ->> 'forgery_kind', '')"
    else:
        day = f"date({e}.created_at)"
        kind = (f"CASE WHEN json_valid({e}.findings_json) THEN coalesce(CAST(json_extract("
                f"{e}.findings_json, '$.forgery_kind') AS TEXT), '') ELSE '' END")
    return (f"{day}, substr({e}.border_point, 1, 100), {e}.issuing_state, {e}.document_code, "
            f"substr(coalesce({e}.specimen_id, ''), 1, 100), coalesce({e}.conclusion, ''), "
            f"substr({kind}, 1, 40), {e}.verdict")


def _failed_code_parts(dialect: str, checks_json: str) -> tuple[str, str, str]:
    """``(from item, condition, code expression)`` listing the failed checks of the JSON
    list ``checks_json`` (anything else counts as no failed check)."""
    if dialect == "postgresql":
        doc = (f"CASE WHEN jsonb_typeof(({checks_json})::jsonb) = 'array' "
               f"THEN ({checks_json})::jsonb ELSE '[]'::jsonb END")
        return (f"jsonb_array_elements({doc}) AS c",
                "jsonb_typeof(c.value) = 'object' AND c.value ->> 'status' = 'fail' "
                "AND coalesce(c.value ->> 'code', '') <> ''",
                "substr(c.value ->> 'code', 1, 64)")
    doc = (f"CASE WHEN json_valid({checks_json}) AND json_type({checks_json}) = 'array' "
           f"THEN {checks_json} ELSE '[]' END")
    return (f"json_each({doc}) AS c",
            "c.type = 'object' AND json_extract(c.value, '$.status') = 'fail' "
            "AND coalesce(json_extract(c.value, '$.code'), '') <> ''",
            "substr(CAST(json_extract(c.value, '$.code') AS TEXT), 1, 64)")


def _insert_codes(dialect: str) -> str:
    """The statement recording the failed codes of ``NEW`` (an examination_results row)."""
    source, condition, code = _failed_code_parts(dialect, "NEW.checks_json")
    return ("INSERT INTO trend_fact_checks (examination_id, code) "
            f"SELECT DISTINCT NEW.examination_id, {code} FROM {source} WHERE {condition} "
            "ON CONFLICT DO NOTHING;")


_DIM_LIST = ", ".join(DIMS)


#: (grain, summary table, check summary table): daily and monthly.
GRAINS = (("day", "trend_counts", "trend_check_counts"),
          ("month", "trend_month_counts", "trend_month_check_counts"))


def _day_of(dialect: str, row: str, grain: str) -> str:
    """The summary key's day of the fact row ``row``: its day, or its month's first day."""
    if grain == "day":
        return f"{row}.day"
    if dialect == "postgresql":
        return f"date_trunc('month', {row}.day)::date"
    return f"date({row}.day, 'start of month')"


def _dims_of(dialect: str, row: str, grain: str) -> str:
    """The dimension values of the fact row ``row`` for a summary of ``grain``."""
    return ", ".join(_day_of(dialect, row, grain) if d == "day" else f"{row}.{d}"
                     for d in DIMS)


def _documents_sql(dialect: str, row: str, sign: int) -> str:
    """Count the fact ``row`` into ``trend_month_documents`` (``sign`` +1) or out of it
    (-1), dropping rows that reach zero."""
    keys = ", ".join(DOCUMENT_DIMS)
    values = ", ".join(_day_of(dialect, row, "month") if d == "day" else f"{row}.{d}"
                       for d in DOCUMENT_DIMS)
    forged = f"(CASE WHEN {row}.conclusion IN ('counterfeit', 'forged') THEN 1 ELSE 0 END)"
    flagged = f"(CASE WHEN {row}.verdict = 'fail' THEN 1 ELSE 0 END)"
    t = "trend_month_documents"
    if sign > 0:
        return (f"INSERT INTO {t} ({keys}, n, forgeries, flagged) VALUES ({values}, 1, "
                f"{forged}, {flagged}) ON CONFLICT ({keys}) DO UPDATE SET n = {t}.n + 1, "
                f"forgeries = {t}.forgeries + {forged}, flagged = {t}.flagged + {flagged}; ")
    match = " AND ".join(f"{t}.{d} = "
                         + (_day_of(dialect, row, "month") if d == "day" else f"{row}.{d}")
                         for d in DOCUMENT_DIMS)
    return (f"UPDATE {t} SET n = n - 1, forgeries = forgeries - {forged}, "
            f"flagged = flagged - {flagged} WHERE {match}; "
            f"DELETE FROM {t} WHERE {match} AND n <= 0; ")


def _match_dims(dialect: str, row: str, grain: str, table: str) -> str:
    """``table``'s row of the fact ``row`` (every dimension equal)."""
    return " AND ".join(f"{table}.{d} = "
                        + (_day_of(dialect, row, grain) if d == "day" else f"{row}.{d}")
                        for d in DIMS)


def _changed(a: str, b: str) -> str:
    """Whether any dimension differs between the rows ``a`` and ``b``."""
    return " OR ".join(f"{a}.{d} <> {b}.{d}" for d in DIMS)


def _sqlite_triggers() -> list[str]:
    fact = _fact_values("sqlite", "NEW")
    set_dims = ", ".join(f"{d} = excluded.{d}" for d in DIMS)
    add_cell = drop_cell = add_checks = drop_checks = ""
    for grain, cells, checks in GRAINS:
        new = _dims_of("sqlite", "NEW", grain)
        add_cell += (f"INSERT INTO {cells} ({_DIM_LIST}, n) VALUES ({new}, 1) "
                     f"ON CONFLICT ({_DIM_LIST}) DO UPDATE SET n = {cells}.n + 1; ")
        add_checks += (f"INSERT INTO {checks} ({_DIM_LIST}, code, n) "
                       f"SELECT {new}, c.code, 1 FROM trend_fact_checks c "
                       "WHERE c.examination_id = NEW.examination_id "
                       f"ON CONFLICT ({_DIM_LIST}, code) DO UPDATE SET n = {checks}.n + 1; ")
        old = _match_dims("sqlite", "OLD", grain, cells)
        drop_cell += (f"UPDATE {cells} SET n = n - 1 WHERE {old}; "
                      f"DELETE FROM {cells} WHERE {old} AND n <= 0; ")
        old = _match_dims("sqlite", "OLD", grain, checks)
        drop_checks += (f"UPDATE {checks} SET n = n - 1 WHERE {old} AND code IN (SELECT code "
                        "FROM trend_fact_checks WHERE examination_id = OLD.examination_id); "
                        f"DELETE FROM {checks} WHERE {old} AND n <= 0; ")
    add_cell += _documents_sql("sqlite", "NEW", +1)
    drop_cell += _documents_sql("sqlite", "OLD", -1)
    insert_codes = _insert_codes("sqlite")
    return [
        "CREATE TRIGGER trend_examinations_insert AFTER INSERT ON examinations "
        "WHEN NEW.purpose = 'casework' BEGIN "
        f"INSERT INTO trend_facts (examination_id, {_DIM_LIST}) VALUES (NEW.id, {fact}); END",

        "CREATE TRIGGER trend_examinations_update AFTER UPDATE OF id, created_at, border_point, "
        "issuing_state, document_code, specimen_id, conclusion, findings_json, verdict, purpose "
        "ON examinations BEGIN "
        "DELETE FROM trend_facts WHERE examination_id = OLD.id "
        "AND (NEW.purpose <> 'casework' OR NEW.id <> OLD.id); "
        f"INSERT INTO trend_facts (examination_id, {_DIM_LIST}) SELECT NEW.id, {fact} "
        "WHERE NEW.purpose = 'casework' "
        f"ON CONFLICT (examination_id) DO UPDATE SET {set_dims} "
        f"WHERE {_changed('trend_facts', 'excluded')}; END",

        "CREATE TRIGGER trend_examinations_delete AFTER DELETE ON examinations BEGIN "
        "DELETE FROM trend_facts WHERE examination_id = OLD.id; END",

        "CREATE TRIGGER trend_results_insert AFTER INSERT ON examination_results BEGIN "
        f"{insert_codes} END",

        "CREATE TRIGGER trend_results_update AFTER UPDATE OF examination_id, checks_json "
        "ON examination_results BEGIN "
        "DELETE FROM trend_fact_checks WHERE examination_id = OLD.examination_id; "
        f"{insert_codes} END",

        "CREATE TRIGGER trend_results_delete AFTER DELETE ON examination_results BEGIN "
        "DELETE FROM trend_fact_checks WHERE examination_id = OLD.examination_id; END",

        f"CREATE TRIGGER trend_facts_insert AFTER INSERT ON trend_facts BEGIN {add_cell} "
        f"{add_checks} END",

        f"CREATE TRIGGER trend_facts_update AFTER UPDATE ON trend_facts BEGIN {drop_cell} "
        f"{drop_checks} {add_cell} {add_checks} END",

        f"CREATE TRIGGER trend_facts_delete AFTER DELETE ON trend_facts BEGIN {drop_cell} "
        f"{drop_checks} END",

        "CREATE TRIGGER trend_fact_checks_insert AFTER INSERT ON trend_fact_checks BEGIN "
        + "".join(f"INSERT INTO {checks} ({_DIM_LIST}, code, n) "
                  f"SELECT {_dims_of('sqlite', 'f', grain)}, NEW.code, 1 "
                  "FROM trend_facts f WHERE f.examination_id = NEW.examination_id "
                  f"ON CONFLICT ({_DIM_LIST}, code) DO UPDATE SET n = {checks}.n + 1; "
                  for grain, _cells, checks in GRAINS) + "END",

        "CREATE TRIGGER trend_fact_checks_delete AFTER DELETE ON trend_fact_checks BEGIN "
        + "".join(f"UPDATE {checks} SET n = n - 1 WHERE code = OLD.code AND EXISTS (SELECT 1 "
                  "FROM trend_facts f WHERE f.examination_id = OLD.examination_id AND "
                  f"{_match_dims('sqlite', 'f', grain, checks)}); "
                  f"DELETE FROM {checks} WHERE code = OLD.code AND n <= 0 AND EXISTS (SELECT 1 "
                  "FROM trend_facts f WHERE f.examination_id = OLD.examination_id AND "
                  f"{_match_dims('sqlite', 'f', grain, checks)}); "
                  for grain, _cells, checks in GRAINS) + "END",
    ]


def _postgresql_triggers() -> list[str]:
    fact = _fact_values("postgresql", "NEW")
    set_dims = ", ".join(f"{d} = EXCLUDED.{d}" for d in DIMS)

    def add_cell(r: str) -> str:
        out = ""
        for grain, cells, checks in GRAINS:
            dims = _dims_of("postgresql", r, grain)
            out += (f"INSERT INTO {cells} ({_DIM_LIST}, n) VALUES ({dims}, 1) "
                    f"ON CONFLICT ({_DIM_LIST}) DO UPDATE SET n = {cells}.n + 1; "
                    f"INSERT INTO {checks} ({_DIM_LIST}, code, n) "
                    f"SELECT {dims}, c.code, 1 FROM trend_fact_checks c "
                    f"WHERE c.examination_id = {r}.examination_id "
                    f"ON CONFLICT ({_DIM_LIST}, code) DO UPDATE SET n = {checks}.n + 1; ")
        return out + _documents_sql("postgresql", r, +1)

    def drop_cell(r: str) -> str:
        out = ""
        for grain, cells, checks in GRAINS:
            m = _match_dims("postgresql", r, grain, cells)
            c = _match_dims("postgresql", r, grain, checks)
            out += (f"UPDATE {cells} SET n = n - 1 WHERE {m}; "
                    f"DELETE FROM {cells} WHERE {m} AND n <= 0; "
                    f"UPDATE {checks} SET n = n - 1 WHERE {c} AND code IN (SELECT code FROM "
                    f"trend_fact_checks WHERE examination_id = {r}.examination_id); "
                    f"DELETE FROM {checks} WHERE {c} AND n <= 0; ")
        return out + _documents_sql("postgresql", r, -1)

    insert_codes = _insert_codes("postgresql")
    return [
        "CREATE FUNCTION trend_examinations_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF TG_OP = 'DELETE' THEN DELETE FROM trend_facts WHERE examination_id = OLD.id; "
        "RETURN OLD; END IF; "
        "IF TG_OP = 'UPDATE' AND (NEW.purpose <> 'casework' OR NEW.id <> OLD.id) THEN "
        "DELETE FROM trend_facts WHERE examination_id = OLD.id; END IF; "
        "IF NEW.purpose = 'casework' THEN "
        f"INSERT INTO trend_facts AS t (examination_id, {_DIM_LIST}) VALUES (NEW.id, {fact}) "
        f"ON CONFLICT (examination_id) DO UPDATE SET {set_dims} "
        f"WHERE {_changed('t', 'EXCLUDED')}; "
        "END IF; RETURN NEW; END $$",

        "CREATE FUNCTION trend_results_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF TG_OP <> 'INSERT' THEN DELETE FROM trend_fact_checks WHERE examination_id = "
        "OLD.examination_id; END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
        f"{insert_codes} RETURN NEW; END $$",

        "CREATE FUNCTION trend_facts_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {drop_cell('OLD')} END IF; "
        "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; "
        f"{add_cell('NEW')} RETURN NEW; END $$",

        "CREATE FUNCTION trend_fact_checks_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN "
        "IF TG_OP = 'DELETE' THEN "
        + "".join(f"UPDATE {checks} SET n = n - 1 FROM trend_facts f WHERE "
                  f"f.examination_id = OLD.examination_id AND {checks}.code = OLD.code AND "
                  f"{_match_dims('postgresql', 'f', grain, checks)}; "
                  f"DELETE FROM {checks} USING trend_facts f WHERE "
                  f"f.examination_id = OLD.examination_id AND {checks}.code = OLD.code AND "
                  f"{_match_dims('postgresql', 'f', grain, checks)} AND {checks}.n <= 0; "
                  for grain, _cells, checks in GRAINS)
        + "RETURN OLD; END IF; "
        + "".join(f"INSERT INTO {checks} ({_DIM_LIST}, code, n) "
                  f"SELECT {_dims_of('postgresql', 'f', grain)}, NEW.code, 1 "
                  "FROM trend_facts f WHERE f.examination_id = NEW.examination_id "
                  f"ON CONFLICT ({_DIM_LIST}, code) DO UPDATE SET n = {checks}.n + 1; "
                  for grain, _cells, checks in GRAINS)
        + "RETURN NEW; END $$",

        "CREATE TRIGGER trend_examinations_insert AFTER INSERT ON examinations FOR EACH ROW "
        "EXECUTE FUNCTION trend_examinations_changed()",
        "CREATE TRIGGER trend_examinations_update AFTER UPDATE OF id, created_at, border_point, "
        "issuing_state, document_code, specimen_id, conclusion, findings_json, verdict, purpose "
        "ON examinations FOR EACH ROW EXECUTE FUNCTION trend_examinations_changed()",
        "CREATE TRIGGER trend_examinations_delete AFTER DELETE ON examinations FOR EACH ROW "
        "EXECUTE FUNCTION trend_examinations_changed()",
        "CREATE TRIGGER trend_results_insert AFTER INSERT ON examination_results FOR EACH ROW "
        "EXECUTE FUNCTION trend_results_changed()",
        "CREATE TRIGGER trend_results_update AFTER UPDATE OF examination_id, checks_json ON "
        "examination_results FOR EACH ROW EXECUTE FUNCTION trend_results_changed()",
        "CREATE TRIGGER trend_results_delete AFTER DELETE ON examination_results FOR EACH ROW "
        "EXECUTE FUNCTION trend_results_changed()",
        "CREATE TRIGGER trend_facts_insert AFTER INSERT ON trend_facts FOR EACH ROW "
        "EXECUTE FUNCTION trend_facts_changed()",
        "CREATE TRIGGER trend_facts_update AFTER UPDATE ON trend_facts FOR EACH ROW "
        "EXECUTE FUNCTION trend_facts_changed()",
        "CREATE TRIGGER trend_facts_delete AFTER DELETE ON trend_facts FOR EACH ROW "
        "EXECUTE FUNCTION trend_facts_changed()",
        "CREATE TRIGGER trend_fact_checks_insert AFTER INSERT ON trend_fact_checks FOR EACH ROW "
        "EXECUTE FUNCTION trend_fact_checks_changed()",
        "CREATE TRIGGER trend_fact_checks_delete AFTER DELETE ON trend_fact_checks FOR EACH ROW "
        "EXECUTE FUNCTION trend_fact_checks_changed()",
    ]


def _backfill_checks(dialect: str) -> str:
    source, condition, code = _failed_code_parts(dialect, "r.checks_json")
    join = "CROSS JOIN LATERAL" if dialect == "postgresql" else ","
    return ("INSERT INTO trend_fact_checks (examination_id, code) "
            f"SELECT DISTINCT r.examination_id, {code} FROM examination_results r {join} "
            f"{source} WHERE {condition} ON CONFLICT DO NOTHING")


def _backfill_facts(dialect: str) -> str:
    return (f"INSERT INTO trend_facts (examination_id, {_DIM_LIST}) "
            f"SELECT e.id, {_fact_values(dialect, 'e')} FROM examinations e "
            "WHERE e.purpose = 'casework'")
