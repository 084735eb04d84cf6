"""Making a move: the tenant's rules decide, the row lock orders, the outbox tells."""

from dataclasses import dataclass
from uuid import UUID, uuid4

from samen_disputes import domain
from samen_disputes.adapters.state_rows import state_of, write_state
from samen_disputes.adapters.tables import MoveRow
from samen_disputes.domain import CommitteeAdvice, DecisionOutcome, Move
from samen_disputes.handlers import facts
from samen_disputes.handlers.access import dispute_for
from samen_disputes.handlers.context import Acting, Deps
from samen_disputes.handlers.emitting import about_dispute


@dataclass(frozen=True)
class MakeMove:
    dispute_id: UUID
    move: Move
    reason: str | None = None
    outcome: DecisionOutcome | None = None
    advice: CommitteeAdvice | None = None


async def make_move(deps: Deps, acting: Acting, command: MakeMove) -> None:
    """Nothing changes when the domain refuses: its error rolls the unit of work back."""
    now = deps.clock.now()
    async with deps.unit_of_work() as uow:
        row = await dispute_for(uow, acting, command.dispute_id, lock=True)
        config = await uow.configs.of(row.tenant)
        prior = state_of(row)
        state, transition = domain.apply(
            prior,
            command.move,
            acting.actor,
            now,
            command.reason,
            rules=config.rules,
            outcome=command.outcome,
            advice=command.advice,
        )
        write_state(row, state)
        uow.disputes.add(_move_row(row.id, row.tenant, transition))
        school_kind = await uow.school_kinds.of(row.tenant, row.school_id)
        standing = config.standing(state, now, school_kind)
        answered = prior.committee.advice if prior.committee else None
        event = facts.after_move(row, transition, standing, school_kind, answered)
        await uow.emit(event, **about_dispute(row, acting.envelope_actor, now))


def _move_row(dispute_id: UUID, tenant: str, transition: domain.Transition) -> MoveRow:
    return MoveRow(
        id=uuid4(),
        dispute_id=dispute_id,
        tenant=tenant,
        move=str(transition.move),
        kind=str(transition.kind),
        actor=str(transition.actor),
        at=transition.at,
        reason=transition.reason,
        outcome=str(transition.outcome) if transition.outcome else None,
        advice=str(transition.advice) if transition.advice else None,
        departs_from_advice=transition.departs_from_advice,
        stages_before=sorted(str(s) for s in transition.stages_before),
        stages_after=sorted(str(s) for s in transition.stages_after),
    )
