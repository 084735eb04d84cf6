"""A real SMTP server (aiosmtpd) for local runs and tests: it keeps what it accepts as files.

Each accepted message becomes `<folder>/<timestamp>-<hash>.eml` (the bytes as
received) and one line in `<folder>/index.jsonl` (file, received, message_id, to,
subject, date, language, envelope_from, envelope_to, size), written before the server
answers 250: what the index lists, the server accepted. Recipients in a refused domain
(default `bounce.invalid`) get 550 at RCPT, for tests of a permanent failure.

    python -m samen_kit.localinfra.mailserver --port 2525 [--folder DIR]

Runs inside any asyncio application too: `async with MailServer(folder) as server:`.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import os
import signal
import ssl
import warnings
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.policy import default as default_policy
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

INDEX = "index.jsonl"
MAIL_DIR_ENV = "SAMEN_MAIL_DIR"
DEFAULT_REFUSED_DOMAINS = ("bounce.invalid",)
REFUSED_REPLY = "550 5.1.1 Recipient address rejected: mailbox unavailable"

RecipientFilter = Callable[[str], bool]


def refuse_domains(*domains: str) -> RecipientFilter:
    """A filter that refuses addresses ending in `@<domain>` for any of `domains`."""
    suffixes = tuple(f"@{domain.lower()}" for domain in domains)
    return lambda address: address.lower().endswith(suffixes) if suffixes else False


@dataclass(frozen=True, slots=True)
class StoredMail:
    file: str
    received: str  # ISO 8601, UTC
    message_id: str
    to: str
    subject: str
    date: str
    language: str
    envelope_from: str
    envelope_to: list[str]
    size: int


class MailFolder:
    """The folder: message files plus the index. Writes are not thread-safe: use one writer."""

    def __init__(self, folder: Path) -> None:
        self.path = folder

    def store(
        self, content: bytes, envelope_from: str, envelope_to: Sequence[str], now: datetime
    ) -> StoredMail:
        self.path.mkdir(parents=True, exist_ok=True)
        name = self._write_file(content, now)
        headers = BytesHeaderParser(policy=default_policy).parsebytes(content)
        stored = StoredMail(
            file=name,
            received=now.astimezone(UTC).isoformat(),
            message_id=_header(headers.get("Message-ID")),
            to=_header(headers.get("To")),
            subject=_header(headers.get("Subject")),
            date=_header(headers.get("Date")),
            language=_header(headers.get("Content-Language")),
            envelope_from=envelope_from,
            envelope_to=list(envelope_to),
            size=len(content),
        )
        with (self.path / INDEX).open("a", encoding="utf-8") as index:
            index.write(json.dumps(asdict(stored), ensure_ascii=False) + "\n")
        return stored

    def entries(self) -> list[StoredMail]:
        """Every stored message, oldest first."""
        return self.entries_after(0)[0]

    def entries_after(self, offset: int) -> tuple[list[StoredMail], int]:
        """The messages stored since `offset` (a byte position in the index, 0 for all),
        oldest first, and the position to read from next. A reader that polls reads only
        what is new, not the whole index again; a line still being written is left for
        the next read."""
        index = self.path / INDEX
        if not index.exists():
            return [], offset
        with index.open("rb") as file:
            file.seek(offset)
            data = file.read()
        complete = data[: data.rfind(b"\n") + 1]
        lines = complete.decode("utf-8").splitlines()
        stored = [StoredMail(**json.loads(line)) for line in lines if line.strip()]
        return stored, offset + len(complete)

    def _write_file(self, content: bytes, now: datetime) -> str:
        stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        digest = hashlib.sha256(content).hexdigest()[:16]
        for attempt in range(1000):  # the same bytes in the same microsecond: a resend
            name = f"{stamp}-{digest}{f'-{attempt}' if attempt else ''}.eml"
            try:
                with (self.path / name).open("xb") as file:
                    file.write(content)
                return name
            except FileExistsError:
                continue
        raise FileExistsError(name)


def _header(value: Any) -> str:
    return "" if value is None else str(value)


class _FolderHandler:
    """aiosmtpd handler: refuse some recipients, store every accepted message."""

    def __init__(self, server: MailServer) -> None:
        self._server = server

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if self._server.refuses(address):
            return REFUSED_REPLY
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or envelope.content
        if not isinstance(content, bytes):
            content = str(content).encode()
        try:
            stored = await self._server.store(content, envelope.mail_from or "", envelope.rcpt_tos)
        except OSError:
            return "451 4.3.0 Could not store the message, try again later"
        return f"250 OK stored as {stored.file}"


class MailServer:
    """The SMTP server on `host:port` (port 0 picks a free one; see `.port` after start)."""

    def __init__(
        self,
        folder: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        refuse: RecipientFilter | None = None,
        credentials: tuple[str, str] | None = None,
        tls_context: ssl.SSLContext | None = None,
        implicit_tls: bool = False,
    ) -> None:
        self.folder = MailFolder(folder)
        self.host, self.port = host, port
        self.refuses = refuse or refuse_domains(*DEFAULT_REFUSED_DOMAINS)
        self.connections = 0  # sessions opened since start: proves connection reuse
        self.accepted = 0
        self._credentials = credentials
        self._tls_context, self._implicit_tls = tls_context, implicit_tls
        self._server: asyncio.Server | None = None
        self._sessions: weakref.WeakSet[SMTP] = weakref.WeakSet()
        self._writer: ThreadPoolExecutor | None = None

    async def start(self) -> None:
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mailserver")
        loop = asyncio.get_running_loop()
        ssl_context = self._tls_context if self._implicit_tls else None
        self._server = await loop.create_server(
            self._new_session, self.host, self.port, ssl=ssl_context
        )
        self.port = int(self._server.sockets[0].getsockname()[1])

    async def stop(self) -> None:
        """Stop listening and cut every open session, as a server going down does."""
        if self._server is not None:
            self._server.close()
            for session in list(self._sessions):
                if session.transport is not None:
                    session.transport.close()
            await self._server.wait_closed()
            self._server = None
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None

    async def store(self, content: bytes, mail_from: str, rcpt_tos: list[str]) -> StoredMail:
        loop = asyncio.get_running_loop()
        now = datetime.now(UTC)
        stored = await loop.run_in_executor(
            self._writer, self.folder.store, content, mail_from, rcpt_tos, now
        )
        self.accepted += 1
        return stored

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    def _new_session(self) -> SMTP:
        self.connections += 1
        starttls = None if self._implicit_tls else self._tls_context
        with warnings.catch_warnings():
            # With implicit TLS the whole session is encrypted; aiosmtpd cannot tell.
            if self._implicit_tls:
                warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS")
            session = SMTP(
                _FolderHandler(self),
                hostname="samen-mailserver",
                enable_SMTPUTF8=True,
                tls_context=starttls,
                authenticator=self._authenticate if self._credentials else None,
                auth_required=self._credentials is not None,
                auth_require_tls=starttls is not None,
                loop=asyncio.get_running_loop(),
            )
        self._sessions.add(session)
        return session

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        if self._credentials is None or not isinstance(data, LoginPassword):
            return AuthResult(success=False, handled=False)
        username, password = (part.encode() for part in self._credentials)
        matches = hmac.compare_digest(data.login, username) & hmac.compare_digest(
            data.password, password
        )
        return AuthResult(success=matches, handled=False)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Local SMTP server that stores mail as files.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument(
        "--folder",
        type=Path,
        default=mail_folder(None),
        help=f"default: ${MAIL_DIR_ENV}, else <repo>/deploy/local/.state/mail",
    )
    parser.add_argument(
        "--refuse-domain",
        action="append",
        help=f"answer 550 for this domain (repeatable; default {DEFAULT_REFUSED_DOMAINS[0]})",
    )
    return parser.parse_args(argv)


def default_folder() -> Path:
    for start in (Path.cwd(), Path(__file__).resolve()):
        for folder in (start, *start.parents):
            if (folder / "deploy" / "local").is_dir() and (folder / "pyproject.toml").exists():
                return folder / "deploy" / "local" / ".state" / "mail"
    return Path.cwd() / "deploy" / "local" / ".state" / "mail"


def mail_folder(explicit: Path | None) -> Path:
    """The folder given, else `$SAMEN_MAIL_DIR`, else the checkout's own (`samen mail` reads
    the server's folder by the same rule)."""
    configured = os.environ.get(MAIL_DIR_ENV)
    return explicit or (Path(configured) if configured else default_folder())


async def _serve(arguments: argparse.Namespace) -> None:
    domains = arguments.refuse_domain or list(DEFAULT_REFUSED_DOMAINS)
    server = MailServer(
        Path(arguments.folder),
        host=arguments.host,
        port=arguments.port,
        refuse=refuse_domains(*domains),
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    async with server:
        print(f"mailserver: smtp://{server.host}:{server.port} -> {arguments.folder}", flush=True)
        await stop.wait()


def main(argv: Sequence[str] | None = None) -> None:
    asyncio.run(_serve(_arguments(argv)))


if __name__ == "__main__":
    main()
