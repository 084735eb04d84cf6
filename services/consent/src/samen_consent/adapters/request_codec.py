"""A consent request as stored: one `RequestRow` and its `EvidenceRow`s."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from uuid import UUID, uuid5

from samen_consent.adapters.tables import EvidenceRow, RequestRow
from samen_consent.domain.evidence import Act, Channel, Evidence, ShownDocument, ShownText
from samen_consent.domain.parties import Parties, PartyRole
from samen_consent.domain.purposes import Purpose
from samen_consent.domain.request import ConsentRequest, RequestState
from samen_consent.domain.subject import Subject


@dataclass(frozen=True)
class Placement:
    """Where a request belongs: the tenant, and the pupil's school and board."""

    tenant: str
    school_id: UUID
    board_id: UUID | None


def evidence_id(evidence: Evidence) -> UUID:
    """One act per party and kind of act in a request, so the id is derived from them."""
    return uuid5(evidence.request_id, f"evidence/{evidence.party_id}/{evidence.act.value}")


def parties_json(parties: Parties) -> dict[str, Any]:
    return {
        "guardians": sorted(str(g) for g in parties.guardians),
        "pupil": None if parties.pupil is None else str(parties.pupil),
        "not_asked": sorted(str(g) for g in parties.not_asked),
    }


def parties_of(value: dict[str, Any]) -> Parties:
    pupil = value.get("pupil")
    return Parties(
        guardians=frozenset(UUID(g) for g in value.get("guardians", [])),
        pupil=None if pupil is None else UUID(pupil),
        not_asked=frozenset(UUID(g) for g in value.get("not_asked", [])),
    )


def subject_json(subject: Subject | None) -> dict[str, Any] | None:
    if subject is None:
        return None
    return {
        "kind": subject.kind,
        "subject_id": str(subject.subject_id),
        "version": subject.version,
        "sha256": subject.sha256,
    }


def subject_of(value: dict[str, Any] | None) -> Subject | None:
    if value is None:
        return None
    return Subject(
        kind=str(value["kind"]),
        subject_id=UUID(str(value["subject_id"])),
        version=int(value["version"]),
        sha256=str(value["sha256"]),
    )


def request_values(request: ConsentRequest) -> dict[str, Any]:
    """The columns a transition may change."""
    return {
        "state": request.state.value,
        "given_at": request.given_at,
        "ended_at": request.ended_at,
        "expires_at": request.expires_at,
        "reminders_sent": sorted([str(party), number] for party, number in request.reminders_sent),
    }


def new_request_row(request: ConsentRequest, placement: Placement) -> RequestRow:
    return RequestRow(
        request_id=request.request_id,
        tenant=placement.tenant,
        school_id=placement.school_id,
        board_id=placement.board_id,
        pupil_id=request.pupil_id,
        purpose_code=request.purpose.code,
        purpose_version=request.purpose.version,
        parties=parties_json(request.parties),
        requested_by=request.requested_by,
        requested_at=request.requested_at,
        subject=subject_json(request.subject),
        **request_values(request),
    )


def evidence_row(evidence: Evidence, placement: Placement, pupil_id: UUID) -> EvidenceRow:
    return EvidenceRow(
        evidence_id=evidence_id(evidence),
        tenant=placement.tenant,
        school_id=placement.school_id,
        board_id=placement.board_id,
        request_id=evidence.request_id,
        pupil_id=pupil_id,
        purpose_code=evidence.purpose_code,
        text_version=evidence.text_version,
        dutch_sha256=evidence.dutch_sha256,
        shown_language=evidence.shown.language,
        shown_sha256=evidence.shown.sha256,
        shown_reviewed=evidence.shown.reviewed,
        party_id=evidence.party_id,
        role=evidence.role.value,
        act=evidence.act.value,
        at=evidence.at,
        channel=evidence.channel.value,
        token_id=evidence.token_id,
        witness_id=evidence.witness_id,
        document_language=None if evidence.document is None else evidence.document.language,
        reason=evidence.reason,
    )


def evidence_of(row: EvidenceRow, subject: Subject | None = None) -> Evidence:
    return Evidence(
        request_id=row.request_id,
        purpose_code=row.purpose_code,
        text_version=row.text_version,
        dutch_sha256=row.dutch_sha256,
        shown=ShownText(row.shown_language, row.shown_sha256, row.shown_reviewed),
        party_id=row.party_id,
        role=PartyRole(row.role),
        act=Act(row.act),
        at=row.at,
        channel=Channel(row.channel),
        token_id=row.token_id,
        witness_id=row.witness_id,
        document=_document(subject, row.document_language),
        reason=row.reason,
    )


def _document(subject: Subject | None, language: str | None) -> ShownDocument | None:
    if subject is None or language is None:
        return None
    return ShownDocument(subject, language)


def request_of(
    row: RequestRow, purpose: Purpose, evidence: Iterable[EvidenceRow]
) -> ConsentRequest:
    subject = subject_of(row.subject)
    acts = sorted(
        (evidence_of(e, subject) for e in evidence), key=lambda e: (e.at, str(e.party_id))
    )
    answers = tuple(e for e in acts if e.act is not Act.WITHDRAW)
    withdrawal = next((e for e in acts if e.act is Act.WITHDRAW), None)
    return ConsentRequest(
        request_id=row.request_id,
        pupil_id=row.pupil_id,
        purpose=purpose,
        parties=parties_of(row.parties),
        requested_by=row.requested_by,
        requested_at=row.requested_at,
        state=RequestState(row.state),
        answers=answers,
        given_at=row.given_at,
        ended_at=row.ended_at,
        withdrawal=withdrawal,
        reminders_sent=frozenset((UUID(p), int(n)) for p, n in row.reminders_sent),
        subject=subject,
    )
