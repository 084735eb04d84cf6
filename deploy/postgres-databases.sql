-- One database per service, as samen_kit.localinfra.SERVICE_DATABASES creates them locally.
-- Run once by the postgres image when compose.yaml initialises its data volume.
CREATE DATABASE samen_consent;
CREATE DATABASE samen_notifications;
CREATE DATABASE samen_meetings;
CREATE DATABASE samen_disputes;
CREATE DATABASE samen_audit;
