"""Kafka subscriptions: the roster and consent facts from the consent service."""

from samen_kit.service import ServiceRuntime

from samen_admissions.handlers.consent import apply_consent_fact


def add_consumers(runtime: ServiceRuntime) -> None:
    runtime.add_consumer(
        "consent",
        apply_consent_fact,
        sources=["consent"],
        description="Pupils and guardians (the kit's roster) and consent per purpose",
    )
