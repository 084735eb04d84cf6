"""Sending a step-up code: by SMS to the guardian's number on file, else by e-mail.

Straight to the gateway or relay, not through the message table and its retries: a code
lives ten minutes, a guardian asks anew, and the code is never stored in clear.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from markupsafe import escape
from samen_kit.pages import Phrases

from samen_notifications.adapters.ports import (
    AbstractEmailSender,
    AbstractSmsGateway,
    OutgoingEmail,
    OutgoingSms,
)
from samen_notifications.adapters.tables import GuardianContactRow


class Sent(StrEnum):
    SMS = "sms"
    EMAIL = "email"
    NOWHERE = "nowhere"  # no contact point on file, or do-not-contact


@dataclass(frozen=True)
class CodeSenders:
    sms: AbstractSmsGateway
    email: AbstractEmailSender
    mail_domain: str


async def send_code(
    senders: CodeSenders,
    contact: GuardianContactRow | None,
    challenge_id: UUID,
    code: str,
    phrases: Phrases,
) -> Sent:
    if contact is None or contact.do_not_contact:
        return Sent.NOWHERE
    text = _text(phrases, code)
    if contact.mobile:
        await senders.sms.send(OutgoingSms(f"step-up-{challenge_id}", contact.mobile, text))
        return Sent.SMS
    if contact.email:
        await senders.email.send(_email(senders, contact.email, challenge_id, text, phrases))
        return Sent.EMAIL
    return Sent.NOWHERE


def _text(phrases: Phrases, code: str) -> str:
    dutch = phrases.dutch("step_up_message", code=code)
    own = phrases.own("step_up_message", code=code)
    return dutch if own == dutch else f"{dutch}\n\n{own}"


def _email(
    senders: CodeSenders, to: str, challenge_id: UUID, text: str, phrases: Phrases
) -> OutgoingEmail:
    return OutgoingEmail(
        message_id=f"<step-up-{challenge_id}@{senders.mail_domain}>",
        to=to,
        subject=phrases.plain("step_up_subject"),
        text=text,
        html="".join(f"<p>{escape(line)}</p>" for line in text.split("\n\n")),
        language=phrases.language,
    )
