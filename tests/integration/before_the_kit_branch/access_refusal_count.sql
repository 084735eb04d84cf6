-- The refusal counts' table as the services other than meetings made it before the kit's
-- branch (meetings' has its columns in another order).
-- Included (psql's \ir) by the services' files beside it.

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

ALTER TABLE ONLY public.access_refusal_count
    ADD CONSTRAINT access_refusal_count_pkey PRIMARY KEY (window_start, tenant, reason, credential, method, route, resource_kind);

CREATE INDEX ix_access_refusal_count_emitted_at ON public.access_refusal_count USING btree (emitted_at);
