"""The consent service's own tables (the kit adds outbox, inbox and sequences).

Every row carries its tenant; rows about a pupil also carry the school and board, so
`samen_kit.tenancy.scoped` narrows any query to what a staff member may see.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from samen_kit.fields import instant_field, jsonb_field, text_field
from samen_kit.retention.tables import RETENTION_TABLES
from samen_kit.tables import tables_of
from sqlmodel import Field

from samen_consent.adapters.base import ConsentTable

TENANT_LENGTH = 128


class PupilRow(ConsentTable, table=True):
    __tablename__ = "pupil"

    tenant: str = Field(primary_key=True, max_length=TENANT_LENGTH)
    pupil_id: UUID = Field(primary_key=True)
    school_id: UUID = Field(index=True)
    board_id: UUID | None = None
    birth_date: date
    enrolled_on: date
    left_on: date | None = None
    group_code: str | None = Field(default=None, max_length=32)  # 0005_pupil_group


class GuardianshipRow(ConsentTable, table=True):
    """One guardian of one pupil; `active` is False once a later import left them out."""

    __tablename__ = "guardianship"

    tenant: str = Field(primary_key=True, max_length=TENANT_LENGTH)
    pupil_id: UUID = Field(primary_key=True)
    guardian_id: UUID = Field(primary_key=True, index=True)
    school_id: UUID
    board_id: UUID | None = None
    standing: str = Field(max_length=32)
    active: bool = True


class PurposeVersionRow(ConsentTable, table=True):
    """One version of a purpose in one tenant's catalogue; the highest is current.

    Only the `reviewed` flags of its translations ever change after it is written.
    """

    __tablename__ = "purpose_version"

    tenant: str = Field(primary_key=True, max_length=TENANT_LENGTH)
    code: str = Field(primary_key=True, max_length=64)
    version: int = Field(primary_key=True)
    texts: list[dict[str, Any]] = jsonb_field(list)
    rule: str = Field(max_length=32)
    validity: dict[str, Any] = jsonb_field(dict)
    age_rule: dict[str, Any] = jsonb_field(dict)
    created_at: datetime = instant_field(required=True)


class RequestRow(ConsentTable, table=True):
    """A consent request; its answers and withdrawal are `EvidenceRow`s."""

    __tablename__ = "consent_request"

    request_id: UUID = Field(primary_key=True)
    tenant: str = Field(index=True, max_length=TENANT_LENGTH)
    school_id: UUID = Field(index=True)
    board_id: UUID | None = None
    pupil_id: UUID = Field(index=True)
    purpose_code: str = Field(max_length=64)
    purpose_version: int
    parties: dict[str, Any] = jsonb_field(dict)
    requested_by: UUID
    requested_at: datetime = instant_field(required=True)
    state: str = Field(max_length=16, index=True)
    given_at: datetime | None = instant_field(nullable=True)
    ended_at: datetime | None = instant_field(nullable=True)
    # The exclusive end of the question (open) or of the consent (given): what sweeps scan.
    expires_at: datetime | None = instant_field(nullable=True, index=True)
    reminders_sent: list[list[Any]] = jsonb_field(list)
    cancel_reason: str | None = Field(default=None, max_length=32)
    # The document a bound purpose asks about: kind, subject_id, version, sha256.
    subject: dict[str, Any] | None = jsonb_field(nullable=True)


class EvidenceRow(ConsentTable, table=True):
    """One act by one party: who, when, how, and which words were on the page."""

    __tablename__ = "consent_evidence"

    evidence_id: UUID = Field(primary_key=True)
    tenant: str = Field(index=True, max_length=TENANT_LENGTH)
    school_id: UUID
    board_id: UUID | None = None
    request_id: UUID = Field(index=True)
    pupil_id: UUID
    purpose_code: str = Field(max_length=64)
    text_version: int
    dutch_sha256: str = Field(max_length=64)
    shown_language: str = Field(max_length=16)
    shown_sha256: str = Field(max_length=64)
    shown_reviewed: bool
    party_id: UUID = Field(index=True)
    role: str = Field(max_length=16)
    act: str = Field(max_length=16)
    at: datetime = instant_field(required=True)
    channel: str = Field(max_length=32)
    token_id: str | None = Field(default=None, max_length=64)
    witness_id: UUID | None = None
    # For a request about a document: the language its labels were shown in.
    document_language: str | None = Field(default=None, max_length=16)
    # A refusal's reason in the party's own words (never on the bus).
    reason: str | None = text_field(nullable=True)


class ShownDocumentRow(ConsentTable, table=True):
    """The words of a request's document as its owner served them for a guardian's page,
    kept as evidence of what was shown (per language); checked against the request's
    hash when fetched."""

    __tablename__ = "shown_document"

    tenant: str = Field(primary_key=True, max_length=TENANT_LENGTH)
    request_id: UUID = Field(primary_key=True)
    language: str = Field(primary_key=True, max_length=16)
    sha256: str = Field(max_length=64)
    sections: list[dict[str, Any]] = jsonb_field(list)
    binding_note: str = text_field(required=True)
    fetched_at: datetime = instant_field(required=True)


class SupportNeedsRow(ConsentTable, table=True):
    """What a guardian said they need; the note stays here and on the service's pages."""

    __tablename__ = "support_needs"

    support_id: UUID = Field(primary_key=True)
    tenant: str = Field(index=True, max_length=TENANT_LENGTH)
    school_id: UUID = Field(index=True)
    board_id: UUID | None = None
    pupil_id: UUID
    guardian_id: UUID
    request_id: UUID | None = None
    kinds: list[str] = jsonb_field(list)
    note: str | None = text_field(nullable=True)
    at: datetime = instant_field(required=True)


CONSENT_TABLES = (
    tables_of(
        PupilRow,
        GuardianshipRow,
        PurposeVersionRow,
        RequestRow,
        EvidenceRow,
        ShownDocumentRow,
        SupportNeedsRow,
    )
    + RETENTION_TABLES
)  # the kit's, created by this service's revision 0004
