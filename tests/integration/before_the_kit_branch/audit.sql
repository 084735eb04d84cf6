-- The audit service's database as its migrations left it at their head before the kit's
-- migration branch (pg_dump --schema-only --no-owner, psql's meta-commands and comments
-- and settings left out, with the alembic_version row). Read by test_kit_migration_branch.py.

\ir kit_tables.sql
\ir access_refusal_count.sql

CREATE FUNCTION public.audit_body_guard() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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

CREATE FUNCTION public.audit_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE FUNCTION public.erase_body(p_tenant text, p_leaf_index bigint, p_reason text, p_cause text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
BEGIN
    INSERT INTO audit_erasure (tenant, leaf_index, reason, cause)
    VALUES (p_tenant, p_leaf_index, p_reason, p_cause)
    ON CONFLICT (tenant, leaf_index) DO NOTHING;
    DELETE FROM audit_body WHERE tenant = p_tenant AND leaf_index = p_leaf_index;
    RETURN FOUND;
END
$$;

CREATE TABLE public.audit_body (
    tenant text NOT NULL,
    leaf_index bigint NOT NULL,
    entry bytea NOT NULL
);

CREATE TABLE public.audit_erasure (
    tenant text NOT NULL,
    leaf_index bigint NOT NULL,
    reason text NOT NULL,
    cause text NOT NULL,
    erased_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT audit_erasure_cause_check CHECK ((cause ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$'::text)),
    CONSTRAINT audit_erasure_reason_check CHECK ((reason ~ '^[a-z][a-z0-9_]{0,63}$'::text))
);

CREATE TABLE public.audit_export (
    export_id uuid NOT NULL,
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
    exported_at timestamp with time zone NOT NULL
);

CREATE TABLE public.audit_frontier (
    tenant text NOT NULL,
    tree_size bigint NOT NULL,
    roots bytea NOT NULL,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT audit_frontier_tree_size_check CHECK ((tree_size > 0))
);

CREATE TABLE public.audit_leaf (
    tenant text NOT NULL,
    leaf_index bigint NOT NULL,
    leaf_hash bytea NOT NULL,
    event_id text,
    record_key text,
    event_type text,
    flag text,
    occurred_at timestamp with time zone NOT NULL,
    board text,
    school text,
    subject text,
    recorded_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT audit_leaf_check CHECK (((event_id IS NOT NULL) OR (record_key IS NOT NULL))),
    CONSTRAINT audit_leaf_leaf_hash_check CHECK ((octet_length(leaf_hash) = 32)),
    CONSTRAINT audit_leaf_leaf_index_check CHECK ((leaf_index >= 0))
);

CREATE TABLE public.audit_node (
    tenant text NOT NULL,
    level smallint NOT NULL,
    "position" bigint NOT NULL,
    hash bytea NOT NULL,
    CONSTRAINT audit_node_hash_check CHECK ((octet_length(hash) = 32))
);

CREATE TABLE public.audit_tree_head (
    tenant text NOT NULL,
    tree_size bigint NOT NULL,
    signed_at timestamp with time zone NOT NULL,
    root_hash bytea NOT NULL,
    key_id text NOT NULL,
    signature bytea NOT NULL,
    CONSTRAINT audit_tree_head_root_hash_check CHECK ((octet_length(root_hash) = 32)),
    CONSTRAINT audit_tree_head_tree_size_check CHECK ((tree_size >= 0))
);

ALTER TABLE ONLY public.audit_body
    ADD CONSTRAINT audit_body_pkey PRIMARY KEY (tenant, leaf_index);

ALTER TABLE ONLY public.audit_erasure
    ADD CONSTRAINT audit_erasure_pkey PRIMARY KEY (tenant, leaf_index);

ALTER TABLE ONLY public.audit_export
    ADD CONSTRAINT audit_export_pkey PRIMARY KEY (export_id);

ALTER TABLE ONLY public.audit_frontier
    ADD CONSTRAINT audit_frontier_pkey PRIMARY KEY (tenant, tree_size);

ALTER TABLE ONLY public.audit_leaf
    ADD CONSTRAINT audit_leaf_pkey PRIMARY KEY (tenant, leaf_index);

ALTER TABLE ONLY public.audit_node
    ADD CONSTRAINT audit_node_pkey PRIMARY KEY (tenant, level, "position");

ALTER TABLE ONLY public.audit_tree_head
    ADD CONSTRAINT audit_tree_head_pkey PRIMARY KEY (tenant, tree_size, signed_at);

CREATE UNIQUE INDEX audit_leaf_event_id ON public.audit_leaf USING btree (event_id) WHERE (event_id IS NOT NULL);

CREATE INDEX audit_leaf_occurred ON public.audit_leaf USING btree (tenant, occurred_at);

CREATE UNIQUE INDEX audit_leaf_record_key ON public.audit_leaf USING btree (record_key) WHERE (record_key IS NOT NULL);

CREATE TRIGGER audit_body_guard BEFORE DELETE OR UPDATE ON public.audit_body FOR EACH ROW EXECUTE FUNCTION public.audit_body_guard();

CREATE TRIGGER audit_body_no_truncate BEFORE TRUNCATE ON public.audit_body FOR EACH STATEMENT EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_erasure_no_change BEFORE DELETE OR UPDATE ON public.audit_erasure FOR EACH ROW EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_erasure_no_truncate BEFORE TRUNCATE ON public.audit_erasure FOR EACH STATEMENT EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_export_no_change BEFORE DELETE OR UPDATE ON public.audit_export FOR EACH ROW EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_export_no_truncate BEFORE TRUNCATE ON public.audit_export FOR EACH STATEMENT EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_frontier_no_change BEFORE DELETE OR UPDATE ON public.audit_frontier FOR EACH ROW EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_frontier_no_truncate BEFORE TRUNCATE ON public.audit_frontier FOR EACH STATEMENT EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_leaf_no_change BEFORE DELETE OR UPDATE ON public.audit_leaf FOR EACH ROW EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_leaf_no_truncate BEFORE TRUNCATE ON public.audit_leaf FOR EACH STATEMENT EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_node_no_change BEFORE DELETE OR UPDATE ON public.audit_node FOR EACH ROW EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_node_no_truncate BEFORE TRUNCATE ON public.audit_node FOR EACH STATEMENT EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_tree_head_no_change BEFORE DELETE OR UPDATE ON public.audit_tree_head FOR EACH ROW EXECUTE FUNCTION public.audit_refuse_change();

CREATE TRIGGER audit_tree_head_no_truncate BEFORE TRUNCATE ON public.audit_tree_head FOR EACH STATEMENT EXECUTE FUNCTION public.audit_refuse_change();

ALTER TABLE ONLY public.audit_body
    ADD CONSTRAINT audit_body_tenant_leaf_index_fkey FOREIGN KEY (tenant, leaf_index) REFERENCES public.audit_leaf(tenant, leaf_index);

ALTER TABLE ONLY public.audit_erasure
    ADD CONSTRAINT audit_erasure_tenant_leaf_index_fkey FOREIGN KEY (tenant, leaf_index) REFERENCES public.audit_leaf(tenant, leaf_index);

REVOKE ALL ON FUNCTION public.erase_body(p_tenant text, p_leaf_index bigint, p_reason text, p_cause text) FROM PUBLIC;
GRANT ALL ON FUNCTION public.erase_body(p_tenant text, p_leaf_index bigint, p_reason text, p_cause text) TO samen_audit_writer;

GRANT SELECT,INSERT,UPDATE ON TABLE public.access_refusal_count TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.applied_sequence TO samen_audit_writer;

GRANT UPDATE(last) ON TABLE public.applied_sequence TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.audit_body TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.audit_erasure TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.audit_export TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.audit_frontier TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.audit_leaf TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.audit_node TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.audit_tree_head TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.inbox TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.outbox TO samen_audit_writer;

GRANT UPDATE(published_at) ON TABLE public.outbox TO samen_audit_writer;

GRANT USAGE ON SEQUENCE public.outbox_id_seq TO samen_audit_writer;

GRANT SELECT,INSERT ON TABLE public.pupil_sequence TO samen_audit_writer;

GRANT UPDATE(last) ON TABLE public.pupil_sequence TO samen_audit_writer;

INSERT INTO public.alembic_version VALUES ('0002_refusal_counts');

