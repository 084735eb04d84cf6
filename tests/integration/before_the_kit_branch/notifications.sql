-- The notifications service's database as its migrations left it at their head before the kit's
-- migration branch (pg_dump --schema-only --no-owner, psql's meta-commands and comments
-- and settings left out, with the alembic_version row). Read by test_kit_migration_branch.py.

\ir kit_tables.sql
\ir access_refusal_count.sql
\ir guardian_token_use.sql
\ir roster_projection.sql

CREATE TABLE public.broadcast (
    id uuid NOT NULL,
    tenant character varying(64) NOT NULL,
    scope_kind character varying(16) NOT NULL,
    scope_id uuid,
    sender_name character varying(200) NOT NULL,
    texts jsonb NOT NULL,
    created_by character varying(160) NOT NULL,
    recipients integer NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.bulk_opt_out (
    tenant character varying(64) NOT NULL,
    guardian_id uuid NOT NULL,
    opted_out_at timestamp with time zone NOT NULL
);

CREATE TABLE public.counter (
    tenant character varying(64) NOT NULL,
    name character varying(64) NOT NULL,
    label character varying(128) NOT NULL,
    count bigint NOT NULL
);

CREATE TABLE public.guardian_contact (
    tenant character varying(64) NOT NULL,
    guardian_id uuid NOT NULL,
    email character varying(254),
    mobile character varying(16),
    language character varying(35) NOT NULL,
    channel_choices jsonb DEFAULT '{}'::jsonb NOT NULL,
    quiet_start time without time zone,
    quiet_end time without time zone,
    do_not_contact boolean NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.item_state (
    tenant character varying(64) NOT NULL,
    kind character varying(32) NOT NULL,
    item_id character varying(64) NOT NULL,
    pupil_id uuid,
    facts jsonb NOT NULL,
    guardian_parties uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    answered uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    closed boolean NOT NULL
);

CREATE TABLE public.message (
    id uuid NOT NULL,
    notification_id uuid NOT NULL,
    tenant character varying(64) NOT NULL,
    channel character varying(8) NOT NULL,
    status character varying(16) NOT NULL,
    not_before timestamp with time zone NOT NULL,
    attempts integer DEFAULT 0 NOT NULL,
    lease_until timestamp with time zone,
    fallback boolean NOT NULL,
    lang_used character varying(35),
    fell_back boolean,
    provider_id character varying(64),
    segments integer,
    sent_at timestamp with time zone,
    delivered_at timestamp with time zone,
    failed_at timestamp with time zone,
    failure_reason character varying(32),
    error_code integer
);

CREATE TABLE public.notification (
    id uuid NOT NULL,
    tenant character varying(64) NOT NULL,
    pupil_id uuid,
    school_id uuid,
    recipient_kind character varying(16) NOT NULL,
    recipient_id uuid NOT NULL,
    rule_key character varying(128) NOT NULL,
    template character varying(64) NOT NULL,
    cause_id uuid NOT NULL,
    cause_type character varying(128),
    command character varying(32),
    correlation_id character varying(128) NOT NULL,
    urgent boolean NOT NULL,
    item_kind character varying(32),
    item_id character varying(64),
    facts jsonb NOT NULL,
    status character varying(16) NOT NULL,
    waiting_since timestamp with time zone NOT NULL,
    wait_until timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.pupil_name (
    tenant character varying(64) NOT NULL,
    pupil_id uuid NOT NULL,
    first_name character varying(100)
);

CREATE TABLE public.school (
    tenant character varying(64) NOT NULL,
    school_id uuid NOT NULL,
    board_id uuid,
    name character varying(200),
    phone character varying(40),
    email character varying(254),
    address character varying(300)
);

CREATE TABLE public.short_link (
    code character varying(16) NOT NULL,
    message_id uuid NOT NULL,
    tenant character varying(64) NOT NULL,
    target_url text NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

CREATE TABLE public.staff_contact (
    tenant character varying(64) NOT NULL,
    staff_id uuid NOT NULL,
    role character varying(32) NOT NULL,
    school_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
    email character varying(254) NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE ONLY public.broadcast
    ADD CONSTRAINT broadcast_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.bulk_opt_out
    ADD CONSTRAINT bulk_opt_out_pkey PRIMARY KEY (tenant, guardian_id);

ALTER TABLE ONLY public.counter
    ADD CONSTRAINT counter_pkey PRIMARY KEY (tenant, name, label);

ALTER TABLE ONLY public.guardian_contact
    ADD CONSTRAINT guardian_contact_pkey PRIMARY KEY (tenant, guardian_id);

ALTER TABLE ONLY public.item_state
    ADD CONSTRAINT item_state_pkey PRIMARY KEY (tenant, kind, item_id);

ALTER TABLE ONLY public.message
    ADD CONSTRAINT message_once_per_channel UNIQUE (notification_id, channel);

ALTER TABLE ONLY public.message
    ADD CONSTRAINT message_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.notification
    ADD CONSTRAINT notification_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.pupil_name
    ADD CONSTRAINT pupil_name_pkey PRIMARY KEY (tenant, pupil_id);

ALTER TABLE ONLY public.school
    ADD CONSTRAINT school_pkey PRIMARY KEY (tenant, school_id);

ALTER TABLE ONLY public.short_link
    ADD CONSTRAINT short_link_message_id_key UNIQUE (message_id);

ALTER TABLE ONLY public.short_link
    ADD CONSTRAINT short_link_pkey PRIMARY KEY (code);

ALTER TABLE ONLY public.staff_contact
    ADD CONSTRAINT staff_contact_pkey PRIMARY KEY (tenant, staff_id);

CREATE INDEX ix_broadcast_tenant ON public.broadcast USING btree (tenant);

CREATE INDEX ix_school_board_id ON public.school USING btree (board_id);

CREATE INDEX message_by_provider_id ON public.message USING btree (provider_id);

-- As the migration wrote it: PostgreSQL reads its own printed form of an IN list back
-- as a different expression.
CREATE INDEX message_due ON public.message USING btree (not_before) WHERE (status IN ('planned', 'sending'));

CREATE INDEX notification_by_item ON public.notification USING btree (tenant, item_kind, item_id);

CREATE INDEX notification_by_pupil ON public.notification USING btree (tenant, pupil_id);

CREATE INDEX notification_by_recipient ON public.notification USING btree (tenant, recipient_id, status);

CREATE INDEX notification_waiting ON public.notification USING btree (wait_until) WHERE ((status)::text = 'waiting'::text);

ALTER TABLE ONLY public.message
    ADD CONSTRAINT message_notification_id_fkey FOREIGN KEY (notification_id) REFERENCES public.notification(id);

INSERT INTO public.alembic_version VALUES ('0004_roster_projection');

