"""The sending pipeline's own rules: retries, fallbacks, facts, items, transports' answers."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from samen_kit.access import Role
from samen_notifications.adapters.errors import PermanentFailure, TemporaryFailure
from samen_notifications.adapters.ports import OutgoingEmail, OutgoingSms
from samen_notifications.domain.facts import event_facts, facts_from_json, facts_to_json
from samen_notifications.domain.items import ItemKind, ItemRef, item_of, parse_item
from samen_notifications.domain.outcome import (
    AllChannelsFailed,
    FallBackTo,
    OtherChannelOpen,
    after_final_failure,
)
from samen_notifications.domain.retry import RetryPolicy
from samen_notifications.domain.rules import RULES, Channel, rule_named
from samen_notifications.entrypoints.permissions import PERMISSIONS
from samen_notifications.handlers.composer import Composed
from samen_notifications.handlers.dispatch import Transports, send_one

from services.notifications.tests.notifications_fakes import FakeEmailSender, FakeSmsGateway

pytestmark = pytest.mark.unit

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
POLICY = RetryPolicy(max_attempts=4, base=timedelta(seconds=30), cap=timedelta(minutes=2))


class TestRetries:
    def test_the_delay_doubles_per_attempt_between_half_and_all_of_it(self) -> None:
        assert POLICY.next_attempt_at(1, NOW, 0.0) == NOW + timedelta(seconds=15)
        assert POLICY.next_attempt_at(1, NOW, 1.0) == NOW + timedelta(seconds=30)
        assert POLICY.next_attempt_at(2, NOW, 0.0) == NOW + timedelta(seconds=30)
        assert POLICY.next_attempt_at(3, NOW, 1.0) == NOW + timedelta(minutes=2)

    def test_the_delay_never_exceeds_the_cap(self) -> None:
        long = RetryPolicy(max_attempts=50, base=timedelta(seconds=30), cap=timedelta(minutes=2))
        assert long.next_attempt_at(20, NOW, 1.0) == NOW + timedelta(minutes=2)

    def test_after_the_last_attempt_there_is_no_next(self) -> None:
        assert POLICY.next_attempt_at(4, NOW, 0.5) is None


class TestFallback:
    def test_a_failed_email_falls_back_to_sms_when_a_number_is_on_file(self) -> None:
        outcome = after_final_failure(
            tried={Channel.EMAIL}, still_open=set(), reachable=(Channel.EMAIL, Channel.SMS)
        )
        assert outcome == FallBackTo(Channel.SMS)

    def test_nothing_is_added_while_the_other_channel_still_carries_it(self) -> None:
        outcome = after_final_failure(
            tried={Channel.EMAIL, Channel.SMS},
            still_open={Channel.SMS},
            reachable=(Channel.EMAIL, Channel.SMS),
        )
        assert outcome == OtherChannelOpen()

    def test_every_channel_tried_and_failed_means_unreachable(self) -> None:
        outcome = after_final_failure(
            tried={Channel.EMAIL, Channel.SMS}, still_open=set(), reachable=(Channel.EMAIL,)
        )
        assert outcome == AllChannelsFailed()


class TestFacts:
    def test_a_request_without_an_answer_date_asks_within_the_links_lifetime(self) -> None:
        facts = event_facts("samen.consent.ConsentRequested.v1", {"purpose": "share_file"}, NOW)
        assert facts == {"purpose": "share_file", "deadline": date(2026, 1, 19)}

    def test_facts_survive_their_trip_through_json(self) -> None:
        starts = datetime(2026, 2, 1, 13, 0, tzinfo=UTC)
        data = {
            "meeting_id": str(uuid.uuid4()),
            "kind": "mdo",
            "starts_at": starts.isoformat(),
            "ends_at": (starts + timedelta(hours=1)).isoformat(),
            "previous_starts_at": NOW.isoformat(),
            "revision": 1,
            "location_kind": "online",
        }
        facts = event_facts("samen.meetings.MeetingRescheduled.v1", data, NOW)
        assert facts_from_json(facts_to_json(facts)) == facts
        assert facts["starts_at"] == starts and facts["location_kind"] == "online"

    def test_a_dispute_without_a_running_term_has_no_deadline(self) -> None:
        data = {"subject": "opp", "stage": "mediation", "next_deadline_date": None}
        facts = event_facts("samen.disputes.DisputeOpened.v1", data, NOW)
        assert facts["deadline"] is None

    def test_an_event_without_a_rule_has_no_facts(self) -> None:
        assert event_facts("samen.consent.PupilEnrolled.v1", {}, NOW) == {}


class TestItems:
    def test_each_message_that_carries_a_link_knows_its_item(self) -> None:
        for rule in RULES:
            if rule.carries_link and not rule.event_type.startswith("command:"):
                assert item_of(
                    rule.event_type,
                    {"request_id": "r", "meeting_id": "m", "record_id": "x", "dispute_id": "d"},
                )

    def test_an_item_claim_reads_back_and_names_its_owning_service(self) -> None:
        item = parse_item("meeting_record:abc")
        assert item == ItemRef(ItemKind.MEETING_RECORD, "abc") and item.owner == "meetings"

    def test_an_unknown_item_kind_is_refused(self) -> None:
        with pytest.raises(ValueError):
            parse_item("bank_account:1")

    def test_a_command_rule_is_found_by_key_and_template(self) -> None:
        assert rule_named("command:link_renewal", "link_renewal").carries_link
        with pytest.raises(LookupError):
            rule_named("command:link_renewal", "broadcast")


class TestTransportAnswers:
    EMAIL = OutgoingEmail("<k@samen.invalid>", "o@example.nl", "s", "t", "<p>h</p>", "nl")

    def _composed(self, sms: bool = False) -> Composed:
        if sms:
            return Composed(
                uuid.uuid4(),
                Channel.SMS,
                "nl",
                False,
                "nl",
                sms=OutgoingSms("ref", "+31612345678", "Hallo"),
            )
        return Composed(uuid.uuid4(), Channel.EMAIL, "nl", False, "nl", email=self.EMAIL)

    async def test_a_relay_that_takes_the_message_means_sent(self) -> None:
        email = FakeEmailSender()
        outcome = await send_one(Transports(email, FakeSmsGateway()), self._composed())
        assert outcome.accepted and email.sent == [self.EMAIL]

    async def test_a_permanent_refusal_is_never_retried(self) -> None:
        failing = FakeEmailSender(PermanentFailure("550 5.1.1", code=550))
        outcome = await send_one(Transports(failing, FakeSmsGateway()), self._composed())
        assert (outcome.rejected, outcome.temporary, outcome.error_code) == (True, False, 550)

    async def test_a_temporary_failure_is_retried_when_the_gateway_asks(self) -> None:
        busy = FakeSmsGateway(TemporaryFailure("429", code=429, retry_after=60))
        outcome = await send_one(Transports(FakeEmailSender(), busy), self._composed(sms=True))
        assert (outcome.temporary, outcome.retry_after) == (True, 60)

    async def test_a_bug_in_a_transport_loses_no_message_it_is_retried(self) -> None:
        broken = FakeEmailSender(RuntimeError("bug"))
        outcome = await send_one(Transports(broken, FakeSmsGateway()), self._composed())
        assert outcome.temporary and not outcome.rejected

    async def test_the_gateways_id_is_kept_to_match_its_reports(self) -> None:
        gateway = FakeSmsGateway()
        outcome = await send_one(Transports(FakeEmailSender(), gateway), self._composed(sms=True))
        assert outcome.provider_id == "gw-1" and len(gateway.sent) == 1


class TestPermissions:
    def test_only_school_leaders_and_the_partnership_import_staff(self) -> None:
        assert PERMISSIONS["staff.import"] == {
            Role.DIRECTOR,
            Role.BOARD_ADMIN,
            Role.SWV_ADMIN,
            Role.OPERATOR,
        }

    def test_only_school_staff_who_plan_meetings_read_colleagues_names(self) -> None:
        assert PERMISSIONS["staff.names"] == {Role.IB, Role.TEACHER, Role.DIRECTOR}

    def test_the_inspectie_reads_nothing_here_but_the_schools_public_names(self) -> None:
        allowed = {p for p in PERMISSIONS if PERMISSIONS.allows(Role.INSPECTIE, p)}
        assert allowed == {"schools.names"}

    def test_teachers_may_read_what_was_sent_but_not_broadcast(self) -> None:
        assert PERMISSIONS.allows(Role.TEACHER, "notifications.read")
        assert not PERMISSIONS.allows(Role.TEACHER, "broadcast.send")
