"""Trend roll-ups for the queries that read too many summary rows (issue 24, scale).

* ``trend_check_facts``: one row per casework examination and failed check code with
  the fact's dimensions (key: code, day, examination) — a total over several check
  codes, and the examinations behind a check's figure, read only those codes' rows.
* ``trend_outcome_counts``: examinations per UTC day, border point, conclusion, forgery
  kind and verdict (the forgery charts by week and kind).
* ``trend_check_pairs``: examinations per day, combination of dimensions and ordered
  pair of distinct check codes they both failed — a total over two codes is their
  counts less their pair's.
* ``trend_month_check_states``: per month, border point, issuing state and failed check
  code, the examinations, forgeries and flagged ones (which checks fail for which state).
* ``ix_trend_month_check_counts_code``: the monthly check counts by code and month, as
  the daily ones already are.

Triggers of their own on ``trend_facts`` and ``trend_fact_checks`` keep the two tables
in step, and statement triggers on ``trend_check_facts`` the pairs
(``workstation.cases.trend_rollups_sql``); what is already counted is rolled up
when this migration runs.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workstation.cases.trend_rollups_sql import (
    FUNCTIONS,
    PAIR_KEY,
    STATE_KEY,
    TABLES,
    TRIGGERS,
    backfill,
    postgresql_triggers,
    sqlite_triggers,
)

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


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
    op.create_table("trend_check_facts",
                    sa.Column("examination_id", sa.Integer, nullable=False),
                    sa.Column("code", sa.String(64), nullable=False),
                    *_dim_columns(),
                    sa.PrimaryKeyConstraint("code", "day", "examination_id",
                                            name="pk_trend_check_facts"),
                    sqlite_with_rowid=False)
    op.create_index("ix_trend_check_facts_examination", "trend_check_facts",
                    ["examination_id", "code"], unique=True)
    op.create_table("trend_outcome_counts",
                    *(c for c in _dim_columns()
                      if c.name in ("day", "border_point", "conclusion", "forgery_kind",
                                    "verdict")),
                    sa.Column("n", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint("day", "border_point", "conclusion", "forgery_kind",
                                            "verdict", name="pk_trend_outcome_counts"),
                    sqlite_with_rowid=False)
    op.create_table("trend_check_pairs",
                    sa.Column("code", sa.String(64), nullable=False),
                    sa.Column("other_code", sa.String(64), nullable=False),
                    *_dim_columns(),
                    sa.Column("n", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint(*PAIR_KEY, name="pk_trend_check_pairs"),
                    sqlite_with_rowid=False)
    op.create_table("trend_month_check_states",
                    sa.Column("day", sa.Date, nullable=False),
                    sa.Column("border_point", sa.String(100), nullable=False),
                    sa.Column("issuing_state", sa.String(3), nullable=False),
                    sa.Column("code", sa.String(64), nullable=False),
                    sa.Column("n", sa.Integer, nullable=False),
                    sa.Column("forgeries", sa.Integer, nullable=False),
                    sa.Column("flagged", sa.Integer, nullable=False),
                    sa.PrimaryKeyConstraint(*STATE_KEY, name="pk_trend_month_check_states"),
                    sqlite_with_rowid=False)
    dialect = op.get_bind().dialect.name
    op.create_index("ix_trend_month_check_counts_code", "trend_month_check_counts",
                    ["code", "day"])
    for statement in backfill(dialect):
        op.execute(statement)
    for statement in (postgresql_triggers() if dialect == "postgresql" else sqlite_triggers()):
        op.execute(statement)
    if dialect == "postgresql":
        for table in TABLES:
            op.execute(f"ANALYZE {table}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, table in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for fn in FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {fn}()")
    else:
        for name, _table in TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_trend_month_check_counts_code", table_name="trend_month_check_counts")
    for table in TABLES:
        op.drop_table(table)
