"""Move the write-once automated results (capture metadata, MRZ, checks) out of
``examinations`` into ``examination_results``, so the rows the case search reads
stay narrow. Existing results are copied over.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "examination_results",
        sa.Column("examination_id", sa.Integer, sa.ForeignKey("examinations.id"),
                  primary_key=True),
        sa.Column("capture_json", sa.Text, nullable=False),
        sa.Column("mrz_json", sa.Text, nullable=False),
        sa.Column("checks_json", sa.Text, nullable=False),
    )
    op.execute("INSERT INTO examination_results (examination_id, capture_json, mrz_json, "
               "checks_json) SELECT id, capture_json, mrz_json, checks_json FROM examinations")
    # Plain ALTER TABLE ... DROP COLUMN (SQLite >= 3.35, PostgreSQL): a batch-mode
    # table rebuild would have to drop a table that other tables reference.
    for column in ("capture_json", "mrz_json", "checks_json"):
        op.execute(f"ALTER TABLE examinations DROP COLUMN {column}")


def downgrade() -> None:
    with op.batch_alter_table("examinations") as batch:
        batch.add_column(sa.Column("capture_json", sa.Text, nullable=False,
                                   server_default="{}"))
        batch.add_column(sa.Column("mrz_json", sa.Text, nullable=False, server_default="null"))
        batch.add_column(sa.Column("checks_json", sa.Text, nullable=False,
                                   server_default="[]"))
    op.execute("UPDATE examinations SET capture_json = (SELECT r.capture_json FROM "
               "examination_results r WHERE r.examination_id = examinations.id), "
               "mrz_json = (SELECT r.mrz_json FROM examination_results r WHERE "
               "r.examination_id = examinations.id), checks_json = (SELECT r.checks_json "
               "FROM examination_results r WHERE r.examination_id = examinations.id)")
    op.drop_table("examination_results")
