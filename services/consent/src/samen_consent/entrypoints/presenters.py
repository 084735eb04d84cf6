"""Domain values and rows as the staff API's documents."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal
from uuid import UUID

from samen_kit.presenting import present

from samen_consent.adapters.purpose_codec import age_rule_json, validity_json
from samen_consent.adapters.requests import StoredRequest
from samen_consent.adapters.tables import EvidenceRow, SupportNeedsRow
from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.evidence import Act
from samen_consent.domain.parties import PartyRole
from samen_consent.domain.purposes import Purpose
from samen_consent.domain.request import effective_state, party_role
from samen_consent.domain.status import ConsentStatus
from samen_consent.entrypoints import schemas as s
from samen_consent.handlers.queries import PupilView


def purpose_out(purpose: Purpose) -> s.PurposeOut:
    return s.PurposeOut(
        code=purpose.code,
        version=purpose.version,
        rule=purpose.rule,
        validity=validity_json(purpose.validity),
        age_rule=s.AgeRuleIO(**age_rule_json(purpose.age_rule)),
        texts=[
            s.TextOut(
                language=t.language,
                title=t.title,
                body=t.body,
                reviewed=t.reviewed,
                sha256=t.sha256,
            )
            for t in purpose.texts
        ],
    )


def request_out(stored: StoredRequest, now: datetime) -> s.RequestOut:
    """The state as it is at `now`: expiry counts before a sweep has recorded it."""
    request = stored.request
    return s.RequestOut(
        request_id=request.request_id,
        pupil_id=request.pupil_id,
        school_id=stored.placement.school_id,
        purpose=request.purpose.code,
        purpose_version=request.purpose.version,
        rule=request.purpose.rule,
        state=effective_state(request, now),
        requested_at=request.requested_at,
        requested_by=request.requested_by,
        given_at=request.given_at,
        ended_at=request.ended_at,
        expires_at=request.expires_at,
        parties=[_party(stored, party) for party in sorted(request.parties.all)],
        not_asked=sorted(request.parties.not_asked),
    )


def _party(stored: StoredRequest, party: UUID) -> s.PartyOut:
    request = stored.request
    said = request.answer_of(party)
    withdrawal = request.withdrawal
    withdrew = withdrawal if withdrawal is not None and withdrawal.party_id == party else None
    role: Literal["guardian", "pupil"] = (
        "pupil" if party_role(request, party) is PartyRole.PUPIL else "guardian"
    )
    return s.PartyOut(
        party_id=party,
        role=role,
        answer=None if said is None else ("agree" if said.act is Act.AGREE else "refuse"),
        answered_at=None if said is None else said.at,
        withdrew_at=None if withdrew is None else withdrew.at,
        reason=None if said is None else said.reason,
    )


def status_out(pupil_id: UUID, purpose: str, status: ConsentStatus) -> s.StatusOut:
    until = status.until
    return s.StatusOut(
        pupil_id=pupil_id,
        purpose=purpose,
        allowed=status.allowed,
        reason=status.reason,
        request_id=status.request_id,
        until=until,
        last_valid_day=None if until is None else local_date(until - timedelta(microseconds=1)),
        waiting_for=sorted(status.waiting_for),
        answers_needed=status.answers_needed,
    )


def evidence_out(row: EvidenceRow) -> s.EvidenceOut:
    return present(s.EvidenceOut, row)


def support_out(row: SupportNeedsRow) -> s.SupportNeedsOut:
    return present(s.SupportNeedsOut, row)


def pupil_out(view: PupilView) -> s.PupilOut:
    pupil = view.pupil
    return present(
        s.PupilOut,
        pupil,
        guardians=[
            s.GuardianshipOut(guardian_id=g.guardian_id, standing=g.standing, current=g.active)
            for g in view.guardianships
        ],
    )
