"""The kit's roster projection (`roster_pupil`, `roster_guardianship`) takes the place
of this service's own `pupil` and `guardianship`; the pupils' first names (from the
roster import) move to `pupil_name`. Rows keep their tenant; a pupil the old table knew
at no school yet keeps only its first name (the roster places it when it tells of it).

The first revision creates the service's tables as the code defines them, so a new
database has `pupil_name` and no `pupil` or `guardianship` by the time this one runs.

Revision ID: 0004_roster_projection
Revises: 0003_bulk_opt_out
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.roster.migration import create_roster_tables_v1, drop_roster_tables_v1

revision = "0004_roster_projection"
down_revision = "0003_bulk_opt_out"
branch_labels = None
depends_on = None


def _tables() -> set[str]:
    return set(sa.inspect(op.get_bind()).get_table_names())


def upgrade() -> None:
    tables = _tables()
    if "roster_pupil" not in tables:  # as 0003, it may run again over a database that has them
        create_roster_tables_v1()
    if "pupil_name" not in tables:
        op.create_table(
            "pupil_name",
            sa.Column("tenant", sa.String(length=64), nullable=False),
            sa.Column("pupil_id", sa.Uuid(), nullable=False),
            sa.Column("first_name", sa.String(length=100), nullable=True),
            sa.PrimaryKeyConstraint("tenant", "pupil_id"),
        )
    if "pupil" in tables:
        op.execute(
            "INSERT INTO roster_pupil (tenant, pupil_id, school_id, left_on)"
            " SELECT tenant, pupil_id, school_id, left_on FROM pupil WHERE school_id IS NOT NULL"
        )
        op.execute(
            "INSERT INTO pupil_name (tenant, pupil_id, first_name)"
            " SELECT tenant, pupil_id, first_name FROM pupil ON CONFLICT DO NOTHING"
        )
        op.drop_table("pupil")
    if "guardianship" in tables:
        op.execute(
            "INSERT INTO roster_guardianship (tenant, pupil_id, guardian_id, standing)"
            " SELECT tenant, pupil_id, guardian_id, standing FROM guardianship"
        )
        op.drop_table("guardianship")


def downgrade() -> None:
    op.create_table(
        "pupil",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("school_id", sa.Uuid(), nullable=True),
        sa.Column("first_name", sa.String(length=100), nullable=True),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id"),
    )
    op.create_index("ix_pupil_school_id", "pupil", ["school_id"])
    op.create_table(
        "guardianship",
        sa.Column("tenant", sa.String(length=64), nullable=False),
        sa.Column("pupil_id", sa.Uuid(), nullable=False),
        sa.Column("guardian_id", sa.Uuid(), nullable=False),
        sa.Column("standing", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "guardian_id"),
    )
    op.create_index("guardianship_by_guardian", "guardianship", ["tenant", "guardian_id"])
    op.execute(
        "INSERT INTO pupil (tenant, pupil_id, school_id, first_name, left_on)"
        " SELECT coalesce(r.tenant, n.tenant), coalesce(r.pupil_id, n.pupil_id), r.school_id,"
        " n.first_name, r.left_on FROM roster_pupil r FULL JOIN pupil_name n"
        " ON n.tenant = r.tenant AND n.pupil_id = r.pupil_id"
    )
    op.execute(
        "INSERT INTO guardianship (tenant, pupil_id, guardian_id, standing)"
        " SELECT tenant, pupil_id, guardian_id, standing FROM roster_guardianship"
    )
    op.drop_table("pupil_name")
    drop_roster_tables_v1()
