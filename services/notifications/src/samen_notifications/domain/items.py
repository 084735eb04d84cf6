"""What a guardian's link opens, and which service's page shows it.

The item is bound into the guardian token (`kind:id`); the owning service checks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from uuid import UUID


class ItemKind(StrEnum):
    CONSENT_REQUEST = "consent_request"
    MEETING = "meeting"
    MEETING_RECORD = "meeting_record"
    DISPUTE = "dispute"
    ADMISSION_REQUEST = "admission_request"  # a request to the samenwerkingsverband
    PUPIL = "pupil"  # to open a dispute about the pupil
    CONTACT = "contact"  # the guardian's own contact preferences (this service)
    # Whether the guardian gets bulk messages (broadcasts): the List-Unsubscribe link.
    BULK_MESSAGES = "bulk_messages"


OWNER: Mapping[ItemKind, str] = {
    ItemKind.CONSENT_REQUEST: "consent",
    ItemKind.MEETING: "meetings",
    ItemKind.MEETING_RECORD: "meetings",
    ItemKind.DISPUTE: "disputes",
    ItemKind.ADMISSION_REQUEST: "admissions",
    ItemKind.PUPIL: "disputes",
    ItemKind.CONTACT: "notifications",
    ItemKind.BULK_MESSAGES: "notifications",
}


@dataclass(frozen=True, slots=True)
class ItemRef:
    kind: ItemKind
    id: str

    @property
    def claim(self) -> str:
        return f"{self.kind.value}:{self.id}"

    @property
    def owner(self) -> str:
        return OWNER[self.kind]


def _consent(name: str) -> str:
    return f"samen.consent.{name}.v1"


def _meetings(name: str) -> str:
    return f"samen.meetings.{name}.v1"


def _disputes(name: str) -> str:
    return f"samen.disputes.{name}.v1"


def _admissions(name: str) -> str:
    return f"samen.admissions.{name}.v1"


# Per event type: the item its guardian message's link opens and the data field naming it.
LINK_ITEMS: Mapping[str, tuple[ItemKind, str]] = {
    _consent("ConsentRequested"): (ItemKind.CONSENT_REQUEST, "request_id"),
    _consent("ConsentReminderDue"): (ItemKind.CONSENT_REQUEST, "request_id"),
    _consent("ConsentGiven"): (ItemKind.CONSENT_REQUEST, "request_id"),
    _meetings("MeetingScheduled"): (ItemKind.MEETING, "meeting_id"),
    _meetings("MeetingRescheduled"): (ItemKind.MEETING, "meeting_id"),
    _meetings("MeetingReminderDue"): (ItemKind.MEETING, "meeting_id"),
    _meetings("MeetingCancelled"): (ItemKind.MEETING, "meeting_id"),
    _meetings("MeetingRecorded"): (ItemKind.MEETING_RECORD, "record_id"),
    _disputes("DisputeOpened"): (ItemKind.DISPUTE, "dispute_id"),
    _disputes("DisputeStageChanged"): (ItemKind.DISPUTE, "dispute_id"),
    **{
        _admissions(name): (ItemKind.ADMISSION_REQUEST, "request_id")
        for name in (
            "AdmissionRequestDrafted",
            "AdmissionRequested",
            "AdmissionGranted",
            "AdmissionRefused",
            "AdmissionExtended",
            "AdmissionObjectionLodged",
            "AdmissionObjectionDecided",
        )
    },
}


def item_of(event_type: str, data: Mapping[str, Any]) -> ItemRef | None:
    """The item an event is about (None for events whose messages open nothing)."""
    found = LINK_ITEMS.get(event_type)
    if found is None or data.get(found[1]) is None:
        return None
    kind, field = found
    return ItemRef(kind, str(data[field]))


def dispute_item(pupil_id: UUID) -> ItemRef:
    """The item a link to open a dispute about the pupil is bound to (`pupil:<id>`)."""
    return ItemRef(ItemKind.PUPIL, str(pupil_id))


def parse_item(claim: str) -> ItemRef:
    """`consent_request:<id>` -> ItemRef; ValueError for an unknown kind or no id."""
    kind, _, item_id = claim.partition(":")
    if not item_id:
        raise ValueError("an item claim is kind:id")
    return ItemRef(ItemKind(kind), item_id)
