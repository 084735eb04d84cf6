"""Which `PersonalDataErased` facts the log has carried out (working state beside the
log, like the refusal counters), and indexes to find a pupil's entries.

Revision ID: 0003_retention
Revises: 0002_refusal_counts
"""

from __future__ import annotations

from alembic import op
from samen_audit.adapters.roles import WRITER_ROLE

revision = "0003_retention"
down_revision = "0002_refusal_counts"

STATEMENTS = (
    """
    CREATE TABLE audit_retention_applied (
        tenant text NOT NULL,
        leaf_index bigint NOT NULL,
        bodies_erased bigint NOT NULL CHECK (bodies_erased >= 0),
        applied_at timestamptz NOT NULL,
        PRIMARY KEY (tenant, leaf_index),
        FOREIGN KEY (tenant, leaf_index) REFERENCES audit_leaf
    )
    """,
    "CREATE INDEX audit_leaf_subject ON audit_leaf (tenant, subject) WHERE subject IS NOT NULL",
    "CREATE INDEX audit_leaf_erasure_facts ON audit_leaf (tenant, leaf_index)"
    " WHERE event_type LIKE 'samen.%.PersonalDataErased.v1'",
    f"GRANT SELECT, INSERT, UPDATE (bodies_erased) ON audit_retention_applied TO {WRITER_ROLE}",
)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE audit_retention_applied")
    op.execute("DROP INDEX audit_leaf_erasure_facts")
    op.execute("DROP INDEX audit_leaf_subject")
