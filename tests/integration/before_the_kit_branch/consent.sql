-- The consent service's database as its migrations left it at their head before the kit's
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

CREATE TABLE public.consent_evidence (
    evidence_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    school_id uuid NOT NULL,
    board_id uuid,
    request_id uuid NOT NULL,
    pupil_id uuid NOT NULL,
    purpose_code character varying(64) NOT NULL,
    text_version integer NOT NULL,
    dutch_sha256 character varying(64) NOT NULL,
    shown_language character varying(16) NOT NULL,
    shown_sha256 character varying(64) NOT NULL,
    shown_reviewed boolean NOT NULL,
    party_id uuid NOT NULL,
    role character varying(16) NOT NULL,
    act character varying(16) NOT NULL,
    at timestamp with time zone NOT NULL,
    channel character varying(32) NOT NULL,
    token_id character varying(64),
    witness_id uuid
);

CREATE TABLE public.consent_request (
    request_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    school_id uuid NOT NULL,
    board_id uuid,
    pupil_id uuid NOT NULL,
    purpose_code character varying(64) NOT NULL,
    purpose_version integer NOT NULL,
    parties jsonb NOT NULL,
    requested_by uuid NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    state character varying(16) NOT NULL,
    given_at timestamp with time zone,
    ended_at timestamp with time zone,
    expires_at timestamp with time zone,
    reminders_sent jsonb NOT NULL,
    cancel_reason character varying(32)
);

CREATE TABLE public.guardian_token_use (
    jti character varying(64) NOT NULL,
    tenant character varying(64) NOT NULL,
    used_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

CREATE TABLE public.guardianship (
    tenant character varying(128) NOT NULL,
    pupil_id uuid NOT NULL,
    guardian_id uuid NOT NULL,
    school_id uuid NOT NULL,
    board_id uuid,
    standing character varying(32) NOT NULL,
    active boolean NOT NULL
);

CREATE TABLE public.inbox (
    consumer character varying NOT NULL,
    event_id uuid NOT NULL,
    handled_at timestamp with time zone DEFAULT now() NOT NULL
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

CREATE TABLE public.pupil (
    tenant character varying(128) NOT NULL,
    pupil_id uuid NOT NULL,
    school_id uuid NOT NULL,
    board_id uuid,
    birth_date date NOT NULL,
    enrolled_on date NOT NULL,
    left_on date
);

CREATE TABLE public.pupil_sequence (
    tenant character varying NOT NULL,
    subject character varying NOT NULL,
    last bigint NOT NULL
);

CREATE TABLE public.purpose_version (
    tenant character varying(128) NOT NULL,
    code character varying(64) NOT NULL,
    version integer NOT NULL,
    texts jsonb NOT NULL,
    rule character varying(32) NOT NULL,
    validity jsonb NOT NULL,
    age_rule jsonb NOT NULL,
    created_at timestamp with time zone NOT NULL
);

CREATE TABLE public.support_needs (
    support_id uuid NOT NULL,
    tenant character varying(128) NOT NULL,
    school_id uuid NOT NULL,
    board_id uuid,
    pupil_id uuid NOT NULL,
    guardian_id uuid NOT NULL,
    request_id uuid,
    kinds jsonb NOT NULL,
    note text,
    at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.access_refusal_count
    ADD CONSTRAINT access_refusal_count_pkey PRIMARY KEY (window_start, tenant, reason, credential, method, route, resource_kind);

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);

ALTER TABLE ONLY public.applied_sequence
    ADD CONSTRAINT applied_sequence_pkey PRIMARY KEY (consumer, source, tenant, subject);

ALTER TABLE ONLY public.consent_evidence
    ADD CONSTRAINT consent_evidence_pkey PRIMARY KEY (evidence_id);

ALTER TABLE ONLY public.consent_request
    ADD CONSTRAINT consent_request_pkey PRIMARY KEY (request_id);

ALTER TABLE ONLY public.guardian_token_use
    ADD CONSTRAINT guardian_token_use_pkey PRIMARY KEY (jti);

ALTER TABLE ONLY public.guardianship
    ADD CONSTRAINT guardianship_pkey PRIMARY KEY (tenant, pupil_id, guardian_id);

ALTER TABLE ONLY public.inbox
    ADD CONSTRAINT inbox_pkey PRIMARY KEY (consumer, event_id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.pupil
    ADD CONSTRAINT pupil_pkey PRIMARY KEY (tenant, pupil_id);

ALTER TABLE ONLY public.pupil_sequence
    ADD CONSTRAINT pupil_sequence_pkey PRIMARY KEY (tenant, subject);

ALTER TABLE ONLY public.purpose_version
    ADD CONSTRAINT purpose_version_pkey PRIMARY KEY (tenant, code, version);

ALTER TABLE ONLY public.support_needs
    ADD CONSTRAINT support_needs_pkey PRIMARY KEY (support_id);

CREATE INDEX ix_access_refusal_count_emitted_at ON public.access_refusal_count USING btree (emitted_at);

CREATE INDEX ix_consent_evidence_party_id ON public.consent_evidence USING btree (party_id);

CREATE INDEX ix_consent_evidence_request_id ON public.consent_evidence USING btree (request_id);

CREATE INDEX ix_consent_evidence_tenant ON public.consent_evidence USING btree (tenant);

CREATE INDEX ix_consent_request_expires_at ON public.consent_request USING btree (expires_at);

CREATE INDEX ix_consent_request_pupil_id ON public.consent_request USING btree (pupil_id);

CREATE INDEX ix_consent_request_school_id ON public.consent_request USING btree (school_id);

CREATE INDEX ix_consent_request_state ON public.consent_request USING btree (state);

CREATE INDEX ix_consent_request_tenant ON public.consent_request USING btree (tenant);

CREATE INDEX ix_guardian_token_use_expires_at ON public.guardian_token_use USING btree (expires_at);

CREATE INDEX ix_guardianship_guardian_id ON public.guardianship USING btree (guardian_id);

CREATE INDEX ix_pupil_school_id ON public.pupil USING btree (school_id);

CREATE INDEX ix_support_needs_school_id ON public.support_needs USING btree (school_id);

CREATE INDEX ix_support_needs_tenant ON public.support_needs USING btree (tenant);

CREATE INDEX outbox_unpublished ON public.outbox USING btree (id) WHERE (published_at IS NULL);

INSERT INTO public.alembic_version VALUES ('0001_consent_initial');

