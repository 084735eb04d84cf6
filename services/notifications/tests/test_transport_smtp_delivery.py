"""E-mail over real SMTP: our sender into the local aiosmtpd server, counted at the server."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from samen_kit.localinfra.mailserver import MailServer, StoredMail, refuse_domains
from samen_kit.testing.server import free_port
from samen_notifications.adapters.email import Attachment, OutgoingEmail, SmtpEmailSender
from samen_notifications.adapters.errors import PermanentFailure, TemporaryFailure
from samen_notifications.domain.dates import AMSTERDAM
from samen_notifications.domain.ical import CalendarEntry, meeting_calendar
from samen_notifications.domain.rules import CalendarMethod, Channel
from samen_notifications.domain.scheduling import message_key

pytestmark = pytest.mark.integration

MEETING = uuid.uuid4()
START = datetime(2025, 3, 25, 14, 30, tzinfo=AMSTERDAM)


def _message_id() -> str:
    return message_key(uuid.uuid4(), uuid.uuid4(), Channel.EMAIL).message_id


def _invitation_ics() -> bytes:
    entry = CalendarEntry(
        meeting_id=MEETING,
        sequence=0,
        starts_at=START,
        ends_at=START + timedelta(hours=1),
        summary="دعوة: محادثة حول نور",
        lang="ar",
    )
    return meeting_calendar(entry, CalendarMethod.REQUEST, datetime(2025, 3, 10, tzinfo=UTC))


def _email(**overrides: Any) -> OutgoingEmail:
    values: dict[str, Any] = {
        "message_id": _message_id(),
        "to": "ouder@example.nl",
        "subject": "Uitnodiging: gesprek over Noor",
        "text": "Beste ouder,\n\nU bent uitgenodigd voor een gesprek.",
        "html": '<html lang="nl"><body><p>Beste ouder,</p></body></html>',
        "language": "nl",
    }
    return OutgoingEmail(**(values | overrides))


def _stored(server: MailServer, entry: StoredMail) -> EmailMessage:
    raw = (server.folder.path / entry.file).read_bytes()
    message = message_from_bytes(raw, policy=default_policy)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture
async def server(tmp_path: Path) -> AsyncIterator[MailServer]:
    async with MailServer(tmp_path / "mail") as running:
        yield running


@pytest.fixture
async def sender(server: MailServer) -> AsyncIterator[SmtpEmailSender]:
    async with SmtpEmailSender("127.0.0.1", server.port, timeout=5) as smtp:
        yield smtp


async def test_an_invitation_arrives_whole_with_its_message_id(
    server: MailServer, sender: SmtpEmailSender
) -> None:
    ics = Attachment("uitnodiging.ics", "text/calendar; method=REQUEST", _invitation_ics())
    html = '<html lang="ar" dir="rtl"><body><p>مرحبا</p></body></html>'
    email = _email(language="ar", subject="دعوة", html=html, attachments=(ics,))
    await sender.send(email)
    (entry,) = server.folder.entries()
    message = _stored(server, entry)
    assert (entry.message_id, entry.language, entry.subject) == (email.message_id, "ar", "دعوة")
    assert message["Message-ID"] == email.message_id
    assert [part.get_content_type() for part in message.walk()][2:4] == ["text/plain", "text/html"]
    html_part = message.get_body(preferencelist=("html",))
    assert html_part is not None and 'dir="rtl"' in html_part.get_content()
    (attachment,) = message.iter_attachments()
    assert attachment.get_param("method") == "REQUEST"
    ics_bytes = attachment.get_payload(decode=True)
    assert isinstance(ics_bytes, bytes)
    calendar = Calendar.from_ical(ics_bytes)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(calendar.walk("VEVENT")[0]["UID"]) == f"meeting-{MEETING}@samen.invalid"


async def test_many_messages_share_one_connection(
    server: MailServer, sender: SmtpEmailSender
) -> None:
    emails = [_email() for _ in range(12)]
    for email in emails:
        await sender.send(email)
    assert [entry.message_id for entry in server.folder.entries()] == [
        email.message_id for email in emails
    ]
    assert server.connections == 1


async def test_concurrent_sends_are_safe_on_one_connection(
    server: MailServer, sender: SmtpEmailSender
) -> None:
    emails = [_email() for _ in range(20)]
    await asyncio.gather(*(sender.send(email) for email in emails))
    stored = {entry.message_id for entry in server.folder.entries()}
    assert stored == {email.message_id for email in emails}
    assert server.connections == 1


async def test_a_pool_opens_no_more_connections_than_its_size(server: MailServer) -> None:
    emails = [_email() for _ in range(30)]
    async with SmtpEmailSender("127.0.0.1", server.port, pool_size=3) as pooled:
        await asyncio.gather(*(pooled.send(email) for email in emails))
    assert len(server.folder.entries()) == 30
    assert 1 <= server.connections <= 3


async def test_a_resend_carries_the_same_message_id(
    server: MailServer, sender: SmtpEmailSender
) -> None:
    email = _email()
    await sender.send(email)
    await sender.send(email)
    assert [entry.message_id for entry in server.folder.entries()] == [email.message_id] * 2


async def test_a_refused_recipient_is_permanent_and_the_connection_stays(
    server: MailServer, sender: SmtpEmailSender
) -> None:
    with pytest.raises(PermanentFailure) as refused:
        await sender.send(_email(to="ouder@bounce.invalid"))
    assert refused.value.code == 550
    await sender.send(_email())
    assert len(server.folder.entries()) == 1
    assert server.connections == 1


async def test_a_server_that_is_down_is_a_temporary_failure() -> None:
    async with SmtpEmailSender("127.0.0.1", free_port(), timeout=2) as nowhere:
        with pytest.raises(TemporaryFailure) as down:
            await nowhere.send(_email())
    assert not down.value.maybe_sent


async def test_the_sender_reconnects_after_the_server_restarted(tmp_path: Path) -> None:
    first = MailServer(tmp_path / "mail")
    await first.start()
    async with SmtpEmailSender("127.0.0.1", first.port, timeout=5) as smtp:
        await smtp.send(_email())
        await first.stop()
        async with MailServer(tmp_path / "mail", port=first.port) as second:
            await smtp.send(_email())
            assert second.connections == 1
    assert len(first.folder.entries()) == 2


async def test_the_bounce_address_is_the_envelope_sender(server: MailServer) -> None:
    bounce = "bounces+x@samen.invalid"
    async with SmtpEmailSender(
        "127.0.0.1", server.port, mail_from="Samen <noreply@samen.invalid>", bounce_address=bounce
    ) as smtp:
        await smtp.send(_email())
    (entry,) = server.folder.entries()
    assert (entry.envelope_from, entry.envelope_to) == (bounce, ["ouder@example.nl"])
    assert _stored(server, entry)["From"] == "Samen <noreply@samen.invalid>"


async def test_each_message_is_a_named_file_with_an_index_line(
    server: MailServer, sender: SmtpEmailSender
) -> None:
    email = _email(subject="Herinnering: graag uw antwoord vóór vrijdag")
    await sender.send(email)
    (entry,) = server.folder.entries()
    stamp, digest = entry.file.removesuffix(".eml").split("-")
    assert len(stamp) == len("20250310T090000123456Z") and len(digest) == 16
    assert (entry.to, entry.subject, entry.language) == (email.to, email.subject, "nl")
    assert entry.size == (server.folder.path / entry.file).stat().st_size


async def test_a_server_told_to_refuse_a_domain_refuses_only_that_one(tmp_path: Path) -> None:
    async with (
        MailServer(tmp_path, refuse=refuse_domains("school.example.org")) as server,
        SmtpEmailSender("127.0.0.1", server.port) as smtp,
    ):
        with pytest.raises(PermanentFailure):
            await smtp.send(_email(to="juf@school.example.org"))
        await smtp.send(_email(to="ouder@bounce.invalid"))
    assert [entry.to for entry in server.folder.entries()] == ["ouder@bounce.invalid"]


async def test_a_signer_signs_every_message_before_it_goes(server: MailServer) -> None:
    def sign(message: bytes) -> bytes:
        return b"DKIM-Signature: v=1; a=rsa-sha256; d=samen.invalid; s=test\r\n" + message

    async with SmtpEmailSender("127.0.0.1", server.port, sign=sign) as smtp:
        await smtp.send(_email())
    (entry,) = server.folder.entries()
    assert _stored(server, entry)["DKIM-Signature"].startswith("v=1; a=rsa-sha256")
