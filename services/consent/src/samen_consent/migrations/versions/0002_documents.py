"""Requests about one version of a document (the OPP's action part): the request names
it, each answer records the language it was shown in, and the words shown are kept.

The consent to an action part now holds until withdrawn (a new version is a new request),
and from 18 the pupil alone answers (WPO/WEC): stored catalogues follow the new default,
since the 12 months were never the law's and no request could yet be bound to a version.

Revision ID: 0002_documents
Revises: 0001_consent_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002_documents"
down_revision = "0001_consent_initial"

_OPP_RULES = """
UPDATE purpose_version
   SET validity = '{"kind": "until_withdrawn"}'::jsonb,
       age_rule = '{"pupil_beside_from": null, "pupil_alone_from": 18}'::jsonb
 WHERE code = 'opp_action_part'
"""
_OPP_RULES_BEFORE = """
UPDATE purpose_version
   SET validity = '{"kind": "for_months", "months": 12}'::jsonb,
       age_rule = '{"pupil_beside_from": null, "pupil_alone_from": null}'::jsonb
 WHERE code = 'opp_action_part'
"""


def upgrade() -> None:
    op.add_column("consent_request", sa.Column("subject", JSONB, nullable=True))
    op.add_column("consent_evidence", sa.Column("document_language", sa.String(16), nullable=True))
    op.create_table(
        "shown_document",
        sa.Column("tenant", sa.String(128), primary_key=True),
        sa.Column("request_id", sa.Uuid(), primary_key=True),
        sa.Column("language", sa.String(16), primary_key=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("sections", JSONB, nullable=False),
        sa.Column("binding_note", sa.Text, nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.execute(_OPP_RULES)


def downgrade() -> None:
    op.execute(_OPP_RULES_BEFORE)
    op.drop_table("shown_document")
    op.drop_column("consent_evidence", "document_language")
    op.drop_column("consent_request", "subject")
