"""The OPP moves to the plans service: the `opp` table becomes a projection of its facts
(keyed by tenant and id, like every projection; the version written and the version set
instead of a yes/no typed by staff; no evaluation cycle of its own), and the tenant
settings lose the OPP's evaluation interval and lead time.

OPPs registered here before the move keep their rows: their version stays the current
one, set when the parents had approved it, with the evaluation date their cycle had.

Revision ID: 0005_opps_from_plans
Revises: 0004_roster_projection
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from samen_kit.migrations.indexes import partial_index

revision: str = "0005_opps_from_plans"
down_revision: str | None = "0004_roster_projection"

_CYCLE_COLUMNS = (
    "parents_approved",
    "last_evaluated_on",
    "cycle_start",
    "notified_kind",
    "notified_cycle_start",
    "registered_by",
)


def upgrade() -> None:
    op.drop_index("opp_open_cycle", table_name="opp", postgresql_where=sa.text("closed_on IS NULL"))
    op.alter_column("opp", "action_part_version", new_column_name="version", nullable=True)
    for name in ("opp_due_on", "set_on", "evaluation_due_on"):
        op.add_column("opp", sa.Column(name, sa.Date(), nullable=True))
    op.add_column("opp", sa.Column("set_version", sa.Integer(), nullable=True))
    op.execute("UPDATE opp SET set_version = version WHERE parents_approved")
    # The due date of the cycle each open OPP was in (the tenant's interval, else 12 months).
    op.execute(
        "UPDATE opp SET evaluation_due_on = (opp.cycle_start + make_interval(months =>"
        " COALESCE((SELECT s.evaluation_interval_months FROM tenant_settings s"
        " WHERE s.tenant = opp.tenant), 12)))::date WHERE opp.closed_on IS NULL"
    )
    for name in _CYCLE_COLUMNS:
        op.drop_column("opp", name)
    op.drop_constraint("opp_pkey", "opp", type_="primary")
    op.create_primary_key("opp_pkey", "opp", ["tenant", "opp_id"])
    op.drop_column("tenant_settings", "evaluation_interval_months")
    op.drop_column("tenant_settings", "evaluation_lead_weeks")


def downgrade() -> None:
    op.add_column(
        "tenant_settings",
        sa.Column("evaluation_lead_weeks", sa.Integer(), nullable=False, server_default="4"),
    )
    op.add_column(
        "tenant_settings",
        sa.Column("evaluation_interval_months", sa.Integer(), nullable=False, server_default="12"),
    )
    op.alter_column("tenant_settings", "evaluation_lead_weeks", server_default=None)
    op.alter_column("tenant_settings", "evaluation_interval_months", server_default=None)
    op.drop_constraint("opp_pkey", "opp", type_="primary")
    op.create_primary_key("opp_pkey", "opp", ["opp_id"])
    op.add_column("opp", sa.Column("parents_approved", sa.Boolean(), nullable=True))
    op.add_column("opp", sa.Column("last_evaluated_on", sa.Date(), nullable=True))
    op.add_column("opp", sa.Column("cycle_start", sa.Date(), nullable=True))
    op.add_column("opp", sa.Column("notified_kind", sa.String(length=32), nullable=True))
    op.add_column("opp", sa.Column("notified_cycle_start", sa.Date(), nullable=True))
    op.add_column("opp", sa.Column("registered_by", sa.String(length=200), nullable=True))
    op.execute(
        "UPDATE opp SET version = COALESCE(version, 1), parents_approved = set_version IS NOT"
        " NULL, cycle_start = started_on, registered_by = 'system:plans-projection'"
    )
    for name in ("parents_approved", "cycle_start", "registered_by"):
        op.alter_column("opp", name, nullable=False)
    op.alter_column("opp", "version", new_column_name="action_part_version", nullable=False)
    for name in ("opp_due_on", "set_version", "set_on", "evaluation_due_on"):
        op.drop_column("opp", name)
    partial_index("opp_open_cycle", "opp", ["cycle_start"], "closed_on IS NULL")
