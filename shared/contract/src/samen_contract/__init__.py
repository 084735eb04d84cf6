"""Samen's event contract: the envelope, the events, the topics and the Kafka codec.

Pydantic only: no I/O library is imported here, so every service and tool can use it.
"""

from samen_contract import registry
from samen_contract.envelope import Envelope
from samen_contract.events.base import Event, event_type_of
from samen_contract.ids import deterministic_event_id, pseudonymous_id

__all__ = [
    "Envelope",
    "Event",
    "deterministic_event_id",
    "event_type_of",
    "pseudonymous_id",
    "registry",
]
