"""A broadcast to every guardian, and what the local mail server received of it.

Each message of a broadcast has a Message-ID fixed in advance (broadcast, guardian,
channel), so the mail server's index tells exactly who got theirs: an expected
Message-ID missing is a lost message, one listed twice a repeat (the same message sent
again after a crash), and a message with the broadcast's subject under any other
Message-ID would be a doubled one.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from uuid import UUID, uuid4

import httpx
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key

from tests.e2e.faults.faults_region import Region, staff_token
from tests.e2e.faults.faults_stack import Stack

INDEX = "index.jsonl"


@dataclass(frozen=True)
class Broadcast:
    broadcast_id: UUID
    subject: str
    expected: dict[str, UUID]  # Message-ID -> guardian


@dataclass(frozen=True)
class MailCount:
    sent: int  # messages the broadcast planned (one per guardian)
    received: int  # distinct expected Message-IDs at the mail server
    recipients: int  # distinct addressees of those messages
    lost: int
    repeated: int  # extra copies of an expected Message-ID
    doubled: int  # broadcast messages under a Message-ID nobody expected
    misaddressed: int  # an expected Message-ID that reached someone else

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


async def send_broadcast(stack: Stack, region: Region, label: str) -> Broadcast:
    broadcast_id = uuid4()
    subject = f"Ouderavond {label} {broadcast_id.hex[:8]}"
    body = {
        "broadcast_id": str(broadcast_id),
        "scope": "school",
        "scope_id": str(region.school_id),
        "sender_name": "OBS De Regenboog",
        "texts": {
            "nl": {"subject": subject, "body": "Welkom op de ouderavond, donderdag om 19.00."},
            "en": {"subject": subject, "body": "Welcome to the parents' evening, Thursday 7 pm."},
        },
    }
    headers = {"Authorization": f"Bearer {staff_token(stack, region)}"}
    async with httpx.AsyncClient(timeout=120) as http:
        url = f"{stack.config.url('notifications')}/v1/broadcasts"
        answer = await http.post(url, json=body, headers=headers)
    if answer.status_code != 202:
        raise AssertionError(f"broadcast refused: {answer.status_code} {answer.text[:300]}")
    guardians = [g.guardian_id for g in region.guardians]
    if answer.json()["recipients"] != len(guardians):
        raise AssertionError(f"broadcast reaches {answer.json()['recipients']} guardians")
    expected = {message_key(broadcast_id, g, Channel.EMAIL).message_id: g for g in guardians}
    return Broadcast(broadcast_id, subject, expected)


DONE = frozenset({"sent", "delivered"})


async def broadcast_statuses(stack: Stack, region: Region, broadcast: Broadcast) -> dict[str, int]:
    """The notifications service's own account: the broadcast's messages by status."""
    headers = {"Authorization": f"Bearer {staff_token(stack, region)}"}
    url = f"{stack.config.url('notifications')}/v1/broadcasts/{broadcast.broadcast_id}"
    async with httpx.AsyncClient(timeout=30) as http:
        answer = await http.get(url, headers=headers)
    answer.raise_for_status()
    return {str(k): int(v) for k, v in answer.json()["messages"].items()}


def all_recorded(statuses: dict[str, int], broadcast: Broadcast) -> bool:
    """Every message recorded as sent: none planned, none leased by a sender."""
    return set(statuses) <= DONE and sum(statuses.values()) == len(broadcast.expected)


class MailIndex:
    """The mail server's index, read on from where the last read stopped; a line still
    being written is left for the next read."""

    def __init__(self, folder: Path) -> None:
        self._path = folder / INDEX
        self._offset = 0
        self._entries: list[dict[str, object]] = []

    def entries(self) -> list[dict[str, object]]:
        if self._path.exists():
            with self._path.open("rb") as index:
                index.seek(self._offset)
                fresh = index.read()
            complete = fresh[: fresh.rfind(b"\n") + 1]
            self._offset += len(complete)
            lines = complete.decode("utf-8").splitlines()
            self._entries += [json.loads(line) for line in lines if line.strip()]
        return self._entries


def count_mail(index: MailIndex, region: Region, broadcast: Broadcast) -> MailCount:
    entries = index.entries()
    ours = [e for e in entries if e["message_id"] in broadcast.expected]
    copies = Counter(str(e["message_id"]) for e in ours)
    strays = [
        e
        for e in entries
        if broadcast.subject in str(e["subject"]) and e["message_id"] not in broadcast.expected
    ]
    emails = region.email_of()
    misaddressed = {
        str(e["message_id"])
        for e in ours
        if emails[broadcast.expected[str(e["message_id"])]] not in str(e["to"])
    }
    return MailCount(
        sent=len(broadcast.expected),
        received=len(copies),
        recipients=len({str(e["to"]) for e in ours}),
        lost=len(broadcast.expected) - len(copies),
        repeated=sum(copies.values()) - len(copies),
        doubled=len(strays),
        misaddressed=len(misaddressed),
    )


def received_share(index: MailIndex, broadcast: Broadcast) -> float:
    got = {e["message_id"] for e in index.entries() if e["message_id"] in broadcast.expected}
    return len(got) / len(broadcast.expected)
