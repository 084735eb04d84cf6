"""Bounces: delivery status notifications (RFC 3464) that come back to the bounce
address, read for the Message-ID of the message they are about.

`parse_bounce` reads one DSN. `MailFolderBounces` takes them from the local mail
server's folder (everything sent to the bounce address); in production an adapter for
the bounce mailbox (IMAP, or the relay's webhook) implements the same port.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from email import message_from_bytes
from email.message import Message
from email.parser import HeaderParser
from email.policy import compat32
from pathlib import Path

from samen_kit.localinfra.mailserver import MailFolder

from samen_notifications.adapters.ports import AbstractBounceInbox, Bounce

_STATUS = re.compile(r"^\s*([245])\.(\d{1,3})\.(\d{1,3})")


def parse_bounce(raw: bytes) -> Bounce | None:
    """The failed delivery a DSN reports; None for anything else (a delay, an
    auto-reply, a message that is no DSN)."""
    message = message_from_bytes(raw, policy=compat32)
    if message.get_content_type() != "multipart/report":
        return None
    status = _failed_status(message)
    message_id = _original_message_id(message)
    if status is None or message_id is None:
        return None
    return Bounce(message_id=message_id, status=status, permanent=status.startswith("5"))


def _failed_status(report: Message) -> str | None:
    for part in report.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for fields in part.get_payload() or []:
            if not isinstance(fields, Message):
                continue
            action = str(fields.get("Action", "")).strip().lower()
            found = _STATUS.match(str(fields.get("Status", "")))
            if action == "failed" and found:
                return ".".join(found.groups())
    return None


def _original_message_id(report: Message) -> str | None:
    for part in report.walk():
        kind = part.get_content_type()
        if kind == "message/rfc822":
            inner = part.get_payload()
            original = inner[0] if isinstance(inner, list) and inner else None
            if isinstance(original, Message) and original.get("Message-ID"):
                return str(original["Message-ID"]).strip()
        if kind == "text/rfc822-headers":
            payload = part.get_payload(decode=True)
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
            headers = HeaderParser().parsestr(text)
            if headers.get("Message-ID"):
                return str(headers["Message-ID"]).strip()
    return None


@dataclass
class MailFolderBounces(AbstractBounceInbox):
    """What the local mail server received for the bounce address, oldest first.

    Remembers how far into the index it read, and reads only what came after (a
    broadcast's 150,000 messages made a re-read of the whole index at every poll the
    service's largest cost); after a restart it reads all again, which is harmless:
    recording a bounce twice changes nothing.
    """

    folder: Path
    bounce_address: str
    _read: int = 0  # bytes of the index read so far

    async def fetch(self) -> list[bytes]:
        fresh, self._read = await asyncio.to_thread(
            MailFolder(self.folder).entries_after, self._read
        )
        wanted = self.bounce_address.lower()
        found = []
        for entry in fresh:
            if any(address.lower() == wanted for address in entry.envelope_to):
                found.append(await asyncio.to_thread((self.folder / entry.file).read_bytes))
        return found
