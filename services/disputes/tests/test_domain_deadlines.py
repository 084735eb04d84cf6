"""Deadlines from the decision date and the stage: Amsterdam days, UTC instants."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_disputes.domain import (
    AMSTERDAM,
    DEFAULT_SETTINGS,
    Action,
    CommitteeAdvice,
    Deadline,
    DeadlineKind,
    DeadlineSettings,
    DisputeState,
    DisputeSubject,
    Move,
    NoDeadlineReason,
    NoStatutoryDeadline,
    Party,
    Stage,
    end_of_day,
    local_date,
    next_deadline,
    open_deadlines,
)
from samen_disputes.domain.working_days import easter_sunday, is_working_day, public_holidays

from services.disputes.tests import disputes_factories
from services.disputes.tests.disputes_factories import BOARD, GUARDIAN

pytestmark = pytest.mark.unit

CALENDAR_DAYS = replace(DEFAULT_SETTINGS, extend_to_working_day=False)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def opened(
    decided_on: date | None,
    subject: DisputeSubject = DisputeSubject.REMOVAL,
    at: datetime | None = None,
    stage: Stage = Stage.CONVERSATION,
) -> DisputeState:
    if at is None:
        at = end_of_day(decided_on) if decided_on else utc(2020, 1, 1)
    return disputes_factories.opened(subject, decided_on=decided_on, at=at, stage=stage)


def moved(
    state: DisputeState, move: Move, at: datetime, advice: CommitteeAdvice | None = None
) -> DisputeState:
    actor = GUARDIAN if move.action is Action.ENTER else BOARD
    return disputes_factories.moved(state, move, actor, at=at, advice=advice)


def deadline(state: DisputeState, kind: DeadlineKind, settings: DeadlineSettings) -> Deadline:
    return next(d for d in open_deadlines(state, settings) if d.kind is kind)


# --- year end -----------------------------------------------------------------------


def test_an_objection_to_a_decision_of_20_december_is_due_at_the_end_of_31_january() -> None:
    due = deadline(opened(date(2024, 12, 20)), DeadlineKind.OBJECTION_FILING, DEFAULT_SETTINGS)
    assert due.due_date == date(2025, 1, 31)
    assert due.due_at == utc(2025, 1, 31, 23)  # midnight in Amsterdam (CET, UTC+1)
    assert due.party is Party.GUARDIANS


def test_the_board_decides_four_weeks_after_the_objection_term_ends() -> None:
    state = moved(opened(date(2024, 12, 20)), Move.enter(Stage.OBJECTION), utc(2025, 1, 10))
    due = deadline(state, DeadlineKind.OBJECTION_DECISION, DEFAULT_SETTINGS)
    assert (due.due_date, due.party) == (date(2025, 2, 28), Party.BOARD)


def test_a_term_ending_on_a_saturday_runs_on_to_monday() -> None:
    # 20 December 2025 + 6 weeks is Saturday 31 January 2026.
    state = opened(date(2025, 12, 20))
    assert deadline(state, DeadlineKind.OBJECTION_FILING, CALENDAR_DAYS).due_date == date(
        2026, 1, 31
    )
    assert deadline(state, DeadlineKind.OBJECTION_FILING, DEFAULT_SETTINGS).due_date == date(
        2026, 2, 2
    )


def test_a_defence_term_ending_on_new_years_day_runs_on_to_the_next_working_day() -> None:
    state = moved(
        opened(date(2025, 12, 1)), Move.enter(Stage.DISPUTES_COMMITTEE), utc(2025, 12, 16, 10)
    )
    state = moved(state, Move(Action.REQUEST_DEFENCE), utc(2025, 12, 18, 10))
    due = deadline(state, DeadlineKind.COMMITTEE_DEFENCE, DEFAULT_SETTINGS)
    assert due.due_date == date(2026, 1, 2)
    assert due.due_at == utc(2026, 1, 2, 23)


def test_the_defence_term_runs_from_the_committees_request_to_the_board() -> None:
    """The committee sends the guardians' request on to the board and the board's two
    weeks run from there (the committee's reglement), not from the guardians' request:
    asked by the guardians on 6 May, sent to the board on 20 May, due 3 June."""
    state = moved(
        opened(date(2025, 5, 1), DisputeSubject.OPP),
        Move.enter(Stage.DISPUTES_COMMITTEE),
        utc(2025, 5, 6, 10),
    )
    assert DeadlineKind.COMMITTEE_DEFENCE not in {
        d.kind for d in open_deadlines(state, DEFAULT_SETTINGS)
    }
    state = moved(state, Move(Action.REQUEST_DEFENCE), utc(2025, 5, 20, 10))
    due = deadline(state, DeadlineKind.COMMITTEE_DEFENCE, DEFAULT_SETTINGS)
    assert (due.due_date, due.party) == (date(2025, 6, 3), Party.BOARD)
    # The committee's own ten weeks still run from the guardians' request.
    procedure = deadline(state, DeadlineKind.COMMITTEE_PROCEDURE, DEFAULT_SETTINGS)
    assert procedure.due_date == date(2025, 7, 15)


def test_a_term_ending_on_easter_monday_runs_on_to_tuesday() -> None:
    due = deadline(opened(date(2025, 3, 10)), DeadlineKind.OBJECTION_FILING, DEFAULT_SETTINGS)
    assert due.due_date == date(2025, 4, 22)


# --- daylight saving time -----------------------------------------------------------


@pytest.mark.parametrize(
    ("decided_on", "due_on", "due_at", "day_before_ends_at"),
    [
        # 30 March 2025 has 23 hours: it starts in CET and ends in CEST.
        (date(2025, 2, 16), date(2025, 3, 30), utc(2025, 3, 30, 22), utc(2025, 3, 29, 23)),
        # 26 October 2025 has 25 hours: it starts in CEST and ends in CET.
        (date(2025, 9, 14), date(2025, 10, 26), utc(2025, 10, 26, 23), utc(2025, 10, 25, 22)),
    ],
    ids=["last_sunday_of_march", "last_sunday_of_october"],
)
def test_a_deadline_on_the_day_the_clocks_change_ends_at_its_own_midnight(
    decided_on: date, due_on: date, due_at: datetime, day_before_ends_at: datetime
) -> None:
    due = deadline(opened(decided_on), DeadlineKind.OBJECTION_FILING, CALENDAR_DAYS)
    assert due.due_date == due_on
    assert due.due_at == due_at
    assert end_of_day(due_on - timedelta(days=1)) == day_before_ends_at


def test_a_term_across_the_spring_change_counts_calendar_days_not_hours() -> None:
    decided_on = date(2025, 3, 3)  # CET; the term ends in CEST
    due = deadline(opened(decided_on), DeadlineKind.OBJECTION_FILING, CALENDAR_DAYS)
    assert due.due_date == date(2025, 4, 14)
    assert due.due_at - end_of_day(decided_on) == timedelta(weeks=6) - timedelta(hours=1)


def test_a_committee_request_late_in_the_evening_counts_on_the_amsterdam_day() -> None:
    # 23:30 UTC on 29 March is 00:30 on 30 March in Amsterdam.
    state = moved(
        opened(date(2025, 3, 20)), Move.enter(Stage.DISPUTES_COMMITTEE), utc(2025, 3, 28, 9)
    )
    state = moved(state, Move(Action.REQUEST_DEFENCE), utc(2025, 3, 29, 23, 30))
    due = deadline(state, DeadlineKind.COMMITTEE_DEFENCE, CALENDAR_DAYS)
    assert due.due_date == date(2025, 4, 13)
    assert due.due_at == utc(2025, 4, 13, 22)


# --- which deadline applies in which state -------------------------------------------


def test_the_committee_procedure_takes_at_most_ten_weeks_from_the_request() -> None:
    state = moved(
        opened(date(2025, 5, 1), DisputeSubject.OPP),
        Move.enter(Stage.DISPUTES_COMMITTEE),
        utc(2025, 5, 12, 9),
    )
    due = deadline(state, DeadlineKind.COMMITTEE_PROCEDURE, DEFAULT_SETTINGS)
    assert (due.due_date, due.party) == (date(2025, 7, 21), Party.COMMITTEE)


def test_the_objections_decision_term_waits_while_the_committee_hears_the_case() -> None:
    state = moved(opened(date(2025, 5, 1)), Move.enter(Stage.OBJECTION), utc(2025, 5, 5))
    state = moved(state, Move.enter(Stage.DISPUTES_COMMITTEE), utc(2025, 5, 6))
    kinds = {d.kind for d in open_deadlines(state, DEFAULT_SETTINGS)}
    assert kinds == {DeadlineKind.COMMITTEE_PROCEDURE}
    state = moved(state, Move(Action.REQUEST_DEFENCE), utc(2025, 5, 8))
    kinds = {d.kind for d in open_deadlines(state, DEFAULT_SETTINGS)}
    assert kinds == {DeadlineKind.COMMITTEE_DEFENCE, DeadlineKind.COMMITTEE_PROCEDURE}


def test_after_the_advice_the_board_has_its_answer_term() -> None:
    state = moved(
        opened(date(2025, 5, 1), DisputeSubject.OPP),
        Move.enter(Stage.DISPUTES_COMMITTEE),
        utc(2025, 5, 6),
    )
    state = moved(
        state, Move(Action.RECORD_ADVICE), utc(2025, 6, 2, 12), advice=CommitteeAdvice.UNFOUNDED
    )
    assert open_deadlines(state, DEFAULT_SETTINGS) == (
        deadline(state, DeadlineKind.BOARD_RESPONSE_TO_ADVICE, DEFAULT_SETTINGS),
    )
    assert next_deadline(state, DEFAULT_SETTINGS) == Deadline(
        DeadlineKind.BOARD_RESPONSE_TO_ADVICE,
        Party.BOARD,
        Stage.DISPUTES_COMMITTEE,
        date(2025, 6, 30),
        utc(2025, 6, 30, 22),
    )


def test_a_recorded_defence_closes_the_defence_term() -> None:
    state = moved(
        opened(date(2025, 5, 1), DisputeSubject.OPP),
        Move.enter(Stage.DISPUTES_COMMITTEE),
        utc(2025, 5, 6),
    )
    state = moved(state, Move(Action.RECORD_DEFENCE), utc(2025, 5, 9))
    kinds = {d.kind for d in open_deadlines(state, DEFAULT_SETTINGS)}
    assert kinds == {DeadlineKind.COMMITTEE_PROCEDURE}


def test_the_next_deadline_is_the_earliest_open_one() -> None:
    state = moved(opened(date(2025, 5, 1)), Move.enter(Stage.OBJECTION), utc(2025, 5, 5))
    # The committee request term (12 June) comes before the board's decision (10 July).
    found = next_deadline(state, DEFAULT_SETTINGS)
    assert isinstance(found, Deadline)
    assert found.kind is DeadlineKind.COMMITTEE_REQUEST


def test_the_onderwijsconsulent_stage_has_the_explicit_no_statutory_deadline_marker() -> None:
    state = moved(
        opened(None, DisputeSubject.SUPPORT_OR_ARRANGEMENT),
        Move.enter(Stage.EDUCATION_CONSULTANT),
        utc(2020, 2, 1),
    )
    assert next_deadline(state, DEFAULT_SETTINGS) == NoStatutoryDeadline(
        Stage.EDUCATION_CONSULTANT, NoDeadlineReason.EDUCATION_CONSULTANT
    )


def test_the_onderwijsconsulent_does_not_stop_the_objection_term() -> None:
    state = moved(opened(date(2025, 5, 1)), Move.enter(Stage.EDUCATION_CONSULTANT), utc(2025, 5, 6))
    found = next_deadline(state, DEFAULT_SETTINGS)
    assert isinstance(found, Deadline)
    assert found.kind is DeadlineKind.OBJECTION_FILING


def test_talks_about_support_without_a_decision_have_no_statutory_deadline() -> None:
    state = opened(None, DisputeSubject.SUPPORT_OR_ARRANGEMENT)
    assert next_deadline(state, DEFAULT_SETTINGS) == NoStatutoryDeadline(
        Stage.CONVERSATION, NoDeadlineReason.INFORMAL_STAGE
    )


def test_an_ended_dispute_has_no_next_deadline() -> None:
    state = moved(opened(date(2025, 5, 1)), Move(Action.RESOLVE), utc(2025, 5, 6))
    assert next_deadline(state, DEFAULT_SETTINGS) is None
    assert open_deadlines(state, DEFAULT_SETTINGS) == ()


def test_a_tenant_may_set_its_own_terms() -> None:
    eight_weeks = replace(CALENDAR_DAYS, objection_filing_weeks=8)
    due = deadline(opened(date(2025, 5, 1)), DeadlineKind.OBJECTION_FILING, eight_weeks)
    assert due.due_date == date(2025, 6, 26)


def test_a_term_shorter_than_a_week_is_refused() -> None:
    with pytest.raises(ValueError):
        DeadlineSettings(committee_defence_weeks=0)


# --- the calendar --------------------------------------------------------------------


def test_easter_falls_on_the_known_sundays() -> None:
    assert [easter_sunday(y) for y in (2024, 2025, 2026)] == [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
    ]


def test_kings_day_on_a_sunday_is_kept_on_the_saturday_before() -> None:
    assert date(2025, 4, 26) in public_holidays(2025)
    assert date(2025, 4, 27) not in public_holidays(2025)
    assert date(2026, 4, 27) in public_holidays(2026)


def test_liberation_day_and_ascension_are_no_working_days() -> None:
    assert not is_working_day(date(2026, 5, 5))
    assert not is_working_day(date(2025, 5, 29))  # Hemelvaartsdag 2025


def test_a_naive_datetime_names_no_amsterdam_day() -> None:
    with pytest.raises(ValueError):
        local_date(datetime(2025, 3, 30, 12))


@given(
    day=st.dates(date(2000, 1, 1), date(2100, 12, 31)),
    weeks=st.integers(1, 12),
    extend=st.booleans(),
)
def test_every_deadline_ends_at_amsterdam_midnight_after_its_day(
    day: date, weeks: int, extend: bool
) -> None:
    settings = replace(DEFAULT_SETTINGS, objection_filing_weeks=weeks, extend_to_working_day=extend)
    due = deadline(opened(day), DeadlineKind.OBJECTION_FILING, settings)
    local_end = due.due_at.astimezone(AMSTERDAM)
    assert (local_end.date(), local_end.hour, local_end.minute) == (
        due.due_date + timedelta(days=1),
        0,
        0,
    )
    assert due.due_at.tzinfo is UTC
    assert due.due_date >= day + timedelta(weeks=weeks)
    assert due.due_date < day + timedelta(weeks=weeks, days=6)
    assert is_working_day(due.due_date) or not extend


# --- a term suspended by a request to the committee ----------------------------------


def test_a_committee_request_suspends_the_boards_term_on_the_objection() -> None:
    """Wpo art. 43 lid 4: the board's term to decide on the objection is suspended from
    the day the dispute is brought to the disputes committee to the day of its judgment,
    and the board decides only after that judgment. Decision 1 May 2025: filing term to
    12 June, the board's four weeks to 10 July. The committee was asked on 2 June and
    judged on 28 July: 46 days of the term suspended, so the board decides by 25 August
    (not four fresh weeks from the judgment, and not 10 July)."""
    state = moved(opened(date(2025, 5, 1)), Move.enter(Stage.OBJECTION), utc(2025, 5, 5))
    state = moved(state, Move.enter(Stage.DISPUTES_COMMITTEE), utc(2025, 6, 2, 10))
    assert DeadlineKind.OBJECTION_DECISION not in {
        d.kind for d in open_deadlines(state, DEFAULT_SETTINGS)
    }
    state = moved(
        state, Move(Action.RECORD_ADVICE), utc(2025, 7, 28, 10), advice=CommitteeAdvice.UNFOUNDED
    )
    assert open_deadlines(state, DEFAULT_SETTINGS) == (
        Deadline(
            DeadlineKind.OBJECTION_DECISION,
            Party.BOARD,
            Stage.OBJECTION,
            date(2025, 8, 25),
            utc(2025, 8, 25, 22),
        ),
    )


def test_a_committee_request_before_the_boards_term_starts_suspends_only_its_days() -> None:
    """Wpo art. 43 lid 4: the suspension counts only days the board's term was running.
    Asked on 6 May, judged on 16 June: the term (from 12 June) lost 4 days, so its four
    weeks run to 14 July."""
    state = moved(opened(date(2025, 5, 1)), Move.enter(Stage.OBJECTION), utc(2025, 5, 5))
    state = moved(state, Move.enter(Stage.DISPUTES_COMMITTEE), utc(2025, 5, 6, 10))
    state = moved(
        state, Move(Action.RECORD_ADVICE), utc(2025, 6, 16, 10), advice=CommitteeAdvice.UNFOUNDED
    )
    due = deadline(state, DeadlineKind.OBJECTION_DECISION, DEFAULT_SETTINGS)
    assert due.due_date == date(2025, 7, 14)


def test_good_friday_stops_a_term_like_a_holiday() -> None:
    """Algemene termijnenwet art. 3 lid 2: Good Friday is equated with a holiday. A
    decision of 20 February 2026: six weeks end on Good Friday 3 April; with Easter
    Monday the objection may be filed up to and including Tuesday 7 April."""
    due = deadline(opened(date(2026, 2, 20)), DeadlineKind.OBJECTION_FILING, DEFAULT_SETTINGS)
    assert due.due_date == date(2026, 4, 7)
