"""Per-tenant settings: the defaults and their bounds."""

from __future__ import annotations

from datetime import UTC, time, timedelta

import pytest
from samen_meetings.domain.settings import DEFAULT_SETTINGS, InvalidSettings, TenantSettings

pytestmark = pytest.mark.unit


def test_the_defaults_are_a_week_before_an_agreement_and_nine_oclock() -> None:
    assert DEFAULT_SETTINGS.agreement_lead == timedelta(days=7)
    assert DEFAULT_SETTINGS.reminder_local_time == time(9, 0)


def test_the_opps_evaluation_cycle_is_no_setting_here() -> None:
    """The plans service owns the OPP's cycle and its settings."""
    with pytest.raises(TypeError):
        TenantSettings(evaluation_interval_months=6)  # type: ignore[call-arg]


@pytest.mark.parametrize("days", [-1, 91])
def test_the_agreement_lead_stays_within_bounds(days: int) -> None:
    with pytest.raises(InvalidSettings):
        TenantSettings(agreement_lead_days=days)


def test_the_reminder_time_is_a_wall_time_without_zone() -> None:
    with pytest.raises(InvalidSettings):
        TenantSettings(reminder_local_time=time(9, 0, tzinfo=UTC))
