-- The disputes service's database as its migrations left it at their head before the kit's
-- migration branch (pg_dump --schema-only --no-owner, psql's meta-commands and comments
-- and settings left out, with the alembic_version row). Read by test_kit_migration_branch.py.

\ir kit_tables.sql
\ir access_refusal_count.sql
\ir guardian_token_use.sql
\ir roster_projection.sql

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

CREATE TABLE public.opp (
    opp_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    pupil_id uuid NOT NULL,
    started_on date NOT NULL,
    action_part_version integer NOT NULL
);

CREATE TABLE public.tenant_config (
    tenant character varying(128) NOT NULL,
    rules jsonb NOT NULL,
    deadlines jsonb NOT NULL,
    consultants_contact character varying(200) NOT NULL,
    updated_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.dispute_move
    ADD CONSTRAINT dispute_move_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dispute_note
    ADD CONSTRAINT dispute_note_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.dispute
    ADD CONSTRAINT dispute_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.due_emitted
    ADD CONSTRAINT due_emitted_pkey PRIMARY KEY (key);

ALTER TABLE ONLY public.opp
    ADD CONSTRAINT opp_pkey PRIMARY KEY (tenant, opp_id);

ALTER TABLE ONLY public.tenant_config
    ADD CONSTRAINT tenant_config_pkey PRIMARY KEY (tenant);

CREATE INDEX dispute_open ON public.dispute USING btree (tenant) WHERE (ending IS NULL);

CREATE INDEX ix_dispute_move_dispute_id ON public.dispute_move USING btree (dispute_id);

CREATE INDEX ix_dispute_note_dispute_id ON public.dispute_note USING btree (dispute_id);

CREATE INDEX ix_dispute_pupil_id ON public.dispute USING btree (pupil_id);

CREATE INDEX ix_dispute_school_id ON public.dispute USING btree (school_id);

CREATE INDEX ix_due_emitted_dispute_id ON public.due_emitted USING btree (dispute_id);

CREATE INDEX ix_opp_pupil_id ON public.opp USING btree (pupil_id);

ALTER TABLE ONLY public.dispute_move
    ADD CONSTRAINT dispute_move_dispute_id_fkey FOREIGN KEY (dispute_id) REFERENCES public.dispute(id);

ALTER TABLE ONLY public.dispute_note
    ADD CONSTRAINT dispute_note_dispute_id_fkey FOREIGN KEY (dispute_id) REFERENCES public.dispute(id);

INSERT INTO public.alembic_version VALUES ('0004_roster_projection');

