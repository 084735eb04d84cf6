"""Between the API's bodies and the use cases' values, both ways."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.error_table import Unusable
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import roster
from samen_notifications.adapters.tables import BroadcastRow, MessageRow, NotificationRow
from samen_notifications.domain.evening import InvitedEvent
from samen_notifications.domain.ical import InvalidCalendarEntry
from samen_notifications.entrypoints.schemas import (
    BroadcastIn,
    MessageOut,
    NotificationOut,
    RosterContactsIn,
    StaffContactsIn,
)
from samen_notifications.handlers.roster_import import GuardianLine, RosterLine, StaffLine
from samen_notifications.rendering import FALLBACK_LANGUAGE


def roster_lines(body: RosterContactsIn) -> list[RosterLine]:
    return [
        RosterLine(
            line=row.line,
            pupil_id=row.pupil_id,
            pupil_first_name=row.pupil_first_name.strip() or None,
            guardians=tuple(
                GuardianLine(g.guardian_id, g.email, g.mobile, g.language or "nl", g.do_not_contact)
                for g in row.guardians
            ),
        )
        for row in body.rows
    ]


def staff_lines(body: StaffContactsIn) -> list[StaffLine]:
    return [
        StaffLine(
            line=s.line if s.line is not None else index,
            staff_id=s.staff_id,
            role=s.role,
            school_ids=tuple(s.school_ids),
            email=s.email,
            name=s.name,
        )
        for index, s in enumerate(body.staff)
    ]


def broadcast_texts(body: BroadcastIn, languages: frozenset[str]) -> dict[str, dict[str, str]]:
    """Dutch is required; other languages only where a message frame exists for them."""
    if FALLBACK_LANGUAGE not in body.texts:
        raise Unusable("a broadcast needs its Dutch text (texts.nl)")
    unknown = sorted(set(body.texts) - languages)
    if unknown:
        raise Unusable(
            f"no message frame for: {', '.join(unknown)}", extra={"languages": sorted(languages)}
        )
    return {
        lang: {k: v for k, v in text.model_dump().items() if v is not None}
        for lang, text in body.texts.items()
    }


def broadcast_event(body: BroadcastIn) -> InvitedEvent | None:
    """The event invited to; `Unusable` when it cannot make a calendar entry."""
    if body.event is None:
        return None
    found = body.event
    try:
        return InvitedEvent(
            found.event_id, found.title, found.starts_at, found.ends_at, found.place
        )
    except InvalidCalendarEntry as error:
        raise Unusable(str(error)) from error


def may_see_broadcast(staff: StaffPrincipal, row: BroadcastRow) -> bool:
    if row.scope_kind == "tenant" or row.scope_id is None:
        return staff.sees_whole_tenant
    if row.scope_kind == "board":
        return staff.covers_board(row.scope_id)
    return staff.covers_school(row.scope_id)


async def any_pupil_visible(
    session: AsyncSession, staff: StaffPrincipal, pupil_ids: Sequence[UUID]
) -> bool:
    pupils = await roster.pupils(session, staff.tenant, pupil_ids)
    school_ids = {p.school_id for p in pupils.values() if p.school_id is not None}
    schools = await roster.schools(session, staff.tenant, school_ids)
    return any(
        staff.covers_school(sid, schools[sid].board_id if sid in schools else None)
        for sid in school_ids
    )


def notifications_out(
    notes: Sequence[NotificationRow], sent: Sequence[MessageRow]
) -> list[NotificationOut]:
    by_notification: dict[UUID, list[MessageOut]] = {}
    for m in sent:
        by_notification.setdefault(m.notification_id, []).append(_message_out(m))
    return [
        NotificationOut(
            notification_id=n.id,
            recipient_kind=n.recipient_kind,
            recipient_id=n.recipient_id,
            template=n.template,
            status=n.status,
            caused_by=n.cause_id,
            caused_by_type=n.cause_type,
            command=n.command,
            created_at=n.created_at,
            messages=by_notification.get(n.id, []),
        )
        for n in notes
    ]


def _message_out(m: MessageRow) -> MessageOut:
    return MessageOut(
        message_id=m.id,
        channel=m.channel,
        status=m.status,
        attempts=m.attempts,
        language=m.lang_used,
        fell_back=m.fell_back,
        not_before=m.not_before,
        sent_at=m.sent_at,
        delivered_at=m.delivered_at,
        failed_at=m.failed_at,
        failure_reason=m.failure_reason,
    )
