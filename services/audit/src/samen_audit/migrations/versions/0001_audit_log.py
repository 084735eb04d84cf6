"""The append-only audit log, its guards and the writer role's grants.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Run as the owner role. The service itself connects as a login role that is a member
of `samen_audit_writer`, which may only read and insert the log (see
`samen_audit.adapters.roles` for the role set-up and the reasons).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from samen_audit.adapters.roles import WRITER_ROLE

revision: str = "0001"
down_revision: str | None = None
depends_on: str | Sequence[str] | None = "kit_0001"  # the kit's tables, granted below

TABLES = """
CREATE TABLE audit_leaf (
    tenant text NOT NULL,
    leaf_index bigint NOT NULL CHECK (leaf_index >= 0),
    leaf_hash bytea NOT NULL CHECK (octet_length(leaf_hash) = 32),
    event_id text,
    record_key text,
    event_type text,
    flag text,
    occurred_at timestamptz NOT NULL,
    board text,
    school text,
    subject text,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, leaf_index),
    CHECK (event_id IS NOT NULL OR record_key IS NOT NULL)
);
CREATE UNIQUE INDEX audit_leaf_event_id ON audit_leaf (event_id) WHERE event_id IS NOT NULL;
CREATE UNIQUE INDEX audit_leaf_record_key ON audit_leaf (record_key)
    WHERE record_key IS NOT NULL;
CREATE INDEX audit_leaf_occurred ON audit_leaf (tenant, occurred_at);

CREATE TABLE audit_body (
    tenant text NOT NULL,
    leaf_index bigint NOT NULL,
    entry bytea NOT NULL,
    PRIMARY KEY (tenant, leaf_index),
    FOREIGN KEY (tenant, leaf_index) REFERENCES audit_leaf
);

CREATE TABLE audit_erasure (
    tenant text NOT NULL,
    leaf_index bigint NOT NULL,
    reason text NOT NULL CHECK (reason ~ '^[a-z][a-z0-9_]{0,63}$'),
    cause text NOT NULL CHECK (cause ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$'),
    erased_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, leaf_index),
    FOREIGN KEY (tenant, leaf_index) REFERENCES audit_leaf
);

CREATE TABLE audit_frontier (
    tenant text NOT NULL,
    tree_size bigint NOT NULL CHECK (tree_size > 0),
    roots bytea NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, tree_size)
);

CREATE TABLE audit_node (
    tenant text NOT NULL,
    level smallint NOT NULL,
    position bigint NOT NULL,
    hash bytea NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (tenant, level, position)
);

CREATE TABLE audit_tree_head (
    tenant text NOT NULL,
    tree_size bigint NOT NULL CHECK (tree_size >= 0),
    signed_at timestamptz NOT NULL,
    root_hash bytea NOT NULL CHECK (octet_length(root_hash) = 32),
    key_id text NOT NULL,
    signature bytea NOT NULL,
    PRIMARY KEY (tenant, tree_size, signed_at)
);

CREATE TABLE audit_export (
    export_id uuid PRIMARY KEY,
    tenant text NOT NULL,
    scope text NOT NULL,
    board text,
    school text,
    period_from date NOT NULL,
    period_to date NOT NULL,
    tree_size bigint NOT NULL,
    entry_count bigint NOT NULL,
    consistency_from bigint,
    exporter_role text NOT NULL,
    actor text NOT NULL,
    archive_sha256 text NOT NULL,
    exported_at timestamptz NOT NULL
);

-- Counters of refused attempts until their minute is reported: working state, not the log.
CREATE TABLE refusal_count (
    window_start timestamptz NOT NULL,
    tenant text NOT NULL,
    reason text NOT NULL,
    credential text NOT NULL,
    method text NOT NULL,
    route text NOT NULL,
    resource_kind text NOT NULL,
    count integer NOT NULL,
    emitted_at timestamptz,
    PRIMARY KEY (window_start, tenant, reason, credential, method, route, resource_kind)
);
"""

LOG_TABLES = (
    "audit_leaf",
    "audit_erasure",
    "audit_frontier",
    "audit_node",
    "audit_tree_head",
    "audit_export",
)

GUARDS = """
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;

-- A body may go only once its erasure is on record; the leaf (its hash) always stays.
CREATE FUNCTION audit_body_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND EXISTS (
        SELECT 1 FROM audit_erasure e
        WHERE e.tenant = OLD.tenant AND e.leaf_index = OLD.leaf_index
    ) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER audit_body_guard BEFORE UPDATE OR DELETE ON audit_body
    FOR EACH ROW EXECUTE FUNCTION audit_body_guard();
CREATE TRIGGER audit_body_no_truncate BEFORE TRUNCATE ON audit_body
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The one change the writer may make: erase a body, recording why and at whose request.
CREATE FUNCTION erase_body(p_tenant text, p_leaf_index bigint, p_reason text, p_cause text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
    INSERT INTO audit_erasure (tenant, leaf_index, reason, cause)
    VALUES (p_tenant, p_leaf_index, p_reason, p_cause)
    ON CONFLICT (tenant, leaf_index) DO NOTHING;
    DELETE FROM audit_body WHERE tenant = p_tenant AND leaf_index = p_leaf_index;
    RETURN FOUND;
END
$$;
REVOKE ALL ON FUNCTION erase_body(text, bigint, text, text) FROM PUBLIC;
"""

ENSURE_WRITER_ROLE = f"""
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{WRITER_ROLE}') THEN
        CREATE ROLE {WRITER_ROLE} NOLOGIN;
    END IF;
EXCEPTION
    WHEN duplicate_object THEN NULL;  -- another database's migration made it meanwhile
    WHEN insufficient_privilege THEN
        RAISE EXCEPTION 'role {WRITER_ROLE} is missing and the owner may not create it'
            USING HINT = 'run samen_audit.adapters.roles.provision with a role that may';
END
$$;
"""

KIT_TABLES = ("outbox", "inbox", "pupil_sequence", "applied_sequence")


def _grants() -> str:
    writer = WRITER_ROLE
    log = ", ".join((*LOG_TABLES, "audit_body"))
    return f"""
    GRANT SELECT, INSERT ON {log} TO {writer};
    GRANT SELECT, INSERT, UPDATE ON refusal_count TO {writer};
    GRANT SELECT, INSERT ON {", ".join(KIT_TABLES)} TO {writer};
    GRANT UPDATE (published_at) ON outbox TO {writer};
    GRANT UPDATE (last) ON pupil_sequence, applied_sequence TO {writer};
    GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {writer};
    GRANT EXECUTE ON FUNCTION erase_body(text, bigint, text, text) TO {writer};
    """


def _no_change_triggers(table: str) -> str:
    return f"""
    CREATE TRIGGER {table}_no_change BEFORE UPDATE OR DELETE ON {table}
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
    CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
    """


def statements(script: str) -> list[str]:
    """One statement at a time (asyncpg prepares each); `$$` bodies keep their `;`."""
    found, current, quoted = [], [], False
    for line in script.splitlines():
        current.append(line)
        quoted ^= line.count("$$") % 2 == 1
        if not quoted and line.rstrip().endswith(";"):
            found.append("\n".join(current).strip())
            current = []
    rest = "\n".join(current).strip()
    return [*found, rest] if rest and not rest.startswith("--") else found


def upgrade() -> None:
    script = "\n".join(
        (ENSURE_WRITER_ROLE, TABLES, GUARDS, *map(_no_change_triggers, LOG_TABLES), _grants())
    )
    for statement in statements(script):
        op.execute(statement)


def downgrade() -> None:
    raise NotImplementedError("the audit log is never migrated down")
