"""Agreement evaluations: when EvaluationDue and EvaluationOverdue are reported, in
Amsterdam time, and what a recorded evaluation stops. (The OPP's evaluation cycle is
the plans service's: nothing here reports an OPP.)"""

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
    agreement_due,
    record_agreement_evaluation,
    what_is_due,
)
from samen_meetings.domain.errors import EvaluationDateInvalid
from samen_meetings.domain.settings import TenantSettings

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
DEFAULTS = TenantSettings()


def amsterdam(day: date, at: time = time(0, 0)) -> datetime:
    return datetime.combine(day, at, tzinfo=AMS)


def agreement(evaluate_on: date, evaluated_on: date | None = None) -> AgreementToEvaluate:
    return AgreementToEvaluate(uuid4(), uuid4(), uuid4(), evaluate_on, evaluated_on)


def kinds(items: list[DueItem]) -> list[DueKind]:
    return [item.kind for item in items]


class TestAgreements:
    def test_an_agreement_is_due_a_week_before_its_evaluation_date(self) -> None:
        item = agreement_due(agreement(date(2025, 4, 22)), DEFAULTS, amsterdam(date(2025, 4, 15)))

        assert item is not None
        assert (item.kind, item.subject) == (DueKind.EVALUATION_DUE, DueSubject.AGREEMENT)
        assert item.fires_at == datetime(2025, 4, 14, 22, 0, tzinfo=UTC)
        assert (
            agreement_due(agreement(date(2025, 4, 22)), DEFAULTS, amsterdam(date(2025, 4, 14)))
            is None
        )

    def test_an_agreement_not_evaluated_by_its_date_is_overdue(self) -> None:
        item = agreement_due(agreement(date(2025, 4, 22)), DEFAULTS, amsterdam(date(2025, 4, 23)))

        assert item is not None
        assert item.kind is DueKind.EVALUATION_OVERDUE

    def test_an_evaluated_agreement_is_neither_due_nor_overdue(self) -> None:
        evaluated = record_agreement_evaluation(
            agreement(date(2025, 4, 22)), date(2025, 4, 18), today=date(2025, 4, 18)
        )

        assert agreement_due(evaluated, DEFAULTS, amsterdam(date(2025, 4, 20))) is None
        assert agreement_due(evaluated, DEFAULTS, amsterdam(date(2025, 5, 20))) is None

    def test_an_agreement_evaluation_in_the_future_is_refused(self) -> None:
        with pytest.raises(EvaluationDateInvalid):
            record_agreement_evaluation(
                agreement(date(2025, 4, 22)), date(2025, 4, 22), today=date(2025, 4, 1)
            )

    def test_a_tenant_may_warn_earlier(self) -> None:
        two_weeks = TenantSettings(agreement_lead_days=14)
        now = amsterdam(date(2025, 4, 8))

        assert agreement_due(agreement(date(2025, 4, 22)), DEFAULTS, now) is None
        assert agreement_due(agreement(date(2025, 4, 22)), two_weeks, now) is not None


class TestOverdueInSummerTime:
    def test_the_overdue_moment_is_midnight_summer_time(self) -> None:
        due = agreement(date(2025, 7, 15))  # midnight after it is 22:00 UTC

        before = agreement_due(due, DEFAULTS, datetime(2025, 7, 15, 21, 59, 59, tzinfo=UTC))
        after = agreement_due(due, DEFAULTS, datetime(2025, 7, 15, 22, 0, tzinfo=UTC))

        assert before is not None and before.kind is DueKind.EVALUATION_DUE
        assert after is not None and after.kind is DueKind.EVALUATION_OVERDUE


class TestOneEventPerCycle:
    """An agreement to evaluate in five days; then time moves on."""

    now = amsterdam(date(2025, 6, 15), time(10, 0))
    due = agreement(date(2025, 6, 20))

    def test_it_yields_exactly_one_evaluation_due(self) -> None:
        items = what_is_due(self.now, agreements=[self.due])

        assert kinds(items) == [DueKind.EVALUATION_DUE]
        assert items[0].subject_id == self.due.agreement_id

    def test_past_the_date_without_evaluation_exactly_one_evaluation_overdue(self) -> None:
        emitted = {item.key for item in what_is_due(self.now, agreements=[self.due])}
        later = self.now + timedelta(weeks=1)

        first = what_is_due(later, agreements=[self.due], already_emitted=emitted)
        emitted |= {item.key for item in first}
        again = what_is_due(
            later + timedelta(days=30), agreements=[self.due], already_emitted=emitted
        )

        assert kinds(first) == [DueKind.EVALUATION_OVERDUE]
        assert again == []

    def test_a_scan_that_first_runs_after_the_date_reports_only_the_overdue(self) -> None:
        items = what_is_due(self.now + timedelta(weeks=1), agreements=[self.due])

        assert kinds(items) == [DueKind.EVALUATION_OVERDUE]
