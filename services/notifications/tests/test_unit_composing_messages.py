"""Composing one message: the recipient's language, the right link per channel, the
calendar file, and clear failures instead of half a message."""

from __future__ import annotations

import html
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from icalendar import Calendar
from samen_contract.events.notifications import FailureReason
from samen_kit.access import GuardianTokenVerifier, StaticJwks
from samen_kit.access.devkeys import public_jwks
from samen_kit.access.testing import new_signing_key
from samen_kit.clock import FakeClock
from samen_notifications.adapters.email import build_message, render_message
from samen_notifications.adapters.tables import NotificationRow
from samen_notifications.domain.facts import event_facts, facts_to_json
from samen_notifications.domain.guardian_links import GuardianLinks
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key
from samen_notifications.handlers.composer import (
    Addressee,
    Broadcast,
    ComposeError,
    Composer,
    School,
)
from samen_notifications.rendering import default_renderer

pytestmark = pytest.mark.unit

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
KEY = new_signing_key()
LINKS = GuardianLinks(
    KEY,
    base_urls={
        "consent": "https://consent.example",
        "meetings": "https://meetings.example",
        "disputes": "https://disputes.example",
        "notifications": "https://samen.example",
    },
    page_paths={
        "consent_request": "/ouders/toestemming/{id}",
        "meeting": "/ouders/gesprekken/{id}",
        "pupil": "/ouders/geschil-starten/{id}",
    },
    public_base_url="https://samen.example",
    code_secret=b"x" * 32,
    ttl=timedelta(days=14),
)
COMPOSER = Composer(
    default_renderer(),
    LINKS,
    staff_url_template="https://staf.example/{pupil_id}",
    organizer_email="noreply@samen.example",
)
SCHOOL = School("OBS De Regenboog", "010 123 45 67", "info@regenboog.example", "Lindelaan 12")
EMAIL_AND_MOBILE = Addressee("ouder@example.nl", "+31612345678", "nl", "Noor")


def _notification(
    event_type: str, data: dict[str, Any], item: tuple[str, str] | None, **kw: Any
) -> NotificationRow:
    values: dict[str, Any] = {
        "id": uuid.uuid4(),
        "tenant": "swv-test",
        "pupil_id": uuid.uuid4(),
        "school_id": uuid.uuid4(),
        "recipient_kind": "guardian",
        "recipient_id": uuid.uuid4(),
        "rule_key": event_type,
        "template": kw.pop("template"),
        "cause_id": uuid.uuid4(),
        "correlation_id": "c",
        "item_kind": item[0] if item else None,
        "item_id": item[1] if item else None,
        "facts": facts_to_json(event_facts(event_type, data, NOW)),
        "status": "planned",
        "waiting_since": NOW,
        "created_at": NOW,
        **kw,
    }
    return NotificationRow(**values)


REQUEST_ID = uuid.uuid4()
REQUEST = _notification(
    "samen.consent.ConsentRequested.v1",
    {"purpose": "mdo_request", "answer_by": "2026-03-16", "request_id": str(REQUEST_ID)},
    ("consent_request", str(REQUEST_ID)),
    template="consent_request",
)


def _compose(n: NotificationRow, channel: Channel, recipient: Addressee = EMAIL_AND_MOBILE) -> Any:
    key = message_key(n.cause_id, n.recipient_id, channel).value
    return COMPOSER.compose(n, key, channel, recipient, SCHOOL, NOW)


async def test_an_email_links_to_the_owning_page_with_a_token_for_that_guardian_and_item() -> None:
    composed = _compose(REQUEST, Channel.EMAIL)
    assert (
        composed.email.message_id
        == message_key(REQUEST.cause_id, REQUEST.recipient_id, Channel.EMAIL).message_id
    )
    url = next(w for w in composed.email.text.split() if w.startswith("https://consent.example"))
    assert url.startswith(f"https://consent.example/ouders/toestemming/{REQUEST_ID}?token=")
    verifier = GuardianTokenVerifier(StaticJwks(public_jwks(KEY)), clock=FakeClock(NOW))
    grant = await verifier.verify(parse_qs(urlsplit(url).query)["token"][0])
    assert (grant.guardian_id, grant.pupil_id) == (REQUEST.recipient_id, REQUEST.pupil_id)
    assert grant.item.is_("consent_request", REQUEST_ID)
    assert grant.expires_at == NOW + timedelta(days=14)
    assert composed.short_link is None


