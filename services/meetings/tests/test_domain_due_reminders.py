"""MeetingReminderDue: 09:00 Amsterdam on the day before the meeting, across DST changes.

In 2025 summer time starts on Sunday 30 March (02:00 → 03:00) and ends on Sunday
26 October (03:00 → 02:00).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_meetings.domain.due import (
    DueKind,
    UpcomingMeeting,
    meeting_reminder_due,
    reminder_moment,
    what_is_due,
)
from samen_meetings.domain.meeting import MeetingStatus
from samen_meetings.domain.settings import TenantSettings

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
DEFAULTS = TenantSettings()


def local(day: date, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=AMS)


def upcoming(
    starts_at: datetime,
    status: MeetingStatus = MeetingStatus.SCHEDULED,
    scheduled_at: datetime | None = None,
) -> UpcomingMeeting:
    return UpcomingMeeting(uuid4(), uuid4(), uuid4(), starts_at, status, scheduled_at)


class TestAcrossDst:
    @pytest.mark.parametrize(
        ("meeting_at", "expected_utc"),
        [
            # Monday after spring forward: Sunday 09:00 is summer time.
            (local(date(2025, 3, 31), time(9, 0)), datetime(2025, 3, 30, 7, 0, tzinfo=UTC)),
            (local(date(2025, 3, 31), time(14, 30)), datetime(2025, 3, 30, 7, 0, tzinfo=UTC)),
            # Meeting on the change day itself: Saturday 09:00 is still winter time,
            # so not 24 hours before the 09:00 summer-time start.
            (local(date(2025, 3, 30), time(9, 0)), datetime(2025, 3, 29, 8, 0, tzinfo=UTC)),
            # Monday after fall back: Sunday 09:00 is winter time again.
            (local(date(2025, 10, 27), time(9, 0)), datetime(2025, 10, 26, 8, 0, tzinfo=UTC)),
            # Meeting on the fall-back Sunday: Saturday 09:00 is still summer time.
            (local(date(2025, 10, 26), time(9, 0)), datetime(2025, 10, 25, 7, 0, tzinfo=UTC)),
        ],
    )
    def test_the_reminder_is_at_nine_local_the_day_before(
        self, meeting_at: datetime, expected_utc: datetime
    ) -> None:
        assert reminder_moment(meeting_at) == expected_utc

    def test_the_monday_reminder_fires_at_its_utc_instant_and_not_a_second_earlier(self) -> None:
        meeting = upcoming(local(date(2025, 3, 31), time(10, 0)))
        instant = datetime(2025, 3, 30, 7, 0, tzinfo=UTC)

        before = what_is_due(instant - timedelta(seconds=1), meetings=[meeting])
        at = what_is_due(instant, meetings=[meeting])

        assert before == []
        assert [(item.kind, item.fires_at) for item in at] == [
            (DueKind.MEETING_REMINDER_DUE, instant)
        ]

    def test_a_reminder_time_in_the_spring_gap_falls_an_hour_later(self) -> None:
        at_half_past_two = TenantSettings(reminder_local_time=time(2, 30))
        meeting_at = local(date(2025, 3, 31), time(10, 0))

        fires_at = reminder_moment(meeting_at, at_half_past_two)

        assert fires_at.astimezone(AMS).time() == time(3, 30)
        assert fires_at == datetime(2025, 3, 30, 1, 30, tzinfo=UTC)


class TestWhichMeetings:
    meeting_at = local(date(2025, 5, 13), time(15, 0))
    evening_before = local(date(2025, 5, 12), time(20, 0))

    def test_a_scheduled_meeting_gets_its_reminder_with_its_start(self) -> None:
        item = meeting_reminder_due(upcoming(self.meeting_at), DEFAULTS, self.evening_before)

        assert item is not None
        assert item.starts_at == self.meeting_at.astimezone(UTC)

    @pytest.mark.parametrize(
        "status", [MeetingStatus.ON_HOLD, MeetingStatus.CANCELLED, MeetingStatus.RECORDED]
    )
    def test_no_reminder_for_a_meeting_that_is_not_scheduled(self, status: MeetingStatus) -> None:
        meeting = upcoming(self.meeting_at, status)

        assert meeting_reminder_due(meeting, DEFAULTS, self.evening_before) is None

    def test_no_reminder_once_the_meeting_has_started(self) -> None:
        assert meeting_reminder_due(upcoming(self.meeting_at), DEFAULTS, self.meeting_at) is None

    def test_a_meeting_planned_after_its_reminder_moment_gets_no_reminder(self) -> None:
        planned_late = upcoming(self.meeting_at, scheduled_at=self.evening_before)

        assert meeting_reminder_due(planned_late, DEFAULTS, self.evening_before) is None

    def test_a_rescheduled_meeting_gets_a_new_reminder_with_a_new_key(self) -> None:
        first = upcoming(self.meeting_at)
        moved = UpcomingMeeting(
            first.meeting_id,
            first.tenant_id,
            first.pupil_id,
            self.meeting_at + timedelta(hours=1),
        )

        before = meeting_reminder_due(first, DEFAULTS, self.evening_before)
        after = meeting_reminder_due(moved, DEFAULTS, self.evening_before)

        assert before is not None
        assert after is not None
        assert before.key != after.key
        assert before.event_id != after.event_id

    def test_the_tenant_chooses_the_reminder_time(self) -> None:
        at_eight = TenantSettings(reminder_local_time=time(8, 0))

        fires_at = reminder_moment(self.meeting_at, at_eight)

        assert fires_at.astimezone(AMS) == local(date(2025, 5, 12), time(8, 0))


starts = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
)


@given(starts)
def test_the_reminder_is_always_nine_o_clock_amsterdam_on_the_day_before(start: datetime) -> None:
    fires_at = reminder_moment(start).astimezone(AMS)

    assert fires_at.date() == start.astimezone(AMS).date() - timedelta(days=1)
    assert fires_at.time() == time(9, 0)
    assert fires_at.utcoffset() in {timedelta(hours=1), timedelta(hours=2)}
