-- The kit's tables every service's migrations made before the kit's branch: the
-- outbox, inbox and sequences, and alembic's own table.
-- Included (psql's \ir) by the services' files beside it.

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

CREATE TABLE public.pupil_sequence (
    tenant character varying NOT NULL,
    subject character varying NOT NULL,
    last bigint NOT NULL
);

ALTER TABLE ONLY public.alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);

ALTER TABLE ONLY public.applied_sequence
    ADD CONSTRAINT applied_sequence_pkey PRIMARY KEY (consumer, source, tenant, subject);

ALTER TABLE ONLY public.inbox
    ADD CONSTRAINT inbox_pkey PRIMARY KEY (consumer, event_id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_event_id_key UNIQUE (event_id);

ALTER TABLE ONLY public.outbox
    ADD CONSTRAINT outbox_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.pupil_sequence
    ADD CONSTRAINT pupil_sequence_pkey PRIMARY KEY (tenant, subject);

CREATE INDEX outbox_unpublished ON public.outbox USING btree (id) WHERE (published_at IS NULL);
