"""The roster import and the service's own consumer write the same pupils at the same
time: the import never answers 500 for it (no deadlock reaches the staff member)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date

import pytest
from samen_contract import Event
from samen_contract.codec import encode
from samen_contract.events.consent import PupilEnrolled
from samen_kit.consumer import EventConsumer
from samen_kit.db import unit_of_work
from samen_kit.deadletter import FailedRecord
from samen_kit.testing.names import new_tenant
from samen_notifications.adapters import roster
from samen_notifications.handlers.facts import EventHandler

from services.notifications.tests.notifications_harness import Running, StartService, guardianship

pytestmark = pytest.mark.integration

PUPILS = 40
ROUNDS = 6


async def test_a_roster_import_racing_the_consumer_for_the_same_pupils_never_fails(
    running_service: StartService,
) -> None:
    tenant, school = new_tenant(), uuid.uuid4()
    pupils = sorted(uuid.uuid4() for _ in range(PUPILS))
    guardians = {pupil: uuid.uuid4() for pupil in pupils}
    async with running_service() as running:
        consumer = _consumer(running)
        for round_ in range(ROUNDS):
            rows = [_row(i, pupil, guardians[pupil], round_) for i, pupil in enumerate(pupils)]
            # The kit applies a poll's worth of records in one transaction, in record
            # order: here the reverse of the import's, the order that deadlocks.
            batch = [
                _record(running, tenant, pupil, event)
                for pupil in reversed(pupils)
                for event in _facts(pupil, school, guardians[pupil])
            ]
            response, _ = await asyncio.gather(
                running.http.post(
                    "/v1/roster/contacts",
                    json={"school_id": str(school), "rows": rows},
                    headers=running.headers(tenant),
                ),
                consumer.handle_batch(batch),
            )
            assert response.status_code == 200, response.text
            assert response.json()["errors"] == []
        async with unit_of_work(running.service.runtime.sessions) as session:
            known = await roster.pupils(session, tenant, pupils)
            guarded = [await roster.guardians_of(session, tenant, pupil) for pupil in pupils]

    assert {row.first_name for row in known.values()} == {f"Kind{ROUNDS - 1}"}
    assert {row.school_id for row in known.values()} == {school}
    assert guarded == [[guardians[pupil]] for pupil in pupils]


def _consumer(running: Running) -> EventConsumer:
    """A second consumer of the consent facts, with the service's own handler."""
    runtime = running.service.runtime
    return EventConsumer(
        name="notifications.race",
        handler=EventHandler(running.service.planner, running.clock),
        sessions=runtime.sessions,
        dead_letters=runtime.dead_letters,
        dlq_topic=running.prefix + "samen.notifications.race.dlq",
    )


def _facts(pupil: uuid.UUID, school: uuid.UUID, guardian: uuid.UUID) -> list[Event]:
    return [
        PupilEnrolled(pupil_id=pupil, school_id=school, enrolled_on=date(2025, 8, 25)),
        guardianship(pupil, guardian),
    ]


def _record(running: Running, tenant: str, pupil: uuid.UUID, event: Event) -> FailedRecord:
    record = encode(running.envelope(event, tenant=tenant, subject=str(pupil)), event)
    return FailedRecord(record.topic, 0, 0, record.key, record.value, list(record.headers))


def _row(line: int, pupil: uuid.UUID, guardian: uuid.UUID, round_: int) -> dict[str, object]:
    return {
        "line": line + 1,
        "pupil_id": str(pupil),
        "pupil_first_name": f"Kind{round_}",
        "guardians": [
            {"guardian_id": str(guardian), "email": f"o{round_}@example.nl", "language": "nl"}
        ],
    }
