"""Reading delivery status notifications (RFC 3464) for the message they are about."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from samen_kit.localinfra.mailserver import MailFolder
from samen_notifications.adapters.bounces import MailFolderBounces, parse_bounce
from samen_notifications.adapters.ports import Bounce
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key
from samen_notifications.handlers.bounces import message_key_of

pytestmark = pytest.mark.unit

KEY = message_key(uuid.uuid4(), uuid.uuid4(), Channel.EMAIL)


def _report(action: str, status: str, original: str) -> bytes:
    return (
        "From: MAILER-DAEMON@mx.example\r\nTo: bounces@samen.invalid\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/report; report-type=delivery-status; boundary="B"\r\n\r\n'
        "--B\r\nContent-Type: text/plain\r\n\r\nSorry.\r\n"
        "--B\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example\r\n\r\n"
        f"Final-Recipient: rfc822; o@example.nl\r\nAction: {action}\r\nStatus: {status}\r\n\r\n"
        f"--B\r\n{original}--B--\r\n"
    ).encode()


HEADERS = f"Content-Type: text/rfc822-headers\r\n\r\nMessage-ID: {KEY.message_id}\r\n\r\n"
WHOLE = (
    "Content-Type: message/rfc822\r\n\r\n"
    f"From: noreply@samen.invalid\r\nMessage-ID: {KEY.message_id}\r\nSubject: x\r\n\r\nHallo\r\n"
)


@pytest.mark.parametrize("original", [HEADERS, WHOLE], ids=["headers", "whole message"])
def test_a_failed_delivery_names_our_message(original: str) -> None:
    assert parse_bounce(_report("failed", "5.1.1", original)) == Bounce(
        KEY.message_id, "5.1.1", permanent=True
    )


def test_a_delay_is_no_bounce() -> None:
    assert parse_bounce(_report("delayed", "4.4.1", HEADERS)) is None


def test_a_plain_message_to_the_bounce_address_is_no_bounce() -> None:
    assert parse_bounce(b"From: a@example.nl\r\nSubject: Vakantie\r\n\r\nIk ben weg.\r\n") is None


def test_only_message_ids_we_wrote_lead_to_a_message_key() -> None:
    assert message_key_of(KEY.message_id) == KEY.value
    assert message_key_of("<abc@other.example>") is None
    assert message_key_of("<not-a-uuid@samen.invalid>") is None


def _stored(folder: MailFolder, number: int, to: str) -> None:
    mail = EmailMessage()
    mail["Message-ID"] = f"<m{number}@samen.invalid>"
    mail.set_content("Hallo.\n")
    folder.store(mail.as_bytes(), "mailer-daemon@mx.example", [to], datetime.now(UTC))


def test_the_bounce_reader_takes_each_message_to_the_bounce_address_once(tmp_path: Path) -> None:
    folder = MailFolder(tmp_path)
    bounces = MailFolderBounces(tmp_path, "bounces@samen.invalid")
    _stored(folder, 1, "bounces@samen.invalid")
    _stored(folder, 2, "ouder@example.nl")

    first = asyncio.run(bounces.fetch())
    _stored(folder, 3, "Bounces@Samen.invalid")
    second = asyncio.run(bounces.fetch())
    third = asyncio.run(bounces.fetch())

    assert [b"<m1@samen.invalid>" in mail for mail in first] == [True]
    assert [b"<m3@samen.invalid>" in mail for mail in second] == [True]
    assert third == []
