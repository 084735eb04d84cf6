-- The meetings service's database as its migrations left it at their head before the kit's
-- migration branch (pg_dump --schema-only --no-owner, psql's meta-commands and comments
-- and settings left out, with the alembic_version row). Read by test_kit_migration_branch.py.

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

CREATE TABLE public.consent_state (
    pupil_id uuid NOT NULL,
    purpose character varying(64) NOT NULL,
    tenant character varying(128) NOT NULL,
    status character varying(16) NOT NULL,
    valid_until date,
    request_id uuid NOT NULL
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

CREATE TABLE public.parent_comment (
    comment_id uuid NOT NULL,
    record_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    guardian_id uuid NOT NULL,
    text text NOT NULL,
    added_at timestamp with time zone NOT NULL
);

CREATE TABLE public.pupil_sequence (
    tenant character varying NOT NULL,
    subject character varying NOT NULL,
    last bigint NOT NULL
);

CREATE TABLE public.record_acknowledgement (
    record_id uuid NOT NULL,
    guardian_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    acknowledged_at timestamp with time zone NOT NULL
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

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);

ALTER TABLE ONLY public.applied_sequence
    ADD CONSTRAINT applied_sequence_pkey PRIMARY KEY (consumer, source, tenant, subject);

ALTER TABLE ONLY public.consent_state
    ADD CONSTRAINT consent_state_pkey PRIMARY KEY (tenant, pupil_id, purpose);

ALTER TABLE ONLY public.guardian_token_use
    ADD CONSTRAINT guardian_token_use_pkey PRIMARY KEY (jti);

ALTER TABLE ONLY public.inbox
    ADD CONSTRAINT inbox_pkey PRIMARY KEY (consumer, event_id);

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

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.parent_comment
    ADD CONSTRAINT parent_comment_pkey PRIMARY KEY (comment_id);

ALTER TABLE ONLY public.pupil_sequence
    ADD CONSTRAINT pupil_sequence_pkey PRIMARY KEY (tenant, subject);

ALTER TABLE ONLY public.record_acknowledgement
    ADD CONSTRAINT record_acknowledgement_pkey PRIMARY KEY (record_id, guardian_id);

ALTER TABLE ONLY public.roster_guardianship
    ADD CONSTRAINT roster_guardianship_pkey PRIMARY KEY (tenant, pupil_id, guardian_id);

ALTER TABLE ONLY public.roster_pupil
    ADD CONSTRAINT roster_pupil_pkey PRIMARY KEY (tenant, pupil_id);

ALTER TABLE ONLY public.staff_member
    ADD CONSTRAINT staff_member_pkey PRIMARY KEY (tenant, person_id);

ALTER TABLE ONLY public.tenant_settings
    ADD CONSTRAINT tenant_settings_pkey PRIMARY KEY (tenant);

CREATE INDEX agreement_to_evaluate ON public.agreement USING btree (evaluate_on) WHERE (evaluated_on IS NULL);

CREATE INDEX ix_access_refusal_count_emitted_at ON public.access_refusal_count USING btree (emitted_at);

CREATE INDEX ix_agreement_pupil_id ON public.agreement USING btree (pupil_id);

CREATE INDEX ix_guardian_token_use_expires_at ON public.guardian_token_use USING btree (expires_at);

CREATE INDEX ix_invitation_answer_meeting_id ON public.invitation_answer USING btree (meeting_id);

CREATE INDEX ix_parent_comment_record_id ON public.parent_comment USING btree (record_id);

CREATE INDEX meeting_pupil ON public.meeting USING btree (tenant, pupil_id);

CREATE INDEX meeting_scheduled_start ON public.meeting USING btree (starts_at) WHERE ((status)::text = 'scheduled'::text);

CREATE INDEX opp_dispute_open ON public.opp_dispute USING btree (pupil_id) WHERE (closed_at IS NULL);

CREATE INDEX opp_open_cycle ON public.opp USING btree (cycle_start) WHERE (closed_on IS NULL);

CREATE INDEX opp_pupil ON public.opp USING btree (tenant, pupil_id);

CREATE INDEX outbox_unpublished ON public.outbox USING btree (id) WHERE (published_at IS NULL);

CREATE INDEX roster_guardianship_guardian ON public.roster_guardianship USING btree (tenant, guardian_id);

CREATE INDEX roster_pupil_school ON public.roster_pupil USING btree (tenant, school_id);

INSERT INTO public.alembic_version VALUES ('0004_roster_projection');

