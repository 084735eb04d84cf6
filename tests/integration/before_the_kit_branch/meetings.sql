-- The meetings service's database as its migrations left it at their head before the kit's
-- migration branch (pg_dump --schema-only --no-owner, psql's meta-commands and comments
-- and settings left out, with the alembic_version row). Read by test_kit_migration_branch.py.

\ir kit_tables.sql
\ir guardian_token_use.sql
\ir roster_projection.sql

CREATE TABLE public.access_refusal_count (
    tenant character varying(128) NOT NULL,
    reason character varying(32) NOT NULL,
    credential character varying(32) NOT NULL,
    method character varying(8) NOT NULL,
    route character varying(200) NOT NULL,
    resource_kind character varying(64) NOT NULL,
    window_start timestamp with time zone NOT NULL,
    count integer NOT NULL,
    emitted_at timestamp with time zone
);

CREATE TABLE public.agreement (
    agreement_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    school_id uuid NOT NULL,
    pupil_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    record_id uuid NOT NULL,
    what text NOT NULL,
    responsible_id uuid NOT NULL,
    responsible_role character varying(32) NOT NULL,
    due_on date NOT NULL,
    evaluate_on date NOT NULL,
    evaluated_on date,
    notified_kind character varying(32)
);

CREATE TABLE public.consent_state (
    pupil_id uuid NOT NULL,
    purpose character varying(64) NOT NULL,
    tenant character varying(128) NOT NULL,
    status character varying(16) NOT NULL,
    valid_until date,
    request_id uuid NOT NULL
);

CREATE TABLE public.invitation_answer (
    answer_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    guardian_id uuid NOT NULL,
    answer character varying(16) NOT NULL,
    note text NOT NULL,
    revision integer NOT NULL,
    answered_at timestamp with time zone NOT NULL
);

CREATE TABLE public.meeting (
    meeting_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    school_id uuid NOT NULL,
    pupil_id uuid NOT NULL,
    kind character varying(32) NOT NULL,
    status character varying(16) NOT NULL,
    planned boolean NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    location_kind character varying(16) NOT NULL,
    interpreter_needed boolean NOT NULL,
    interpreter_language character varying(35),
    participants jsonb NOT NULL,
    evaluates_opp_id uuid,
    evaluates_agreement_ids jsonb NOT NULL,
    hold_reasons jsonb NOT NULL,
    cancel_reason character varying(32),
    revision integer NOT NULL,
    scheduled_at timestamp with time zone NOT NULL,
    reminded_for timestamp with time zone,
    created_by character varying(200) NOT NULL
);

CREATE TABLE public.meeting_record (
    record_id uuid NOT NULL,
    meeting_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    school_id uuid NOT NULL,
    pupil_id uuid NOT NULL,
    recorded_by uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    attended jsonb NOT NULL,
    strengths jsonb NOT NULL,
    concerns jsonb NOT NULL,
    guardian_view text NOT NULL,
    guardian_support_needs text NOT NULL,
    goals jsonb NOT NULL,
    next_steps jsonb NOT NULL,
    agreement_ids jsonb NOT NULL
);

CREATE TABLE public.opp (
    opp_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    school_id uuid NOT NULL,
    pupil_id uuid NOT NULL,
    started_on date NOT NULL,
    action_part_version integer NOT NULL,
    parents_approved boolean NOT NULL,
    last_evaluated_on date,
    cycle_start date NOT NULL,
    closed_on date,
    notified_kind character varying(32),
    notified_cycle_start date,
    registered_by character varying(200) NOT NULL
);

CREATE TABLE public.opp_dispute (
    dispute_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    pupil_id uuid NOT NULL,
    opp_id uuid,
    subject character varying(64) NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone
);

CREATE TABLE public.parent_comment (
    comment_id uuid NOT NULL,
    record_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    guardian_id uuid NOT NULL,
    text text NOT NULL,
    added_at timestamp with time zone NOT NULL
);

