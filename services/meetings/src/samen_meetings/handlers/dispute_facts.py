"""The disputes service's facts: an open dispute about an OPP (or its action part) marks
that OPP as contested until the dispute ends (resolved, decided or withdrawn).

A type this service does not know yet is read from its data (`dispute_id`, `pupil_id`,
`subject`, `opp_id`), so a newer disputes contract cannot stop the mark.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from samen_contract import Envelope

from samen_meetings.adapters.projections import OPP_DISPUTE_SUBJECTS
from samen_meetings.adapters.uow import UnitOfWork

OPENED = "samen.disputes.DisputeOpened.v1"
ENDED = frozenset(
    {
        "samen.disputes.DisputeResolved.v1",
        "samen.disputes.DisputeDecided.v1",
        "samen.disputes.DisputeWithdrawn.v1",
    }
)


async def apply_dispute_fact(uow: UnitOfWork, env: Envelope, data: dict[str, Any]) -> None:
    if env.type == OPENED and data.get("subject") in OPP_DISPUTE_SUBJECTS:
        opp_id = data.get("opp_id")
        await uow.projections.open_dispute(
            env.tenant,
            UUID(str(data["dispute_id"])),
            UUID(str(data["pupil_id"])),
            UUID(str(opp_id)) if opp_id else None,
            str(data["subject"]),
            env.time,
        )
    elif env.type in ENDED:
        await uow.projections.close_dispute(env.tenant, UUID(str(data["dispute_id"])), env.time)
