"""The portal's tables (SQLAlchemy Core; the migration creates them)."""

from __future__ import annotations

import sqlalchemy as sa
from samen_kit.migrations.columns import day, integer, jsonb, moment, text, uuid
from samen_kit.retention.tables import attach_retention_tables

metadata = sa.MetaData()


# One row per pupil on a school's roster: where they are (ids and a group code).
pupil = sa.Table(
    "portal_pupil",
    metadata,
    text("tenant", 128, primary_key=True),
    uuid("pupil_id", primary_key=True),
    uuid("school_id"),
    text("board_id", 128, nullable=True),
    text("group_code", 64, nullable=True),
    day("enrolled_on", nullable=True),
    day("left_on", nullable=True),
    moment("changed_at"),
    sa.Index("ix_portal_pupil_school", "tenant", "school_id"),
)

# Every fact about a pupil: statuses, dates and ids (see domain.facts).
fact = sa.Table(
    "portal_fact",
    metadata,
    uuid("event_id", primary_key=True),
    text("tenant", 128),
    uuid("pupil_id"),
    uuid("school_id", nullable=True),
    text("source", 32),
    text("kind", 64),
    moment("at"),
    uuid("ref_id", nullable=True),
    day("due_on", nullable=True),
    jsonb("details"),
    sa.Index("ix_portal_fact_pupil", "tenant", "pupil_id", "at"),
)

# The worklist: open while `closed_at` is empty.
work_item = sa.Table(
    "portal_work_item",
    metadata,
    text("tenant", 128, primary_key=True),
    uuid("pupil_id", primary_key=True),
    text("kind", 32, primary_key=True),
    text("ref", 160, primary_key=True),
    day("due_on", nullable=True),
    moment("opened_at"),
    moment("closed_at", nullable=True),
    sa.Index("ix_portal_work_item_open", "tenant", "closed_at"),
)

# Signed-in users: the cookie names a row; the tokens never leave the server.
web_session = sa.Table(
    "portal_session",
    metadata,
    text("sid_hash", 64, primary_key=True),
    text("tenant", 128),
    text("subject", 128),
    text("access_token"),
    text("refresh_token", nullable=True),
    text("id_token", nullable=True),
    text("csrf", 64),
    moment("created_at"),
    moment("expires_at"),
)

# Who looked at a pupil's file: one row per user, pupil and day.
file_view = sa.Table(
    "portal_file_view",
    metadata,
    text("tenant", 128, primary_key=True),
    uuid("pupil_id", primary_key=True),
    text("viewer", 160, primary_key=True),
    day("day", primary_key=True),
    integer("views"),
    text("viewer_role", 32, nullable=True),
)

# Guardians' correction requests (AVG art. 16): the portal owns them, so the free text
# (what is wrong, why a correction was refused) stays here and never goes on the bus.
correction_request = sa.Table(
    "portal_correction_request",
    metadata,
    uuid("request_id", primary_key=True),
    text("tenant", 128),
    uuid("pupil_id"),
    uuid("school_id"),
    uuid("guardian_id"),
    text("area", 32),
    text("explanation"),
    moment("requested_at"),
    day("answer_by"),
    text("outcome", 16, nullable=True),
    text("reason", nullable=True),
    moment("answered_at", nullable=True),
    sa.Index("ix_portal_correction_request_pupil", "tenant", "pupil_id"),
)

# What the portal erased and the legal holds on its pupils: the kit's retention tables
# (a held pupil's views stay past their five years).
RETENTION_TABLES = attach_retention_tables(metadata)
