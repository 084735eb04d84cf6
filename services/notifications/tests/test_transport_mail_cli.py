"""`samen mail list|show` reads what the local SMTP server kept."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from samen_cli.mail import app
from samen_kit.localinfra.mailserver import MailServer
from samen_notifications.adapters.email import Attachment, OutgoingEmail, SmtpEmailSender
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key
from typer.testing import CliRunner

pytestmark = pytest.mark.integration

ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"


def _email(subject: str, language: str, html: str) -> OutgoingEmail:
    return OutgoingEmail(
        message_id=message_key(uuid.uuid4(), uuid.uuid4(), Channel.EMAIL).message_id,
        to="ouder@example.nl",
        subject=subject,
        text=f"Tekst van {subject}",
        html=html,
        language=language,
        attachments=(Attachment("uitnodiging.ics", "text/calendar; method=REQUEST", ICS),),
    )


@pytest.fixture
async def folder(tmp_path: Path) -> Path:
    async with (
        MailServer(tmp_path / "mail") as server,
        SmtpEmailSender("127.0.0.1", server.port) as smtp,
    ):
        await smtp.send(_email("Toestemming gevraagd", "nl", "<p>Graag uw antwoord</p>"))
        await smtp.send(_email("طلب موافقة", "ar", '<html dir="rtl"><p>مرحبا</p></html>'))
    return tmp_path / "mail"


def test_list_shows_time_language_recipient_and_subject(folder: Path) -> None:
    result = CliRunner().invoke(app, ["list", "--folder", str(folder)])
    assert result.exit_code == 0, result.output
    first, second, summary = result.output.splitlines()
    assert first.split()[0] == "1" and "nl" in first and "Toestemming gevraagd" in first
    assert "ouder@example.nl" in first
    assert second.split()[0] == "2" and "ar" in second and "طلب موافقة" in second
    assert summary.startswith("2 message(s)")


def test_list_reads_the_folder_from_the_environment(folder: Path) -> None:
    result = CliRunner().invoke(app, ["list"], env={"SAMEN_MAIL_DIR": str(folder)})
    assert "Toestemming gevraagd" in result.output


def test_show_prints_headers_attachments_and_the_text_part(folder: Path) -> None:
    result = CliRunner().invoke(app, ["show", "1", "--folder", str(folder)])
    assert result.exit_code == 0, result.output
    assert "Subject: Toestemming gevraagd" in result.output
    assert "Content-Language: nl" in result.output
    assert "Attachment: uitnodiging.ics (text/calendar" in result.output
    assert "Tekst van Toestemming gevraagd" in result.output
    assert "<p>" not in result.output


def test_show_html_prints_the_html_part(folder: Path) -> None:
    result = CliRunner().invoke(app, ["show", "2", "--html", "--folder", str(folder)])
    assert 'dir="rtl"' in result.output


def test_show_finds_a_message_by_its_message_id(folder: Path) -> None:
    listed = CliRunner().invoke(app, ["show", "1", "--folder", str(folder)]).output
    message_id = next(
        line.removeprefix("Message-ID: ") for line in listed.splitlines() if "Message-ID" in line
    )
    result = CliRunner().invoke(app, ["show", message_id.strip("<>"), "--folder", str(folder)])
    assert "Subject: Toestemming gevraagd" in result.output


def test_show_of_an_unknown_message_fails(folder: Path) -> None:
    result = CliRunner().invoke(app, ["show", "99", "--folder", str(folder)])
    assert result.exit_code == 1
