"""The topic registry: one event topic and one dead-letter topic per owning service.

Event topics are keyed by pupil id (tenant id for events about no pupil), so all facts
about one pupil stay in order on one partition. Their partition count is fixed: changing
it moves keys to other partitions and breaks that order, so it is a constant here, not a
setting. Event topics keep everything (projections and the audit log are rebuilt from
them); dead letters are kept 30 days.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from samen_contract.errors import UnknownService

SERVICES: tuple[str, ...] = (
    "consent",
    "notifications",
    "meetings",
    "disputes",
    "audit",
    "plans",
    "admissions",
    "portal",
)

# Six partitions: more than the consumers one service runs (two cores per machine), few
# enough for a single local broker. Fixed for the life of a topic (see module docstring).
EVENT_TOPIC_PARTITIONS = 6
# Dead letters need no per-key order and are few; one partition keeps replay simple.
DLQ_TOPIC_PARTITIONS = 1
DLQ_RETENTION_MS = 30 * 24 * 60 * 60 * 1000


@dataclass(frozen=True)
class TopicSpec:
    """What the kit creates: a topic name, its partitions and its topic-level config."""

    name: str
    partitions: int
    config: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))


def check_service(service: str) -> str:
    """Return `service` when it is a known service; raise UnknownService otherwise."""
    if service not in SERVICES:
        raise UnknownService(f"unknown service {service!r}; known: {', '.join(SERVICES)}")
    return service


def events_topic(service: str) -> str:
    """`events_topic("consent")` -> "samen.consent.events"."""
    return f"samen.{check_service(service)}.events"


def dlq_topic(service: str) -> str:
    """`dlq_topic("consent")` -> "samen.consent.dlq"."""
    return f"samen.{check_service(service)}.dlq"


def events_topic_spec(service: str) -> TopicSpec:
    config = {"retention.ms": "-1", "cleanup.policy": "delete"}
    return TopicSpec(events_topic(service), EVENT_TOPIC_PARTITIONS, MappingProxyType(config))


def dlq_topic_spec(service: str) -> TopicSpec:
    config = {"retention.ms": str(DLQ_RETENTION_MS), "cleanup.policy": "delete"}
    return TopicSpec(dlq_topic(service), DLQ_TOPIC_PARTITIONS, MappingProxyType(config))


def topic_specs() -> list[TopicSpec]:
    """Every topic of the platform: each service's event topic, then its dead-letter topic."""
    return [spec for s in SERVICES for spec in (events_topic_spec(s), dlq_topic_spec(s))]


def service_of_topic(topic: str) -> str:
    """The owning service of an event or dead-letter topic name; raise UnknownService."""
    prefix, _, rest = topic.partition(".")
    service, _, kind = rest.partition(".")
    if prefix != "samen" or kind not in ("events", "dlq"):
        raise UnknownService(f"{topic!r} is not a Samen topic")
    return check_service(service)
