"""Kafka subscriptions: the roster from consent, the OPPs from plans."""

from samen_kit.roster import ROSTER_BATCH_HANDLERS, roster_handler
from samen_kit.service import ServiceRuntime

from samen_disputes.handlers.projections import apply_opp_fact


def add_consumers(runtime: ServiceRuntime) -> None:
    runtime.add_consumer(
        "roster",
        roster_handler,  # the kit's roster projection; other consent facts are ignored
        sources=["consent"],
        batch_handlers=ROSTER_BATCH_HANDLERS,  # an import's enrolments, guardianships
        description="Pupils (school, board) and guardians with their standing",
    )
    runtime.add_consumer(
        "opps",
        apply_opp_fact,
        sources=["plans"],
        description="OPPs on file, so a dispute about the OPP names it",
    )
