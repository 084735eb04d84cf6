"""Turns one planned message into what a transport sends: the template in the
recipient's language, the guardian link, the calendar file.

Everything it needs is handed in (`Addressee`, the notification's facts, the school);
it reads no database. A message that cannot be composed raises `ComposeError` with the
reason the failure is recorded under.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from uuid import UUID

from samen_contract.events.notifications import FailureReason
from samen_kit.sms import sms_segments

from samen_notifications.adapters.ports import Attachment, OutgoingEmail, OutgoingSms
from samen_notifications.adapters.tables import NotificationRow
from samen_notifications.domain.errors import NotificationsError
from samen_notifications.domain.evening import InvitedEvent, Organizer, event_calendar
from samen_notifications.domain.facts import facts_from_json
from samen_notifications.domain.guardian_links import GuardianLink, GuardianLinks
from samen_notifications.domain.ical import CalendarEntry, meeting_calendar
from samen_notifications.domain.items import ItemKind, ItemRef, dispute_item
from samen_notifications.domain.rules import BROADCAST, Channel, NotificationRule, rule_named
from samen_notifications.domain.scheduling import MessageKey, message_key
from samen_notifications.domain.words import child_words, location_words
from samen_notifications.rendering import FALLBACK_LANGUAGE, RenderedMessage, Renderer

CALENDAR_FILE = "uitnodiging.ics"
EVENT_FILE = "agenda.ics"


class ComposeError(NotificationsError):
    def __init__(self, reason: FailureReason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


# Rules whose messages are bulk: every guardian in scope gets the same words.
BULK_RULES = frozenset({BROADCAST})


@dataclass(frozen=True, slots=True)
class School:
    name: str  # how messages are signed: a broadcast's sender
    phone: str
    email: str
    address: str | None = None
    official_name: str | None = None  # the school's own name, where it is on file


@dataclass(frozen=True, slots=True)
class Broadcast:
    """Staff's words for every guardian in scope, and the event they invite to."""

    texts: dict[str, dict[str, str]]
    event: InvitedEvent | None = None
    sent_at: datetime | None = None  # orders corrected invitations (the .ics SEQUENCE)


@dataclass(frozen=True, slots=True)
class Addressee:
    email: str | None
    mobile: str | None
    language: str
    pupil_first_name: str | None = None


@dataclass(frozen=True, slots=True)
class Composed:
    message_id: UUID
    channel: Channel
    lang_used: str
    fell_back: bool
    requested_language: str
    email: OutgoingEmail | None = None
    sms: OutgoingSms | None = None
    segments: int | None = None
    short_link: dict[str, Any] | None = field(default=None)


def rule_of(n: NotificationRow) -> NotificationRule:
    try:
        return rule_named(n.rule_key, n.template)
    except LookupError as error:
        raise ComposeError(FailureReason.TEMPLATE_ERROR, str(error)) from error


