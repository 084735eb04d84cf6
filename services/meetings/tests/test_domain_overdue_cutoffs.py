"""The scan's second filter: a row already warned about comes back exactly when it is
overdue — never earlier (wasted work), never later (a missed overdue)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_meetings.domain.due import AgreementToEvaluate, DueKind, agreement_due
from samen_meetings.domain.overdue_cutoffs import agreement_overdue_cutoff
from samen_meetings.domain.settings import TenantSettings

from services.meetings.tests.meetings_strategies import days, instants

pytestmark = pytest.mark.unit

tenant_settings = st.builds(
    TenantSettings,
    agreement_lead_days=st.integers(0, 90),
)


@given(days, instants, tenant_settings)
def test_the_agreement_overdue_cutoff_selects_exactly_the_overdue_agreements(
    evaluate_on: date, now: datetime, settings: TenantSettings
) -> None:
    agreement = AgreementToEvaluate(uuid4(), uuid4(), uuid4(), evaluate_on)
    item = agreement_due(agreement, settings, now)

    overdue = item is not None and item.kind is DueKind.EVALUATION_OVERDUE
    assert overdue == (evaluate_on <= agreement_overdue_cutoff(now))


def test_overdue_starts_on_the_amsterdam_day_after_the_due_date() -> None:
    # 22:30 UTC on 28 Feb 2026 is 23:30 in Amsterdam: still the due date itself.
    evening = datetime(2026, 2, 28, 22, 30, tzinfo=UTC)
    after_midnight = datetime(2026, 2, 28, 23, 0, tzinfo=UTC)

    assert agreement_overdue_cutoff(evening) == date(2026, 2, 27)
    assert agreement_overdue_cutoff(after_midnight) == date(2026, 2, 28)
