"""A refusal may say why, in the party's own words (kept here, never on the bus).

Revision ID: 0003_refusal_reasons
Revises: 0002_documents
"""

from __future__ import annotations

from samen_kit.migrations.added import added_columns
from samen_kit.migrations.columns import text

revision = "0003_refusal_reasons"
down_revision = "0002_documents"


upgrade, downgrade = added_columns("consent_evidence", text("reason", nullable=True))
