"""Per-tenant settings: the defaults, and the bounds the law and the cycle set."""

from __future__ import annotations

from datetime import UTC, time, timedelta

import pytest
from samen_meetings.domain.settings import DEFAULT_SETTINGS, InvalidSettings, TenantSettings

pytestmark = pytest.mark.unit


def test_the_defaults_are_twelve_months_four_weeks_a_week_and_nine_oclock() -> None:
    assert DEFAULT_SETTINGS.evaluation_interval_months == 12
    assert DEFAULT_SETTINGS.evaluation_lead == timedelta(weeks=4)
    assert DEFAULT_SETTINGS.agreement_lead == timedelta(days=7)
    assert DEFAULT_SETTINGS.reminder_local_time == time(9, 0)


@pytest.mark.parametrize("months", [0, 13, 24])
def test_the_opp_is_evaluated_at_least_once_a_year(months: int) -> None:
    with pytest.raises(InvalidSettings):
        TenantSettings(evaluation_interval_months=months)


@pytest.mark.parametrize(("months", "weeks"), [(1, 4), (3, 12), (12, -1)])
def test_the_warning_falls_inside_the_cycle(months: int, weeks: int) -> None:
    with pytest.raises(InvalidSettings):
        TenantSettings(evaluation_interval_months=months, evaluation_lead_weeks=weeks)


def test_a_short_cycle_with_a_short_lead_is_fine() -> None:
    monthly = TenantSettings(evaluation_interval_months=1, evaluation_lead_weeks=3)

    assert monthly.evaluation_lead == timedelta(weeks=3)


@pytest.mark.parametrize("days", [-1, 91])
def test_the_agreement_lead_stays_within_bounds(days: int) -> None:
    with pytest.raises(InvalidSettings):
        TenantSettings(agreement_lead_days=days)


def test_the_reminder_time_is_a_wall_time_without_zone() -> None:
    with pytest.raises(InvalidSettings):
        TenantSettings(reminder_local_time=time(9, 0, tzinfo=UTC))
