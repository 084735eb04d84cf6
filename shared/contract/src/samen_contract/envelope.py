"""The envelope: CloudEvents 1.0 attributes plus Samen's extensions, one for every event."""

from __future__ import annotations

import builtins
from datetime import UTC, datetime
from typing import Annotated, Final, Literal, Self
from uuid import UUID, uuid4

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from samen_contract.actor import parse_actor
from samen_contract.events.base import Event
from samen_contract.fields import Identifier, UtcDatetime, UuidText
from samen_contract.naming import EVENT_TYPE_PATTERN, parse_event_type, schema_urn, source_of

SPECVERSION: Final = "1.0"
DATACONTENTTYPE: Final = "application/json"
# The tenant of events that belong to no tenant, e.g. a refused attempt with a forged
# token: no tenant named in it can be trusted.
PLATFORM_TENANT = "platform"


def _valid_actor(value: str) -> str:
    parse_actor(value)
    return value


Actor = Annotated[str, AfterValidator(_valid_actor)]
Source = Annotated[str, Field(pattern=r"^/samen/[a-z][a-z0-9]*(/[A-Za-z0-9._~-]+)*$")]
EventType = Annotated[str, Field(pattern=EVENT_TYPE_PATTERN)]
SchemaUrn = Annotated[str, Field(pattern=r"^urn:samen:schema:samen\.[A-Za-z0-9.]+$")]


class Envelope(BaseModel):
    """Who, what, when and about whom; the event's data travels beside it.

    `subject` is the pupil id (the tenant id for events about no pupil) and the Kafka key.
    `sequence` is the owner's per-subject sequence number: consumers ignore an event
    older than the last one they applied for that subject.
    """

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: UuidText
    source: Source
    type: EventType
    time: UtcDatetime
    subject: Identifier
    specversion: Literal["1.0"] = SPECVERSION
    dataschema: SchemaUrn
    datacontenttype: Literal["application/json"] = DATACONTENTTYPE
    tenant: Identifier
    board: Identifier | None = None
    school: Identifier | None = None
    correlationid: Identifier
    causationid: Identifier | None = None
    actor: Actor
    sequence: Annotated[int, Field(ge=1)]

    @model_validator(mode="after")
    def _consistent_with_type(self) -> Self:
        service = parse_event_type(self.type).service
        if self.source != source_of(service):
            raise ValueError(f"source of a {self.type} event must be {source_of(service)}")
        if self.dataschema != schema_urn(self.type):
            raise ValueError(f"dataschema of a {self.type} event must be {schema_urn(self.type)}")
        return self

    @property
    def service(self) -> str:
        """The owning service, from the type."""
        return parse_event_type(self.type).service

    @classmethod
    def for_event(
        cls,
        event: Event | builtins.type[Event],  # `type` is a field name here
        *,
        tenant: str | UUID,
        subject: str | UUID,
        actor: str,
        sequence: int,
        board: str | UUID | None = None,
        school: str | UUID | None = None,
        correlationid: str | UUID | None = None,
        causationid: str | UUID | None = None,
        id: str | UUID | None = None,
        time: datetime | None = None,
        caused_by: Envelope | None = None,
    ) -> Envelope:
        """The envelope of `event`: type, source and dataschema come from its class.

        A new id and the current time are the defaults; pass `id` (e.g. a
        `deterministic_event_id`) and `time` (from the injected clock) when they matter.
        An event that starts a chain correlates with itself; an event handled from
        another (`caused_by`) keeps its correlation id and names it as the cause.
        """
        event_type = event.event_type()
        event_id = str(id if id is not None else uuid4())
        if caused_by is not None:
            correlationid = correlationid or caused_by.correlationid
            causationid = causationid or caused_by.id
        return cls.model_validate(
            {
                "id": event_id,
                "source": source_of(parse_event_type(event_type).service),
                "type": event_type,
                "time": time if time is not None else datetime.now(UTC),
                "subject": subject,
                "dataschema": schema_urn(event_type),
                "tenant": tenant,
                "board": board,
                "school": school,
                "correlationid": correlationid if correlationid is not None else event_id,
                "causationid": causationid,
                "actor": actor,
                "sequence": sequence,
            }
        )
