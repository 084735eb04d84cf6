"""Staff routes: the roster's contact points, school details, broadcasts, and what was
sent about a pupil (statuses only: addresses never leave this service)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID, uuid4

from fastapi import APIRouter, Depends, Query, status
from samen_kit.access import StaffPrincipal
from samen_kit.db import unit_of_work
from samen_kit.error_table import Absent, Unusable
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import broadcasts, contacts, counters, roster, statuses
from samen_notifications.adapters.transactions import in_repeatable_unit_of_work
from samen_notifications.entrypoints import presenters
from samen_notifications.entrypoints.deps import Ctx
from samen_notifications.entrypoints.permissions import require
from samen_notifications.entrypoints.schemas import (
    BroadcastIn,
    BroadcastOut,
    ImportOut,
    NotificationOut,
    PreferencesLinkOut,
    RosterContactsIn,
    SchoolIn,
    SchoolNameOut,
    SchoolOut,
    StaffContactsIn,
    StaffNameOut,
    StatsOut,
)
from samen_notifications.entrypoints.scope import (
    refuse_out_of_scope,
    require_school,
    visible_pupil,
)
from samen_notifications.handlers import commands, roster_import
from samen_notifications.handlers.context import Context

router = APIRouter(prefix="/v1", tags=["staff"])

CanImport = Annotated[StaffPrincipal, Depends(require("roster.import"))]
CanImportStaff = Annotated[StaffPrincipal, Depends(require("staff.import"))]
CanReadStaffNames = Annotated[StaffPrincipal, Depends(require("staff.names"))]
CanEditSchools = Annotated[StaffPrincipal, Depends(require("schools.edit"))]
CanReadSchoolNames = Annotated[StaffPrincipal, Depends(require("schools.names"))]
CanBroadcast = Annotated[StaffPrincipal, Depends(require("broadcast.send"))]
CanRead = Annotated[StaffPrincipal, Depends(require("notifications.read"))]
CanSendPreferences = Annotated[StaffPrincipal, Depends(require("preferences_link.send"))]
CanReadStats = Annotated[StaffPrincipal, Depends(require("stats.read"))]


@router.post("/roster/contacts", response_model=ImportOut)
async def import_roster_contacts(body: RosterContactsIn, staff: CanImport, ctx: Ctx) -> ImportOut:
    """The roster import's share for this service: guardians' contact points, the pupil's
    first name and the do-not-contact flag. Re-importing the same rows changes nothing."""
    lines = presenters.roster_lines(body)

    async def work(session: AsyncSession) -> roster_import.ImportResult:
        await require_school(ctx, session, staff, body.school_id)
        return await roster_import.import_contacts(
            session,
            ctx.planner,
            tenant=staff.tenant,
            school_id=body.school_id,
            lines=lines,
            now=ctx.clock.now(),
        )

    # The consumer writes the same pupils' rows as it applies enrolments: when PostgreSQL
    # picks the import as a deadlock's victim, it runs again instead of answering 500.
    result = await in_repeatable_unit_of_work(ctx.sessions, work)
    return ImportOut.model_validate(result, from_attributes=True)


@router.post("/roster/staff", response_model=ImportOut)
async def import_staff_contacts(
    body: StaffContactsIn, staff: CanImportStaff, ctx: Ctx
) -> ImportOut:
    """Staff members' e-mail addresses, roles and schools (for staff notices)."""
    lines = presenters.staff_lines(body)
    async with unit_of_work(ctx.sessions) as session:
        for school_id in {s for line in lines for s in line.school_ids}:
            await require_school(ctx, session, staff, school_id)
        result = await roster_import.import_staff(
            session, tenant=staff.tenant, lines=lines, now=ctx.clock.now()
        )
    return ImportOut.model_validate(result, from_attributes=True)


@router.get("/staff", response_model=list[StaffNameOut])
async def staff_names(school_id: UUID, staff: CanReadStaffNames, ctx: Ctx) -> list[StaffNameOut]:
    """Names and roles of the school's staff and the trajectbegeleiders, for choosing who
    takes part in a meeting (addresses stay here)."""
    async with ctx.sessions() as session:
        await require_school(ctx, session, staff, school_id)
        rows = await contacts.staff_to_invite(session, staff.tenant, school_id)
    return [StaffNameOut(staff_id=r.staff_id, role=r.role, name=r.name) for r in rows]


@router.get("/schools", response_model=list[SchoolNameOut])
async def school_names(
    staff: CanReadSchoolNames,
    ctx: Ctx,
    school_id: Annotated[list[UUID], Query(max_length=500)],
) -> list[SchoolNameOut]:
    """The names of these schools of the staff member's tenant, where one is on file."""
    async with ctx.sessions() as session:
        found = await roster.schools(session, staff.tenant, set(school_id))
    return [
        SchoolNameOut(school_id=s, name=row.name) for s, row in sorted(found.items()) if row.name
    ]


@router.put("/schools/{school_id}", response_model=SchoolOut)
async def save_school(
    school_id: UUID, body: SchoolIn, staff: CanEditSchools, ctx: Ctx
) -> SchoolOut:
    """A school's public details, which sign its messages."""
    async with unit_of_work(ctx.sessions) as session:
        await require_school(ctx, session, staff, school_id)
        if body.board_id is not None and not staff.covers_school(school_id, body.board_id):
            await refuse_out_of_scope(ctx, staff)
        await roster.save_school(session, staff.tenant, school_id, body.model_dump())
    return SchoolOut(school_id=school_id, **body.model_dump())


