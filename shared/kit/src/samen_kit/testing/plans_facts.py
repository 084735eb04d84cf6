"""The plans service's facts as plans would publish them on its (prefixed) topic, for the
tests of the services that read them (meetings, disputes)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from uuid import UUID, uuid4

from samen_contract.events.plans import ActionPartSet, OppVersionWritten, SupportStarted

from samen_kit.testing.roster import Pupil, RosterPublisher


def action_part_hash(opp_id: UUID, version: int) -> str:
    """Stands for the SHA-256 of a version's action part (its words stay in plans)."""
    return hashlib.sha256(f"{opp_id}/{version}".encode()).hexdigest()


class PlansFacts(RosterPublisher):
    """Publishes the plans service's facts on the (prefixed) plans topic, as it would."""

    actor = "system:plans-test"

    async def start_support(
        self, pupil: Pupil, started_on: date, opp_id: UUID | None = None
    ) -> UUID:
        """`SupportStarted`: the pupil's new OPP, due 6 weeks later."""
        opp_id = opp_id or uuid4()
        started = SupportStarted(
            opp_id=opp_id, pupil_id=pupil.pupil_id, school_id=pupil.school_id,
            started_on=started_on, opp_due_on=started_on + timedelta(weeks=6),
        )  # fmt: skip
        await self.publish(started, tenant=pupil.tenant, subject=pupil.pupil_id)
        return opp_id

    async def write_version(self, pupil: Pupil, opp_id: UUID, version: int) -> None:
        written = OppVersionWritten(
            opp_id=opp_id, pupil_id=pupil.pupil_id, school_id=pupil.school_id,
            version=version, action_part_sha256=action_part_hash(opp_id, version),
        )  # fmt: skip
        await self.publish(written, tenant=pupil.tenant, subject=pupil.pupil_id)

    async def set_action_part(
        self, pupil: Pupil, opp_id: UUID, version: int, set_on: date, evaluation_due_on: date
    ) -> None:
        """`ActionPartSet`: the parents consented to `version`."""
        fact = ActionPartSet(
            opp_id=opp_id, pupil_id=pupil.pupil_id, school_id=pupil.school_id,
            version=version, action_part_sha256=action_part_hash(opp_id, version),
            consent_request_id=uuid4(), set_on=set_on, evaluation_due_on=evaluation_due_on,
        )  # fmt: skip
        await self.publish(fact, tenant=pupil.tenant, subject=pupil.pupil_id)
