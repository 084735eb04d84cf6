"""Benchmark: our SMTP sender against raw aiosmtplib, into the same local aiosmtpd server.

    uv run python tests/bench/bench_smtp.py --messages 5000

Starts `python -m samen_kit.localinfra.mailserver` in its own process (so
client and server each have a core), then in one run sends N minimal messages with
aiosmtplib over one connection (the raw pipe, no Samen logic) and N realistic
invitations (text, HTML, .ics; rendered per message) with `SmtpEmailSender`, in
alternating rounds. Checks at the server that every Message-ID arrived. Prints one
JSON object with both rates and their ratio. CI runs it at a smoke size only.

`raw_same_size` is, for reference, aiosmtplib over one connection sending the
invitation's own bytes (a fresh Message-ID each): what the message's size costs the
server and the wire, with no Samen logic.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiosmtplib
from samen_notifications.adapters.email import (
    Attachment,
    OutgoingEmail,
    SmtpEmailSender,
    render_message,
)
from samen_notifications.domain.dates import AMSTERDAM
from samen_notifications.domain.ical import CalendarEntry, meeting_calendar
from samen_notifications.domain.rules import CalendarMethod, Channel
from samen_notifications.domain.scheduling import message_key

EVENT = uuid.uuid4()
TEXT = (
    "Beste ouder van Noor,\n\nDe school nodigt u uit voor een gesprek over de "
    "ondersteuning van Noor. Het gesprek is op dinsdag 25 maart om 14.30 uur.\n\n"
    "Wilt u laten weten of u kunt komen? Dat kan tot vrijdag 21 maart via deze link:\n"
    "https://samen.example.nl/ouders/gesprekken/0b5e?token=eyJhbGciOiJFZERTQSJ9...\n\n"
    "Met vriendelijke groet,\nSamenwerkingsverband Passend Onderwijs\n"
) * 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--pool", type=int, default=1, help="connections of our sender")
    parser.add_argument("--concurrency", type=int, default=8, help="sends in flight")
    parser.add_argument("--rounds", type=int, default=5, help="alternations of the two pipes")
    args = parser.parse_args()
    result = asyncio.run(run(args.messages, args.pool, args.concurrency, args.rounds))
    print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


async def run(messages: int, pool: int, concurrency: int, rounds: int) -> dict[str, Any]:
    """Both pipes in alternating rounds, so a change in machine load hits both alike."""
    emails = [invitation() for _ in range(messages)]
    payloads = [minimal(number) for number in range(messages)]
    sized = [copy_message(render_message(emails[0]), number) for number in range(messages)]
    raw_seconds = samen_seconds = sized_seconds = 0.0
    with tempfile.TemporaryDirectory() as folder, mail_server(Path(folder)) as port:
        raw = aiosmtplib.SMTP(hostname="127.0.0.1", port=port, start_tls=False)
        await raw.connect()
        async with SmtpEmailSender("127.0.0.1", port, pool_size=pool) as sender:
            for chunk in range(rounds):
                raw_seconds += await raw_pipe(raw, payloads[chunk::rounds])
                samen_seconds += await samen_pipe(sender, emails[chunk::rounds], concurrency)
                sized_seconds += await raw_pipe(raw, sized[chunk::rounds])
        await raw.quit()
        arrived = arrived_ids(Path(folder))
    ok = {email.message_id for email in emails} <= arrived and len(arrived) == 3 * messages
    raw_rate, samen_rate = messages / raw_seconds, messages / samen_seconds
    return {
        "benchmark": "smtp",
        "messages": messages,
        "rounds": rounds,
        "ok": ok,
        "raw": {
            "seconds": round(raw_seconds, 3),
            "messages_per_second": round(raw_rate, 1),
            "bytes_per_message": len(payloads[0]),
            "connections": 1,
        },
        "samen": {
            "seconds": round(samen_seconds, 3),
            "messages_per_second": round(samen_rate, 1),
            "bytes_per_message": len(render_message(emails[0])),
            "pool_size": pool,
            "concurrency": concurrency,
        },
        "raw_same_size": {
            "seconds": round(sized_seconds, 3),
            "messages_per_second": round(messages / sized_seconds, 1),
            "connections": 1,
        },
        "ratio_samen_to_raw": round(samen_rate / raw_rate, 3),
        "ratio_samen_to_raw_same_size": round(sized_seconds / samen_seconds, 3),
    }


async def raw_pipe(client: aiosmtplib.SMTP, payloads: list[bytes]) -> float:
    """aiosmtplib straight into the server: one connection, a minimal message each."""
    started = time.perf_counter()
    for payload in payloads:
        await client.sendmail("noreply@samen.invalid", ["ouder@example.nl"], payload)
    return time.perf_counter() - started


def copy_message(message: bytes, number: int) -> bytes:
    """The same bytes under a Message-ID of its own (the server indexes by it)."""
    head, separator, body = message.partition(b"\r\n\r\n")
    lines = [
        f"Message-ID: <raw-{number}-{uuid.uuid4().hex}@samen.invalid>".encode()
        if line.lower().startswith(b"message-id:")
        else line
        for line in head.split(b"\r\n")
    ]
    return b"\r\n".join(lines) + separator + body


def minimal(number: int) -> bytes:
    return (
        f"From: noreply@samen.invalid\r\nTo: ouder@example.nl\r\nSubject: raw {number}\r\n"
        f"Message-ID: <raw-{number}-{EVENT}@samen.invalid>\r\n\r\nHallo.\r\n"
    ).encode()


async def samen_pipe(
    sender: SmtpEmailSender, emails: list[OutgoingEmail], concurrency: int
) -> float:
    """Our sender: each message built (MIME, encodings) and sent, `concurrency` in flight."""
    queue: asyncio.Queue[OutgoingEmail] = asyncio.Queue()
    for email in emails:
        queue.put_nowait(email)

    async def worker() -> None:
        while not queue.empty():
            await sender.send(queue.get_nowait())

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started


def invitation() -> OutgoingEmail:
    key = message_key(EVENT, uuid.uuid4(), Channel.EMAIL)
    html = "".join(f"<p>{line}</p>" for line in TEXT.splitlines() if line)
    return OutgoingEmail(
        message_id=key.message_id,
        to="ouder@example.nl",
        subject="Uitnodiging: gesprek over Noor op dinsdag 25 maart",
        text=TEXT,
        html=f'<html lang="nl"><body>{html}</body></html>',
        language="nl",
        attachments=(Attachment("uitnodiging.ics", "text/calendar; method=REQUEST", ICS),),
    )


def _ics() -> bytes:
    start = datetime(2025, 3, 25, 14, 30, tzinfo=AMSTERDAM)
    entry = CalendarEntry(uuid.uuid4(), 0, start, start + timedelta(hours=1), "Gesprek", "nl")
    return meeting_calendar(entry, CalendarMethod.REQUEST, datetime(2025, 3, 10, tzinfo=UTC))


ICS = _ics()


def arrived_ids(folder: Path) -> set[str]:
    lines = (folder / "index.jsonl").read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["message_id"] for line in lines}


@contextmanager
def mail_server(folder: Path) -> Iterator[int]:
    port = free_port()
    command = [sys.executable, "-m", "samen_kit.localinfra.mailserver"]
    server = subprocess.Popen(
        [*command, "--port", str(port), "--folder", str(folder)], stdout=subprocess.DEVNULL
    )
    try:
        wait_listening(port, server)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


def wait_listening(port: int, server: subprocess.Popen[bytes], within: float = 60.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the mail server stopped during start-up")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError("the mail server did not start listening")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


if __name__ == "__main__":
    sys.exit(main())
