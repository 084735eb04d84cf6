"""E-mail out over SMTP: one outgoing message as MIME, and a sender that reuses connections.

The message is multipart/alternative (plain text and HTML) inside multipart/mixed when
files go with it (the meeting's .ics as `text/calendar; method=REQUEST`). Its
Message-ID is the caller's, derived from (event, recipient, channel), so a resend
after a crash carries the same one. `Auto-Submitted: auto-generated` (RFC 3834) keeps
auto-replies away from the bounce address; this module writes it, once. A bulk message
brings `List-Unsubscribe` and `List-Unsubscribe-Post` (RFC 8058): a DKIM signer (`sign`)
must cover both, or mailbox providers ignore the one-click.

The wire bytes are written directly (`render_message`): 7-bit clean (quoted-printable
for Latin script, base64 otherwise), CRLF, lines within 78 characters. The stdlib's
EmailMessage API costs some milliseconds per message, more than the SMTP exchange
itself; `build_message` gives the same message as an `EmailMessage`, parsed back.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import re
import ssl
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.header import Header
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.policy import default as default_policy
from email.utils import encode_rfc2231, format_datetime, formataddr, parseaddr, quote
from functools import lru_cache
from types import TracebackType
from typing import Literal, Self, get_args

import aiosmtplib
import structlog

from samen_notifications.adapters.errors import (
    PermanentFailure,
    TemporaryFailure,
    TransportFailure,
)
from samen_notifications.adapters.ports import AbstractEmailSender, Attachment, OutgoingEmail

__all__ = [
    "AbstractEmailSender",
    "Attachment",
    "InvalidEmail",
    "OutgoingEmail",
    "SmtpEmailSender",
    "SmtpSecurity",
    "build_message",
    "classify_smtp_error",
    "render_message",
]

log = structlog.get_logger(__name__)

SmtpSecurity = Literal["none", "starttls", "tls"]
DEFAULT_MAIL_FROM = "Samen <noreply@samen.invalid>"
_MESSAGE_ID = re.compile(r"^<[!-;=?-~]+@[!-;=?-~]+>$")  # printable ASCII, no < > @ inside
_LANGUAGE = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_HEADER_NAME = re.compile(r"^[!-9;-~]+$")  # RFC 5322 ftext
# Headers this module writes itself: a caller's copy would make a second one.
_OWN_HEADERS = frozenset(
    {
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "content-language",
        "auto-submitted",
        "x-auto-response-suppress",
    }
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
_ENHANCED_CODE = re.compile(r"^\s*([245]\.\d{1,3}\.\d{1,3})")

Part = tuple[list[str], bytes]  # header lines, encoded body


class InvalidEmail(PermanentFailure):
    """The message cannot be built: an unusable address, header or attachment."""


def render_message(
    email: OutgoingEmail, *, sender: str = DEFAULT_MAIL_FROM, now: datetime | None = None
) -> bytes:
    """The message as sent: headers and MIME body, CRLF; `InvalidEmail` if it cannot be."""
    return _render(email, sender, now or datetime.now(UTC))[0]


def _render(email: OutgoingEmail, sender: str, now: datetime) -> tuple[bytes, str]:
    """The message and its recipient's bare address: each address is parsed once (the
    sender once per process), as a broadcast renders thousands of messages."""
    recipient, mail_from = _address("recipient", email.to), _sender_address(sender)
    _check_fields(email)
    headers, body = _content(email)
    lines = [
        *_headers(email, mail_from, recipient, now),
        "MIME-Version: 1.0",
        *headers,
    ]
    head = "\n".join([*lines, "", ""]).encode("ascii")
    return (head + body).replace(b"\n", b"\r\n"), recipient.bare


def build_message(
    email: OutgoingEmail, *, sender: str = DEFAULT_MAIL_FROM, now: datetime | None = None
) -> EmailMessage:
    """The same message as an `EmailMessage`."""
    raw = render_message(email, sender=sender, now=now)
    message = BytesParser(policy=default_policy).parsebytes(raw)
    assert isinstance(message, EmailMessage)  # the default policy's message class
    return message


def _check_fields(email: OutgoingEmail) -> None:
    if not _MESSAGE_ID.match(email.message_id):
        raise InvalidEmail("Message-ID must look like <local@domain>")
    if not _LANGUAGE.match(email.language):
        raise InvalidEmail("language is not a BCP 47 tag")
    seen: set[str] = set()
    for name in email.headers:
        lowered = name.lower()
        if (
            not _HEADER_NAME.match(name)
            or lowered in _OWN_HEADERS
            or lowered.startswith("content-")
            or lowered in seen
        ):
            raise InvalidEmail("extra header name not allowed")
        seen.add(lowered)


@dataclass(frozen=True)
class _Address:
    """An address as parsed: its header form (display name kept) and the bare address."""

    header: str
    bare: str


def _address(role: str, value: str) -> _Address:
    if "\r" in value or "\n" in value:
        raise InvalidEmail(f"line break in the {role} address")
    display, address = parseaddr(value)
    if not _usable(address):
        raise InvalidEmail(f"{role} address is not usable")
    return _Address(formataddr((display, address), charset="utf-8"), address)


@lru_cache(maxsize=8)  # one sender per service; cached so a broadcast parses it once
def _sender_address(value: str) -> _Address:
    return _address("sender", value)


def _bare_address(value: str) -> str | None:
    """The address without display name; None unless plain ASCII (no SMTPUTF8 here)."""
    address = parseaddr(value)[1]
    return address if _usable(address) else None


def _usable(address: str) -> bool:
    return "@" in address and address.isascii() and not any(c.isspace() for c in address)


def _headers(email: OutgoingEmail, sender: _Address, to: _Address, now: datetime) -> list[str]:
    return [
        f"From: {sender.header}",
        f"To: {to.header}",
        _header("Subject", email.subject),
        f"Date: {format_datetime(now)}",
        f"Message-ID: {email.message_id}",
        f"Content-Language: {email.language}",
        "Auto-Submitted: auto-generated",
        "X-Auto-Response-Suppress: All",  # Exchange and Outlook honour this one instead
        *(_header(name, value) for name, value in email.headers.items()),
    ]


def _header(name: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise InvalidEmail(f"line break in the {name} header")
    if value.isascii() and (len(name) + len(value) <= 76 or not any(c.isspace() for c in value)):
        # Nothing to fold at (a List-Unsubscribe URL): one line, within RFC 5322's 998.
        if len(name) + len(value) + 2 > 998:
            raise InvalidEmail(f"the {name} header is too long")
        return f"{name}: {value}"
    charset = "us-ascii" if value.isascii() else "utf-8"
    return f"{name}: {Header(value, charset, header_name=name).encode(linesep=chr(10))}"


def _content(email: OutgoingEmail) -> Part:
    part = _text_part(email.text, "plain")
    if email.html:
        part = _multipart("alternative", [part, _text_part(email.html, "html")])
    if email.attachments:
        part = _multipart("mixed", [part, *map(_attachment_part, email.attachments)])
    return part


def _text_part(text: str, subtype: str) -> Part:
    data = text.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")
    non_ascii = len(data) - len(data.translate(None, _HIGH_BYTES))  # counted in C
    if non_ascii * 2 > len(data):  # base64 is the shorter one for non-Latin scripts
        encoding, body = "base64", base64.encodebytes(data)
    else:
        encoding, body = "quoted-printable", binascii.b2a_qp(data, istext=True)
    headers = [
        f'Content-Type: text/{subtype}; charset="utf-8"',
        f"Content-Transfer-Encoding: {encoding}",
    ]
    return headers, body if body.endswith(b"\n") else body + b"\n"


def _attachment_part(attachment: Attachment) -> Part:
    content_type, params = _content_type(attachment.content_type)
    name = _parameter("name", attachment.filename)
    headers = [
        f"Content-Type: {content_type}{''.join(f'; {p}' for p in params)};\n {name}",
        f"Content-Disposition: attachment;\n {_parameter('filename', attachment.filename)}",
        "Content-Transfer-Encoding: base64",
    ]
    return headers, base64.encodebytes(attachment.data)


@lru_cache(maxsize=64)
def _content_type(value: str) -> tuple[str, tuple[str, ...]]:
    parsed = Message()
    parsed["Content-Type"] = value
    params = dict((parsed.get_params() or [])[1:])
    if parsed.get_content_maintype() == "text":
        params.setdefault("charset", "utf-8")
    rendered = tuple(_parameter(key, str(param)) for key, param in params.items())
    return parsed.get_content_type(), rendered


def _parameter(key: str, value: str) -> str:
    if "\r" in value or "\n" in value:
        raise InvalidEmail("line break in a MIME parameter")
    if value.isascii():
        return f'{key}="{quote(value)}"'
    return f"{key}*={encode_rfc2231(value, 'utf-8')}"  # RFC 2231: non-ASCII file names


def _multipart(subtype: str, parts: list[Part]) -> Part:
    # "=_" never occurs in quoted-printable or base64 text, so the boundary cannot either.
    boundary = f"=_{subtype}_{uuid.uuid4().hex}"
    chunks = [
        f"--{boundary}\n".encode() + "\n".join([*headers, "", ""]).encode() + body
        for headers, body in parts
    ]
    body = b"".join(chunks) + f"--{boundary}--\n".encode()
    return [f'Content-Type: multipart/{subtype};\n boundary="{boundary}"'], body


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
        detail = f"relay refused: {type(error).__name__} {_reply(error.code, error.message)}"
        return TemporaryFailure(detail, code=error.code)
    if isinstance(error, aiosmtplib.SMTPConnectError):
        return TemporaryFailure("no connection to the relay")
    if isinstance(error, (aiosmtplib.SMTPServerDisconnected, aiosmtplib.SMTPTimeoutError)):
        return TemporaryFailure(f"relay connection lost: {type(error).__name__}", maybe_sent=True)
    if isinstance(error, ValueError):  # aiosmtplib's address check
        return InvalidEmail("address not usable in an SMTP envelope")
    return TemporaryFailure(f"relay failed: {type(error).__name__}")


def _by_code(reason: str, rule_code: int, code: int, message: str) -> TransportFailure:
    failure = PermanentFailure if 500 <= rule_code < 600 else TemporaryFailure
    return failure(f"{reason}: {_reply(code, message)}", code=code)


def _reply(code: int, message: str) -> str:
    """The reply code with its enhanced status code (RFC 3463), not the free text."""
    enhanced = _ENHANCED_CODE.match(message)
    return f"{code} {enhanced.group(1)}" if enhanced else str(code)


@dataclass(frozen=True, slots=True)
class _SmtpSettings:
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

    def __init__(self, settings: _SmtpSettings) -> None:
        self._settings = settings
        self._client: aiosmtplib.SMTP | None = None

    async def send(self, message: bytes, sender: str, recipient: str) -> None:
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

    async def _send_once(self, message: bytes, sender: str, recipient: str) -> None:
        client = await self._open()
        try:
            await client.sendmail(sender, [recipient], message)
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
    """Sends over `pool_size` reused SMTP connections; concurrent sends are safe (within
    one event loop).

    `mail_from` is the From header; `bounce_address` the envelope sender, where
    delivery status notifications go (the From address when None). `sign`, when
    given, turns the rendered message into the signed one (a DKIM signer).
    """

    def __init__(
        self,
        host: str,
        port: int,
        username: str | None = None,
        password: str | None = None,
        security: SmtpSecurity = "none",
        timeout: float = 30.0,
        *,
        mail_from: str = DEFAULT_MAIL_FROM,
        bounce_address: str | None = None,
        pool_size: int = 1,
        tls_context: ssl.SSLContext | None = None,
        local_hostname: str | None = None,
        sign: Callable[[bytes], bytes] | None = None,
    ) -> None:
        if security not in get_args(SmtpSecurity):
            raise ValueError(f"security must be one of {get_args(SmtpSecurity)}")
        if pool_size < 1:
            raise ValueError("pool_size must be at least 1")
        envelope_from = _bare_address(bounce_address or mail_from)
        if envelope_from is None:
            raise ValueError("mail_from and bounce_address must be usable addresses")
        self.mail_from, self._envelope_from = mail_from, envelope_from
        self._sign = sign  # e.g. DKIM: the rendered message in, the signed message out
        settings = _SmtpSettings(
            host, port, username, password, security, timeout, tls_context, local_hostname
        )
        self._connections = [_Connection(settings) for _ in range(pool_size)]
        self._idle: asyncio.Queue[_Connection] = asyncio.Queue()
        for connection in self._connections:
            self._idle.put_nowait(connection)

    async def send(self, email: OutgoingEmail) -> None:
        message, recipient = _render(email, self.mail_from, datetime.now(UTC))
        if self._sign is not None:
            message = self._sign(message)
        connection = await self._idle.get()
        try:
            await connection.send(message, self._envelope_from, recipient)
        except Exception as error:
            # Not chained: the relay's text may echo the address, and tracebacks get logged.
            raise classify_smtp_error(error) from None
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

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()