async def test_an_evaluation_due_offers_a_link_to_open_a_dispute_about_the_pupil() -> None:
    data = {"kind": "opp", "due_on": "2026-04-01", "subject_id": str(uuid.uuid4())}
    n = _notification("samen.meetings.EvaluationDue.v1", data, None, template="evaluation_due")
    composed = _compose(n, Channel.EMAIL)
    page = f"https://disputes.example/ouders/geschil-starten/{n.pupil_id}?"
    (url,) = [w for w in composed.email.text.split() if w.startswith(page)]
    verifier = GuardianTokenVerifier(StaticJwks(public_jwks(KEY)), clock=FakeClock(NOW))
    grant = await verifier.verify(parse_qs(urlsplit(url).query)["token"][0])
    assert (grant.guardian_id, grant.pupil_id) == (n.recipient_id, n.pupil_id)
    assert grant.item.is_("pupil", str(n.pupil_id))
    assert grant.expires_at == NOW + timedelta(days=14)


def test_a_composed_email_is_marked_automatic_once_by_the_mail_adapter() -> None:
    """The composer adds no Auto-Submitted of its own: the adapter writes it, once."""
    composed = _compose(REQUEST, Channel.EMAIL)
    assert not {name.lower() for name in composed.email.headers} & {"auto-submitted"}
    raw = render_message(composed.email)
    assert raw.count(b"\r\nAuto-Submitted: auto-generated\r\n") == 1


async def test_a_broadcast_offers_one_click_unsubscribe_from_bulk_messages_only() -> None:
    n = _notification("command:broadcast", {}, None, template="broadcast", command="broadcast")
    texts = {"nl": {"subject": "Studiedag", "body": "Vrijdag zijn alle kinderen vrij."}}
    key = message_key(n.cause_id, n.recipient_id, Channel.EMAIL).value
    words = Broadcast(texts)
    composed = COMPOSER.compose(n, key, Channel.EMAIL, EMAIL_AND_MOBILE, SCHOOL, NOW, words)

    assert composed.email is not None
    headers = composed.email.headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"].removeprefix("<").removesuffix(">")
    assert url.startswith("https://samen.example/ouders/voorkeuren?token=")
    verifier = GuardianTokenVerifier(StaticJwks(public_jwks(KEY)), clock=FakeClock(NOW))
    grant = await verifier.verify(parse_qs(urlsplit(url).query)["token"][0])
    assert grant.guardian_id == n.recipient_id and grant.tenant == n.tenant
    assert grant.item.is_("bulk_messages", n.recipient_id)
    assert grant.expires_at == NOW + timedelta(days=90)  # a mail is read long after
    assert url in composed.email.text  # also under the message, for any mail program
    assert f'<a href="{html.escape(url)}">Zet ze hier uit</a>' in composed.email.html
    message = build_message(composed.email)
    assert message.get_all("List-Unsubscribe") == [f"<{url}>"]
    transactional = _compose(REQUEST, Channel.EMAIL)
    assert not {"List-Unsubscribe", "List-Unsubscribe-Post"} & set(transactional.email.headers)


def test_a_message_whose_rule_offers_no_dispute_carries_no_dispute_link() -> None:
    composed = _compose(REQUEST, Channel.EMAIL)
    assert "geschil-starten" not in composed.email.text


def test_an_sms_carries_a_short_link_stable_for_its_message_key() -> None:
    first, again = _compose(REQUEST, Channel.SMS), _compose(REQUEST, Channel.SMS)
    assert first.short_link["code"] == again.short_link["code"]
    assert f"https://samen.example/l/{first.short_link['code']}" in first.sms.body
    assert first.short_link["target_url"].startswith("https://consent.example/ouders/toestemming/")
    assert first.sms.reference == first.message_id.hex and first.sms.recipient == "+31612345678"
    assert first.segments is not None and first.segments <= 3


def test_the_request_states_what_is_asked_and_by_when_in_the_guardians_language() -> None:
    composed = _compose(REQUEST, Channel.EMAIL, Addressee("o@example.nl", None, "uk", "Noor"))
    assert (composed.lang_used, composed.fell_back) == ("uk", False)
    assert "16 березня 2026" in composed.email.text


def test_a_language_without_a_translation_falls_back_to_dutch_and_says_so() -> None:
    composed = _compose(REQUEST, Channel.EMAIL, Addressee("o@example.nl", None, "ti", "Noor"))
    assert (composed.lang_used, composed.fell_back, composed.requested_language) == (
        "nl",
        True,
        "ti",
    )


def test_without_a_first_name_the_message_speaks_of_your_child() -> None:
    composed = _compose(REQUEST, Channel.EMAIL, Addressee("o@example.nl", None, "nl", None))
    assert "uw kind" in composed.email.text


