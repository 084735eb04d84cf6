"""The OPP evaluation cycle and agreement evaluations: when EvaluationDue and
EvaluationOverdue are reported, in Amsterdam time, and what a recorded evaluation stops."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest
from samen_meetings.domain.due import (
    AgreementToEvaluate,
    DueItem,
    DueKind,
    DueSubject,
    OppCycle,
    agreement_due,
    evaluation_due_on,
    opp_due,
    record_agreement_evaluation,
    record_evaluation,
    what_is_due,
)
from samen_meetings.domain.errors import EvaluationDateInvalid
from samen_meetings.domain.months import add_months
from samen_meetings.domain.settings import TenantSettings

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
DEFAULTS = TenantSettings()


def amsterdam(day: date, at: time = time(0, 0)) -> datetime:
    return datetime.combine(day, at, tzinfo=AMS)


def opp(started_on: date, last_evaluated_on: date | None = None) -> OppCycle:
    return OppCycle(uuid4(), uuid4(), uuid4(), started_on, last_evaluated_on)


def kinds(items: list[DueItem]) -> list[DueKind]:
    return [item.kind for item in items]


def kind_at(cycle: OppCycle, now: datetime) -> DueKind | None:
    item = opp_due(cycle, DEFAULTS, now)
    return None if item is None else item.kind


class TestDueDate:
    def test_an_opp_started_on_a_leap_day_is_due_on_28_february(self) -> None:
        assert evaluation_due_on(opp(date(2024, 2, 29))) == date(2025, 2, 28)

    def test_the_cycle_counts_from_the_last_evaluation(self) -> None:
        cycle = opp(date(2023, 9, 1), last_evaluated_on=date(2024, 8, 30))

        assert evaluation_due_on(cycle) == date(2025, 8, 30)

    def test_a_tenant_may_evaluate_more_often(self) -> None:
        half_year = TenantSettings(evaluation_interval_months=6, evaluation_lead_weeks=2)

        assert evaluation_due_on(opp(date(2025, 8, 31)), half_year) == date(2026, 2, 28)


class TestLeapDayOpp:
    """OPP started 29 Feb 2024: due 28 Feb 2025, EvaluationDue from 31 Jan, overdue 1 Mar."""

    cycle = opp(date(2024, 2, 29))

    def test_nothing_is_due_the_day_before_the_lead_time_starts(self) -> None:
        assert opp_due(self.cycle, DEFAULTS, amsterdam(date(2025, 1, 30), time(23, 59))) is None

    def test_evaluation_due_fires_at_midnight_amsterdam_four_weeks_before(self) -> None:
        item = opp_due(self.cycle, DEFAULTS, amsterdam(date(2025, 1, 31)))

        assert item is not None
        assert item.kind is DueKind.EVALUATION_DUE
        assert item.due_on == date(2025, 2, 28)
        assert item.fires_at == datetime(2025, 1, 30, 23, 0, tzinfo=UTC)

    def test_it_is_still_on_time_on_the_last_second_of_the_due_date(self) -> None:
        item = opp_due(self.cycle, DEFAULTS, amsterdam(date(2025, 2, 28), time(23, 59, 59)))

        assert item is not None
        assert item.kind is DueKind.EVALUATION_DUE

    def test_it_is_overdue_from_midnight_after_the_due_date(self) -> None:
        item = opp_due(self.cycle, DEFAULTS, amsterdam(date(2025, 3, 1)))

        assert item is not None
        assert item.kind is DueKind.EVALUATION_OVERDUE
        assert item.fires_at == datetime(2025, 2, 28, 23, 0, tzinfo=UTC)


class TestOverdueInSummerTime:
    def test_the_overdue_moment_is_midnight_summer_time(self) -> None:
        cycle = opp(date(2024, 7, 15))  # due 15 July 2025; midnight after it is 22:00 UTC

        assert (
            kind_at(cycle, datetime(2025, 7, 15, 21, 59, 59, tzinfo=UTC)) is DueKind.EVALUATION_DUE
        )
        assert (
            kind_at(cycle, datetime(2025, 7, 15, 22, 0, tzinfo=UTC)) is DueKind.EVALUATION_OVERDUE
        )


class TestTheIssueScenario:
    """An OPP registered 11 months and 2 weeks ago; then time moves on."""

    now = amsterdam(date(2025, 6, 15), time(10, 0))
    cycle = opp(add_months(date(2025, 6, 15), -11) - timedelta(weeks=2))

    def test_an_opp_registered_11_months_and_2_weeks_ago_yields_exactly_one_evaluation_due(
        self,
    ) -> None:
        items = what_is_due(self.now, opps=[self.cycle])

        assert kinds(items) == [DueKind.EVALUATION_DUE]
        assert items[0].subject is DueSubject.OPP
        assert items[0].subject_id == self.cycle.opp_id

    def test_past_the_date_without_evaluation_exactly_one_evaluation_overdue(self) -> None:
        emitted = {item.key for item in what_is_due(self.now, opps=[self.cycle])}
        later = self.now + timedelta(weeks=3)

        first = what_is_due(later, opps=[self.cycle], already_emitted=emitted)
        emitted |= {item.key for item in first}
        again = what_is_due(later + timedelta(days=30), opps=[self.cycle], already_emitted=emitted)

        assert kinds(first) == [DueKind.EVALUATION_OVERDUE]
        assert again == []

    def test_a_scan_that_first_runs_after_the_date_reports_only_the_overdue(self) -> None:
        items = what_is_due(self.now + timedelta(weeks=3), opps=[self.cycle])

        assert kinds(items) == [DueKind.EVALUATION_OVERDUE]

    def test_a_recorded_evaluation_stops_the_due(self) -> None:
        evaluated = record_evaluation(self.cycle, date(2025, 6, 16), today=date(2025, 6, 16))

        assert what_is_due(self.now + timedelta(days=1), opps=[evaluated]) == []

    def test_a_recorded_evaluation_stops_the_overdue(self) -> None:
        late = self.now + timedelta(weeks=3)
        evaluated = record_evaluation(self.cycle, late.date(), today=late.date())

        assert what_is_due(late, opps=[evaluated]) == []

    def test_the_next_cycle_counts_from_the_evaluation(self) -> None:
        evaluated = record_evaluation(self.cycle, date(2025, 6, 20), today=date(2025, 6, 20))
        next_due = opp_due(evaluated, DEFAULTS, amsterdam(date(2026, 6, 1)))

        assert next_due is not None
        assert next_due.due_on == date(2026, 6, 20)
        assert next_due.kind is DueKind.EVALUATION_DUE


class TestRecordingAnEvaluation:
    def test_an_evaluation_in_the_future_is_refused(self) -> None:
        with pytest.raises(EvaluationDateInvalid):
            record_evaluation(opp(date(2025, 1, 6)), date(2025, 6, 2), today=date(2025, 6, 1))

    def test_an_evaluation_before_the_opp_started_is_refused(self) -> None:
        with pytest.raises(EvaluationDateInvalid):
            record_evaluation(opp(date(2025, 1, 6)), date(2025, 1, 5), today=date(2025, 6, 1))

    def test_an_older_evaluation_arriving_late_does_not_move_the_cycle_back(self) -> None:
        cycle = opp(date(2024, 1, 8), last_evaluated_on=date(2025, 1, 13))

        after = record_evaluation(cycle, date(2024, 12, 2), today=date(2025, 2, 1))

        assert after.last_evaluated_on == date(2025, 1, 13)


class TestAgreements:
    def agreement(self, evaluated_on: date | None = None) -> AgreementToEvaluate:
        return AgreementToEvaluate(uuid4(), uuid4(), uuid4(), date(2025, 4, 22), evaluated_on)

    def test_an_agreement_is_due_a_week_before_its_evaluation_date(self) -> None:
        item = agreement_due(self.agreement(), DEFAULTS, amsterdam(date(2025, 4, 15)))

        assert item is not None
        assert (item.kind, item.subject) == (DueKind.EVALUATION_DUE, DueSubject.AGREEMENT)
        assert item.fires_at == datetime(2025, 4, 14, 22, 0, tzinfo=UTC)
        assert agreement_due(self.agreement(), DEFAULTS, amsterdam(date(2025, 4, 14))) is None

    def test_an_agreement_not_evaluated_by_its_date_is_overdue(self) -> None:
        item = agreement_due(self.agreement(), DEFAULTS, amsterdam(date(2025, 4, 23)))

        assert item is not None
        assert item.kind is DueKind.EVALUATION_OVERDUE

    def test_an_evaluated_agreement_is_neither_due_nor_overdue(self) -> None:
        evaluated = record_agreement_evaluation(
            self.agreement(), date(2025, 4, 18), today=date(2025, 4, 18)
        )

        assert agreement_due(evaluated, DEFAULTS, amsterdam(date(2025, 4, 20))) is None
        assert agreement_due(evaluated, DEFAULTS, amsterdam(date(2025, 5, 20))) is None

    def test_an_agreement_evaluation_in_the_future_is_refused(self) -> None:
        with pytest.raises(EvaluationDateInvalid):
            record_agreement_evaluation(self.agreement(), date(2025, 4, 22), today=date(2025, 4, 1))
