"""When and how a message goes out: quiet hours, channels, keys, waiting for a contact point."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from samen_notifications.domain.contact import DEFAULT_QUIET_HOURS, ContactPoint, QuietHours
from samen_notifications.domain.errors import NaiveDatetime
from samen_notifications.domain.rules import (
    Channel,
    MessageKind,
    NotificationRule,
    Urgency,
    rules_for,
)
from samen_notifications.domain.scheduling import (
    DEFAULT_CONTACT_WAIT,
    AwaitContact,
    Deliver,
    DeliveryPlan,
    Send,
    Unreachable,
    UnreachableReason,
    choose_channels,
    message_key,
    next_send_time,
    plan_delivery,
    send_time,
)

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
EVENT, GUARDIAN = uuid.uuid4(), uuid.uuid4()


def _local(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMS)


def _rule(event: str, *, staff: bool = False) -> NotificationRule:
    (rule,) = [r for r in rules_for(f"samen.{event}.v1") if r.for_staff == staff]
    return rule


REQUEST = _rule("consent.ConsentRequested")  # e-mail and SMS
CONFIRMATION = _rule("consent.ConsentGiven")  # e-mail only
STAFF_NOTICE = _rule("consent.ConsentGiven", staff=True)
BOTH = ContactPoint(email="ouder@example.nl", mobile="0612345678")


class TestQuietHours:
    def test_a_message_outside_quiet_hours_goes_now(self) -> None:
        now = _local(2025, 3, 4, 12, 0)
        assert next_send_time(now, DEFAULT_QUIET_HOURS) == now

    def test_a_message_in_the_evening_waits_for_the_next_morning(self) -> None:
        sent = next_send_time(_local(2025, 3, 4, 22, 15), DEFAULT_QUIET_HOURS)
        assert sent == _local(2025, 3, 5, 7, 30)

    def test_a_message_after_midnight_waits_for_the_same_morning(self) -> None:
        sent = next_send_time(_local(2025, 3, 5, 3, 0), DEFAULT_QUIET_HOURS)
        assert sent == _local(2025, 3, 5, 7, 30)

    def test_the_answer_is_an_instant_in_utc(self) -> None:
        sent = next_send_time(_local(2025, 3, 4, 22, 15), DEFAULT_QUIET_HOURS)
        assert sent.tzinfo is UTC

    def test_the_night_the_clocks_go_forward_ends_at_half_past_seven_summer_time(self) -> None:
        sent = next_send_time(_local(2025, 3, 29, 23, 0), DEFAULT_QUIET_HOURS)
        assert sent == datetime(2025, 3, 30, 5, 30, tzinfo=UTC)

    def test_the_night_the_clocks_go_back_ends_at_half_past_seven_winter_time(self) -> None:
        sent = next_send_time(_local(2025, 10, 25, 23, 0), DEFAULT_QUIET_HOURS)
        assert sent == datetime(2025, 10, 26, 6, 30, tzinfo=UTC)

    def test_an_end_that_does_not_exist_that_night_moves_forward(self) -> None:
        until_half_past_two = QuietHours(time(21, 0), time(2, 30))
        sent = next_send_time(_local(2025, 3, 29, 23, 0), until_half_past_two)
        assert sent == _local(2025, 3, 30, 3, 30)

    def test_now_may_be_given_in_any_time_zone(self) -> None:
        in_utc = datetime(2025, 7, 1, 20, 0, tzinfo=UTC)  # 22:00 in Amsterdam
        assert next_send_time(in_utc, DEFAULT_QUIET_HOURS) == _local(2025, 7, 2, 7, 30)

    def test_a_naive_now_is_refused(self) -> None:
        with pytest.raises(NaiveDatetime):
            next_send_time(datetime(2025, 3, 4, 22, 0), DEFAULT_QUIET_HOURS)


class TestSendTime:
    night = _local(2025, 3, 4, 23, 0)

    def test_email_goes_at_once_even_at_night(self) -> None:
        assert send_time(Channel.EMAIL, Urgency.NORMAL, self.night, DEFAULT_QUIET_HOURS) == (
            self.night
        )

    def test_a_normal_sms_waits_for_the_morning(self) -> None:
        assert send_time(Channel.SMS, Urgency.NORMAL, self.night, DEFAULT_QUIET_HOURS) == (
            _local(2025, 3, 5, 7, 30)
        )

    def test_an_urgent_sms_goes_at_once(self) -> None:
        assert send_time(Channel.SMS, Urgency.URGENT, self.night, DEFAULT_QUIET_HOURS) == (
            self.night
        )


def choosing(kind: MessageKind, channel: Channel) -> ContactPoint:
    """A guardian with an e-mail address and a mobile who chose `channel` for `kind`."""
    return ContactPoint(
        email="ouder@example.nl", mobile="0612345678", channel_choices={kind: {channel}}
    )


class TestChooseChannels:
    def test_without_a_choice_every_channel_of_the_rule_is_used(self) -> None:
        assert choose_channels(REQUEST, BOTH) == (Channel.EMAIL, Channel.SMS)

    def test_the_guardians_choice_picks_among_the_rules_channels(self) -> None:
        email_only = choosing(MessageKind.REQUEST, Channel.EMAIL)
        assert choose_channels(REQUEST, email_only) == (Channel.EMAIL,)

    def test_an_urgent_message_ignores_the_choice(self) -> None:
        sms_only = choosing(MessageKind.REQUEST, Channel.SMS)
        assert choose_channels(REQUEST, sms_only, Urgency.URGENT) == (Channel.EMAIL, Channel.SMS)

    def test_do_not_contact_wins_even_when_urgent(self) -> None:
        blocked = ContactPoint(email="ouder@example.nl", do_not_contact=True)
        assert choose_channels(REQUEST, blocked, Urgency.URGENT) == ()

    def test_a_guardian_without_email_gets_an_email_only_message_by_sms(self) -> None:
        assert choose_channels(CONFIRMATION, ContactPoint(mobile="0612345678")) == (Channel.SMS,)

    def test_a_choice_that_excludes_the_rules_channels_falls_back_to_the_chosen_one(self) -> None:
        wants_sms = choosing(MessageKind.CONFIRMATION, Channel.SMS)
        assert choose_channels(CONFIRMATION, wants_sms) == (Channel.SMS,)

    def test_staff_notices_never_fall_back_to_sms(self) -> None:
        assert choose_channels(STAFF_NOTICE, ContactPoint(mobile="0612345678")) == ()

    def test_a_contact_point_without_addresses_has_no_channel(self) -> None:
        assert choose_channels(REQUEST, ContactPoint()) == ()


class TestMessageKey:
    def test_the_same_event_recipient_and_channel_give_the_same_message_id(self) -> None:
        assert message_key(EVENT, GUARDIAN, Channel.EMAIL) == message_key(
            EVENT, GUARDIAN, Channel.EMAIL
        )

    @pytest.mark.parametrize(
        "other",
        [
            (uuid.uuid4(), GUARDIAN, Channel.EMAIL),
            (EVENT, uuid.uuid4(), Channel.EMAIL),
            (EVENT, GUARDIAN, Channel.SMS),
        ],
        ids=["event", "recipient", "channel"],
    )
    def test_any_other_event_recipient_or_channel_gives_another_key(
        self, other: tuple[uuid.UUID, uuid.UUID, Channel]
    ) -> None:
        assert message_key(*other) != message_key(EVENT, GUARDIAN, Channel.EMAIL)

    def test_the_message_id_is_an_rfc_5322_message_id_in_a_reserved_domain(self) -> None:
        message_id = message_key(EVENT, GUARDIAN, Channel.EMAIL).message_id
        assert re.fullmatch(
            r"<[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}@samen\.invalid>", message_id
        )

    def test_the_sms_reference_is_32_hex_characters(self) -> None:
        assert re.fullmatch(
            r"[0-9a-f]{32}", message_key(EVENT, GUARDIAN, Channel.SMS).sms_reference
        )

    def test_the_key_never_changes_between_releases(self) -> None:
        # Pinned: a resend after an upgrade must carry the Message-ID sent before it.
        key = message_key(
            uuid.UUID("00000000-0000-0000-0000-000000000001"),
            uuid.UUID("00000000-0000-0000-0000-000000000002"),
            Channel.EMAIL,
        )
        assert key.message_id == "<8101458b-7d88-5a10-9773-668c844ea2e9@samen.invalid>"


class TestPlanDelivery:
    since = _local(2025, 3, 4, 10, 0)

    def _plan(
        self,
        contact: ContactPoint | None,
        now: datetime,
        urgency: Urgency = Urgency.NORMAL,
        max_wait: timedelta = DEFAULT_CONTACT_WAIT,
    ) -> DeliveryPlan:
        return plan_delivery(
            REQUEST, contact, urgency=urgency, waiting_since=self.since, now=now, max_wait=max_wait
        )

    def test_without_a_contact_point_the_message_waits(self) -> None:
        assert self._plan(None, self.since + timedelta(hours=1)) == AwaitContact(
            self.since + DEFAULT_CONTACT_WAIT
        )

    def test_after_the_wait_the_guardian_is_unreachable(self) -> None:
        assert self._plan(None, self.since + DEFAULT_CONTACT_WAIT) == Unreachable(
            UnreachableReason.NO_CONTACT_POINT
        )

    def test_the_wait_is_a_setting(self) -> None:
        later = self.since + timedelta(hours=25)
        assert self._plan(None, later, max_wait=timedelta(hours=24)) == Unreachable(
            UnreachableReason.NO_CONTACT_POINT
        )

    def test_a_contact_point_without_addresses_waits_like_none(self) -> None:
        assert isinstance(self._plan(ContactPoint(), self.since), AwaitContact)

    def test_do_not_contact_is_unreachable_at_once(self) -> None:
        blocked = ContactPoint(email="ouder@example.nl", do_not_contact=True)
        assert self._plan(blocked, self.since) == Unreachable(UnreachableReason.DO_NOT_CONTACT)

    def test_at_night_the_email_goes_now_and_the_sms_in_the_morning(self) -> None:
        night = _local(2025, 3, 4, 23, 0)
        assert self._plan(BOTH, night) == Deliver(
            (Send(Channel.EMAIL, night), Send(Channel.SMS, _local(2025, 3, 5, 7, 30)))
        )

    def test_an_urgent_message_goes_on_every_channel_now(self) -> None:
        night = _local(2025, 3, 4, 23, 0)
        assert self._plan(BOTH, night, urgency=Urgency.URGENT) == Deliver(
            (Send(Channel.EMAIL, night), Send(Channel.SMS, night))
        )
