"""Rows to domain values and back. Domain values use a tenant UUID (derived, stable);
rows keep the tenant's own key, as the envelope and the staff token carry it."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from samen_contract import pseudonymous_id

from samen_meetings.adapters.projection_tables import OppRow
from samen_meetings.adapters.tables import MeetingRecordRow, MeetingRow
from samen_meetings.domain.consent_gate import ConsentGap, HoldReason, Purpose
from samen_meetings.domain.kinds import MeetingKind, ParticipantRole
from samen_meetings.domain.known_opp import KnownOpp
from samen_meetings.domain.meeting import (
    CancelReason,
    InterpreterNeed,
    LocationKind,
    Meeting,
    MeetingStatus,
    Participant,
    TimeSlot,
)
from samen_meetings.domain.record import MeetingRecord


def tenant_uuid(tenant: str) -> UUID:
    """The domain's id of a tenant key (e.g. `swv-utrecht`); the same in every process."""
    return pseudonymous_id("tenant", tenant)


def utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


def meeting_of(row: MeetingRow) -> Meeting:
    return Meeting(
        meeting_id=row.meeting_id,
        tenant_id=tenant_uuid(row.tenant),
        school_id=row.school_id,
        pupil_id=row.pupil_id,
        kind=MeetingKind(row.kind),
        slot=TimeSlot(utc(row.starts_at), utc(row.ends_at)),
        participants=tuple(sorted(participant_of(p) for p in row.participants)),
        interpreter=InterpreterNeed(row.interpreter_needed, row.interpreter_language),
        status=MeetingStatus(row.status),
        location=LocationKind(row.location_kind),
        planned=row.planned,
        evaluates_opp_id=row.evaluates_opp_id,
        evaluates_agreement_ids=frozenset(UUID(a) for a in row.evaluates_agreement_ids),
        hold_reasons=tuple(hold_reason_of(h) for h in row.hold_reasons),
        cancel_reason=CancelReason(row.cancel_reason) if row.cancel_reason else None,
    )


def new_meeting_row(meeting: Meeting, *, tenant: str, now: datetime, actor: str) -> MeetingRow:
    row = MeetingRow(
        meeting_id=meeting.meeting_id,
        tenant=tenant,
        school_id=meeting.school_id,
        pupil_id=meeting.pupil_id,
        kind=meeting.kind.value,
        status=meeting.status.value,
        planned=meeting.planned,
        starts_at=meeting.slot.starts_at,
        ends_at=meeting.slot.ends_at,
        location_kind=meeting.location.value,
        interpreter_needed=meeting.interpreter.needed,
        interpreter_language=meeting.interpreter.language,
        participants=[participant_json(p) for p in meeting.participants],
        evaluates_opp_id=meeting.evaluates_opp_id,
        evaluates_agreement_ids=sorted(str(a) for a in meeting.evaluates_agreement_ids),
        revision=0,
        scheduled_at=now,
        created_by=actor,
    )
    return apply_meeting(row, meeting)


def apply_meeting(row: MeetingRow, meeting: Meeting) -> MeetingRow:
    """Copy what a transition may change onto the row (time, status, holds, cancel)."""
    row.status = meeting.status.value
    row.starts_at = meeting.slot.starts_at
    row.ends_at = meeting.slot.ends_at
    row.hold_reasons = [hold_reason_json(h) for h in meeting.hold_reasons]
    row.cancel_reason = meeting.cancel_reason.value if meeting.cancel_reason else None
    return row


def participant_json(participant: Participant) -> dict[str, str]:
    return {"role": participant.role.value, "person_id": str(participant.person_id)}


def participant_of(data: dict[str, str]) -> Participant:
    return Participant(ParticipantRole(data["role"]), UUID(data["person_id"]))


def hold_reason_json(reason: HoldReason) -> dict[str, str | None]:
    role = reason.role.value if reason.role else None
    return {"purpose": reason.purpose.value, "gap": reason.gap.value, "role": role}


def hold_reason_of(data: dict[str, str | None]) -> HoldReason:
    role = data.get("role")
    return HoldReason(
        Purpose(str(data["purpose"])),
        ConsentGap(str(data["gap"])),
        ParticipantRole(role) if role else None,
    )


def known_opp_of(row: OppRow) -> KnownOpp:
    return KnownOpp(
        opp_id=row.opp_id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        started_on=row.started_on,
        opp_due_on=row.opp_due_on,
        version=row.version,
        set_version=row.set_version,
        set_on=row.set_on,
        evaluation_due_on=row.evaluation_due_on,
        closed_on=row.closed_on,
    )


def apply_known_opp(row: OppRow, opp: KnownOpp) -> OppRow:
    """Copy what a later fact may change onto the row."""
    row.version = opp.version
    row.set_version = opp.set_version
    row.set_on = opp.set_on
    row.evaluation_due_on = opp.evaluation_due_on
    row.closed_on = opp.closed_on
    return row


def new_opp_row(opp: KnownOpp, *, tenant: str) -> OppRow:
    row = OppRow(
        tenant=tenant,
        opp_id=opp.opp_id,
        school_id=opp.school_id,
        pupil_id=opp.pupil_id,
        started_on=opp.started_on,
        opp_due_on=opp.opp_due_on,
    )
    return apply_known_opp(row, opp)


def record_of(row: MeetingRecordRow) -> MeetingRecord:
    return MeetingRecord(
        record_id=row.record_id,
        meeting_id=row.meeting_id,
        tenant_id=tenant_uuid(row.tenant),
        pupil_id=row.pupil_id,
        recorded_by=row.recorded_by,
        recorded_at=utc(row.recorded_at),
        attended=tuple(participant_of(p) for p in row.attended),
        strengths=tuple(row.strengths),
        concerns=tuple(row.concerns),
        guardian_view=row.guardian_view,
        guardian_support_needs=row.guardian_support_needs,
        goals=tuple(row.goals),
        next_steps=tuple(row.next_steps),
        agreement_ids=tuple(UUID(a) for a in row.agreement_ids),
    )
