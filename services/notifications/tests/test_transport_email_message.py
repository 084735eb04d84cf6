"""An outgoing e-mail as MIME, and which SMTP failures are permanent."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import aiosmtplib
import pytest
from samen_notifications.adapters import ports
from samen_notifications.adapters.email import (
    Attachment,
    InvalidEmail,
    OutgoingEmail,
    build_message,
    classify_smtp_error,
    render_message,
)
from samen_notifications.adapters.errors import PermanentFailure, TemporaryFailure
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key

pytestmark = pytest.mark.unit

NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)
ICS = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n"
KEY = message_key(uuid.uuid4(), uuid.uuid4(), Channel.EMAIL)


def _email(**overrides: Any) -> OutgoingEmail:
    values: dict[str, Any] = {
        "to": "Ouder van Noor <ouder@example.nl>",
        "subject": "Uitnodiging: gesprek over Noor op 25 maart",
        "text": "Beste ouder,\n\nU bent uitgenodigd.",
        "html": '<html lang="nl"><body><p>Beste ouder,</p></body></html>',
        "message_id": KEY.message_id,
        "language": "nl",
        "attachments": (Attachment("uitnodiging.ics", "text/calendar; method=REQUEST", ICS),),
    }
    return OutgoingEmail(**(values | overrides))


def _parts(message: EmailMessage) -> list[str]:
    return [part.get_content_type() for part in message.walk()]


def test_a_message_with_html_and_a_calendar_is_mixed_around_an_alternative() -> None:
    message = build_message(_email(), now=NOW)
    assert _parts(message) == [
        "multipart/mixed",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "text/calendar",
    ]


def test_the_calendar_attachment_keeps_its_method_and_name() -> None:
    (attachment,) = build_message(_email(), now=NOW).iter_attachments()
    assert attachment.get_param("method") == "REQUEST"
    assert attachment.get_filename() == "uitnodiging.ics"
    assert attachment.get_payload(decode=True) == ICS


def test_the_message_id_is_the_callers_so_a_resend_keeps_it() -> None:
    first = build_message(_email(), now=NOW)
    resend = build_message(_email(), now=datetime(2025, 3, 11, tzinfo=UTC))
    assert first["Message-ID"] == resend["Message-ID"] == KEY.message_id


def test_headers_mark_the_language_and_the_automatic_sender() -> None:
    message = build_message(_email(language="pl"), now=NOW)
    assert message["Content-Language"] == "pl"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["Date"] == "Mon, 10 Mar 2025 09:00:00 +0000"


def test_a_message_says_it_was_sent_automatically_exactly_once() -> None:
    message = build_message(_email(), now=NOW)
    assert message.get_all("Auto-Submitted") == ["auto-generated"]
    assert message.get_all("X-Auto-Response-Suppress") == ["All"]
    assert render_message(_email(), now=NOW).count(b"Auto-Submitted:") == 1


def test_an_arabic_message_keeps_its_subject_and_right_to_left_html() -> None:
    subject = "دعوة: محادثة حول نور"
    html = '<html lang="ar" dir="rtl"><body><p>مرحبا</p></body></html>'
    message = build_message(_email(subject=subject, html=html, language="ar"), now=NOW)
    assert message["Subject"] == subject
    assert message.as_bytes().isascii()  # the subject went out RFC 2047 encoded
    body = message.get_body(preferencelist=("html",))
    assert body is not None
    assert 'dir="rtl"' in body.get_content()


def test_a_text_only_message_is_a_single_plain_part() -> None:
    message = build_message(_email(html="", attachments=()), now=NOW)
    assert _parts(message) == ["text/plain"]
    assert message["Content-Language"] == "nl"


def test_the_wire_form_is_seven_bit_crlf_with_short_lines() -> None:
    subject = "دعوة: محادثة حول نور في المدرسة يوم الثلاثاء الخامس والعشرين من مارس"
    raw = render_message(_email(subject=subject, language="ar"), now=NOW)
    lines = raw.split(b"\r\n")
    assert raw.isascii()
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 78


def test_latin_text_is_quoted_printable_and_arabic_text_base64() -> None:
    dutch = build_message(_email(text="Wilt u vóór 1 april antwoorden?"), now=NOW)
    arabic = build_message(_email(text="يرجى الرد قبل الأول من أبريل"), now=NOW)
    dutch_text, arabic_text = (m.get_body(preferencelist=("plain",)) for m in (dutch, arabic))
    assert dutch_text is not None and arabic_text is not None
    assert dutch_text["Content-Transfer-Encoding"] == "quoted-printable"
    assert arabic_text["Content-Transfer-Encoding"] == "base64"
    assert dutch_text.get_content() == "Wilt u vóór 1 april antwoorden?"


def test_a_non_ascii_file_name_survives_as_rfc_2231() -> None:
    files = (Attachment("verslag één.pdf", "application/pdf", b"%PDF-1.7"),)
    (attachment,) = build_message(_email(attachments=files), now=NOW).iter_attachments()
    assert attachment.get_filename() == "verslag één.pdf"
    assert attachment.get_payload(decode=True) == b"%PDF-1.7"


def test_a_display_name_in_another_script_is_encoded() -> None:
    message = build_message(_email(to="والد نور <ouder@example.nl>"), now=NOW)
    assert message["To"].addresses[0].display_name == "والد نور"
    assert message["To"].addresses[0].addr_spec == "ouder@example.nl"


def test_the_sender_is_the_from_header() -> None:
    message = build_message(_email(), sender="SWV Utrecht <info@swv.example.nl>", now=NOW)
    assert message["From"] == "SWV Utrecht <info@swv.example.nl>"


def test_extra_headers_go_along() -> None:
    headers = {"List-Unsubscribe": "<https://samen.example.nl/contact>"}
    message = build_message(_email(headers=headers), now=NOW)
    assert message["List-Unsubscribe"] == "<https://samen.example.nl/contact>"


@pytest.mark.parametrize(
    "overrides",
    [
        {"subject": "Uitnodiging\r\nBcc: iedereen@example.nl"},
        {"to": "geen adres"},
        {"to": "ouder@exämple.nl"},
        {"to": "Ouder\r\nBcc: x <ouder@example.nl>"},
        {"headers": {"Message-ID": "<other@samen.invalid>"}},
        {"headers": {"Content-Type": "text/html"}},
        {"headers": {"Auto-Submitted": "auto-generated"}},
        {"headers": {"Content-Language": "ar"}},
        {"headers": {"List-Unsubscribe": "<https://a.example>", "list-unsubscribe": "<b>"}},
        {"headers": {"X-Samen": "a\r\nBcc: iedereen@example.nl"}},
        {"message_id": "zonder-haken@samen.invalid"},
        {"language": "Nederlands!"},
    ],
)
def test_an_unbuildable_message_is_a_permanent_failure(overrides: dict[str, Any]) -> None:
    with pytest.raises(InvalidEmail):
        build_message(_email(**overrides), now=NOW)
    assert issubclass(InvalidEmail, PermanentFailure)


def test_an_unusable_sender_is_refused() -> None:
    with pytest.raises(InvalidEmail):
        build_message(_email(), sender="Samen", now=NOW)


def _refused(code: int, text: str) -> aiosmtplib.SMTPRecipientsRefused:
    return aiosmtplib.SMTPRecipientsRefused(
        [aiosmtplib.SMTPRecipientRefused(code, text, "ouder@example.nl")]
    )


def test_a_refused_recipient_with_5xx_is_permanent_and_names_no_address() -> None:
    failure = classify_smtp_error(_refused(550, "5.1.1 <ouder@example.nl>: no such user"))
    assert isinstance(failure, PermanentFailure)
    assert failure.code == 550
    assert "550 5.1.1" in str(failure)
    assert "ouder@example.nl" not in str(failure)


def test_a_refused_recipient_with_4xx_is_temporary() -> None:
    failure = classify_smtp_error(_refused(450, "4.2.0 greylisted"))
    assert isinstance(failure, TemporaryFailure)
    assert failure.code == 450


def test_a_full_mailbox_at_rcpt_is_temporary_as_rfc_5321_says() -> None:
    assert isinstance(classify_smtp_error(_refused(552, "5.2.2 mailbox full")), TemporaryFailure)


def test_a_refused_message_body_with_5xx_is_permanent() -> None:
    failure = classify_smtp_error(aiosmtplib.SMTPDataError(554, "5.6.0 content rejected"))
    assert isinstance(failure, PermanentFailure)


@pytest.mark.parametrize(
    "error",
    [
        aiosmtplib.SMTPAuthenticationError(535, "5.7.8 bad credentials"),
        aiosmtplib.SMTPSenderRefused(553, "5.7.1 sender not allowed", "noreply@samen.invalid"),
        aiosmtplib.SMTPConnectError("refused"),
        aiosmtplib.SMTPNotSupported("STARTTLS"),
        ConnectionResetError(),
    ],
)
def test_relay_set_up_and_connection_errors_are_temporary(error: Exception) -> None:
    failure = classify_smtp_error(error)
    assert isinstance(failure, TemporaryFailure)
    assert not failure.maybe_sent


@pytest.mark.parametrize(
    "error",
    [aiosmtplib.SMTPServerDisconnected("lost"), aiosmtplib.SMTPReadTimeoutError("slow")],
)
def test_a_connection_lost_mid_transaction_may_have_sent(error: Exception) -> None:
    failure = classify_smtp_error(error)
    assert isinstance(failure, TemporaryFailure)
    assert failure.maybe_sent


def test_the_failures_are_the_ports_so_the_pipeline_catches_them() -> None:
    assert issubclass(PermanentFailure, ports.PermanentFailure)
    assert issubclass(TemporaryFailure, ports.TemporaryFailure)
