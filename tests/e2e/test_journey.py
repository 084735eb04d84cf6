"""The parents' journey end to end, against the services as separate processes over
real Kafka, PostgreSQL, SMTP and HTTP: every message and every event is checked.

The journey (`samen_cli.journey`, the same one `samen demo` tells) runs once for the
module; each test states one thing that must hold of what it left behind.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections import Counter
from collections.abc import AsyncIterator
from uuid import UUID

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from samen_archive.verbatim import exported_lines
from samen_cli.demo import language_fallbacks
from samen_cli.demo_region import StaffMember, StaffRole, staff_member
from samen_cli.journey.context import Journey
from samen_cli.journey.events import Seen
from samen_cli.journey.staff import Badge
from samen_cli.platform import Platform
from samen_contract.topics import SERVICES, dlq_topic

from tests.e2e.conftest import walked_region

pytestmark = pytest.mark.e2e

PUPILS_PER_SCHOOL = 12
# What the journey makes the platform say about the pupil, besides the messages.
PUPIL_EVENTS = Counter(
    {
        "PupilEnrolled": 1,
        "GuardianshipRecorded": 2,
        # an MDO, engaging the samenwerkingsverband, and two versions of the OPP
        "ConsentRequested": 4,
        "ConsentAnswered": 8,
        "ConsentGiven": 3,
        "ConsentRefused": 1,
        "ConsentConflictDetected": 1,
        "MeetingScheduled": 1,
        "InvitationAnswered": 1,
        "MeetingRecorded": 1,
        "AgreementMade": 2,
        "RecordAcknowledged": 1,
        "SupportStarted": 1,
        "OppVersionWritten": 2,
        "ActionPartOffered": 2,
        "ActionPartNotSet": 1,
        "ActionPartSet": 1,
        "DisputeOpened": 1,
        "DisputeStageChanged": 1,
    }
)
# Per cause: the template each parent gets, and whether it also goes by SMS.
PARENT_MESSAGES = {
    "ConsentRequested": ("consent_request", True),
    "ConsentGiven": ("consent_given", False),
    "ConsentRefused": ("consent_refused", False),
    "MeetingScheduled": ("meeting_invitation", True),
    "MeetingRecorded": ("meeting_recorded", False),
    "ActionPartNotSet": ("action_part_not_set", False),
    "ActionPartSet": ("action_part_set", False),
    "DisputeOpened": ("dispute_opened", False),
    "DisputeStageChanged": ("dispute_stage_changed", False),
}
# Per cause: the staff notice and who of the school gets it.
STAFF_NOTICES = {
    "ConsentGiven": ("staff_consent_given", (StaffRole.IB,)),
    "ConsentRefused": ("staff_consent_refused", (StaffRole.IB,)),
    "ActionPartNotSet": ("staff_action_part_not_set", (StaffRole.IB,)),
    "DisputeOpened": ("staff_dispute_opened", (StaffRole.IB, StaffRole.DIRECTOR)),
    "DisputeStageChanged": ("staff_dispute_stage_changed", (StaffRole.DIRECTOR,)),
}
NOTIFICATION_EVENTS = {"NotificationSent", "NotificationDelivered"}
STEP_UP = "<step-up-"  # the Message-ID (and, without "<", the SMS reference) of a code
# Facts of something gone wrong: none may appear anywhere in the tenant.
TROUBLE = {
    "NotificationFailed",
    "GuardianUnreachable",
    "AccessRefused",
    "ConsentActionRefused",
    "MeetingOnHold",
    "EvaluationOverdue",
}


@pytest.fixture(scope="module")
async def walked(platform: Platform) -> AsyncIterator[Journey]:
    async with walked_region(platform, PUPILS_PER_SCHOOL) as j:
        yield j


def of_pupil(j: Journey) -> list[Seen]:
    return [s for s in j.watch.seen if j.about_pupil(s)]


def sent_about_pupil(j: Journey) -> list[Seen]:
    pupil = str(j.family.pupil_id)
    return [s for s in j.watch.named("NotificationSent") if s.data.get("pupil_id") == pupil]


def cause_of(j: Journey, sent: Seen) -> Seen:
    cause_id = sent.data["caused_by_event_id"]
    return next(s for s in j.watch.seen if s.id == cause_id)


async def test_the_journey_walks_every_step_to_a_verified_audit_export(walked: Journey) -> None:
    trail = walked.trail
    assert set(trail.requests) == {"mdo_request", "engage_swv"}
    assert None not in (trail.meeting_id, trail.record_id, trail.opp_id, trail.dispute_id)
    assert trail.verified[0].startswith("IN ORDE"), trail.verified


async def test_nothing_failed_or_was_refused_in_the_tenant(walked: Journey) -> None:
    assert not [s.name for s in walked.watch.seen if s.name in TROUBLE]
    assert walked.watch.malformed == 0


async def test_no_service_parked_a_record_as_a_dead_letter(
    walked: Journey, kafka_bootstrap: str
) -> None:
    consumer = AIOKafkaConsumer(bootstrap_servers=kafka_bootstrap)
    await consumer.start()
    try:
        wanted = {walked.site.topic_prefix + dlq_topic(service) for service in SERVICES}
        present = wanted & await consumer.topics()
        partitions = [
            TopicPartition(topic, p)
            for topic in present
            for p in consumer.partitions_for_topic(topic) or ()
        ]
        parked = sum((await consumer.end_offsets(partitions)).values()) if partitions else 0
    finally:
        await consumer.stop()
    assert present == wanted  # every service made its dead-letter topic
    assert parked == 0


async def test_the_pupils_events_are_exactly_the_journeys(walked: Journey) -> None:
    told = Counter(s.name for s in of_pupil(walked) if s.name not in NOTIFICATION_EVENTS)
    assert told == PUPIL_EVENTS


async def test_each_service_numbered_the_pupils_events_once_and_without_gaps(
    walked: Journey,
) -> None:
    by_source: dict[str, list[int]] = {}
    for seen in of_pupil(walked):
        by_source.setdefault(seen.envelope.source, []).append(seen.envelope.sequence or 0)
    for source, numbers in by_source.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), source


async def test_the_pupils_events_name_the_tenant_and_the_school(walked: Journey) -> None:
    school = str(walked.family.school.school_id)
    for seen in of_pupil(walked):
        assert seen.envelope.tenant == walked.plan.tenant
        if seen.name not in NOTIFICATION_EVENTS:
            assert seen.envelope.school == school, seen.name


async def test_each_parent_and_colleague_got_exactly_the_messages_meant_for_them(
    walked: Journey,
) -> None:
    got = Counter(
        (cause_of(walked, s).name, s.data["template"], s.data["recipient_id"], s.data["channel"])
        for s in sent_about_pupil(walked)
    )
    assert got == expected_messages(walked)


def expected_messages(j: Journey) -> Counter[tuple[str, str, str, str]]:
    causes = Counter(s.name for s in of_pupil(j))
    wanted: Counter[tuple[str, str, str, str]] = Counter()
    for cause, (template, by_sms) in PARENT_MESSAGES.items():
        for parent in j.family.parents:
            channels = ["email", "sms"] if by_sms and parent.mobile else ["email"]
            for channel in channels:
                wanted[(cause, template, str(parent.guardian_id), channel)] += causes[cause]
    for cause, (template, roles) in STAFF_NOTICES.items():
        for role in roles:
            member = staff_member(j.plan.region, role, j.family.school)
            wanted[(cause, template, str(member.person_id), "email")] += causes[cause]
    return wanted


async def test_every_email_reached_its_address_in_the_readers_language(walked: Journey) -> None:
    readers = {str(p.guardian_id): (p.email, p.language) for p in walked.family.parents}
    staff = {str(m.person_id): m.email for m in _school_staff(walked)}
    for sent in sent_about_pupil(walked):
        if sent.data["channel"] != "email":
            continue
        mail = walked.inbox.mail_of(UUID(str(sent.data["message_id"])))
        assert mail is not None, sent.data["template"]
        recipient, template = str(sent.data["recipient_id"]), str(sent.data["template"])
        address, reads = readers.get(recipient, (staff.get(recipient, "?"), "nl"))
        assert address in mail.to
        assert mail.language == sent.data["language"] == reads, template  # staff read Dutch


async def test_no_message_was_written_in_dutch_for_want_of_a_translation(walked: Journey) -> None:
    """The fallback counter `samen demo` prints at the end reads zero."""
    assert await language_fallbacks(walked.desk, walked.plan.region) == {}
    assert not [s.data["template"] for s in sent_about_pupil(walked) if s.data["fell_back"]]


def _school_staff(j: Journey) -> list[StaffMember]:
    return [
        staff_member(j.plan.region, role, j.family.school)
        for role in (StaffRole.IB, StaffRole.DIRECTOR)
    ]


async def test_every_sms_reached_the_parents_mobile_in_their_language(walked: Journey) -> None:
    numbers = {str(p.guardian_id): (p.msisdn, p.language) for p in walked.family.parents}
    texts = [s for s in sent_about_pupil(walked) if s.data["channel"] == "sms"]
    assert texts
    for sent in texts:
        sms = walked.inbox.sms_of(UUID(str(sent.data["message_id"])))
        assert sms is not None
        number, reads = numbers[str(sent.data["recipient_id"])]
        assert sms.recipients == (number,)
        assert sent.data["language"] == reads, sent.data["template"]


async def test_every_invitation_email_carries_the_mdo_as_a_calendar_request(
    walked: Journey,
) -> None:
    invitations = [
        s
        for s in sent_about_pupil(walked)
        if s.data["template"] == "meeting_invitation" and s.data["channel"] == "email"
    ]
    assert len(invitations) == len(walked.family.parents)
    for sent in invitations:
        mail = walked.inbox.mail_of(UUID(str(sent.data["message_id"])))
        assert mail is not None
        calendar = mail.calendar() or ""
        assert "BEGIN:VCALENDAR" in calendar and "METHOD:REQUEST" in calendar
        assert str(walked.trail.meeting_id) in calendar


async def test_nothing_else_reached_the_parents(walked: Journey) -> None:
    addresses = {p.email for p in walked.family.parents}
    numbers = {p.msisdn for p in walked.family.parents}
    sent = Counter(
        s.data["channel"]
        for s in sent_about_pupil(walked)
        if s.data["recipient_kind"] == "guardian"
    )
    mails = [m for m in walked.inbox.mails() if any(a in m.to for a in addresses)]
    texts = [s for s in walked.inbox.sms() if set(s.recipients) & numbers]
    # Step-up codes go straight to the gateway or relay, not through the messages (ADR 0012).
    codes = [m for m in mails if m.message_id.startswith(STEP_UP)]
    codes += [s for s in texts if s.reference.startswith(STEP_UP.lstrip("<"))]
    messages = len(mails) + len(texts) - len(codes)
    assert messages == sent["email"] + sent["sms"]
    assert 1 <= len(codes) <= len(walked.family.parents)  # one code a parent: one proof holds


async def test_the_audit_export_holds_every_event_of_the_pupil(walked: Journey) -> None:
    assert walked.trail.export is not None
    with zipfile.ZipFile(walked.trail.export) as archive:
        lines = exported_lines(archive.read("entries.jsonl"))
    exported = {line.event_id for line in lines}
    journey_events = {s.id for s in of_pupil(walked) if s.name not in NOTIFICATION_EVENTS}
    assert journey_events <= walked.trail.audited <= exported


async def test_the_timeline_shows_no_address_number_name_or_token(walked: Journey) -> None:
    told = "\n".join(moment.line() for moment in walked.timeline.moments)
    private = [walked.family.first_name, "token", "@"]
    private += [p.mobile[-8:] for p in walked.family.parents if p.mobile]
    assert not [word for word in private if word in told]
    assert len(walked.timeline.moments) >= 15


def _canonical_sha256(content: object) -> str:
    """The action part's hash as ADR 8 defines it, computed here, independently."""
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


