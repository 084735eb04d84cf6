"""The kit's first tables, in every service's database: the outbox, the inbox and the
per-pupil sequences (`samen_kit.tables`), as they were when they came.

Revision ID: kit_0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import jsonb, moment, uuid

revision = "kit_0001"
down_revision = None
branch_labels = ("kit",)

_APPLIED_KEY = ("consumer", "source", "tenant", "subject")
_NOW = sa.func.now()


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.BigInteger(), sa.Identity(always=True), primary_key=True),
        uuid("event_id", unique=True),
        sa.Column("topic", sa.String(), nullable=False),
        sa.Column("key", sa.LargeBinary(), nullable=False),
        sa.Column("value", sa.LargeBinary(), nullable=False),
        jsonb("headers"),
        moment("created_at", server_default=_NOW),
        moment("published_at", nullable=True),
    )
    op.create_index(
        "outbox_unpublished", "outbox", ["id"], postgresql_where=sa.text("published_at IS NULL")
    )
    op.create_table(
        "inbox",
        sa.Column("consumer", sa.String(), primary_key=True),
        uuid("event_id", primary_key=True),
        moment("handled_at", server_default=_NOW),
    )
    op.create_table(
        "pupil_sequence",
        sa.Column("tenant", sa.String(), primary_key=True),
        sa.Column("subject", sa.String(), primary_key=True),
        sa.Column("last", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "applied_sequence",
        *(sa.Column(name, sa.String(), primary_key=True) for name in _APPLIED_KEY),
        sa.Column("last", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    for table in ("applied_sequence", "pupil_sequence", "inbox", "outbox"):
        op.drop_table(table)
