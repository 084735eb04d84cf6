"""Contract events from the domain's transitions: ids, codes and dates only."""

from collections.abc import Iterable
from typing import Any

from samen_contract import Event
from samen_contract.events.disputes import (
    DisputeDeadlineApproaching,
    DisputeDeadlineMissed,
    DisputeDecided,
    DisputeOpened,
    DisputeResolved,
    DisputeStageChanged,
    DisputeTerm,
    DisputeWithdrawn,
    GuardianOption,
)

from samen_disputes.adapters.tables import DisputeRow
from samen_disputes.domain import (
    CommitteeAdvice,
    Deadline,
    DueItem,
    DueKind,
    NoStatutoryDeadline,
    ParentOption,
    SchoolKind,
    Stage,
    Standing,
    Transition,
    TransitionKind,
    opener_of,
)


def _codes(stages: Iterable[Stage]) -> tuple[str, ...]:
    return tuple(sorted(str(s) for s in stages))


def _term(deadline: Deadline) -> DisputeTerm:
    return DisputeTerm(
        kind=str(deadline.kind),
        party=str(deadline.party),
        stage=str(deadline.stage),
        due_date=deadline.due_date,
    )


def _option(option: ParentOption) -> GuardianOption:
    day = option.deadline.due_date if option.deadline else None
    return GuardianOption(kind=str(option.kind), due_date=day, term_passed=option.term_passed)


def options_of(standing: Standing) -> tuple[GuardianOption, ...]:
    return tuple(_option(o) for o in standing.options)


def standing_fields(standing: Standing, school_kind: SchoolKind) -> dict[str, Any]:
    """The fields `DisputeOpened` and `DisputeStageChanged` share."""
    assert standing.stage is not None, "an open dispute has an active stage"
    nearest = standing.next_deadline
    fields: dict[str, Any] = {
        "school_kind": str(school_kind),
        "stage": str(standing.stage),
        "stages": tuple(str(s) for s in standing.stages),
        "situation": standing.situation,
        "deadlines": tuple(_term(d) for d in standing.deadlines),
        "guardian_options": options_of(standing),
    }
    if isinstance(nearest, Deadline):
        fields |= {
            "next_deadline_kind": str(nearest.kind),
            "next_deadline_party": str(nearest.party),
            "next_deadline_date": nearest.due_date,
        }
    elif isinstance(nearest, NoStatutoryDeadline):
        fields["no_deadline_reason"] = str(nearest.reason)
    return fields


def _ids(row: DisputeRow) -> dict[str, Any]:
    return {
        "dispute_id": row.id,
        "pupil_id": row.pupil_id,
        "school_id": row.school_id,
        "subject": row.subject,
    }


def opened(row: DisputeRow, standing: Standing, school_kind: SchoolKind) -> DisputeOpened:
    return DisputeOpened(
        **_ids(row),
        opened_by=row.opened_by,
        decision_date=row.decision_date,
        opp_id=row.opp_id,
        **standing_fields(standing, school_kind),
    )


def after_move(
    row: DisputeRow,
    transition: Transition,
    standing: Standing,
    school_kind: SchoolKind,
    advice_answered: CommitteeAdvice | None = None,
) -> Event:
    """`advice_answered`: the committee's advice a decision answers (from the prior state)."""
    side = str(opener_of(transition.actor.role))
    before = _codes(transition.stages_before)
    ending: dict[str, Any] = {**_ids(row), "opp_id": row.opp_id, "stages_before": before}
    match transition.kind:
        case TransitionKind.RESOLVED:
            return DisputeResolved(**ending, resolved_by=side)
        case TransitionKind.WITHDRAWN:
            return DisputeWithdrawn(**ending, withdrawn_by=side)
        case TransitionKind.DECIDED:
            assert transition.outcome is not None
            return DisputeDecided(
                **ending,
                outcome=str(transition.outcome),
                advice=str(advice_answered) if advice_answered else None,
                departs_from_advice=transition.departs_from_advice,
                guardian_options=options_of(standing),
            )
    return DisputeStageChanged(
        **_ids(row),
        move=str(transition.move.action),
        entered_stage=str(transition.move.stage) if transition.move.stage else None,
        advice=str(transition.advice) if transition.advice else None,
        stages_before=before,
        stages_after=_codes(transition.stages_after),
        moved_by=side,
        **standing_fields(standing, school_kind),
    )


def due(row: DisputeRow, item: DueItem) -> Event:
    fields = {
        **_ids(row),
        "deadline_kind": str(item.deadline.kind),
        "party": str(item.deadline.party),
        "stage": str(item.deadline.stage),
        "due_date": item.deadline.due_date,
    }
    if item.kind is DueKind.MISSED:
        return DisputeDeadlineMissed(**fields)
    return DisputeDeadlineApproaching(**fields)
