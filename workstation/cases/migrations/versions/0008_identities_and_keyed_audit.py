"""Identities and a keyed audit chain (issue 19).

* ``users.administrator``: the right to add accounts and grant roles.
* ``credentials``: how each account signs in (a password with Argon2id, or the
  operating-system account) and its signing key, sealed with the account's
  secret, with the certificate the workstation's CA issued for it.
* ``audit_events.mac`` / ``key_id``: HMAC-SHA256 of each event's hash under the
  chain key (events written before this revision keep ``NULL``: legacy).
* ``audit_head.chain_id``: a random id of this database's chain, so its signed
  checkpoints outside the database are told apart from another database's.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("administrator", sa.Boolean, nullable=False,
                                   server_default=sa.false()))
    op.create_table(
        "credentials",
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id"), primary_key=True),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("os_account", sa.String(64), nullable=True),
        sa.Column("kdf", sa.Text, nullable=False),
        sa.Column("verifier", sa.String(64), nullable=False),
        sa.Column("signing_key", sa.Text, nullable=False),
        sa.Column("box_public", sa.String(64), nullable=False),
        sa.Column("box_key", sa.Text, nullable=False),
        sa.Column("certificate", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("mac", sa.String(64), nullable=True))
        batch.add_column(sa.Column("key_id", sa.String(16), nullable=True))
    with op.batch_alter_table("audit_head") as batch:
        batch.add_column(sa.Column("chain_id", sa.String(32), nullable=False,
                                   server_default=""))
    op.execute(sa.text("UPDATE audit_head SET chain_id = :cid").bindparams(
        cid=uuid.uuid4().hex))


def downgrade() -> None:
    with op.batch_alter_table("audit_head") as batch:
        batch.drop_column("chain_id")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("key_id")
        batch.drop_column("mac")
    op.drop_table("credentials")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("administrator")