async def test_each_parents_yes_to_the_opp_names_the_words_they_read_and_is_in_the_log(
    walked: Journey,
) -> None:
    """The receipt of each parent's consent to version 2 names the hash of the action part
    the plans service holds (recomputed from its words here), in the language it was
    shown in; the `ConsentAnswered` that carries the same hash is in the verified export,
    and the audit service proves its inclusion under a signed tree head."""
    j, ib = walked, walked.badge(StaffRole.IB)
    version = await j.desk.json("plans", ib, "GET", f"/opps/{j.trail.opp_id}/versions/2")
    words = _canonical_sha256(version["action_part"])
    assert words == version["action_part_sha256"]
    (asked,) = [
        s
        for s in j.watch.named("ConsentRequested")
        if j.about_pupil(s) and (s.data.get("subject") or {}).get("version") == 2
    ]
    request_id = asked.data["request_id"]
    evidence = await j.desk.json("consent", ib, "GET", f"/v1/requests/{request_id}/evidence")
    assert {e["party_id"] for e in evidence} == {str(p.guardian_id) for p in j.family.parents}
    languages = {str(p.guardian_id): p.language for p in j.family.parents}
    for act in evidence:
        receipt = await j.desk.json(
            "consent", ib, "GET", f"/v1/evidence/{act['evidence_id']}/receipt"
        )
        assert receipt["act"] == "agree"
        assert receipt["document"]["sha256"] == words
        assert receipt["document"]["version"] == 2
        assert receipt["document"]["language"] == languages[act["party_id"]]
    answered = [s for s in j.watch.named("ConsentAnswered") if s.data["request_id"] == request_id]
    assert len(answered) == 2
    assert j.trail.export is not None and j.trail.verified[0].startswith("IN ORDE")
    with zipfile.ZipFile(j.trail.export) as archive:
        lines = exported_lines(archive.read("entries.jsonl"))
    exported = {line.event_id: (line.entry or b"").decode() for line in lines}
    inspectie = j.desk.at("audit", Badge.inspectie(j.plan.tenant))
    for said in answered:
        assert words in exported[said.id]  # the log holds the hash the parent agreed to
        proof = await inspectie.get(f"/audit/receipts/{said.id}")
        assert proof.status_code == 200, proof.text
