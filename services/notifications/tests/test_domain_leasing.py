"""A leased message is sent only in the first half of its lease."""

from datetime import UTC, datetime, timedelta

from samen_notifications.domain.leasing import may_start_sending

LEASE = timedelta(seconds=30)
CLAIMED = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
LEASE_UNTIL = CLAIMED + LEASE


def test_a_message_whose_turn_comes_at_once_is_sent() -> None:
    assert may_start_sending(CLAIMED, LEASE_UNTIL, LEASE)


def test_a_message_may_still_start_at_half_its_lease() -> None:
    assert may_start_sending(CLAIMED + LEASE / 2, LEASE_UNTIL, LEASE)


def test_a_message_that_waited_past_half_its_lease_is_not_sent() -> None:
    assert not may_start_sending(CLAIMED + LEASE / 2 + timedelta(seconds=1), LEASE_UNTIL, LEASE)


def test_a_message_whose_lease_ran_out_is_not_sent() -> None:
    assert not may_start_sending(LEASE_UNTIL + timedelta(seconds=1), LEASE_UNTIL, LEASE)


def test_a_message_without_a_lease_is_not_sent() -> None:
    assert not may_start_sending(CLAIMED, None, LEASE)
