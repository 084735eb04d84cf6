"""The naming rule of events (ARCHITECTURE.md, "The event contract").

An event class is a past-tense fact in CamelCase, named by its owning service; its
CloudEvents type is `samen.<service>.<ClassName>.v<major>` and its schema's URI is
`urn:samen:schema:<type>`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from samen_contract.errors import EventNamingError
from samen_contract.topics import SERVICES

EVENT_TYPE_PATTERN = r"^samen\.[a-z][a-z0-9]*\.[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$"
SCHEMA_URN_PREFIX = "urn:samen:schema:"

_CLASS_NAME = re.compile(r"(?:[A-Z][a-z0-9]+)+")
_LAST_WORD = re.compile(r"[A-Z][a-z0-9]+$")
_TYPE = re.compile(EVENT_TYPE_PATTERN)

# Past participles that do not end in -ed.
IRREGULAR_PAST = frozenset(
    {"Begun", "Built", "Chosen", "Done", "Drawn", "Found", "Given", "Held", "Kept", "Left"}
    | {"Lost", "Made", "Met", "Paid", "Read", "Seen", "Sent", "Set", "Shown", "Taken"}
    | {"Withdrawn", "Written", "Won"}
)
# Facts of a state reached, named so in the catalogue (`ConsentReminderDue`,
# `MeetingOnHold`, `GuardianUnreachable`, `DisputeDeadlineApproaching`): still facts,
# not commands. Extend only with a word that states what has become true.
STATE_WORDS = frozenset({"Due", "Overdue", "Hold", "Unreachable", "Approaching"})


class EventTypeParts(NamedTuple):
    service: str
    name: str
    version: int


def is_past_tense_fact(class_name: str) -> bool:
    """True when the last word of a CamelCase name states a fact (`...Given`, `...Due`)."""
    match = _LAST_WORD.search(class_name)
    if match is None:
        return False
    word = match.group()
    return word.endswith("ed") or word in IRREGULAR_PAST or word in STATE_WORDS


def check_event_naming(class_name: str, service: object, version: object) -> None:
    """Raise EventNamingError when a class name, service or version breaks the rule."""
    if service not in SERVICES:
        raise EventNamingError(f"{class_name}: __service__ {service!r} is not in {SERVICES}")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise EventNamingError(f"{class_name}: __version__ must be a major version int >= 1")
    if not _CLASS_NAME.fullmatch(class_name):
        raise EventNamingError(f"{class_name}: event class names are CamelCase")
    if not is_past_tense_fact(class_name):
        raise EventNamingError(
            f"{class_name}: an event is a past-tense fact (e.g. ConsentGiven, PupilLeft)"
        )


def event_type_name(service: str, class_name: str, version: int) -> str:
    return f"samen.{service}.{class_name}.v{version}"


def parse_event_type(event_type: str) -> EventTypeParts:
    """Split `samen.consent.ConsentGiven.v1`; raise ValueError when it has another shape."""
    if not _TYPE.fullmatch(event_type):
        raise ValueError(f"{event_type!r} is not of the form samen.<service>.<Name>.v<major>")
    _, service, name, version = event_type.split(".")
    return EventTypeParts(service, name, int(version[1:]))


def schema_urn(event_type: str) -> str:
    """The `dataschema` of an event type: `urn:samen:schema:samen.consent.ConsentGiven.v1`."""
    return f"{SCHEMA_URN_PREFIX}{event_type}"


def source_of(service: str) -> str:
    """The CloudEvents `source` of every event a service emits: `/samen/<service>`."""
    return f"/samen/{service}"
