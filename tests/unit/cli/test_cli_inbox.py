"""The parents' inbox: messages found by the id the notifications service gave them,
read from the folder the real local SMTP server writes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from uuid import uuid4

import pytest
from samen_cli.journey.inbox import Inbox
from samen_kit.localinfra.mailserver import MailFolder

pytestmark = pytest.mark.unit

LINK = "http://127.0.0.1:8103/ouders/gesprekken/42?token=abc"


def invitation(message_id: str) -> bytes:
    mail = EmailMessage()
    mail["To"] = "ouder-bre0001-1@demo-ouders.invalid"
    mail["Subject"] = "Uitnodiging"
    mail["Message-ID"] = message_id
    mail.set_content(f"Beste ouder,\nKijk hier: {LINK}\n")
    mail.add_attachment(b"BEGIN:VCALENDAR\nMETHOD:REQUEST\nEND:VCALENDAR\n",
                        maintype="text", subtype="calendar", filename="invite.ics")  # fmt: skip
    mail["Content-Language"] = "ar"  # after the parts: making them moves content headers
    return mail.as_bytes()


def test_an_email_is_found_by_its_message_id_with_its_links_and_calendar(tmp_path: Path) -> None:
    key = uuid4()
    folder = MailFolder(tmp_path / "mail")
    folder.store(invitation(f"<{key}@samen.invalid>"), "noreply@samen.invalid",
                 ["ouder-bre0001-1@demo-ouders.invalid"], datetime.now(UTC))  # fmt: skip
    inbox = Inbox(tmp_path / "mail", tmp_path / "sms.jsonl")
    mail = inbox.mail_of(key)
    assert mail is not None
    assert (mail.language, mail.links()) == ("ar", [LINK])
    assert "METHOD:REQUEST" in (mail.calendar() or "")
    assert inbox.mail_of(uuid4()) is None


def test_an_sms_is_found_by_its_reference_and_a_half_written_line_is_skipped(
    tmp_path: Path,
) -> None:
    key = uuid4()
    entry = {"reference": key.hex, "recipients": ["31612340001"], "body": "Zie http://x/l/abc"}
    (tmp_path / "sms.jsonl").write_text(json.dumps(entry) + '\n{"reference": "12', "utf-8")
    sms = Inbox(tmp_path / "mail", tmp_path / "sms.jsonl").sms_of(key)
    assert sms is not None
    assert (sms.recipients, sms.links()) == (("31612340001",), ["http://x/l/abc"])
