"""The samenwerkingsverband's terms on the statutory calendar; each names its source."""

from datetime import date
from uuid import uuid4

import pytest
from samen_admissions.domain import care, report, terms
from samen_admissions.domain.codes import RegistrationOutcome
from samen_admissions.domain.errors import NotNow, TermAlreadyExtended


def test_an_objection_term_ending_on_good_friday_runs_on_past_easter_monday() -> None:
    """Awb art. 6:7 (six weeks) with the Algemene termijnenwet art. 1 lid 1 and art. 3
    lid 2 (Good Friday): a decision of 20 February 2026 may be objected to until Tuesday
    7 April, not Good Friday 3 April."""
    assert terms.objection_by(date(2026, 2, 20)) == date(2026, 4, 7)


def test_a_registration_term_ending_on_kings_day_on_a_sunday_runs_to_monday() -> None:
    """Wpo art. 40 lid 4 (six weeks) with Atw art. 3 lid 1 (the day the King's birthday
    is celebrated): registered 15 March 2025, the term ends Saturday 26 April (King's Day,
    the 27th being a Sunday) and runs on to Monday 28 April."""
    assert terms.registration_decide_by(date(2025, 3, 15)) == date(2025, 4, 28)


def test_a_registration_term_ending_at_christmas_runs_to_the_next_working_day() -> None:
    """Wpo art. 40 lid 4 with Atw art. 3 lid 1 (both Christmas days): registered Friday
    13 November 2026, six weeks end on Christmas Day, so Monday 28 December."""
    assert terms.registration_decide_by(date(2026, 11, 13)) == date(2026, 12, 28)


def test_the_registration_term_is_extended_once_by_four_weeks() -> None:
    """Wpo art. 40 lid 4: six weeks, once extendable by at most four."""
    registration = care.Registration(date(2026, 1, 5))
    assert registration.decide_by == date(2026, 2, 16)
    extended = care.extend_term(registration)
    assert extended.decide_by == date(2026, 3, 16)
    with pytest.raises(TermAlreadyExtended):
        care.extend_term(extended)


def test_a_decided_registration_is_in_time_or_not_and_no_longer_overdue() -> None:
    registration = care.Registration(date(2026, 1, 5))
    assert care.overdue(registration, date(2026, 2, 17))
    late = care.decide(registration, RegistrationOutcome.PLACED, date(2026, 2, 17))
    assert not care.in_time(late) and not care.overdue(late, date(2026, 3, 1))
    with pytest.raises(NotNow):
        care.decide(late, RegistrationOutcome.NOT_PLACED, date(2026, 3, 1))


def test_a_pupil_at_home_longer_than_four_weeks_is_a_thuiszitter() -> None:
    """Four weeks is the threshold itself, not a statutory term: no Atw extension."""
    home_since = date(2026, 3, 2)
    assert not care.is_thuiszitter(home_since, None, date(2026, 3, 30))
    assert care.is_thuiszitter(home_since, None, date(2026, 3, 31))
    assert not care.is_thuiszitter(home_since, date(2026, 3, 20), date(2026, 4, 30))


def test_the_objection_decision_on_a_tlv_waits_for_the_advisory_committee() -> None:
    """Awb art. 7:10 lid 1: twelve weeks after the objection term when an advisory
    committee (art. 7:13) advises, else six."""
    assert terms.objection_decision_due(date(2026, 4, 1), advisory_step=True) == date(2026, 8, 5)
    assert terms.objection_decision_due(date(2026, 4, 1), advisory_step=False) == date(2026, 6, 24)


def test_the_report_counts_thuiszitters_per_school_and_tlv_decisions_on_time() -> None:
    """Awb art. 4:13 lid 2: a decision within eight weeks after the request."""
    school_a, school_b = uuid4(), uuid4()
    today = date(2026, 6, 1)
    absences = [
        report.Absence(school_a, date(2026, 4, 1), None),
        report.Absence(school_a, date(2026, 5, 1), None),
        report.Absence(school_b, date(2026, 5, 20), None),  # not four weeks yet
        report.Absence(school_b, date(2026, 1, 5), date(2026, 2, 1)),  # back at school
    ]
    decisions = [
        report.Decided(date(2026, 1, 5), date(2026, 3, 2)),  # on the last day
        report.Decided(date(2026, 1, 5), date(2026, 3, 3)),  # a day late
    ]
    made = report.report(absences, decisions, today)
    assert made.thuiszitters_per_school == {school_a: 2}
    assert (made.tlv_decisions, made.tlv_decisions_on_time) == (2, 1)