def test_a_channel_without_an_address_is_an_invalid_address_failure() -> None:
    with pytest.raises(ComposeError) as failed:
        _compose(REQUEST, Channel.SMS, Addressee("o@example.nl", None, "nl", "Noor"))
    assert failed.value.reason is FailureReason.INVALID_ADDRESS


def test_facts_a_template_needs_but_lacks_make_a_template_error_not_a_blank() -> None:
    broken = _notification(
        "samen.consent.ConsentRequested.v1",
        {"purpose": "mdo_request"},
        None,
        template="consent_request",
        facts={"purpose": "mdo_request"},
    )
    with pytest.raises(ComposeError) as failed:
        _compose(broken, Channel.EMAIL)
    assert failed.value.reason is FailureReason.TEMPLATE_ERROR


def test_an_invitation_carries_a_calendar_file_with_the_revision_as_sequence() -> None:
    meeting_id, starts = uuid.uuid4(), NOW + timedelta(days=3)
    data = {
        "meeting_id": str(meeting_id),
        "kind": "intake",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + timedelta(hours=1)).isoformat(),
        "revision": 3,
        "location_kind": "school",
        "interpreter_needed": False,
    }
    n = _notification(
        "samen.meetings.MeetingScheduled.v1",
        data,
        ("meeting", str(meeting_id)),
        template="meeting_invitation",
    )
    composed = _compose(n, Channel.EMAIL)
    (attachment,) = composed.email.attachments
    assert attachment.content_type.startswith("text/calendar; method=REQUEST")
    (event,) = Calendar.from_ical(attachment.data).walk("VEVENT")
    assert event.decoded("SEQUENCE") == 3
    assert str(event["ATTENDEE"]) == "mailto:ouder@example.nl"
    assert "Op school (Lindelaan 12)" in composed.email.text


def test_a_broadcast_uses_the_guardians_language_where_staff_wrote_it_else_dutch() -> None:
    n = _notification("command:broadcast", {}, None, template="broadcast", command="broadcast")
    texts = {
        "nl": {"subject": "Ouderavond", "body": "Welkom."},
        "ar": {"subject": "أمسية", "body": "مرحبًا."},
    }
    key = message_key(n.cause_id, n.recipient_id, Channel.EMAIL).value

    def compose(lang: str) -> Any:
        recipient = Addressee("o@example.nl", None, lang, None)
        return COMPOSER.compose(n, key, Channel.EMAIL, recipient, SCHOOL, NOW, Broadcast(texts))

    arabic, polish = compose("ar"), compose("pl")
    assert (arabic.lang_used, arabic.fell_back, arabic.email.subject) == ("ar", False, "أمسية")
    assert 'dir="rtl"' in arabic.email.html
    assert (polish.lang_used, polish.fell_back, polish.email.subject) == ("nl", True, "Ouderavond")


def test_staff_notices_are_dutch_whatever_language_is_on_file() -> None:
    n = _notification(
        "samen.consent.ConsentGiven.v1",
        {"purpose": "share_file", "valid_until": "2026-08-01T00:00:00+00:00"},
        None,
        template="staff_consent_given",
        recipient_kind="staff",
    )
    composed = _compose(n, Channel.EMAIL, Addressee("ib@school.example", None, "en", "Noor"))
    assert (composed.lang_used, composed.fell_back) == ("nl", False)
    assert f"https://staf.example/{n.pupil_id}" in composed.email.text
    assert "1 augustus 2026" in composed.email.text


def test_the_link_opens_the_owning_page_in_the_language_the_message_used() -> None:
    links = GuardianLinks(
        KEY,
        base_urls={"consent": "https://consent.example"},
        page_paths={"consent_request": "/ouders/toestemming/{id}"},
        public_base_url="https://samen.example",
        code_secret=b"x" * 32,
        ttl=timedelta(days=14),
        language_params={"consent": "taal"},
    )
    composer = Composer(
        default_renderer(), links, staff_url_template="-", organizer_email="n@samen.example"
    )
    key = message_key(REQUEST.cause_id, REQUEST.recipient_id, Channel.EMAIL).value

    def url(lang: str) -> str:
        recipient = Addressee("o@example.nl", None, lang, "Noor")
        email = composer.compose(REQUEST, key, Channel.EMAIL, recipient, SCHOOL, NOW).email
        assert email is not None
        return next(w for w in email.text.split() if w.startswith("https://consent"))

    assert parse_qs(urlsplit(url("ar")).query)["taal"] == ["ar"]
    assert "taal" not in parse_qs(urlsplit(url("nl")).query)
