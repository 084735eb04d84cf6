"""Kafka subscriptions: the roster from consent, the OPPs from meetings."""

from samen_kit.service import ServiceRuntime

from samen_disputes.handlers.projections import apply_opp_fact, apply_roster_fact


def add_consumers(runtime: ServiceRuntime) -> None:
    runtime.add_consumer(
        "roster",
        apply_roster_fact,
        sources=["consent"],
        description="Pupils (school, board) and guardians with their standing",
    )
    runtime.add_consumer(
        "opps",
        apply_opp_fact,
        sources=["meetings"],
        description="OPPs on file, so a dispute about the OPP names it",
    )
