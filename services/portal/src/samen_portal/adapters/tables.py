"""The portal's tables (SQLAlchemy Core; the migration creates them)."""

from __future__ import annotations

import sqlalchemy as sa
from samen_kit.retention.tables import attach_retention_tables
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData()


def _instant(name: str, *, nullable: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


# One row per pupil on a school's roster: where they are (ids and a group code).
pupil = sa.Table(
    "portal_pupil",
    metadata,
    sa.Column("tenant", sa.String(128), primary_key=True),
    sa.Column("pupil_id", sa.Uuid(), primary_key=True),
    sa.Column("school_id", sa.Uuid(), nullable=False),
    sa.Column("board_id", sa.String(128), nullable=True),
    sa.Column("group_code", sa.String(64), nullable=True),
    sa.Column("enrolled_on", sa.Date(), nullable=True),
    sa.Column("left_on", sa.Date(), nullable=True),
    _instant("changed_at"),
    sa.Index("ix_portal_pupil_school", "tenant", "school_id"),
)

# Every fact about a pupil: statuses, dates and ids (see domain.facts).
fact = sa.Table(
    "portal_fact",
    metadata,
    sa.Column("event_id", sa.Uuid(), primary_key=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("pupil_id", sa.Uuid(), nullable=False),
    sa.Column("school_id", sa.Uuid(), nullable=True),
    sa.Column("source", sa.String(32), nullable=False),
    sa.Column("kind", sa.String(64), nullable=False),
    _instant("at"),
    sa.Column("ref_id", sa.Uuid(), nullable=True),
    sa.Column("due_on", sa.Date(), nullable=True),
    sa.Column("details", JSONB(), nullable=False),
    sa.Index("ix_portal_fact_pupil", "tenant", "pupil_id", "at"),
)

# The worklist: open while `closed_at` is empty.
work_item = sa.Table(
    "portal_work_item",
    metadata,
    sa.Column("tenant", sa.String(128), primary_key=True),
    sa.Column("pupil_id", sa.Uuid(), primary_key=True),
    sa.Column("kind", sa.String(32), primary_key=True),
    sa.Column("ref", sa.String(160), primary_key=True),
    sa.Column("due_on", sa.Date(), nullable=True),
    _instant("opened_at"),
    _instant("closed_at", nullable=True),
    sa.Index("ix_portal_work_item_open", "tenant", "closed_at"),
)

# Signed-in users: the cookie names a row; the tokens never leave the server.
web_session = sa.Table(
    "portal_session",
    metadata,
    sa.Column("sid_hash", sa.String(64), primary_key=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("subject", sa.String(128), nullable=False),
    sa.Column("access_token", sa.Text(), nullable=False),
    sa.Column("refresh_token", sa.Text(), nullable=True),
    sa.Column("id_token", sa.Text(), nullable=True),
    sa.Column("csrf", sa.String(64), nullable=False),
    _instant("created_at"),
    _instant("expires_at"),
)

# Who looked at a pupil's file: one row per user, pupil and day.
file_view = sa.Table(
    "portal_file_view",
    metadata,
    sa.Column("tenant", sa.String(128), primary_key=True),
    sa.Column("pupil_id", sa.Uuid(), primary_key=True),
    sa.Column("viewer", sa.String(160), primary_key=True),
    sa.Column("day", sa.Date(), primary_key=True),
    sa.Column("views", sa.Integer(), nullable=False),
    sa.Column("viewer_role", sa.String(32), nullable=True),
)

# Guardians' correction requests (AVG art. 16): the portal owns them, so the free text
# (what is wrong, why a correction was refused) stays here and never goes on the bus.
correction_request = sa.Table(
    "portal_correction_request",
    metadata,
    sa.Column("request_id", sa.Uuid(), primary_key=True),
    sa.Column("tenant", sa.String(128), nullable=False),
    sa.Column("pupil_id", sa.Uuid(), nullable=False),
    sa.Column("school_id", sa.Uuid(), nullable=False),
    sa.Column("guardian_id", sa.Uuid(), nullable=False),
    sa.Column("area", sa.String(32), nullable=False),
    sa.Column("explanation", sa.Text(), nullable=False),
    _instant("requested_at"),
    sa.Column("answer_by", sa.Date(), nullable=False),
    sa.Column("outcome", sa.String(16), nullable=True),
    sa.Column("reason", sa.Text(), nullable=True),
    _instant("answered_at", nullable=True),
    sa.Index("ix_portal_correction_request_pupil", "tenant", "pupil_id"),
)

# What the portal erased and the legal holds on its pupils: the kit's retention tables
# (a held pupil's views stay past their five years).
RETENTION_TABLES = attach_retention_tables(metadata)
