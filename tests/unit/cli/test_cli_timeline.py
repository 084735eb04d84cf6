"""The demo's timeline: one line per moment, the platform's events beneath it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from samen_cli.demo import in_quiet_hours
from samen_cli.journey.timeline import Moment, Timeline

pytestmark = pytest.mark.unit

AT = datetime(2026, 11, 23, 19, 5, 31, tzinfo=UTC)  # 20:05:31 in Amsterdam


def test_a_moment_shows_dutch_local_time_naming_its_zone_who_and_what() -> None:
    line = Moment(AT, "IB", "asks consent").line()
    assert line.startswith("  20:05:31 CET  IB ")
    assert line.endswith("asks consent")


def test_in_summer_the_zone_is_named_cest() -> None:
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    assert Moment(summer, "IB", "asks consent").line().startswith("  14:00:00 CEST  IB ")


def test_the_events_of_a_moment_follow_on_the_next_line() -> None:
    line = Moment(AT, "parent 2", "says yes", ("ConsentAnswered ×2", "ConsentGiven ×2")).line()
    _, events = line.split("\n")
    assert events.strip() == "→ ConsentAnswered ×2, ConsentGiven ×2"


def test_the_timeline_keeps_each_moment_and_tells_it_as_it_happens() -> None:
    told: list[str] = []
    timeline = Timeline(lambda: AT, told.append)
    timeline.say("IB", "plans the MDO")
    assert [m.text for m in timeline.moments] == ["plans the MDO"]
    assert told == [timeline.moments[0].line()]


@pytest.mark.parametrize(
    ("utc_hour", "utc_minute", "quiet"),
    [(5, 0, True), (6, 30, False), (19, 59, False), (20, 0, True), (23, 0, True)],
)
def test_sms_waits_from_nine_in_the_evening_until_half_past_seven(
    utc_hour: int, utc_minute: int, quiet: bool
) -> None:
    winter = datetime(2026, 11, 23, utc_hour, utc_minute, tzinfo=UTC)  # Amsterdam: UTC+1
    assert in_quiet_hours(winter) is quiet
