-- The guardian-token table of the services that served parent pages before the kit's
-- branch.
-- Included (psql's \ir) by the services' files beside it.

CREATE TABLE public.guardian_token_use (
    jti character varying(64) NOT NULL,
    tenant character varying(64) NOT NULL,
    used_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL
);

ALTER TABLE ONLY public.guardian_token_use
    ADD CONSTRAINT guardian_token_use_pkey PRIMARY KEY (jti);

CREATE INDEX ix_guardian_token_use_expires_at ON public.guardian_token_use USING btree (expires_at);
