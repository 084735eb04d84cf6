"""Staff's use cases on an OPP: start it when extra support starts, write versions,
offer the latest action part for consent, record evaluations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID, uuid4

from samen_contract.events import plans as ev
from samen_kit.access import StaffPrincipal
from samen_kit.db import unit_of_work
from samen_kit.roster import Roster

from samen_plans.adapters.mapping import apply_opp, opp_of
from samen_plans.adapters.opps import SqlOpps
from samen_plans.adapters.tables import EvaluationRow, OppRow, OppVersionRow
from samen_plans.domain.calendar import opp_due_on
from samen_plans.domain.content import (
    ActionPart,
    Basis,
    action_part_content,
    action_part_sha256,
    basis_content,
)
from samen_plans.domain.errors import (
    OppAlreadyOpen,
    OppIdTaken,
    PupilHasLeft,
    SupportStartInFuture,
)
from samen_plans.domain.evaluation import evaluated, held_with_parents
from samen_plans.domain.opp import Opp, OppStatus, offered, version_written
from samen_plans.handlers.access import opp_for_staff, pupil_for_staff
from samen_plans.handlers.context import Context
from samen_plans.handlers.emitting import emit_for, opp_ids


@dataclass(frozen=True)
class StartOpp:
    opp_id: UUID
    pupil_id: UUID
    support_started_on: date


async def start_opp(deps: Context, staff: StaffPrincipal, cmd: StartOpp) -> OppRow:
    now, today = deps.clock.now(), deps.today()
    if cmd.support_started_on > today:
        raise SupportStartInFuture()
    async with unit_of_work(deps.sessions) as session:
        pupil = await pupil_for_staff(session, staff, cmd.pupil_id)
        if pupil.left_on is not None:
            raise PupilHasLeft()
        opps = SqlOpps(session)
        if await opps.in_tenant(staff.tenant, cmd.opp_id) is not None:
            raise OppIdTaken()
        if await opps.open_of_pupil(staff.tenant, cmd.pupil_id) is not None:
            raise OppAlreadyOpen()
        row = OppRow(
            tenant=pupil.tenant,
            opp_id=cmd.opp_id,
            pupil_id=pupil.pupil_id,
            school_id=pupil.school_id,
            board_id=pupil.board_id,
            support_started_on=cmd.support_started_on,
            opp_due_on=opp_due_on(cmd.support_started_on),
            status=OppStatus.DRAFTING.value,
            created_by=staff.actor,
            created_at=now,
        )
        opps.add(row)
        await session.flush()
        event = ev.SupportStarted(
            **opp_ids(row),
            started_on=row.support_started_on,
            opp_due_on=row.opp_due_on,
        )
        await emit_for(session, deps.writer, row, event, actor=staff.actor, at=now)
    return row


async def write_version(
    deps: Context, staff: StaffPrincipal, opp_id: UUID, basis: Basis, part: ActionPart
) -> OppVersionRow:
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        row = await opp_for_staff(session, staff, opp_id, lock=True)
        opp = version_written(opp_of(row))
        content: dict[str, Any] = action_part_content(part)
        version = OppVersionRow(
            tenant=row.tenant,
            opp_id=row.opp_id,
            version=opp.latest_version,
            basis=basis_content(basis),
            action_part=content,
            action_part_sha256=action_part_sha256(content),
            written_by=staff.actor,
            written_at=now,
        )
        SqlOpps(session).add(version)
        apply_opp(row, opp)
        event = ev.OppVersionWritten(
            **opp_ids(row),
            version=version.version,
            action_part_sha256=version.action_part_sha256,
        )
        await emit_for(session, deps.writer, row, event, actor=staff.actor, at=now)
    return version


async def offer_version(
    deps: Context, staff: StaffPrincipal, opp_id: UUID, version: int, answer_by: date | None
) -> OppVersionRow:
    now = deps.clock.now()
    async with unit_of_work(deps.sessions) as session:
        row = await opp_for_staff(session, staff, opp_id, lock=True)
        opp = offered(opp_of(row), version)
        written = await SqlOpps(session).version(row.tenant, row.opp_id, version, lock=True)
        assert written is not None  # the latest version exists once it is numbered
        written.offered_at, written.answer_by = now, answer_by
        apply_opp(row, opp)
        event = ev.ActionPartOffered(
            **opp_ids(row),
            version=version,
            action_part_sha256=written.action_part_sha256,
            answer_by=answer_by,
        )
        await emit_for(session, deps.writer, row, event, actor=staff.actor, at=now)
    return written


@dataclass(frozen=True)
class RecordEvaluation:
    opp_id: UUID
    held_on: date
    guardians_present: tuple[UUID, ...]
    guardians_declined: tuple[UUID, ...]


async def record_evaluation(
    deps: Context, staff: StaffPrincipal, cmd: RecordEvaluation
) -> tuple[EvaluationRow, Opp]:
    now, today = deps.clock.now(), deps.today()
    async with unit_of_work(deps.sessions) as session:
        row = await opp_for_staff(session, staff, cmd.opp_id, lock=True)
        guardians = await Roster(session).guardians(row.tenant, row.pupil_id)
        with_parents = held_with_parents(cmd.guardians_present, cmd.guardians_declined, guardians)
        before = opp_of(row)
        after = evaluated(before, cmd.held_on, with_parents, today)
        evaluation = EvaluationRow(
            tenant=row.tenant,
            evaluation_id=uuid4(),
            opp_id=row.opp_id,
            school_id=row.school_id,
            held_on=cmd.held_on,
            with_parents=with_parents,
            due_on=before.evaluation_due_on,
            guardians_present=[str(g) for g in cmd.guardians_present],
            guardians_declined=[str(g) for g in cmd.guardians_declined],
            recorded_by=staff.actor,
            recorded_at=now,
        )
        session.add(evaluation)
        apply_opp(row, after)
        event = ev.EvaluationHeld(
            **opp_ids(row),
            held_on=cmd.held_on,
            with_parents=with_parents,
            next_due_on=after.evaluation_due_on if with_parents else None,
        )
        await emit_for(session, deps.writer, row, event, actor=staff.actor, at=now)
    return evaluation, after
