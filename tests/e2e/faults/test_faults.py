"""Faults under load: nothing is lost and nothing is doubled.

While a broadcast goes to 5,000 guardians and guardians answer consent requests through
their pages (staff's requests, OPP action parts that plans put to them, the consents a
TLV request needs), (a) each service is SIGKILLed in turn and restarted, (b) the Kafka broker is
down for 20 seconds, (c) PostgreSQL restarts. After each: every guardian has their
message (a repeat only as the same Message-ID, and only of what was in flight at the
fault; after the PostgreSQL restart at most one per SMTP connection, which the line
shows beside the count), every confirmed answer is in the evidence exactly once, nothing was
dead-lettered, every OPP's action part is set once, every TLV is granted once, the
portal's read model holds every fact about a pupil the owners emitted, and the audit log
holds every event on the bus once and verifies, as an extension of the previous fault's
log. Each fault prints its counts as one JSON line.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e.faults.faults_audit import AuditTrail
from tests.e2e.faults.faults_bus import service_lag
from tests.e2e.faults.faults_phase import Load, Pupils, run_phase
from tests.e2e.faults.faults_region import Region
from tests.e2e.faults.faults_stack import Stack, kill_and_restart, start_broker
from tests.e2e.faults.faults_verdict import (
    IN_FLIGHT,
    SMTP_CONNECTIONS,
    assert_nothing_lost_or_doubled,
    show,
)
from tests.e2e.faults.faults_wait import wait_for

# The first test's time includes the module's stack and region (about 3 minutes): with
# all eight services it took about 400 s at a load average of 15, too near 480.
pytestmark = [pytest.mark.e2e, pytest.mark.timeout(720)]

PUPILS_PER_FAULT = 150  # two guardians each: 300 answers per fault
OWNERS_PER_FAULT = 10  # pupils with an OPP, and as many with a TLV request
BROKER_DOWNTIME = 20.0
FAULT_AT_SHARE = 0.2  # the fault strikes when a fifth of the broadcast has arrived
# Two guardians a pupil: staff's request, the OPP's action part, the TLV's two purposes.
ANSWERED = 2 * (PUPILS_PER_FAULT + OWNERS_PER_FAULT + 2 * OWNERS_PER_FAULT)


def pupils(region: Region, fault: int) -> Pupils:
    each = PUPILS_PER_FAULT + 2 * OWNERS_PER_FAULT
    return Pupils.of(region, fault * each, PUPILS_PER_FAULT, OWNERS_PER_FAULT)


async def kill_each_service(load: Load) -> None:
    """Consent, plans and admissions while guardians answer (to the OPPs' action parts
    and the TLVs' consents among the rest), notifications in the middle of the broadcast,
    then meetings, disputes, audit and the portal while the broadcast's events flow. The
    notes say how busy each was: its consumers' backlog and the progress at the kill."""
    tally = load.stream.tally

    async def answering() -> bool:
        return tally.sent >= 10

    await wait_for(answering, 60, "the first answers")
    kills = {service: await kill(load, service) for service in ("consent", "plans", "admissions")}
    await load.send_broadcast("kills")
    await load.until_mail_share(FAULT_AT_SHARE)
    for service in ("notifications", "meetings", "disputes", "audit", "portal"):
        kills[service] = await kill(load, service)
    load.notes["at_kill"] = kills


async def kill(load: Load, service: str) -> dict[str, float]:
    busy = {
        "answers_so_far": load.stream.tally.sent,
        "backlog": await service_lag(load.stack, service),
        "mail_share": round(load.mail_share(), 3),
    }
    await kill_and_restart(load.stack.platform, service)
    return busy


async def stop_the_broker(load: Load) -> None:
    await load.send_broadcast("broker")
    load.notes["mail_share_at_outage"] = round(await load.until_mail_share(FAULT_AT_SHARE), 3)
    answered = load.stream.tally.sent
    await load.stack.kafka.stop()
    await asyncio.sleep(BROKER_DOWNTIME)
    load.notes["answers_during_outage"] = load.stream.tally.sent - answered
    await start_broker(load.stack.kafka)


async def restart_postgres(load: Load) -> None:
    await load.send_broadcast("postgres")
    load.notes["mail_share_at_restart"] = round(await load.until_mail_share(FAULT_AT_SHARE), 3)
    await load.stack.postgres.restart()


async def test_each_service_killed_in_turn_loses_and_doubles_nothing(
    stack: Stack, region: Region, audit_trail: AuditTrail, capsys: pytest.CaptureFixture[str]
) -> None:
    count = await run_phase(
        stack, region, "sigkill-each", pupils(region, 0), kill_each_service, audit_trail.head
    )
    audit_trail.head = count.head
    show(count, capsys)

    assert_nothing_lost_or_doubled(count, repeats_allowed=IN_FLIGHT, answered=ANSWERED)
    assert count.notes["at_kill"]["notifications"]["mail_share"] < 1.0, "killed mid-broadcast"


async def test_a_broker_down_for_20_seconds_loses_and_doubles_nothing(
    stack: Stack, region: Region, audit_trail: AuditTrail, capsys: pytest.CaptureFixture[str]
) -> None:
    count = await run_phase(
        stack, region, "kafka-down-20s", pupils(region, 1), stop_the_broker, audit_trail.head
    )
    audit_trail.head = count.head
    show(count, capsys)

    assert_nothing_lost_or_doubled(
        count, repeats_allowed=0, answered=ANSWERED
    )  # no sender was interrupted
    assert count.notes["mail_share_at_outage"] < 1.0, "the outage came mid-broadcast"


async def test_a_postgres_restart_loses_and_doubles_nothing(
    stack: Stack, region: Region, audit_trail: AuditTrail, capsys: pytest.CaptureFixture[str]
) -> None:
    count = await run_phase(
        stack, region, "postgres-restart", pupils(region, 2), restart_postgres, audit_trail.head
    )
    audit_trail.head = count.head
    show(count, capsys, beside_repeated={"smtp_connections": SMTP_CONNECTIONS})

    assert_nothing_lost_or_doubled(count, repeats_allowed=SMTP_CONNECTIONS, answered=ANSWERED)
    assert count.notes["mail_share_at_restart"] < 1.0, "the restart came mid-broadcast"
