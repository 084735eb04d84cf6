"""What the meetings integration tests share: keys, settings, a running service over real
HTTP, consent and plans facts published to Kafka as those services would, and a tap on
the meetings topic."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

from samen_contract import Envelope
from samen_contract.events.consent import (
    ConsentGiven,
    ConsentWithdrawn,
    GuardianshipRecorded,
    GuardianStanding,
    PupilEnrolled,
    PupilLeft,
)
from samen_contract.topics import events_topic
from samen_kit.access import Role
from samen_kit.testing.plans_facts import PlansFacts
from samen_kit.testing.roster import RosterPublisher, roster_publisher
from samen_kit.testing.service import RunningService
from samen_kit.testing.tap import EventTap as Tap
from samen_meetings.bootstrap import MeetingsService

# Monday 2 March 2026, 09:00 Amsterdam (winter time): the tests' "now".
START = datetime.fromisoformat("2026-03-02T08:00:00+00:00")


Running = RunningService[MeetingsService]


@dataclass
class Pupil:
    tenant: str
    pupil_id: UUID
    school_id: UUID
    guardians: tuple[UUID, ...]


class Roster(RosterPublisher):
    """Publishes consent facts on a (prefixed) consent topic, as the consent service would."""

    actor = "system:consent-test"

    async def enrol(
        self,
        tenant: str,
        *,
        guardians: int = 1,
        information_right: int = 0,
        school_id: UUID | None = None,
        consents: tuple[str, ...] = (),
        same_ids_as: Pupil | None = None,
    ) -> Pupil:
        """`same_ids_as`: the pupil and guardian ids of another tenant's pupil (ids
        mean something only within their tenant)."""
        pupil_id = same_ids_as.pupil_id if same_ids_as else uuid4()
        ids = same_ids_as.guardians if same_ids_as else tuple(uuid4() for _ in range(guardians))
        pupil = Pupil(tenant, pupil_id, school_id or uuid4(), ids)
        guardians = len(ids)
        enrolled = PupilEnrolled(
            pupil_id=pupil.pupil_id, school_id=pupil.school_id, enrolled_on=date(2025, 8, 25)
        )
        await self.publish(enrolled, tenant=tenant, subject=pupil.pupil_id)
        standings = [GuardianStanding.PARENTAL_AUTHORITY] * guardians
        extra = tuple(uuid4() for _ in range(information_right))
        standings += [GuardianStanding.INFORMATION_RIGHT] * information_right
        for guardian, standing in zip(pupil.guardians + extra, standings, strict=True):
            recorded = GuardianshipRecorded(
                pupil_id=pupil.pupil_id, guardian_id=guardian, standing=standing
            )
            await self.publish(recorded, tenant=tenant, subject=pupil.pupil_id)
        for purpose in consents:
            await self.give(pupil, purpose)
        return pupil

    async def leave(self, pupil: Pupil, left_on: date) -> None:
        """The school wrote the pupil out (`PupilLeft`)."""
        left = PupilLeft(pupil_id=pupil.pupil_id, school_id=pupil.school_id, left_on=left_on)
        await self.publish(left, tenant=pupil.tenant, subject=pupil.pupil_id)

    async def give(self, pupil: Pupil, purpose: str, request_id: UUID | None = None) -> UUID:
        request_id = request_id or uuid4()
        given = ConsentGiven(
            request_id=request_id, pupil_id=pupil.pupil_id, purpose=purpose, purpose_version=1
        )
        await self.publish(given, tenant=pupil.tenant, subject=pupil.pupil_id)
        return request_id

    async def withdraw(
        self, pupil: Pupil, purpose: str, request_id: UUID
    ) -> tuple[Envelope, ConsentWithdrawn]:
        """The pupil's first guardian withdraws; the envelope and event, to send again."""
        withdrawn = ConsentWithdrawn(
            request_id=request_id,
            pupil_id=pupil.pupil_id,
            purpose=purpose,
            party_id=pupil.guardians[0],
        )
        return await self.publish(withdrawn, tenant=pupil.tenant, subject=pupil.pupil_id), withdrawn


def roster(kafka_bootstrap: str, prefix: str) -> contextlib.AbstractAsyncContextManager[Roster]:
    return roster_publisher(kafka_bootstrap, prefix, Roster)


# Publishes the plans service's facts on a (prefixed) plans topic, as plans would.
Plans = PlansFacts


def plans(kafka_bootstrap: str, prefix: str) -> contextlib.AbstractAsyncContextManager[Plans]:
    return roster_publisher(kafka_bootstrap, prefix, Plans)


async def opp_known(run: Running, tenant: str, opp_id: UUID, version: int | None = None) -> bool:
    """The plans facts about the OPP reached the service's projection (with `version`)."""
    rows = await run.sql(
        "SELECT version FROM opp WHERE tenant = :t AND opp_id = :o", t=tenant, o=opp_id
    )
    return bool(rows) and (version is None or rows[0][0] == version)


def tap(kafka_bootstrap: str, prefix: str) -> Tap:
    """Everything on the meetings topic since the tap started."""
    return Tap(kafka_bootstrap, prefix + events_topic("meetings"))


async def outbox_ids(run: Running, tenant: str, name: str) -> set[str]:
    """Ids of the events of type `name` this deployment wrote for `tenant`."""
    rows = await run.sql(
        "SELECT event_id, headers FROM outbox",
    )
    found: set[str] = set()
    for event_id, headers in rows:
        values = dict(headers)
        if values.get("ce_tenant") == tenant and values.get("ce_type", "").split(".")[2] == name:
            found.add(str(event_id))
    return found


async def pupil_left(run: Running, pupil: Pupil) -> bool:
    """The `PupilLeft` about `pupil` reached the service's projection."""
    rows = await run.sql(
        "SELECT count(*) FROM roster_pupil WHERE tenant = :t AND pupil_id = :p"
        " AND left_on IS NOT NULL",
        t=pupil.tenant,
        p=pupil.pupil_id,
    )
    return bool(rows[0][0])


async def pupil_known(run: Running, pupil: Pupil) -> bool:
    """The consent facts about `pupil` reached the service's projection."""
    rows = await run.sql(
        "SELECT count(*) FROM roster_guardianship WHERE tenant = :t AND pupil_id = :p",
        t=pupil.tenant,
        p=pupil.pupil_id,
    )
    return bool(rows[0][0] >= len(pupil.guardians))


async def register_staff(
    run: Running, http: Any, tenant: str, school_id: UUID, role: Role = Role.TEACHER
) -> UUID:
    """A colleague in the staff directory, registered by an IB of the school."""
    person_id = uuid4()
    response = await http.put(
        f"/staff/{person_id}",
        json={"role": role.value, "school_ids": [str(school_id)]},
        headers=run.staff_token(tenant, Role.IB, schools=(school_id,)),
    )
    assert response.status_code == 204, response.text
    return person_id
