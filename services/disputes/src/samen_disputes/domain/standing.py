"""Where a dispute stands: the facts its events carry and its views show.

One function, so the event a guardian's message is built from and the page the
guardian reads agree on the stage, the deadlines and the options.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Unpack

from samen_disputes.domain.clock import local_date, require_aware
from samen_disputes.domain.deadlines import (
    Deadline,
    DeadlineSettings,
    NoStatutoryDeadline,
    open_deadlines,
)
from samen_disputes.domain.rights import ParentOption, ParentRights, RightsTerms, parent_rights
from samen_disputes.domain.rules import TenantRules
from samen_disputes.domain.stages import Stage
from samen_disputes.domain.state import DisputeState


@dataclass(frozen=True)
class Standing:
    stage: Stage | None  # the active stage entered last; None once the dispute ended
    stages: tuple[Stage, ...]  # the active tracks, in the order they started
    situation: str
    next_deadline: Deadline | NoStatutoryDeadline | None
    deadlines: tuple[Deadline, ...]
    options: tuple[ParentOption, ...]
    rights: ParentRights


def standing_of(
    state: DisputeState,
    rules: TenantRules,
    settings: DeadlineSettings,
    now: datetime,
    **terms: Unpack[RightsTerms],
) -> Standing:
    rights = parent_rights(state, rules, settings, now, **terms)
    stages = tuple(track.stage for track in state.tracks)
    return Standing(
        stage=stages[-1] if stages else None,
        stages=stages,
        situation=rights.situation,
        next_deadline=rights.next_deadline,
        deadlines=open_deadlines(state, settings),
        options=rights.options,
        rights=rights,
    )


def age_in_days(state: DisputeState, now: datetime) -> int:
    """Whole Amsterdam calendar days since the dispute opened (until it ended)."""
    until = state.ended_at if state.ended_at is not None else require_aware(now)
    return (local_date(until) - local_date(state.opened_at)).days
