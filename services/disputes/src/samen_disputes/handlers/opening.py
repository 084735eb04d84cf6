"""Opening a dispute, by staff or by a guardian through their link."""

from dataclasses import dataclass
from datetime import date
from uuid import UUID, uuid4

from samen_kit.roster import Pupil

from samen_disputes import domain
from samen_disputes.adapters.state_rows import write_state
from samen_disputes.adapters.tables import DisputeRow
from samen_disputes.adapters.uow import UnitOfWork
from samen_disputes.domain import DisputeSubject, Stage
from samen_disputes.handlers import facts
from samen_disputes.handlers.access import pupil_for
from samen_disputes.handlers.context import Acting, Deps
from samen_disputes.handlers.emitting import about_dispute
from samen_disputes.handlers.errors import OppNotOfPupil, OppWithoutOppSubject

OPP_SUBJECTS = frozenset({DisputeSubject.OPP, DisputeSubject.OPP_ACTION_PART})


@dataclass(frozen=True)
class OpenDispute:
    pupil_id: UUID
    subject: DisputeSubject
    description: str
    decision_date: date | None = None
    opp_id: UUID | None = None
    stage: Stage = Stage.CONVERSATION
    at_home_since: date | None = None


async def open_dispute(deps: Deps, acting: Acting, command: OpenDispute) -> UUID:
    now = deps.clock.now()
    async with deps.unit_of_work() as uow:
        pupil = await pupil_for(uow, acting, command.pupil_id)
        config = await uow.configs.of(acting.tenant)
        opp_id = await _opp_for(uow, acting.tenant, command)
        state = domain.open_dispute(
            command.subject,
            acting.actor,
            command.decision_date,
            now,
            rules=config.rules,
            stage=command.stage,
            at_home_since=command.at_home_since,
        )
        row = _new_row(pupil, acting, command, opp_id, state)
        uow.disputes.add(row)
        school_kind = await uow.school_kinds.of(row.tenant, row.school_id)
        standing = config.standing(state, now, school_kind)
        event = facts.opened(row, standing, school_kind)
        await uow.emit(event, **about_dispute(row, acting.envelope_actor, now))
    return row.id


def _new_row(
    pupil: Pupil,
    acting: Acting,
    command: OpenDispute,
    opp_id: UUID | None,
    state: domain.DisputeState,
) -> DisputeRow:
    row = DisputeRow(
        id=uuid4(),
        tenant=pupil.tenant,
        school_id=pupil.school_id,
        board_id=pupil.board_id,
        pupil_id=pupil.pupil_id,
        subject=str(command.subject),
        opened_by=str(state.opened_by),
        opener_actor=acting.envelope_actor,
        description=command.description,
        decision_date=command.decision_date,
        opp_id=opp_id,
        opened_at=state.opened_at,
        last_moved_at=state.last_moved_at,
        tracks=[],
    )
    write_state(row, state)
    return row


async def _opp_for(uow: UnitOfWork, tenant: str, command: OpenDispute) -> UUID | None:
    """The OPP named, checked against the pupil; else the pupil's latest known OPP."""
    if command.subject not in OPP_SUBJECTS:
        if command.opp_id is not None:
            raise OppWithoutOppSubject()
        return None
    opps = uow.opps
    if command.opp_id is None:
        latest = await opps.latest(tenant, command.pupil_id)
        return latest.opp_id if latest else None
    opp = await opps.opp(tenant, command.opp_id)
    if opp is None or opp.pupil_id != command.pupil_id:
        raise OppNotOfPupil()
    return opp.opp_id
