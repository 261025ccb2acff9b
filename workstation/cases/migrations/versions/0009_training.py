"""The trainer's records (issue 25): ``training_runs`` (a completed course, its trainee
and score) and ``training_items`` (each document's truth, answer and score). Kept
apart from the examinations so no trainee's result is ever a case or a trend.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "training_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_uid", sa.String(36), nullable=False, unique=True),
        sa.Column("trainee", sa.String(64), nullable=False),
        sa.Column("course_id", sa.String(64), nullable=False),
        sa.Column("course_title", sa.String(200), nullable=False),
        sa.Column("course_sha256", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("points", sa.Float, nullable=False),
        sa.Column("share", sa.Float, nullable=False),
        sa.Column("passed", sa.Boolean, nullable=False),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("certificate_sha256", sa.String(64), nullable=True),
    )
    op.create_index("ix_training_runs_trainee_finished", "training_runs",
                    ["trainee", "finished_at"])
    op.create_table(
        "training_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("run_id", sa.Integer, sa.ForeignKey("training_runs.id"), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("document", sa.String(64), nullable=False),
        sa.Column("truth_kind", sa.String(64), nullable=True),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("answered_kind", sa.String(64), nullable=True),
        sa.Column("correct", sa.Boolean, nullable=False),
        sa.Column("kind_correct", sa.Boolean, nullable=True),
        sa.Column("located", sa.Boolean, nullable=True),
        sa.Column("seconds", sa.Float, nullable=False),
        sa.Column("points", sa.Float, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
    )
    op.create_index("ix_training_items_run_id", "training_items", ["run_id"])


def downgrade() -> None:
    op.drop_index("ix_training_items_run_id", table_name="training_items")
    op.drop_table("training_items")
    op.drop_index("ix_training_runs_trainee_finished", table_name="training_runs")
    op.drop_table("training_runs")
