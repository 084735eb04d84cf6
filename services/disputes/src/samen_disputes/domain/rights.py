"""What the guardians can do next and by when, as data the notification templates render."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import TypedDict

from samen_disputes.domain.actors import Role
from samen_disputes.domain.deadlines import (
    Deadline,
    DeadlineKind,
    DeadlineSettings,
    NoStatutoryDeadline,
    Party,
    next_deadline,
    open_deadlines,
)
from samen_disputes.domain.guards import consultant_may_take
from samen_disputes.domain.moves import Action, Move
from samen_disputes.domain.procedure import allowed_moves
from samen_disputes.domain.rights_texts import OPTION, OVERDUE, STAND, TERM_PASSED, WAITING
from samen_disputes.domain.rules import TenantRules
from samen_disputes.domain.stages import Ending, Stage
from samen_disputes.domain.state import DisputeState
from samen_disputes.domain.subjects import SchoolKind
from samen_disputes.domain.texts import Text, text

EDUCATION_CONSULTANTS_CONTACT = "www.onderwijsconsulenten.nl"

_FILING_TERM: dict[Stage, DeadlineKind] = {
    Stage.OBJECTION: DeadlineKind.OBJECTION_FILING,
    Stage.DISPUTES_COMMITTEE: DeadlineKind.COMMITTEE_REQUEST,
}


class OptionKind(StrEnum):
    CONVERSATION = "conversation"
    MEDIATION = "mediation"
    EDUCATION_CONSULTANT = "education_consultant"
    OBJECTION = "objection"
    DISPUTES_COMMITTEE = "disputes_committee"
    RESOLVE = "resolve"
    WITHDRAW = "withdraw"
    COURT = "court"


@dataclass(frozen=True)
class ParentOption:
    kind: OptionKind
    move: Move | None  # the move on this service that takes the option, if there is one
    deadline: Deadline | None  # the guardians' term for it, if one runs
    term_passed: bool
    free_and_independent: bool
    contact: str | None
    text: Text


@dataclass(frozen=True)
class Waiting:
    """A term that runs for the board or the committee, not for the guardians."""

    deadline: Deadline
    overdue: bool
    text: Text


@dataclass(frozen=True)
class ParentRights:
    situation: str
    where_you_stand: Text
    options: tuple[ParentOption, ...]
    waiting_for: tuple[Waiting, ...]
    next_deadline: Deadline | NoStatutoryDeadline | None


class RightsTerms(TypedDict, total=False):
    """A tenant's terms for the parents' rights; `parent_rights` has their defaults."""

    consultants_contact: str
    school_kind: SchoolKind


def parent_rights(
    state: DisputeState,
    rules: TenantRules,
    settings: DeadlineSettings,
    now: datetime,
    *,
    consultants_contact: str = EDUCATION_CONSULTANTS_CONTACT,
    school_kind: SchoolKind = SchoolKind.PUBLIC,
) -> ParentRights:
    """`school_kind`: the route after a refusal to admit or a removal differs between
    public and private schools (see `SchoolKind`)."""
    situation = situation_of(state)
    nl, en = STAND[situation]
    deadlines = open_deadlines(state, settings)
    return ParentRights(
        situation=situation,
        where_you_stand=text(f"dispute.stand.{situation}", nl, en),
        options=_options(state, rules, deadlines, now, consultants_contact, school_kind),
        waiting_for=tuple(_waiting(d, now) for d in deadlines if d.party is not Party.GUARDIANS),
        next_deadline=next_deadline(state, settings),
    )


def situation_of(state: DisputeState) -> str:
    if state.ending is not None:
        return str(state.ending)
    committee = state.committee
    advised = "_advised" if committee is not None and committee.advice else ""
    if committee is not None and Stage.OBJECTION in state.stages:
        return f"objection_and_committee{advised}"
    if committee is not None:
        return f"disputes_committee{advised}"
    if Stage.OBJECTION in state.stages:
        return "objection"
    assert state.informal_stage is not None  # an open dispute has an active track
    return str(state.informal_stage)


def _options(
    state: DisputeState,
    rules: TenantRules,
    deadlines: tuple[Deadline, ...],
    now: datetime,
    contact: str,
    school_kind: SchoolKind,
) -> tuple[ParentOption, ...]:
    moves = allowed_moves(state, Role.GUARDIAN, rules)
    options = [_move_option(move, deadlines, now, contact, school_kind) for move in moves]
    advice_offered = any(o.kind is OptionKind.EDUCATION_CONSULTANT for o in options)
    # Free, independent advice is open to guardians even when no move leads there, but
    # not while a legal procedure runs (the consultant does not take the case then).
    may_ask = state.is_ended or consultant_may_take(state)
    if not advice_offered and may_ask and state.informal_stage is not Stage.EDUCATION_CONSULTANT:
        options.append(_option(OptionKind.EDUCATION_CONSULTANT, None, None, now, contact))
    if state.ending is Ending.DECIDED:
        options.append(_option(OptionKind.COURT, None, None, now, contact, school_kind))
    return tuple(options)


def _move_option(
    move: Move,
    deadlines: tuple[Deadline, ...],
    now: datetime,
    contact: str,
    school_kind: SchoolKind,
) -> ParentOption:
    if move.action is not Action.ENTER:
        return _option(OptionKind(str(move.action)), move, None, now, contact)
    assert move.stage is not None
    term = _FILING_TERM.get(move.stage)
    deadline = next((d for d in deadlines if d.kind is term), None)
    return _option(OptionKind(str(move.stage)), move, deadline, now, contact, school_kind)


#: At a private school the objection is a request for review and the court the civil one.
_PRIVATE_ROUTE = frozenset({OptionKind.OBJECTION, OptionKind.COURT})


def _option(
    kind: OptionKind,
    move: Move | None,
    deadline: Deadline | None,
    now: datetime,
    contact: str,
    school_kind: SchoolKind = SchoolKind.PUBLIC,
) -> ParentOption:
    private = school_kind is SchoolKind.PRIVATE and kind in _PRIVATE_ROUTE
    key = f"{kind}_private" if private else str(kind)
    nl, en = OPTION[key]
    day = deadline.due_date if deadline else None
    body = text(
        f"dispute.option.{key}", nl, en, day=day, contact=contact if "{contact}" in nl else ""
    )
    passed = deadline is not None and deadline.is_missed(now)
    if passed:
        body = body.followed_by(text("dispute.term_passed", *TERM_PASSED))
    is_advice = kind is OptionKind.EDUCATION_CONSULTANT
    return ParentOption(
        kind, move, deadline, passed, is_advice, contact if is_advice else None, body
    )


def _waiting(deadline: Deadline, now: datetime) -> Waiting:
    nl, en = WAITING[deadline.kind]
    body = text(f"dispute.waiting.{deadline.kind}", nl, en, day=deadline.due_date)
    overdue = deadline.is_missed(now)
    if overdue:
        body = body.followed_by(text("dispute.overdue", *OVERDUE))
    return Waiting(deadline, overdue, body)
