"""The due scan as a whole: deterministic keys and event ids, so that two scanners, a
slow scan or a restart never report the same thing twice; and the SQL cut-offs."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID, uuid4, uuid5
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_meetings.domain.due import (
    DUE_EVENT_NAMESPACE,
    AgreementToEvaluate,
    DueKind,
    UpcomingMeeting,
    agreement_due,
    agreement_scan_cutoff,
    meeting_reminder_due,
    overdue_moment,
    reminder_scan_until,
    what_is_due,
)
from samen_meetings.domain.errors import NaiveDateTime
from samen_meetings.domain.settings import TenantSettings

from services.meetings.tests.meetings_strategies import days as anchors
from services.meetings.tests.meetings_strategies import instants

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2025, 6, 15, 8, 0, tzinfo=UTC)
SUBJECT_ID = UUID("0b8f4a52-8a57-4c34-9b1b-0d3a5c8e7f10")
TENANT = UUID("5d1e6f0a-2b3c-4d5e-8f90-a1b2c3d4e5f6")
PUPIL = UUID("9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d")


def agreement(evaluate_on: date, tenant_id: UUID | None = None) -> AgreementToEvaluate:
    return AgreementToEvaluate(uuid4(), tenant_id or uuid4(), uuid4(), evaluate_on)


class TestKeys:
    def test_the_key_names_kind_subject_and_the_cycles_due_date(self) -> None:
        due = AgreementToEvaluate(SUBJECT_ID, TENANT, PUPIL, date(2025, 6, 20))

        (item,) = what_is_due(NOW, agreements=[due])

        assert item.key == f"evaluation_due:agreement:{SUBJECT_ID}:2025-06-20"
        assert item.event_id == uuid5(DUE_EVENT_NAMESPACE, item.key)

    def test_a_reminder_key_names_the_meetings_start_in_utc(self) -> None:
        starts_at = datetime(2025, 6, 16, 10, 0, tzinfo=AMS)
        meeting = UpcomingMeeting(SUBJECT_ID, TENANT, PUPIL, starts_at)

        (item,) = what_is_due(NOW, meetings=[meeting])

        assert item.key == f"meeting_reminder_due:meeting:{SUBJECT_ID}:2025-06-16T08:00:00Z"

    def test_two_scanners_at_different_moments_derive_the_same_event_id(self) -> None:
        due = agreement(date(2025, 6, 20))

        (first,) = what_is_due(NOW, agreements=[due])
        (second,) = what_is_due(NOW + timedelta(days=3, minutes=7), agreements=[due])

        assert first.event_id == second.event_id
        assert first.fires_at == second.fires_at

    def test_a_change_of_lead_time_does_not_make_a_cycle_due_twice(self) -> None:
        due = agreement(date(2025, 6, 20))
        longer_lead = {due.tenant_id: TenantSettings(agreement_lead_days=14)}

        (default,) = what_is_due(NOW, agreements=[due])
        (changed,) = what_is_due(NOW, agreements=[due], settings=longer_lead)

        assert default.key == changed.key
        assert default.fires_at != changed.fires_at


class TestScan:
    def test_already_emitted_items_are_left_out(self) -> None:
        due = agreement(date(2025, 6, 20))
        (item,) = what_is_due(NOW, agreements=[due])

        assert what_is_due(NOW, agreements=[due], already_emitted={item.key}) == []

    def test_items_come_in_order_of_their_moment(self) -> None:
        older, newer = agreement(date(2025, 6, 18)), agreement(date(2025, 6, 20))
        meeting = UpcomingMeeting(uuid4(), uuid4(), uuid4(), NOW + timedelta(hours=5))

        items = what_is_due(NOW, agreements=[newer, older], meetings=[meeting])

        assert [i.subject_id for i in items] == [
            older.agreement_id,
            newer.agreement_id,
            meeting.meeting_id,
        ]

    def test_each_tenant_uses_its_own_settings(self) -> None:
        strict, lenient = agreement(date(2025, 6, 20)), agreement(date(2025, 6, 20))
        settings = {lenient.tenant_id: TenantSettings(agreement_lead_days=1)}

        items = what_is_due(NOW, agreements=[strict, lenient], settings=settings)

        assert [i.subject_id for i in items] == [strict.agreement_id]

    def test_a_time_without_zone_is_refused(self) -> None:
        with pytest.raises(NaiveDateTime):
            what_is_due(datetime(2025, 6, 15, 10, 0), agreements=[agreement(date(2025, 6, 20))])


# --- properties -------------------------------------------------------------------------

tenant_settings = st.builds(
    TenantSettings,
    agreement_lead_days=st.integers(0, 90),
    reminder_local_time=st.times(),
)


@given(st.lists(anchors, max_size=30), instants)
def test_keys_are_unique_stable_and_independent_of_input_order(
    days: list[date], now: datetime
) -> None:
    agreements = [agreement(day, TENANT) for day in days]

    items = what_is_due(now, agreements=agreements)

    keys = [item.key for item in items]
    assert len(set(keys)) == len(keys)
    assert what_is_due(now, agreements=list(reversed(agreements))) == items
    assert what_is_due(now, agreements=agreements, already_emitted=set(keys)) == []


# In order, each at most once; a scan that first runs after the date skips the warning.
POSSIBLE_REPORTS: tuple[list[DueKind], ...] = (
    [],
    [DueKind.EVALUATION_DUE],
    [DueKind.EVALUATION_OVERDUE],
    [DueKind.EVALUATION_DUE, DueKind.EVALUATION_OVERDUE],
)


@given(anchors, st.lists(instants, min_size=1, max_size=12))
def test_scans_at_any_moments_report_due_at_most_once_and_overdue_exactly_once_when_late(
    evaluate_on: date, moments: list[datetime]
) -> None:
    due = agreement(evaluate_on)
    emitted: list[DueKind] = []
    keys: set[str] = set()

    for now in sorted(moments):
        for item in what_is_due(now, agreements=[due], already_emitted=keys):
            keys.add(item.key)
            emitted.append(item.kind)

    assert emitted in POSSIBLE_REPORTS
    if max(moments) >= overdue_moment(evaluate_on):
        assert emitted[-1] is DueKind.EVALUATION_OVERDUE


@given(anchors, instants, tenant_settings)
def test_the_agreement_cutoff_selects_exactly_the_agreements_with_something_due(
    evaluate_on: date, now: datetime, settings: TenantSettings
) -> None:
    agreement = AgreementToEvaluate(uuid4(), uuid4(), uuid4(), evaluate_on)

    has_item = agreement_due(agreement, settings, now) is not None

    assert has_item == (evaluate_on <= agreement_scan_cutoff(now, settings))


@given(instants, st.integers(min_value=1, max_value=4 * 24 * 60), tenant_settings)
def test_the_reminder_window_selects_exactly_the_meetings_due_a_reminder(
    now: datetime, minutes_ahead: int, settings: TenantSettings
) -> None:
    starts_at = now + timedelta(minutes=minutes_ahead)
    meeting = UpcomingMeeting(uuid4(), uuid4(), uuid4(), starts_at)

    has_item = meeting_reminder_due(meeting, settings, now) is not None

    assert has_item == (starts_at < reminder_scan_until(now, settings))


def test_the_cutoffs_use_the_amsterdam_date_not_the_utc_date() -> None:
    # 23:30 UTC on 14 June is already 15 June in Amsterdam.
    late_evening = datetime(2025, 6, 14, 23, 30, tzinfo=UTC)

    assert agreement_scan_cutoff(late_evening, TenantSettings()) == date(2025, 6, 22)
    assert reminder_scan_until(late_evening, TenantSettings()) == datetime.combine(
        date(2025, 6, 16), time(0, 0), tzinfo=AMS
    )
