"""Steps for a service's revision that creates the retention tables (`tables.py`)."""

from __future__ import annotations

from alembic import op

from samen_kit.migrations.columns import day, integer, moment, text, uuid


def create_retention_tables() -> None:
    op.create_table(
        "retention_erasure",
        text("tenant", 128, primary_key=True),
        uuid("pupil_id", primary_key=True),
        text("kind", 32, primary_key=True),
        text("basis", 64),
        text("reason", 32),
        integer("count"),
        moment("erased_at"),
    )
    op.create_table(
        "retention_hold",
        text("tenant", 128, primary_key=True),
        uuid("pupil_id", primary_key=True),
        text("hold_id", 64, primary_key=True),
        day("placed_on"),
        day("lifted_on", nullable=True),
    )


def drop_retention_tables() -> None:
    op.drop_table("retention_hold")
    op.drop_table("retention_erasure")
