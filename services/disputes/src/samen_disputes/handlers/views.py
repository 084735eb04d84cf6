"""What staff and guardians see: disputes with their age, stage and next deadline."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from samen_kit.access import GuardianClaims, StaffPrincipal
from samen_kit.access.pupils import known_pupil

from samen_disputes.adapters.state_rows import TenantConfig, state_of
from samen_disputes.adapters.tables import DisputeRow, MoveRow, NoteRow
from samen_disputes.adapters.uow import UnitOfWork
from samen_disputes.domain import (
    DisputeState,
    Move,
    SchoolKind,
    Standing,
    age_in_days,
    allowed_moves,
)
from samen_disputes.handlers.access import (
    dispute_for,
    guardian_reaches,
    pupil_for,
    require_authority,
)
from samen_disputes.handlers.context import Acting, Deps, GuardianActing, StaffActing


@dataclass(frozen=True)
class DisputeView:
    row: DisputeRow
    state: DisputeState
    standing: Standing
    age_days: int
    allowed: tuple[Move, ...]  # for the role asking
    school_kind: SchoolKind  # which route the guardians are told


@dataclass(frozen=True)
class DisputeFile:
    view: DisputeView
    moves: Sequence[MoveRow]
    notes: Sequence[NoteRow]


def _view(
    row: DisputeRow, config: TenantConfig, kind: SchoolKind, acting: Acting, now: datetime
) -> DisputeView:
    state = state_of(row)
    standing = config.standing(state, now, kind)
    allowed = tuple(allowed_moves(state, acting.actor.role, config.rules))
    return DisputeView(row, state, standing, age_in_days(state, now), allowed, kind)


async def _views(
    uow: UnitOfWork, rows: Sequence[DisputeRow], acting: Acting, now: datetime
) -> list[DisputeView]:
    configs = await uow.configs.of_tenants(r.tenant for r in rows)
    kinds = await uow.school_kinds.of_schools((r.tenant, r.school_id) for r in rows)
    return [
        _view(row, configs[row.tenant], kinds[(row.tenant, row.school_id)], acting, now)
        for row in rows
    ]


async def disputes_for_staff(
    deps: Deps, staff: StaffPrincipal, *, open_only: bool = True
) -> list[DisputeView]:
    async with deps.unit_of_work() as uow:
        rows = await uow.disputes.list_visible(staff, open_only=open_only)
        return await _views(uow, rows, StaffActing(staff), deps.clock.now())


async def disputes_for_guardian(
    deps: Deps, claims: GuardianClaims, pupil_id: UUID | None = None
) -> list[DisputeView]:
    """The disputes about a pupil that the guardian's link or session reaches: the
    pupil the page names (`pupil_id`, checked as opening a dispute is), else the link's."""
    acting = GuardianActing(claims)
    subject = claims.pupil_id if pupil_id is None else pupil_id
    async with deps.unit_of_work() as uow:
        if pupil_id is not None:  # the page to open one: checked as opening it is
            await pupil_for(uow, acting, pupil_id)
        await known_pupil(uow.roster, claims.tenant, subject)
        await require_authority(uow, acting, subject)
        rows = await uow.disputes.of_pupil(claims.tenant, subject)
        reached = [row for row in rows if await guardian_reaches(uow, acting, row)]
        return await _views(uow, reached, acting, deps.clock.now())


async def dispute_file(deps: Deps, acting: Acting, dispute_id: UUID) -> DisputeFile:
    async with deps.unit_of_work() as uow:
        row = await dispute_for(uow, acting, dispute_id)
        config = await uow.configs.of(row.tenant)
        disputes = uow.disputes
        kind = await uow.school_kinds.of(row.tenant, row.school_id)
        view = _view(row, config, kind, acting, deps.clock.now())
        return DisputeFile(view, await disputes.moves(row.id), await disputes.notes(row.id))
