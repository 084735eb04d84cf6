"""The kit's roster projection (`roster_pupil`, `roster_guardianship`, the kit's
revision kit_0004) takes the place of this service's own `pupil` and `guardianship`;
the pupils' first names (from the roster import) move to `pupil_name`. Rows keep their
tenant; a pupil the old table knew at no school yet keeps only its first name (the
roster places it when it tells of it).

Revision ID: 0004_roster_projection
Revises: 0003_bulk_opt_out
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.columns import text, uuid
from samen_kit.roster.migration import GUARDIANSHIP_COLUMNS, copy_rows, empty_roster
from samen_notifications.migrations.own_roster import create_own_roster_tables

revision = "0004_roster_projection"
down_revision = "0003_bulk_opt_out"
depends_on = "kit_0004"

NAMES = ("tenant", "pupil_id", "first_name")
PLACES = ("tenant", "pupil_id", "school_id", "left_on")


def upgrade() -> None:
    op.create_table(
        "pupil_name",
        text("tenant", 64),
        uuid("pupil_id"),
        text("first_name", 100, nullable=True),
        sa.PrimaryKeyConstraint("tenant", "pupil_id"),
    )
    copy_rows("pupil", "roster_pupil", PLACES, "WHERE school_id IS NOT NULL")
    copy_rows("pupil", "pupil_name", NAMES)
    copy_rows("guardianship", "roster_guardianship", GUARDIANSHIP_COLUMNS)
    op.drop_table("guardianship")
    op.drop_table("pupil")


def downgrade() -> None:
    create_own_roster_tables()
    op.execute(
        "INSERT INTO pupil (tenant, pupil_id, school_id, first_name, left_on)"
        " SELECT coalesce(r.tenant, n.tenant), coalesce(r.pupil_id, n.pupil_id), r.school_id,"
        " n.first_name, r.left_on FROM roster_pupil r FULL JOIN pupil_name n"
        " ON n.tenant = r.tenant AND n.pupil_id = r.pupil_id"
    )
    copy_rows("roster_guardianship", "guardianship", GUARDIANSHIP_COLUMNS)
    op.drop_table("pupil_name")
    empty_roster()
