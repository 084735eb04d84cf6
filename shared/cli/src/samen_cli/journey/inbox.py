"""What parents received: the local mail server's folder and the SMS simulator's log.

A message is found by the id the notifications service gave it (the e-mail's
Message-ID, the SMS's reference), as its `NotificationSent` event names it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Any
from uuid import UUID

from samen_kit.localinfra.mailserver import INDEX

from samen_cli.journey.polling import until

_LINK = re.compile(r"https?://[^\s<>\"')]+")
_CODE = re.compile(r"\b(\d{6})\b")


@dataclass(frozen=True)
class Mail:
    path: Path
    message_id: str
    to: str
    subject: str
    language: str

    def message(self) -> EmailMessage:
        parsed = message_from_bytes(self.path.read_bytes(), policy=default_policy)
        assert isinstance(parsed, EmailMessage)  # the default policy always builds one
        return parsed

    def text(self) -> str:
        part = self.message().get_body(preferencelist=("plain",))
        return "" if part is None else str(part.get_content())

    def links(self) -> list[str]:
        return _LINK.findall(self.text())

    def calendar(self) -> str | None:
        """The attached .ics (text/calendar), if any."""
        for part in self.message().iter_attachments():
            if part.get_content_type() == "text/calendar":
                data = part.get_payload(decode=True)
                return data.decode("utf-8") if isinstance(data, bytes) else None
        return None


@dataclass(frozen=True)
class Sms:
    reference: str
    recipients: tuple[str, ...]
    body: str

    def links(self) -> list[str]:
        return _LINK.findall(self.body)


class Inbox:
    def __init__(self, mail_dir: Path, sms_log: Path) -> None:
        self.mail_dir, self.sms_log = mail_dir, sms_log

    def mails(self) -> list[Mail]:
        return [self._mail(entry) for entry in _json_lines(self.mail_dir / INDEX)]

    def sms(self) -> list[Sms]:
        return [
            Sms(str(e["reference"]), tuple(e["recipients"]), str(e["body"]))
            for e in _json_lines(self.sms_log)
        ]

    def mail_of(self, message_id: UUID) -> Mail | None:
        header = f"<{message_id}@"
        return next((m for m in self.mails() if m.message_id.startswith(header)), None)

    def sms_of(self, message_id: UUID) -> Sms | None:
        return next((s for s in self.sms() if s.reference == message_id.hex), None)

    async def mail(self, message_id: UUID, within: float = 30.0) -> Mail:
        async def probe() -> Mail | None:
            return self.mail_of(message_id)

        return await until(probe, what=f"e-mail {message_id} in the mail folder", within=within)

    async def text(self, message_id: UUID, within: float = 30.0) -> Sms:
        async def probe() -> Sms | None:
            return self.sms_of(message_id)

        return await until(probe, what=f"SMS {message_id} in the SMS log", within=within)

    async def step_up_code(self, challenge_id: UUID, within: float = 30.0) -> str:
        """The one-time code sent for `challenge_id`: by SMS, or by e-mail when the
        guardian has no number on file (both named after the challenge)."""
        reference = f"step-up-{challenge_id}"

        async def probe() -> str | None:
            texts = [s.body for s in self.sms() if s.reference == reference]
            texts += [m.text() for m in self.mails() if m.message_id.startswith(f"<{reference}@")]
            found = next((_CODE.search(text) for text in texts if _CODE.search(text)), None)
            return found.group(1) if found else None

        return await until(probe, what=f"the step-up code {challenge_id}", within=within)

    def _mail(self, entry: dict[str, Any]) -> Mail:
        return Mail(
            self.mail_dir / str(entry["file"]),
            str(entry.get("message_id", "")),
            str(entry.get("to", "")),
            str(entry.get("subject", "")),
            str(entry.get("language", "")),
        )


def _json_lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    # A line being written is not whole yet: take what parses.
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except ValueError:
            continue
    return parsed
