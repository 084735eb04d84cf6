"""Deadlines of a dispute, computed from the decision date and the state's tracks.

Terms count calendar days in Europe/Amsterdam from the day of the event (a term of six
weeks after a decision of 20 December runs to and including 31 January); a deadline ends
at the end of its day in Amsterdam and is stored as that UTC instant.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from samen_disputes.domain.clock import end_of_day, local_date, require_aware
from samen_disputes.domain.guards import formal_stage_open
from samen_disputes.domain.stages import Stage
from samen_disputes.domain.state import DisputeState, Track
from samen_disputes.domain.working_days import on_or_after_working_day


class DeadlineKind(StrEnum):
    OBJECTION_FILING = "objection_filing"  # guardians file bezwaar
    OBJECTION_DECISION = "objection_decision"  # the board decides on it
    COMMITTEE_REQUEST = "committee_request"  # guardians go to the committee
    COMMITTEE_DEFENCE = "committee_defence"  # the board sends its defence
    COMMITTEE_PROCEDURE = "committee_procedure"  # the committee gives its advice
    BOARD_RESPONSE_TO_ADVICE = "board_response_to_advice"  # the board answers the advice


class Party(StrEnum):
    """Who must act by the deadline."""

    GUARDIANS = "guardians"
    BOARD = "board"
    COMMITTEE = "committee"


_PARTY_AND_STAGE: dict[DeadlineKind, tuple[Party, Stage]] = {
    DeadlineKind.OBJECTION_FILING: (Party.GUARDIANS, Stage.OBJECTION),
    DeadlineKind.OBJECTION_DECISION: (Party.BOARD, Stage.OBJECTION),
    DeadlineKind.COMMITTEE_REQUEST: (Party.GUARDIANS, Stage.DISPUTES_COMMITTEE),
    DeadlineKind.COMMITTEE_DEFENCE: (Party.BOARD, Stage.DISPUTES_COMMITTEE),
    DeadlineKind.COMMITTEE_PROCEDURE: (Party.COMMITTEE, Stage.DISPUTES_COMMITTEE),
    DeadlineKind.BOARD_RESPONSE_TO_ADVICE: (Party.BOARD, Stage.DISPUTES_COMMITTEE),
}


class NoDeadlineReason(StrEnum):
    EDUCATION_CONSULTANT = "education_consultant"  # the onderwijsconsulent has no statutory term
    INFORMAL_STAGE = "informal_stage"  # talks or mediation, with no formal term running


@dataclass(frozen=True)
class DeadlineSettings:
    """A tenant's terms, in weeks; defaults from the glossary. Check them against the law."""

    objection_filing_weeks: int = 6
    objection_decision_weeks: int = 4  # counted from the end of the filing term
    committee_request_weeks: int = 6
    committee_defence_weeks: int = 2
    committee_procedure_weeks: int = 10
    # Not in the glossary: the board's answer to the committee's advice (assumed 4 weeks).
    board_response_weeks: int = 4
    approach_days: int = 7
    # Algemene termijnenwet: a term ending on a weekend or public holiday runs on.
    extend_to_working_day: bool = True

    def __post_init__(self) -> None:
        weeks = [v for k, v in vars(self).items() if k.endswith("_weeks")]
        if any(w < 1 for w in weeks) or self.approach_days < 0:
            raise ValueError("terms are at least one week; approach_days is not negative")


DEFAULT_SETTINGS = DeadlineSettings()


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    party: Party
    stage: Stage
    due_date: date  # the last day, in Amsterdam
    due_at: datetime  # the end of that day, UTC

    def is_missed(self, now: datetime) -> bool:
        return require_aware(now) >= self.due_at


@dataclass(frozen=True)
class NoStatutoryDeadline:
    """The explicit marker for a stage that runs without a statutory term."""

    stage: Stage
    reason: NoDeadlineReason


def deadline_after(
    kind: DeadlineKind, start: date, weeks: int, settings: DeadlineSettings
) -> Deadline:
    due = start + timedelta(weeks=weeks)
    if settings.extend_to_working_day:
        due = on_or_after_working_day(due)
    party, stage = _PARTY_AND_STAGE[kind]
    return Deadline(kind, party, stage, due, end_of_day(due))


def open_deadlines(state: DisputeState, settings: DeadlineSettings) -> tuple[Deadline, ...]:
    """Every deadline still waiting for its move, earliest first (a passed one stays open)."""
    if state.is_ended:
        return ()
    found = [*_filing_terms(state, settings), *_track_terms(state, settings)]
    return tuple(sorted(found, key=lambda d: (d.due_at, list(DeadlineKind).index(d.kind))))


