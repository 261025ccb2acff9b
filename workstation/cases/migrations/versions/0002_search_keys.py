"""Search keys and indexes: upper-case, accent-free keys for reference, names and
document number, filled in for existing rows, with B-tree indexes (byte order on
PostgreSQL, so prefix ranges use them) and status/conclusion + date indexes.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import re
import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 2000


def _key_type(length: int) -> sa.types.TypeEngine[str]:
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def _key(text: str | None) -> str:
    """The search key of revision 0002 (kept here, frozen, so the migration never changes)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).upper()
    text = re.sub(r"[^A-Z0-9]+", " ", text.replace("<", " "))
    return " ".join(text.split())


def _backfill(table: str, columns: dict[str, str]) -> None:
    """Fill ``key column <- source column`` for every row, in batches."""
    bind = op.get_bind()
    t = sa.table(table, sa.column("id", sa.Integer),
                 *(sa.column(c, sa.String) for c in (*columns, *columns.values())))
    rows = bind.execute(sa.select(t.c.id, *(t.c[s] for s in columns.values()))).all()
    update = (sa.update(t).where(t.c.id == sa.bindparam("row_id"))
              .values({k: sa.bindparam(f"v_{k}") for k in columns}))
    for start in range(0, len(rows), BATCH):
        params = [
            {"row_id": row[0], **{f"v_{k}": _key(row[i + 1]) for i, k in enumerate(columns)}}
            for row in rows[start:start + BATCH]
        ]
        if params:
            bind.execute(update, params)


def upgrade() -> None:
    with op.batch_alter_table("cases") as batch:
        batch.add_column(sa.Column("reference_key", _key_type(64), nullable=False,
                                   server_default=""))
    with op.batch_alter_table("examinations") as batch:
        for name, length in (("document_number_key", 40), ("surname_key", 100),
                             ("given_names_key", 100)):
            batch.add_column(sa.Column(name, _key_type(length), nullable=False,
                                       server_default=""))
    _backfill("cases", {"reference_key": "reference"})
    _backfill("examinations", {"document_number_key": "document_number",
                               "surname_key": "surname", "given_names_key": "given_names"})
    op.create_index("ix_cases_reference_key", "cases", ["reference_key"])
    op.create_index("ix_examinations_document_number_key", "examinations",
                    ["document_number_key"])
    op.create_index("ix_examinations_surname_key", "examinations", ["surname_key"])
    op.create_index("ix_examinations_given_names_key", "examinations", ["given_names_key"])
    op.create_index("ix_examinations_status_created", "examinations", ["status", "created_at"])
    op.create_index("ix_examinations_conclusion_created", "examinations",
                    ["conclusion", "created_at"])


def downgrade() -> None:
    for name in ("ix_examinations_conclusion_created", "ix_examinations_status_created",
                 "ix_examinations_given_names_key", "ix_examinations_surname_key",
                 "ix_examinations_document_number_key"):
        op.drop_index(name, table_name="examinations")
    op.drop_index("ix_cases_reference_key", table_name="cases")
    with op.batch_alter_table("examinations") as batch:
        for name in ("document_number_key", "surname_key", "given_names_key"):
            batch.drop_column(name)
    with op.batch_alter_table("cases") as batch:
        batch.drop_column("reference_key")
