"""What the disputes integration tests share: keys, settings, a running service over real
HTTP, consent and plans facts published to Kafka, and a tap on the disputes topic."""

from __future__ import annotations

import contextlib
from typing import Any
from uuid import UUID

from samen_disputes.bootstrap import MIGRATIONS, DisputesService, build_service
from samen_disputes.settings import DisputesSettings
from samen_kit.testing.plans_facts import PlansFacts
from samen_kit.testing.roster import Pupil, RosterPublisher, roster_publisher
from samen_kit.testing.roster import enrolled as kit_enrolled
from samen_kit.testing.roster import pupil_known as roster_knows
from samen_kit.testing.service import RunningService, ServiceUnderTest
from samen_kit.testing.tap import EventTap

Running = RunningService[DisputesService]
Tap = EventTap  # the `disputes_tap` fixture's type (ServiceUnderTest.fixtures)
DISPUTES = ServiceUnderTest(
    "disputes", DisputesSettings, build_service, MIGRATIONS, defaults={"sweep_seconds": 3600.0}
)


# Publishes consent facts on the (prefixed) consent topic, as the consent service would.
Roster = RosterPublisher


def roster(kafka_bootstrap: str, prefix: str) -> contextlib.AbstractAsyncContextManager[Roster]:
    return roster_publisher(kafka_bootstrap, prefix, Roster)


# Publishes the plans service's facts on the (prefixed) plans topic, as plans would.
Plans = PlansFacts


async def pupil_known(run: Running, pupil: Pupil) -> bool:
    """The consent facts about `pupil` reached the service's projection."""
    return await roster_knows(run.sessions, pupil)


async def enrolled(run: Running, roster: Roster, tenant: str | None = None, **enrol: Any) -> Pupil:
    """A pupil enrolled (in a tenant of its own unless `tenant` is given), once the
    service's projection knows them."""
    return await kit_enrolled(roster, run.sessions, tenant, **enrol)


async def outbox_rows_for(run: Running, pupil_id: UUID) -> int:
    """Events written about the pupil (the outbox keeps one row per event id)."""
    rows = await run.sql("SELECT count(*) FROM outbox WHERE key = :key", key=str(pupil_id).encode())
    return int(rows[0][0])
