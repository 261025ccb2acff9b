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

from workstation.cases.trends_sql import (
    DIMS,
    DOCUMENT_DIMS,
    TRIGGERS,
    backfill_checks,
    backfill_facts,
    postgresql_triggers,
    sqlite_triggers,
)

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None

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
        for statement in postgresql_triggers():
            op.execute(statement)
    else:
        for statement in sqlite_triggers():
            op.execute(statement)
    # Count what is already there: failed check codes first, then the facts (whose
    # triggers fill both summary tables).
    op.execute(backfill_checks(op.get_bind().dialect.name))
    op.execute(backfill_facts(op.get_bind().dialect.name))


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