CREATE TABLE public.record_acknowledgement (
    record_id uuid NOT NULL,
    guardian_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    acknowledged_at timestamp with time zone NOT NULL
);

CREATE TABLE public.staff_member (
    tenant character varying(128) NOT NULL,
    person_id uuid NOT NULL,
    role character varying(32) NOT NULL,
    school_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL
);

CREATE TABLE public.tenant_settings (
    tenant character varying(128) NOT NULL,
    evaluation_interval_months integer NOT NULL,
    evaluation_lead_weeks integer NOT NULL,
    agreement_lead_days integer NOT NULL,
    reminder_local_time time without time zone NOT NULL
);

ALTER TABLE ONLY public.access_refusal_count
    ADD CONSTRAINT access_refusal_count_pkey PRIMARY KEY (window_start, tenant, reason, credential, method, route, resource_kind);

ALTER TABLE ONLY public.agreement
    ADD CONSTRAINT agreement_pkey PRIMARY KEY (agreement_id);

ALTER TABLE ONLY public.consent_state
    ADD CONSTRAINT consent_state_pkey PRIMARY KEY (tenant, pupil_id, purpose);

ALTER TABLE ONLY public.invitation_answer
    ADD CONSTRAINT invitation_answer_pkey PRIMARY KEY (answer_id);

ALTER TABLE ONLY public.meeting
    ADD CONSTRAINT meeting_pkey PRIMARY KEY (meeting_id);

ALTER TABLE ONLY public.meeting_record
    ADD CONSTRAINT meeting_record_meeting_id_key UNIQUE (meeting_id);

ALTER TABLE ONLY public.meeting_record
    ADD CONSTRAINT meeting_record_pkey PRIMARY KEY (record_id);

ALTER TABLE ONLY public.opp_dispute
    ADD CONSTRAINT opp_dispute_pkey PRIMARY KEY (dispute_id);

ALTER TABLE ONLY public.opp
    ADD CONSTRAINT opp_pkey PRIMARY KEY (opp_id);

ALTER TABLE ONLY public.parent_comment
    ADD CONSTRAINT parent_comment_pkey PRIMARY KEY (comment_id);

ALTER TABLE ONLY public.record_acknowledgement
    ADD CONSTRAINT record_acknowledgement_pkey PRIMARY KEY (record_id, guardian_id);

ALTER TABLE ONLY public.staff_member
    ADD CONSTRAINT staff_member_pkey PRIMARY KEY (tenant, person_id);

ALTER TABLE ONLY public.tenant_settings
    ADD CONSTRAINT tenant_settings_pkey PRIMARY KEY (tenant);

CREATE INDEX agreement_to_evaluate ON public.agreement USING btree (evaluate_on) WHERE (evaluated_on IS NULL);

CREATE INDEX ix_access_refusal_count_emitted_at ON public.access_refusal_count USING btree (emitted_at);

CREATE INDEX ix_agreement_pupil_id ON public.agreement USING btree (pupil_id);

CREATE INDEX ix_invitation_answer_meeting_id ON public.invitation_answer USING btree (meeting_id);

CREATE INDEX ix_parent_comment_record_id ON public.parent_comment USING btree (record_id);

CREATE INDEX meeting_pupil ON public.meeting USING btree (tenant, pupil_id);

CREATE INDEX meeting_scheduled_start ON public.meeting USING btree (starts_at) WHERE ((status)::text = 'scheduled'::text);

CREATE INDEX opp_dispute_open ON public.opp_dispute USING btree (pupil_id) WHERE (closed_at IS NULL);

CREATE INDEX opp_open_cycle ON public.opp USING btree (cycle_start) WHERE (closed_on IS NULL);

CREATE INDEX opp_pupil ON public.opp USING btree (tenant, pupil_id);

INSERT INTO public.alembic_version VALUES ('0004_roster_projection');

