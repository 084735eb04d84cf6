"""Staff routes for the staff directory and the tenant's settings."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Response, status

from samen_meetings.domain.kinds import ParticipantRole
from samen_meetings.domain.settings import TenantSettings
from samen_meetings.entrypoints.deps import (
    CanChangeSettings,
    CanReadSettings,
    CanReadStaff,
    CanRegisterStaff,
    Ctx,
)
from samen_meetings.entrypoints.schemas import SettingsBody, StaffIn, StaffOut, StaffRole
from samen_meetings.handlers import admin

router = APIRouter(tags=["admin"])


@router.put("/staff/{person_id}", status_code=status.HTTP_204_NO_CONTENT)
async def register_staff(
    person_id: UUID, body: StaffIn, staff: CanRegisterStaff, ctx: Ctx
) -> Response:
    """A colleague who can take part in meetings, with the schools they work at."""
    role = ParticipantRole(body.role.value)
    await admin.register_staff(ctx, staff, person_id, role, body.school_ids)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/staff", response_model=list[StaffOut])
async def staff_of_school(school_id: UUID, staff: CanReadStaff, ctx: Ctx) -> list[StaffOut]:
    """Who can be invited to a meeting about a pupil of the school: its staff and the
    samenwerkingsverband's trajectbegeleiders (ids and roles; names live elsewhere)."""
    rows = await admin.staff_of_school(ctx, staff, school_id)
    return [
        StaffOut(person_id=r.person_id, role=StaffRole(r.role), school_ids=r.school_ids)
        for r in rows
    ]


@router.get("/settings", response_model=SettingsBody)
async def get_settings(staff: CanReadSettings, ctx: Ctx) -> SettingsBody:
    return _body(await admin.settings_of(ctx, staff))


@router.put("/settings", response_model=SettingsBody)
async def change_settings(body: SettingsBody, staff: CanChangeSettings, ctx: Ctx) -> SettingsBody:
    """The agreements' evaluation lead time and the meeting reminder's time. (The OPP's
    evaluation cycle is set in the plans service.)"""
    settings = TenantSettings(**body.model_dump())
    return _body(await admin.change_settings(ctx, staff, settings))


def _body(settings: TenantSettings) -> SettingsBody:
    return SettingsBody(
        agreement_lead_days=settings.agreement_lead_days,
        reminder_local_time=settings.reminder_local_time,
    )
