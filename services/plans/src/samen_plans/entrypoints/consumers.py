"""Kafka subscriptions: the roster and the consent facts, both from the consent service."""

from samen_kit.roster import ROSTER_BATCH_HANDLERS, roster_handler
from samen_kit.service import ServiceRuntime

from samen_plans.handlers.consent_facts import consent_handler


def add_consumers(runtime: ServiceRuntime) -> None:
    runtime.add_consumer(
        "roster",
        roster_handler,
        sources=["consent"],
        batch_handlers=ROSTER_BATCH_HANDLERS,  # an import's enrolments, guardianships
        description="Pupils (school, board) and guardians with their standing",
    )
    runtime.add_consumer(
        "consent",
        consent_handler(runtime.writer),
        sources=["consent"],
        description="Consent requests about an OPP version's action part, answers and outcomes",
    )