class Composer:
    def __init__(
        self,
        renderer: Renderer,
        links: GuardianLinks,
        *,
        staff_url_template: str,
        organizer_email: str,
    ) -> None:
        self._renderer = renderer
        self._links = links
        self._staff_url = staff_url_template
        self._organizer = organizer_email

    def language_for(self, template: str, requested: str) -> str:
        """The language the template will be written in: the request's, else Dutch."""
        primary = requested.split("-")[0].lower()
        return primary if primary in self._renderer.languages_of(template) else FALLBACK_LANGUAGE

    def compose(
        self,
        n: NotificationRow,
        message_id: UUID,
        channel: Channel,
        recipient: Addressee,
        school: School,
        now: datetime,
        broadcast: Broadcast | None = None,
    ) -> Composed:
        rule = rule_of(n)
        requested = rule.language_for(recipient.language)
        context, link = self._context(n, rule, message_id, recipient, school, requested, now)
        headers: dict[str, str] = {}
        if _is_bulk(rule):
            unsubscribe = self._links.bulk_opt_out(
                tenant=n.tenant, guardian_id=n.recipient_id, now=now
            )
            context["unsubscribe_url"] = unsubscribe.url
            headers = _unsubscribe_headers(unsubscribe.url)
        render_lang, forced_fallback = requested, False
        if broadcast is not None:
            render_lang, forced_fallback, context = _broadcast_context(
                context, broadcast.texts, requested
            )
        rendered = self._render(n.template, render_lang, context)
        fell_back = rendered.fell_back or forced_fallback
        composed = Composed(message_id, channel, rendered.lang_used, fell_back, requested)
        if channel is Channel.SMS:
            return self._sms(composed, rendered, recipient, link)
        email = self._email(composed, n, rule, rendered, recipient, context, now, headers)
        if broadcast is not None and broadcast.event is not None and email.email is not None:
            invitation = self._event_file(broadcast, school, rendered.lang_used, now)
            attachments = (*email.email.attachments, invitation)
            return _replace(email, email=replace(email.email, attachments=attachments))
        return email

    def _context(
        self,
        n: NotificationRow,
        rule: NotificationRule,
        message_id: UUID,
        recipient: Addressee,
        school: School,
        requested: str,
        now: datetime,
    ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        lang = self.language_for(n.template, requested)
        facts = facts_from_json(n.facts)
        context: dict[str, Any] = {
            **facts,
            "pupil_first_name": recipient.pupil_first_name or child_words(lang),
            "school_name": school.name,
            "school_phone": school.phone,
            "school_email": school.email,
            "location": location_words(str(facts.get("location_kind")), lang, school.address),
            "staff_url": self._staff_url.format(pupil_id=n.pupil_id),
            "item_kind": n.item_kind,
            "dispute_url": self._dispute_url(n, rule, lang, now),
        }
        short_link = None
        if rule.carries_link and n.item_kind and n.item_id and n.pupil_id:
            item = ItemRef(ItemKind(n.item_kind), n.item_id)
            link = self._mint(n, n.pupil_id, item, lang, now)
            context["action_url"] = context["sms_url"] = link.url
            if message_id == message_key(n.cause_id, n.recipient_id, Channel.SMS).value:
                code = self._links.short_code(message_id)
                context["sms_url"] = self._links.short_url(code)
                short_link = {
                    "code": code,
                    "message_id": message_id,
                    "tenant": n.tenant,
                    "target_url": link.url,
                    "expires_at": link.expires_at,
                }
        return context, short_link

    def _dispute_url(
        self, n: NotificationRow, rule: NotificationRule, lang: str, now: datetime
    ) -> str | None:
        """The guardian's link to open a dispute about the pupil, where the rule offers one."""
        if not rule.offers_dispute or rule.for_staff or n.pupil_id is None:
            return None
        return self._mint(n, n.pupil_id, dispute_item(n.pupil_id), lang, now).url

    def _mint(
        self, n: NotificationRow, pupil_id: UUID, item: ItemRef, lang: str, now: datetime
    ) -> GuardianLink:
        """A guardian access link for the notification's recipient, about `item`."""
        return self._links.mint(
            tenant=n.tenant,
            guardian_id=n.recipient_id,
            pupil_id=pupil_id,
            item=item,
            now=now,
            language=lang,
        )

    def _render(self, template: str, lang: str, context: dict[str, Any]) -> RenderedMessage:
        try:
            return self._renderer.render(template, lang, context)
        except NotificationsError as error:
            raise ComposeError(FailureReason.TEMPLATE_ERROR, str(error)) from error

    def _sms(
        self,
        composed: Composed,
        rendered: RenderedMessage,
        recipient: Addressee,
        short_link: dict[str, Any] | None,
    ) -> Composed:
        if recipient.mobile is None:
            raise ComposeError(FailureReason.INVALID_ADDRESS, "no mobile number on file")
        if not rendered.sms:
            raise ComposeError(FailureReason.TEMPLATE_ERROR, "the template has no SMS text")
        key = MessageKey(composed.message_id)
        sms = OutgoingSms(key.sms_reference, recipient.mobile, rendered.sms)
        return _replace(
            composed, sms=sms, segments=sms_segments(rendered.sms), short_link=short_link
        )

    def _email(
        self,
        composed: Composed,
        n: NotificationRow,
        rule: NotificationRule,
        rendered: RenderedMessage,
        recipient: Addressee,
        context: dict[str, Any],
        now: datetime,
        headers: dict[str, str],
    ) -> Composed:
        if recipient.email is None:
            raise ComposeError(FailureReason.INVALID_ADDRESS, "no e-mail address on file")
        attachments: tuple[Attachment, ...] = ()
        if rule.calendar is not None:
            attachments = (self._calendar(rule, rendered, recipient.email, context, now),)
        email = OutgoingEmail(
            message_id=MessageKey(composed.message_id).message_id,
            to=recipient.email,
            subject=rendered.subject,
            text=rendered.text,
            html=rendered.html,
            language=rendered.lang_used,
            attachments=attachments,
            headers=headers,
        )
        return _replace(composed, email=email)

    def _calendar(
        self,
        rule: NotificationRule,
        rendered: RenderedMessage,
        email: str,
        context: dict[str, Any],
        now: datetime,
    ) -> Attachment:
        assert rule.calendar is not None
        try:
            entry = CalendarEntry(
                meeting_id=UUID(str(context["meeting_id"])),
                sequence=int(context.get("revision", 0)),
                starts_at=context["starts_at"],
                ends_at=context["ends_at"],
                summary=rendered.calendar_summary or rendered.subject,
                lang=rendered.lang_used,
                location=context["location"],
                organizer_email=self._organizer,
                attendee_email=email,
            )
            data = meeting_calendar(entry, rule.calendar, now)
        except (KeyError, ValueError, NotificationsError) as error:
            raise ComposeError(FailureReason.TEMPLATE_ERROR, f"calendar: {error}") from error
        method = rule.calendar.value
        return Attachment(CALENDAR_FILE, f'text/calendar; method={method}; charset="utf-8"', data)

    def _event_file(
        self, broadcast: Broadcast, school: School, lang: str, now: datetime
    ) -> Attachment:
        assert broadcast.event is not None
        organizer = Organizer(school.official_name or school.name, self._organizer)
        try:
            data = event_calendar(broadcast.event, organizer, broadcast.sent_at or now, now, lang)
        except (ValueError, NotificationsError) as error:
            raise ComposeError(FailureReason.TEMPLATE_ERROR, f"calendar: {error}") from error
        return Attachment(EVENT_FILE, 'text/calendar; method=PUBLISH; charset="utf-8"', data)


def _broadcast_context(
    context: dict[str, Any], texts: dict[str, dict[str, str]], requested: str
) -> tuple[str, bool, dict[str, Any]]:
    """Staff wrote Dutch and maybe more: the guardian's language where given, else Dutch
    (a fallback, counted). The frame is rendered in the words' language, so the two agree."""
    primary = requested.split("-")[0].lower()
    lang = primary if primary in texts else FALLBACK_LANGUAGE
    text = texts[lang]
    words = {
        "broadcast_subject": text["subject"],
        "broadcast_body": text["body"],
        "broadcast_sms": text.get("sms") or text["subject"],
        "sender_name": context["school_name"],  # the broadcast's sender (see Batch.school)
    }
    return lang, lang != primary, {**context, **words}


def _is_bulk(rule: NotificationRule) -> bool:
    return rule.event_type in BULK_RULES and not rule.for_staff


def _unsubscribe_headers(url: str) -> dict[str, str]:
    """A bulk message offers to stop bulk messages in one click (RFC 2369, RFC 8058): the
    link's signed token is the only credential the POST needs. The same link stands under
    the message, for mail programs that show no unsubscribe button."""
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _replace(composed: Composed, **changes: Any) -> Composed:
    return replace(composed, **changes)
