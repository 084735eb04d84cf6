"""Kafka subscriptions: every service's facts, into the read model."""

from samen_contract.topics import SERVICES
from samen_kit.service import ServiceRuntime

from samen_portal.handlers.project import project

# The portal's own facts (views of a file) tell nothing its pages show.
SOURCES = tuple(s for s in SERVICES if s != "portal")


def add_consumers(runtime: ServiceRuntime) -> None:
    runtime.add_consumer(
        "readmodel",
        project,
        sources=list(SOURCES),
        description="Statuses, dates and ids of every fact about a pupil, and the worklist",
    )
