"""Repeat the case's reference key on each examination (references never change), with
an index, so a reference search reads the examinations table alone. Filled in for
existing rows.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("examinations") as batch:
        batch.add_column(sa.Column(
            "case_reference_key",
            sa.String(64).with_variant(sa.String(64, collation="C"), "postgresql"),
            nullable=False, server_default=""))
    op.execute("UPDATE examinations SET case_reference_key = (SELECT cases.reference_key "
               "FROM cases WHERE cases.id = examinations.case_id)")
    op.create_index("ix_examinations_case_reference_key", "examinations",
                    ["case_reference_key"])


def downgrade() -> None:
    op.drop_index("ix_examinations_case_reference_key", table_name="examinations")
    op.execute("ALTER TABLE examinations DROP COLUMN case_reference_key")
