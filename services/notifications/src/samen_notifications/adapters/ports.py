"""What the sending pipeline needs from the outside world: an e-mail relay and an SMS
gateway. Adapters implement these (`adapters/email.py`, `adapters/sms.py`); unit tests
use fakes that subclass them.

Both raise `TemporaryFailure` (try again later: a timeout, a 4xx SMTP reply, a gateway
5xx) or `PermanentFailure` (never again: a 5xx SMTP reply, an invalid number) and
nothing else; any other exception is a bug and is treated as temporary.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class SendFailure(Exception):
    """`code`: the relay's reply code or the gateway's error code, when there is one."""

    def __init__(self, detail: str, *, code: int | None = None) -> None:
        super().__init__(detail)
        self.code = code


class TemporaryFailure(SendFailure):
    pass


class PermanentFailure(SendFailure):
    pass


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content_type: str  # e.g. "text/calendar; method=REQUEST"
    data: bytes


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    message_id: str  # the Message-ID header, `<key@domain>`: the same on every resend
    to: str
    subject: str
    text: str
    html: str
    language: str
    attachments: tuple[Attachment, ...] = ()
    headers: Mapping[str, str] = field(default_factory=dict)


class AbstractEmailSender(ABC):
    @abstractmethod
    async def send(self, email: OutgoingEmail) -> None:
        """Hand the message to the relay; returns when the relay accepted it."""

    async def close(self) -> None:  # noqa: B027 - a sender without connections has nothing to do
        """Release connections (a sender may keep them open between messages)."""


@dataclass(frozen=True, slots=True)
class OutgoingSms:
    reference: str  # our reference, derived from the message key: the same on every resend
    recipient: str  # E.164
    body: str


@dataclass(frozen=True, slots=True)
class SmsAccepted:
    provider_id: str | None  # the gateway's id for the message, if it gives one


class SmsStatus(StrEnum):
    """A delivery report's status (MessageBird's values)."""

    SCHEDULED = "scheduled"
    SENT = "sent"
    BUFFERED = "buffered"
    DELIVERED = "delivered"
    EXPIRED = "expired"
    DELIVERY_FAILED = "delivery_failed"


@dataclass(frozen=True, slots=True)
class SmsReport:
    reference: str | None
    provider_id: str | None
    status: SmsStatus
    error_code: int | None
    reported_at: datetime | None


class InvalidReport(ValueError):
    """A delivery report that cannot be read or whose signature does not hold."""


class AbstractSmsGateway(ABC):
    @abstractmethod
    async def send(self, sms: OutgoingSms) -> SmsAccepted:
        """Hand the message to the gateway; returns when the gateway accepted it."""

    @abstractmethod
    def parse_report(
        self,
        params: Mapping[str, str],
        headers: Mapping[str, str],
        body: bytes,
        *,
        url: str | None = None,
    ) -> SmsReport:
        """Read (and verify) one delivery report; `InvalidReport` when it cannot.
        `url`: the full URL the report was sent to (signatures cover it)."""

    async def close(self) -> None:  # noqa: B027 - optional for gateways without connections
        """Release connections."""


@dataclass(frozen=True, slots=True)
class Bounce:
    """A delivery status notification: the message it is about and why it failed."""

    message_id: str  # the Message-ID header of our message, `<key@domain>`
    status: str  # RFC 3463, e.g. "5.1.1"
    permanent: bool


class AbstractBounceInbox(ABC):
    @abstractmethod
    async def fetch(self) -> list[bytes]:
        """Bounce messages (raw bytes) not fetched before; reading one twice is harmless."""
