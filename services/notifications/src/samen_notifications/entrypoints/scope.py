"""Staff see their own tenant and the schools they cover; anything else is "not found",
counted by the kit as a refused attempt (`out_of_scope`, or `not_found` for a plain
miss) for the audit trail."""

from __future__ import annotations

from typing import NoReturn
from uuid import UUID

from samen_kit.access import StaffPrincipal
from samen_kit.access.refusal_book import Hidden, HiddenReason
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import roster
from samen_notifications.handlers.context import Context


async def require_school(
    ctx: Context, session: AsyncSession, staff: StaffPrincipal, school_id: UUID
) -> None:
    school = await roster.school(session, staff.tenant, school_id)
    board = school.board_id if school else None
    if not staff.covers_school(school_id, board):
        await refuse_out_of_scope(ctx, staff, "school")


async def refuse_out_of_scope(ctx: Context, staff: StaffPrincipal, kind: str = "pupil") -> NoReturn:
    raise Hidden(kind, HiddenReason.OUT_OF_SCOPE, tenant=staff.tenant)


async def visible_pupil(
    ctx: Context, session: AsyncSession, staff: StaffPrincipal, pupil_id: UUID
) -> None:
    """The pupil is known in the caller's tenant and at a school the caller covers."""
    pupil = (await roster.pupils(session, staff.tenant, [pupil_id])).get(pupil_id)
    if pupil is None:
        raise Hidden("pupil", HiddenReason.NOT_FOUND, tenant=staff.tenant)
    school = (
        await roster.school(session, staff.tenant, pupil.school_id) if pupil.school_id else None
    )
    board = school.board_id if school else None
    if pupil.school_id is None or not staff.covers_school(pupil.school_id, board):
        await refuse_out_of_scope(ctx, staff)
