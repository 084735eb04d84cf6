"""A cheaper append (ADR 0018): a body's leaf is checked once per statement instead of
once per row, and the tenant locks and the read of what the logs hold are one call.

- The bodies' foreign key to the leaves goes. Its check ran a trigger per body (an SPI
  query and a key-share lock on the leaf it had just inserted). In its place one
  statement-level trigger looks at every body the statement inserted at once, through
  its transition table, and refuses the statement if any has no leaf. Leaves are never
  deleted (their guards refuse it), so the check at insert is the whole invariant.
- `audit_lock_and_know()` takes the locks in name order and then reads each tenant's
  latest frontier and the leaf hash of every id already held. A volatile PL/pgSQL
  function takes a fresh snapshot for each query in it, so the read sees every append
  committed before the locks were granted, as the separate read after the lock did.

No data moves: the bodies and leaves stay where they are, and the foreign key held
until this revision, so every existing body has its leaf.

Revision ID: 0005_cheaper_append
Revises: 0004_access_records
"""

from __future__ import annotations

from alembic import op
from samen_audit.adapters.roles import WRITER_ROLE

revision = "0005_cheaper_append"
down_revision = "0004_access_records"

BODY_HAS_LEAF = """
CREATE FUNCTION audit_body_has_leaf() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- One probe of the leaves' primary key per body, whatever the statistics say: a
    -- lateral lookup cannot become a merge or hash join over the whole (growing) log.
    IF EXISTS (
        SELECT 1 FROM added a
        LEFT JOIN LATERAL (
            SELECT true AS found FROM audit_leaf l
            WHERE l.tenant = a.tenant AND l.leaf_index = a.leaf_index LIMIT 1
        ) AS leaf ON true
        WHERE leaf.found IS NULL
    ) THEN
        RAISE EXCEPTION 'a body of the audit log needs its leaf'
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END
$$
"""

LOCK_AND_KNOW = """
CREATE FUNCTION audit_lock_and_know(p_class int, p_tenants text[], p_ids text[])
RETURNS TABLE (kind text, name text, tree_size bigint, bytes bytea)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    -- In name order: two batches never wait on each other in a circle.
    PERFORM pg_advisory_xact_lock(p_class, hashtext(t))
    FROM (SELECT t FROM unnest(p_tenants) AS t ORDER BY t) AS ordered;
    -- A new snapshot, taken now that the locks are held.
    RETURN QUERY
    SELECT 'f'::text, f.tenant, f.tree_size, f.roots FROM unnest(p_tenants) AS w(tenant)
    CROSS JOIN LATERAL (SELECT a.tenant, a.tree_size, a.roots FROM audit_frontier a
        WHERE a.tenant = w.tenant ORDER BY a.tree_size DESC LIMIT 1) AS f
    UNION ALL
    SELECT 'i'::text, l.event_id, NULL::bigint, l.leaf_hash FROM audit_leaf l
    WHERE l.event_id = ANY(p_ids) AND l.event_id IS NOT NULL;
END
$$
"""

UPGRADE = (
    "ALTER TABLE audit_body DROP CONSTRAINT audit_body_tenant_leaf_index_fkey",
    BODY_HAS_LEAF,
    "CREATE TRIGGER audit_body_has_leaf AFTER INSERT ON audit_body"
    " REFERENCING NEW TABLE AS added"
    " FOR EACH STATEMENT EXECUTE FUNCTION audit_body_has_leaf()",
    LOCK_AND_KNOW,
    "REVOKE ALL ON FUNCTION audit_lock_and_know(int, text[], text[]) FROM PUBLIC",
    f"GRANT EXECUTE ON FUNCTION audit_lock_and_know(int, text[], text[]) TO {WRITER_ROLE}",
)


def upgrade() -> None:
    for statement in UPGRADE:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP FUNCTION audit_lock_and_know(int, text[], text[])")
    op.execute("DROP TRIGGER audit_body_has_leaf ON audit_body")
    op.execute("DROP FUNCTION audit_body_has_leaf()")
    op.execute(
        "ALTER TABLE audit_body ADD CONSTRAINT audit_body_tenant_leaf_index_fkey"
        " FOREIGN KEY (tenant, leaf_index) REFERENCES audit_leaf"
    )
