"""Guardians who read Dutch, English, Arabic, Turkish, Polish or Ukrainian get a
confirmation, a meeting cancellation and a dispute message each in their own language,
through the whole service: Kafka in, the local SMTP server out. Nothing falls back to
Dutch, so the fallback counter the demo prints stays empty. Real Kafka, PostgreSQL,
HTTP and SMTP."""

from __future__ import annotations

import uuid
from datetime import timedelta
from email.message import EmailMessage
from typing import Any

import pytest
from samen_contract import Envelope
from samen_contract.events.consent import ConsentGiven
from samen_contract.events.disputes import DisputeOpened
from samen_contract.events.meetings import CancelReason, MeetingCancelled, MeetingKind
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, StartService, guardianship

pytestmark = pytest.mark.integration

DIRECTIONS = {"nl": "ltr", "en": "ltr", "ar": "rtl", "tr": "ltr", "pl": "ltr", "uk": "ltr"}
TEMPLATES = ("consent_given", "meeting_cancelled", "dispute_opened")


async def _six_guardians(
    running: Running, tenant: str, school: uuid.UUID, pupil: uuid.UUID
) -> dict[str, uuid.UUID]:
    guardians = {lang: uuid.uuid4() for lang in DIRECTIONS}
    row = {
        "line": 1,
        "pupil_id": str(pupil),
        "pupil_first_name": "Yara",
        "guardians": [
            {"guardian_id": str(g), "email": f"{lang}@example.nl", "language": lang}
            for lang, g in guardians.items()
        ],
    }
    await running.import_roster(tenant, school, [row])
    facts = [guardianship(pupil, g) for g in guardians.values()]
    await running.publish(
        *((running.envelope(f, tenant=tenant, subject=str(pupil)), f) for f in facts)
    )
    return guardians


def _sent(running: Running, tenant: str, count: int) -> list[tuple[Envelope, dict[str, Any]]]:
    found = running.bus(tenant, "NotificationSent")
    return found if len(found) >= count else []


def _html(mail: EmailMessage) -> str:
    part = mail.get_body(("html",))
    assert part is not None
    return str(part.get_content())


async def test_confirmations_cancellations_and_dispute_messages_reach_each_reader_in_their_language(
    running_service: StartService,
) -> None:
    tenant, school, pupil = new_tenant(), uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        guardians = await _six_guardians(running, tenant, school, pupil)
        starts = running.clock.now() + timedelta(days=10)
        given = ConsentGiven(
            request_id=uuid.uuid4(), pupil_id=pupil, purpose="share_file", purpose_version=1
        )
        # On the guardianships' own topic, after them: once its six confirmations are out,
        # the disputes service's message (another topic) finds the guardians known too.
        await running.publish_about(tenant, pupil, given)
        await wait_for(lambda: len(running.mails()) >= len(DIRECTIONS))
        events = (
            MeetingCancelled(
                meeting_id=uuid.uuid4(),
                pupil_id=pupil,
                school_id=school,
                kind=MeetingKind.MDO,
                starts_at=starts,
                ends_at=starts + timedelta(hours=1),
                revision=1,
                reason=CancelReason.BY_SCHOOL,
                guardian_ids=tuple(guardians.values()),
            ),
            DisputeOpened(
                dispute_id=uuid.uuid4(),
                pupil_id=pupil,
                school_id=school,
                subject="opp",
                opened_by="guardian",
                stage="conversation",
                stages=("conversation",),
                situation="conversation",
                no_deadline_reason="informal_stage",
            ),
        )
        await running.publish(
            *((running.envelope(e, tenant=tenant, subject=str(pupil)), e) for e in events)
        )
        expected = len(DIRECTIONS) * len(TEMPLATES)
        await wait_for(lambda: len(running.mails()) >= expected)
        sent = await wait_for(lambda: _sent(running, tenant, expected))
        mails = {lang: running.mails(f"{lang}@example.nl") for lang in DIRECTIONS}
        stats = await running.http.get("/v1/stats", headers=running.headers(tenant))

    readers = {str(g): lang for lang, g in guardians.items()}
    written = sorted(
        (str(data["template"]), readers[str(data["recipient_id"])], data["language"])
        for _, data in sent
    )
    assert written == sorted((t, lang, lang) for t in TEMPLATES for lang in DIRECTIONS)
    assert not [data for _, data in sent if data["fell_back"]]
    for lang, direction in DIRECTIONS.items():
        assert len(mails[lang]) == len(TEMPLATES), lang
        for mail in mails[lang]:
            assert str(mail["Content-Language"]) == lang
            assert f'<html lang="{lang}" dir="{direction}">' in _html(mail)
            assert mail.get_all("Auto-Submitted") == ["auto-generated"]
            assert mail.get_all("List-Unsubscribe") is None  # none of these is bulk
            assert "Yara" in str(mail["Subject"])
    assert stats.status_code == 200
    assert stats.json()["counters"].get("language_fallback", {}) == {}
