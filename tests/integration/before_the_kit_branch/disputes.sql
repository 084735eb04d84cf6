-- The disputes service's database as its migrations left it at their head before the kit's
-- migration branch (pg_dump --schema-only --no-owner, psql's meta-commands and comments
-- and settings left out, with the alembic_version row). Read by test_kit_migration_branch.py.

CREATE TABLE public.access_refusal_count (
    window_start timestamp with time zone NOT NULL,
    tenant character varying(128) NOT NULL,
    reason character varying(32) NOT NULL,
    credential character varying(32) NOT NULL,
    method character varying(8) NOT NULL,
    route character varying(200) NOT NULL,
    resource_kind character varying(64) NOT NULL,
    count integer NOT NULL,
    emitted_at timestamp with time zone
);

CREATE TABLE public.alembic_version (
    version_num character varying(32) NOT NULL
);

CREATE TABLE public.applied_sequence (
    consumer character varying NOT NULL,
    source character varying NOT NULL,
    tenant character varying NOT NULL,
    subject character varying NOT NULL,
    last bigint NOT NULL
);

CREATE TABLE public.dispute (
    id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    school_id uuid NOT NULL,
    board_id character varying(128),
    pupil_id uuid NOT NULL,
    subject character varying(64) NOT NULL,
    opened_by character varying(16) NOT NULL,
    opener_actor character varying(200) NOT NULL,
    description text NOT NULL,
    decision_date date,
    opp_id uuid,
    opened_at timestamp with time zone NOT NULL,
    last_moved_at timestamp with time zone NOT NULL,
    tracks jsonb NOT NULL,
    ending character varying(16),
    outcome character varying(32),
    ended_at timestamp with time zone
);

CREATE TABLE public.dispute_move (
    id uuid NOT NULL,
    dispute_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    move character varying(64) NOT NULL,
    kind character varying(32) NOT NULL,
    actor character varying(200) NOT NULL,
    at timestamp with time zone NOT NULL,
    reason text,
    outcome character varying(32),
    advice character varying(32),
    departs_from_advice boolean NOT NULL,
    stages_before jsonb NOT NULL,
    stages_after jsonb NOT NULL
);

CREATE TABLE public.dispute_note (
    id uuid NOT NULL,
    dispute_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    author character varying(200) NOT NULL,
    side character varying(16) NOT NULL,
    at timestamp with time zone NOT NULL,
    text text NOT NULL
);

CREATE TABLE public.due_emitted (
    key character varying(200) NOT NULL,
    dispute_id uuid NOT NULL,
    event_id uuid NOT NULL,
    emitted_at timestamp with time zone NOT NULL
);

CREATE TABLE public.guardian_token_use (
    jti character varying(64) NOT NULL,
    tenant character varying(64) NOT NULL,
    used_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

CREATE TABLE public.inbox (
    consumer character varying NOT NULL,
    event_id uuid NOT NULL,
    handled_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE public.opp (
    opp_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    pupil_id uuid NOT NULL,
    started_on date NOT NULL,
    action_part_version integer NOT NULL
);

CREATE TABLE public.outbox (
    id bigint NOT NULL,
    event_id uuid NOT NULL,
    topic character varying NOT NULL,
    key bytea NOT NULL,
    value bytea NOT NULL,
    headers jsonb NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    published_at timestamp with time zone
);

ALTER TABLE public.outbox ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.outbox_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE public.pupil_sequence (
    tenant character varying NOT NULL,
    subject character varying NOT NULL,
    last bigint NOT NULL
);

CREATE TABLE public.roster_guardianship (
    tenant character varying(128) NOT NULL,
    pupil_id uuid NOT NULL,
    guardian_id uuid NOT NULL,
    standing character varying(32) NOT NULL
);

CREATE TABLE public.roster_pupil (
    tenant character varying(128) NOT NULL,
    pupil_id uuid NOT NULL,
    school_id uuid NOT NULL,
    board_id character varying(128),
    enrolled_on date,
    left_on date
);

CREATE TABLE public.tenant_config (
    tenant character varying(128) NOT NULL,
    rules jsonb NOT NULL,
    deadlines jsonb NOT NULL,
    consultants_contact character varying(200) NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.access_refusal_count
    ADD CONSTRAINT access_refusal_count_pkey PRIMARY KEY (window_start, tenant, reason, credential, method, route, resource_kind);

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);

ALTER TABLE ONLY public.applied_sequence
    ADD CONSTRAINT applied_sequence_pkey PRIMARY KEY (consumer, source, tenant, subject);

ALTER TABLE ONLY public.dispute_move
    ADD CONSTRAINT dispute_move_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dispute_note
    ADD CONSTRAINT dispute_note_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dispute
    ADD CONSTRAINT dispute_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.due_emitted
    ADD CONSTRAINT due_emitted_pkey PRIMARY KEY (key);

ALTER TABLE ONLY public.guardian_token_use
    ADD CONSTRAINT guardian_token_use_pkey PRIMARY KEY (jti);

ALTER TABLE ONLY public.inbox
    ADD CONSTRAINT inbox_pkey PRIMARY KEY (consumer, event_id);

ALTER TABLE ONLY public.opp
    ADD CONSTRAINT opp_pkey PRIMARY KEY (tenant, opp_id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.pupil_sequence
    ADD CONSTRAINT pupil_sequence_pkey PRIMARY KEY (tenant, subject);

ALTER TABLE ONLY public.roster_guardianship
    ADD CONSTRAINT roster_guardianship_pkey PRIMARY KEY (tenant, pupil_id, guardian_id);

ALTER TABLE ONLY public.roster_pupil
    ADD CONSTRAINT roster_pupil_pkey PRIMARY KEY (tenant, pupil_id);

ALTER TABLE ONLY public.tenant_config
    ADD CONSTRAINT tenant_config_pkey PRIMARY KEY (tenant);

CREATE INDEX dispute_open ON public.dispute USING btree (tenant) WHERE (ending IS NULL);

CREATE INDEX ix_access_refusal_count_emitted_at ON public.access_refusal_count USING btree (emitted_at);

CREATE INDEX ix_dispute_move_dispute_id ON public.dispute_move USING btree (dispute_id);

CREATE INDEX ix_dispute_note_dispute_id ON public.dispute_note USING btree (dispute_id);

CREATE INDEX ix_dispute_pupil_id ON public.dispute USING btree (pupil_id);

CREATE INDEX ix_dispute_school_id ON public.dispute USING btree (school_id);

CREATE INDEX ix_due_emitted_dispute_id ON public.due_emitted USING btree (dispute_id);

CREATE INDEX ix_guardian_token_use_expires_at ON public.guardian_token_use USING btree (expires_at);

CREATE INDEX ix_opp_pupil_id ON public.opp USING btree (pupil_id);

CREATE INDEX outbox_unpublished ON public.outbox USING btree (id) WHERE (published_at IS NULL);

CREATE INDEX roster_guardianship_guardian ON public.roster_guardianship USING btree (tenant, guardian_id);

CREATE INDEX roster_pupil_school ON public.roster_pupil USING btree (tenant, school_id);

ALTER TABLE ONLY public.dispute_move
    ADD CONSTRAINT dispute_move_dispute_id_fkey FOREIGN KEY (dispute_id) REFERENCES public.dispute(id);

ALTER TABLE ONLY public.dispute_note
    ADD CONSTRAINT dispute_note_dispute_id_fkey FOREIGN KEY (dispute_id) REFERENCES public.dispute(id);

INSERT INTO public.alembic_version VALUES ('0004_roster_projection');

