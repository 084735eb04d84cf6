-- The consent service's database as its migrations left it at their head before the kit's
-- migration branch (pg_dump --schema-only --no-owner, psql's meta-commands and comments
-- and settings left out, with the alembic_version row). Read by test_kit_migration_branch.py.

\ir kit_tables.sql
\ir access_refusal_count.sql
\ir guardian_token_use.sql

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

CREATE TABLE public.guardianship (
    tenant character varying(128) NOT NULL,
    pupil_id uuid NOT NULL,
    guardian_id uuid NOT NULL,
    school_id uuid NOT NULL,
    board_id uuid,
    standing character varying(32) NOT NULL,
    active boolean NOT NULL
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

ALTER TABLE ONLY public.consent_evidence
    ADD CONSTRAINT consent_evidence_pkey PRIMARY KEY (evidence_id);

ALTER TABLE ONLY public.consent_request
    ADD CONSTRAINT consent_request_pkey PRIMARY KEY (request_id);

ALTER TABLE ONLY public.guardianship
    ADD CONSTRAINT guardianship_pkey PRIMARY KEY (tenant, pupil_id, guardian_id);

ALTER TABLE ONLY public.pupil
    ADD CONSTRAINT pupil_pkey PRIMARY KEY (tenant, pupil_id);

ALTER TABLE ONLY public.purpose_version
    ADD CONSTRAINT purpose_version_pkey PRIMARY KEY (tenant, code, version);

ALTER TABLE ONLY public.support_needs
    ADD CONSTRAINT support_needs_pkey PRIMARY KEY (support_id);

CREATE INDEX ix_consent_evidence_party_id ON public.consent_evidence USING btree (party_id);

CREATE INDEX ix_consent_evidence_request_id ON public.consent_evidence USING btree (request_id);

CREATE INDEX ix_consent_evidence_tenant ON public.consent_evidence USING btree (tenant);

CREATE INDEX ix_consent_request_expires_at ON public.consent_request USING btree (expires_at);

CREATE INDEX ix_consent_request_pupil_id ON public.consent_request USING btree (pupil_id);

CREATE INDEX ix_consent_request_school_id ON public.consent_request USING btree (school_id);

CREATE INDEX ix_consent_request_state ON public.consent_request USING btree (state);

CREATE INDEX ix_consent_request_tenant ON public.consent_request USING btree (tenant);

CREATE INDEX ix_guardianship_guardian_id ON public.guardianship USING btree (guardian_id);

CREATE INDEX ix_pupil_school_id ON public.pupil USING btree (school_id);

CREATE INDEX ix_support_needs_school_id ON public.support_needs USING btree (school_id);

CREATE INDEX ix_support_needs_tenant ON public.support_needs USING btree (tenant);

INSERT INTO public.alembic_version VALUES ('0001_consent_initial');

