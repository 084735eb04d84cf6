"""E-mail out over SMTP: one outgoing message as MIME, and a sender that reuses connections.

The message is multipart/alternative (plain text and HTML) inside multipart/mixed when
files go with it (the meeting's .ics as `text/calendar; method=REQUEST`). Its
Message-ID is the caller's, derived from (event, recipient, channel), so a resend
after a crash carries the same one. `Auto-Submitted: auto-generated` (RFC 3834) keeps
auto-replies away from the bounce address.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import UTC, datetime
from email.message import EmailMessage, Message
from email.policy import default as default_policy
from email.utils import format_datetime, parseaddr
from types import TracebackType
from typing import Literal, NamedTuple, Self, get_args

import aiosmtplib
import structlog

from samen_notifications.adapters.errors import (
    PermanentFailure,
    TemporaryFailure,
    TransportFailure,
)

log = structlog.get_logger(__name__)

SmtpSecurity = Literal["none", "starttls", "tls"]
_MESSAGE_ID = re.compile(r"^<[^<>@\s]+@[^<>@\s]+>$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_ENHANCED_CODE = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})")


class Attachment(NamedTuple):
    filename: str
    content_type: str  # parameters included: "text/calendar; method=REQUEST"
    content: bytes


@dataclass(frozen=True, slots=True)
class OutgoingEmail:
    to: str
    sender: str  # the From header, a display name allowed: "Samen <noreply@example.nl>"
    subject: str
    text: str
    html: str | None
    message_id: str  # "<key@domain>", from `message_key(...).message_id`
    language: str  # BCP 47, the Content-Language header
    attachments: tuple[tuple[str, str, bytes], ...] = ()  # (filename, content type, bytes)
    reply_to: str | None = None
    bounce_address: str | None = None  # the envelope sender; the From address when None
    date: datetime | None = None  # the Date header; the moment of building when None


class InvalidEmail(PermanentFailure):
    """The message cannot be built: an unusable address, header or attachment."""


def build_message(email: OutgoingEmail, *, now: datetime | None = None) -> EmailMessage:
    """The MIME message; `InvalidEmail` when a field cannot go into one."""
    _check_fields(email)
    message = EmailMessage(policy=default_policy)
    try:
        _set_headers(message, email, now or datetime.now(UTC))
        message.set_content(email.text)
        if email.html is not None:
            message.add_alternative(email.html, subtype="html")
        for filename, content_type, content in email.attachments:
            _attach(message, Attachment(filename, content_type, content))
        # Last: setting the content clears and moves every Content-* header.
        message["Content-Language"] = email.language
    except (ValueError, TypeError) as error:  # e.g. a line break inside a header value
        raise InvalidEmail(f"message not buildable: {type(error).__name__}") from error
    return message


def envelope_addresses(email: OutgoingEmail) -> tuple[str, str]:
    """(MAIL FROM, RCPT TO): the bare addresses, without display names."""
    return parseaddr(email.bounce_address or email.sender)[1], parseaddr(email.to)[1]


def _check_fields(email: OutgoingEmail) -> None:
    for role, value in (("recipient", email.to), ("sender", email.sender)):
        address = parseaddr(value)[1]
        if "@" not in address or any(char.isspace() for char in address):
            raise InvalidEmail(f"{role} address is not usable")
    if not _MESSAGE_ID.match(email.message_id):
        raise InvalidEmail("Message-ID must look like <local@domain>")
    if not _LANGUAGE.match(email.language):
        raise InvalidEmail("language is not a BCP 47 tag")


def _set_headers(message: EmailMessage, email: OutgoingEmail, now: datetime) -> None:
    message["From"] = email.sender
    message["To"] = email.to
    if email.reply_to:
        message["Reply-To"] = email.reply_to
    message["Subject"] = email.subject
    message["Date"] = format_datetime(email.date or now)
    message["Message-ID"] = email.message_id
    message["Auto-Submitted"] = "auto-generated"
    # Exchange and Outlook honour this one rather than Auto-Submitted.
    message["X-Auto-Response-Suppress"] = "All"


def _attach(message: EmailMessage, attachment: Attachment) -> None:
    parsed = Message()
    parsed["Content-Type"] = attachment.content_type
    maintype, subtype = parsed.get_content_maintype(), parsed.get_content_subtype()
    params = dict((parsed.get_params() or [])[1:])
    if maintype == "text":
        params.setdefault("charset", "utf-8")
    message.add_attachment(
        attachment.content, maintype, subtype, filename=attachment.filename, params=params
    )


def classify_smtp_error(error: Exception) -> TransportFailure:
    """Which failure an aiosmtplib error is: 5xx permanent, 4xx and transport temporary."""
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused) and error.recipients:
        error = error.recipients[0]
    if isinstance(error, aiosmtplib.SMTPRecipientRefused):
        # RFC 5321 4.5.3.1.10: a 552 (storage) at RCPT is to be treated as a 452.
        rule_code = 452 if error.code == 552 else error.code
        return _by_code("recipient refused", rule_code, error.code, error.message)
    if isinstance(error, aiosmtplib.SMTPDataError):
        return _by_code("message refused", error.code, error.code, error.message)
    if isinstance(error, aiosmtplib.SMTPResponseException):
        # Login, sender, greeting: the relay's set-up, which an operator can fix.
        reason = f"relay refused: {type(error).__name__}"
        return TemporaryFailure(reason, code=_code(error.code, error.message))
    if isinstance(error, aiosmtplib.SMTPConnectError):
        return TemporaryFailure("no connection to the relay")
    if isinstance(error, (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError)):
        return TemporaryFailure(f"relay connection lost: {type(error).__name__}", maybe_sent=True)
    if isinstance(error, ValueError):  # aiosmtplib's address check
        return InvalidEmail("address not usable in an SMTP envelope")
    return TemporaryFailure(f"relay failed: {type(error).__name__}")


def _by_code(reason: str, rule_code: int, code: int, message: str) -> TransportFailure:
    failure = PermanentFailure if 500 <= rule_code < 600 else TemporaryFailure
    return failure(reason, code=_code(code, message))


def _code(code: int, message: str) -> str:
    enhanced = _ENHANCED_CODE.match(message)
    return f"{code} {enhanced.group(1)}" if enhanced else str(code)


class AbstractEmailSender(ABC):
    @abstractmethod
    async def send(self, email: OutgoingEmail) -> None:
        """Hand the message to the relay; `PermanentFailure` or `TemporaryFailure` if not."""

    async def close(self) -> None:
        """Release connections; sending again afterwards opens new ones."""
        return None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int
    username: str | None
    password: str | None
    security: SmtpSecurity
    timeout: float
    tls_context: ssl.SSLContext | None
    local_hostname: str | None

    def client(self) -> aiosmtplib.SMTP:
        return aiosmtplib.SMTP(
            hostname=self.host,
            port=self.port,
            username=self.username,
            password=self.password,
            use_tls=self.security == "tls",
            start_tls=self.security == "starttls",  # "none" never upgrades, even if offered
            timeout=self.timeout,
            tls_context=self.tls_context,
            local_hostname=self.local_hostname,
        )


class _Connection:
    """One SMTP session, opened on first use and again after it was lost."""

    def __init__(self, settings: SmtpSettings) -> None:
        self._settings = settings
        self._client: aiosmtplib.SMTP | None = None

    async def send(self, message: EmailMessage, sender: str, recipient: str) -> None:
        reused = self._client is not None and self._client.is_connected
        try:
            await self._send_once(message, sender, recipient)
        except aiosmtplib.SMTPServerDisconnected:
            if not reused:
                raise
            # Most likely the relay closed an idle session and the first command found
            # out. Should it have taken the message first, the copy has its Message-ID.
            log.info("notifications.smtp.reconnect")
            await self._send_once(message, sender, recipient)

    async def _send_once(self, message: EmailMessage, sender: str, recipient: str) -> None:
        client = await self._open()
        try:
            await client.send_message(message, sender=sender, recipients=[recipient])
        except (aiosmtplib.SMTPResponseException, aiosmtplib.SMTPRecipientsRefused, ValueError):
            if not client.is_connected:  # else aiosmtplib sent RSET: the session is usable
                self._client = None
            raise
        except BaseException:
            self._abandon()  # the session's state is unknown: never reuse it
            raise

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None and client.is_connected:
            try:
                await client.quit()
            except aiosmtplib.SMTPException:
                client.close()

    async def _open(self) -> aiosmtplib.SMTP:
        if self._client is None or not self._client.is_connected:
            client = self._settings.client()
            await client.connect()
            self._client = client
        return self._client

    def _abandon(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()


class SmtpEmailSender(AbstractEmailSender):
    """Sends over `pool_size` reused SMTP connections; concurrent sends are safe."""

    def __init__(
        self,
        host: str,
        port: int,
        username: str | None = None,
        password: str | None = None,
        security: SmtpSecurity = "none",
        timeout: float = 30.0,
        *,
        pool_size: int = 1,
        tls_context: ssl.SSLContext | None = None,
        local_hostname: str | None = None,
    ) -> None:
        if security not in get_args(SmtpSecurity):
            raise ValueError(f"security must be one of {get_args(SmtpSecurity)}")
        if pool_size < 1:
            raise ValueError("pool_size must be at least 1")
        settings = SmtpSettings(
            host, port, username, password, security, timeout, tls_context, local_hostname
        )
        self._connections = [_Connection(settings) for _ in range(pool_size)]
        self._idle: asyncio.Queue[_Connection] = asyncio.Queue()
        for connection in self._connections:
            self._idle.put_nowait(connection)

    async def send(self, email: OutgoingEmail) -> None:
        message = build_message(email)
        sender, recipient = envelope_addresses(email)
        connection = await self._idle.get()
        try:
            await connection.send(message, sender, recipient)
        except Exception as error:
            raise classify_smtp_error(error) from error
        finally:
            self._idle.put_nowait(connection)

    async def close(self) -> None:
        """Waits for sends in flight, then says QUIT on every open connection."""
        taken = [await self._idle.get() for _ in self._connections]
        try:
            for connection in taken:
                await connection.close()
        finally:
            for connection in taken:
                self._idle.put_nowait(connection)