def next_deadline(
    state: DisputeState, settings: DeadlineSettings
) -> Deadline | NoStatutoryDeadline | None:
    """The earliest open deadline; the marker when none runs; None once the dispute ended."""
    if state.is_ended:
        return None
    deadlines = open_deadlines(state, settings)
    if deadlines:
        return deadlines[0]
    stage = state.informal_stage
    # Every formal track has a term (see _track_terms), so an informal stage is active here.
    assert stage is not None, "a formal track without a deadline"
    if stage is Stage.EDUCATION_CONSULTANT:
        return NoStatutoryDeadline(stage, NoDeadlineReason.EDUCATION_CONSULTANT)
    return NoStatutoryDeadline(stage, NoDeadlineReason.INFORMAL_STAGE)


def _filing_terms(state: DisputeState, settings: DeadlineSettings) -> list[Deadline]:
    """The guardians' terms to start a formal track that is open to them and not yet started."""
    decided_on = state.decision_date
    if decided_on is None:
        return []
    terms = []
    if _may_still_start(state, Stage.OBJECTION):
        terms.append(_objection_filing(decided_on, settings))
    if _may_still_start(state, Stage.DISPUTES_COMMITTEE):
        weeks = settings.committee_request_weeks
        terms.append(deadline_after(DeadlineKind.COMMITTEE_REQUEST, decided_on, weeks, settings))
    return terms


def _may_still_start(state: DisputeState, stage: Stage) -> bool:
    return stage not in state.stages and formal_stage_open(state, stage)


def _objection_filing(decided_on: date, settings: DeadlineSettings) -> Deadline:
    weeks = settings.objection_filing_weeks
    return deadline_after(DeadlineKind.OBJECTION_FILING, decided_on, weeks, settings)


def _track_terms(state: DisputeState, settings: DeadlineSettings) -> list[Deadline]:
    committee = state.committee
    if committee is not None and committee.advice_at is None:
        # While the committee hears the case its terms run; the board's term on an
        # objection is suspended until the committee's judgment (Wpo art. 43 lid 4).
        return _committee_terms(committee, settings)
    if Stage.OBJECTION in state.stages and state.decision_date is not None:
        return [_objection_decision(state.decision_date, committee, settings)]
    if committee is not None:
        return _committee_terms(committee, settings)
    return []


def _objection_decision(
    decided_on: date, committee: Track | None, settings: DeadlineSettings
) -> Deadline:
    """The board's term on the objection, from the end of the filing term, run on by the
    days it was suspended: Wpo art. 43 lid 4 (and WEC art. 45, Wvo art. 27c) suspends it
    from the day the dispute is brought to the committee to the day of its judgment, so
    the board gets the rest of its term after the advice, not a fresh one."""
    starts = _objection_filing(decided_on, settings).due_date
    suspended = suspended_days(starts, committee)
    weeks = settings.objection_decision_weeks
    return deadline_after(
        DeadlineKind.OBJECTION_DECISION, starts + timedelta(days=suspended), weeks, settings
    )


def suspended_days(term_starts: date, committee: Track | None) -> int:
    """The days of the term that fell between the committee request and its judgment."""
    if committee is None or committee.advice_at is None:
        return 0
    requested_on = local_date(committee.started_at)
    advised_on = local_date(committee.advice_at)
    return max(0, (advised_on - max(requested_on, term_starts)).days)


def _committee_terms(committee: Track, settings: DeadlineSettings) -> list[Deadline]:
    if committee.advice_at is not None:
        advised_on = local_date(committee.advice_at)
        weeks = settings.board_response_weeks
        return [deadline_after(DeadlineKind.BOARD_RESPONSE_TO_ADVICE, advised_on, weeks, settings)]
    requested_on = local_date(committee.started_at)
    terms = [
        deadline_after(
            DeadlineKind.COMMITTEE_PROCEDURE,
            requested_on,
            settings.committee_procedure_weeks,
            settings,
        )
    ]
    asked_on = defence_asked_on(committee)
    if committee.defence_at is None and asked_on is not None:
        weeks = settings.committee_defence_weeks
        terms.append(deadline_after(DeadlineKind.COMMITTEE_DEFENCE, asked_on, weeks, settings))
    return terms


def defence_asked_on(committee: Track) -> date | None:
    """The board's defence term runs from the committee's request to the board, not from
    the guardians' request to the committee: the committee sends the request on to the
    board and the term runs from there (Reglement Geschillencommissie passend onderwijs,
    Stichting Onderwijsgeschillen; to be checked against its current text). Until the
    committee asked, no defence term runs."""
    if committee.defence_requested_at is None:
        return None
    return local_date(committee.defence_requested_at)
