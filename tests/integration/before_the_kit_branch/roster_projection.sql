-- The roster projection (pupils, guardianship) of the services that kept one before
-- the kit's branch.
-- Included (psql's \ir) by the services' files beside it.

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

ALTER TABLE ONLY public.roster_guardianship
    ADD CONSTRAINT roster_guardianship_pkey PRIMARY KEY (tenant, pupil_id, guardian_id);

ALTER TABLE ONLY public.roster_pupil
    ADD CONSTRAINT roster_pupil_pkey PRIMARY KEY (tenant, pupil_id);

CREATE INDEX roster_guardianship_guardian ON public.roster_guardianship USING btree (tenant, guardian_id);

CREATE INDEX roster_pupil_school ON public.roster_pupil USING btree (tenant, school_id);