@router.post("/broadcasts", response_model=BroadcastOut, status_code=status.HTTP_202_ACCEPTED)
async def send_broadcast(body: BroadcastIn, staff: CanBroadcast, ctx: Ctx) -> BroadcastOut:
    """One message to every guardian of a school (or one class group of it), a board or
    the whole tenant, in their language where staff wrote it, else Dutch (counted).
    Sending the same `broadcast_id` twice sends once. With an `event`, every e-mail
    carries it as a calendar file."""
    texts = presenters.broadcast_texts(body, ctx.broadcast_languages)
    event = presenters.broadcast_event(body)
    broadcast_id = body.broadcast_id or uuid4()
    async with unit_of_work(ctx.sessions) as session:
        school_ids = await _broadcast_schools(ctx, session, staff, body)
        recipients = await commands.send_broadcast(
            session,
            ctx.planner,
            commands.BroadcastRequest(
                broadcast_id=broadcast_id,
                tenant=staff.tenant,
                scope=commands.BroadcastScope(body.scope, body.scope_id, body.group),
                school_ids=school_ids,
                sender_name=body.sender_name,
                texts=texts,
                created_by=staff.actor,
                event=event,
            ),
            ctx.clock.now(),
        )
    return BroadcastOut(broadcast_id=broadcast_id, recipients=recipients)


async def _broadcast_schools(
    ctx: Context, session: AsyncSession, staff: StaffPrincipal, body: BroadcastIn
) -> tuple[UUID, ...] | None:
    if body.scope == "tenant":
        if not staff.sees_whole_tenant:
            await refuse_out_of_scope(ctx, staff)
        return None
    if body.scope_id is None:
        raise Unusable("scope_id is required for a school or board")
    if body.group is not None and body.scope != "school":
        raise Unusable("a group belongs to one school: use scope school")
    if body.scope == "school":
        await require_school(ctx, session, staff, body.scope_id)
        return (body.scope_id,)
    if not staff.covers_board(body.scope_id):
        await refuse_out_of_scope(ctx, staff)
    return tuple(await roster.schools_of_board(session, staff.tenant, body.scope_id))


@router.get("/broadcasts/{broadcast_id}", response_model=BroadcastOut)
async def broadcast_status(broadcast_id: UUID, staff: CanBroadcast, ctx: Ctx) -> BroadcastOut:
    """How far a broadcast got: its messages by status."""
    async with ctx.sessions() as session:
        row = await broadcasts.get(session, staff.tenant, broadcast_id)
        if row is None or not presenters.may_see_broadcast(staff, row):
            raise Absent()
        counts = await statuses.status_counts(session, staff.tenant, broadcast_id)
    by_status: dict[str, int] = {}
    for per_channel in counts.values():
        for state, count in per_channel.items():
            by_status[state] = by_status.get(state, 0) + count
    return BroadcastOut(broadcast_id=broadcast_id, recipients=row.recipients, messages=by_status)


@router.get("/pupils/{pupil_id}/notifications", response_model=list[NotificationOut])
async def pupil_notifications(pupil_id: UUID, staff: CanRead, ctx: Ctx) -> list[NotificationOut]:
    """What went to whom about this pupil, on which channel, and how it ended."""
    async with ctx.sessions() as session:
        await visible_pupil(ctx, session, staff, pupil_id)
        notes = await statuses.notifications_about_pupil(session, staff.tenant, pupil_id)
        sent = await statuses.messages_about_pupil(session, staff.tenant, pupil_id)
    return presenters.notifications_out(notes, [m for m, _ in sent])


@router.post("/guardians/{guardian_id}/preferences-link", response_model=PreferencesLinkOut)
async def send_preferences_link(
    guardian_id: UUID, staff: CanSendPreferences, ctx: Ctx
) -> PreferencesLinkOut:
    """Send the guardian a link to their own contact preferences (to the points on file)."""
    async with unit_of_work(ctx.sessions) as session:
        pupils = await roster.pupils_of_guardian(session, staff.tenant, guardian_id)
        if not pupils:
            raise Absent()
        if not await presenters.any_pupil_visible(session, staff, pupils):
            await refuse_out_of_scope(ctx, staff)
        outcome = await commands.send_preferences_link(
            session,
            ctx.planner,
            tenant=staff.tenant,
            guardian_id=guardian_id,
            requested_by=staff.actor,
            now=ctx.clock.now(),
        )
    if outcome is None:
        raise Absent()
    return PreferencesLinkOut(
        planned=outcome.planned, waiting=outcome.waiting, unreachable=outcome.unreachable
    )


@router.get("/stats", response_model=StatsOut)
async def stats(staff: CanReadStats, ctx: Ctx) -> StatsOut:
    """Counters of the caller's tenant (language fallbacks by template and language) and
    its messages by channel and status."""
    async with ctx.sessions() as session:
        found = await counters.read(session, staff.tenant)
        by_channel = await statuses.status_counts(session, staff.tenant)
    return StatsOut(counters=found, messages=by_channel)
