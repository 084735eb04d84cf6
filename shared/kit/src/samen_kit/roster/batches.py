"""The roster facts of a claimed batch in one statement per type (the consumer's batch
handlers): what a roster import sends by the thousand, enrolments and guardianships.

Each statement does for many rows what `apply_change` does for one, with the same
rules (`samen_kit.roster.facts`). The kit's consumer gives a batch handler at most one
event per pupil, so no row is touched twice by one statement; it has already dropped
repeats and facts older than one applied. Rows are written in key order, the order in
which the other writers of these tables take them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

from samen_contract import Event
from samen_contract.events.consent import GuardianshipEnded, GuardianshipRecorded, PupilEnrolled
from sqlalchemy.ext.asyncio import AsyncSession

from samen_kit.consumer import BatchHandler, Delivery
from samen_kit.driver import driver_connection
from samen_kit.roster.facts import Enrolment, Guardianship, GuardianshipEnd, roster_change

C = TypeVar("C", Enrolment, Guardianship, GuardianshipEnd)

# An enrolment without a group keeps the group known at the same school, none after a
# move to another (`_group_after_enrolment`): `p` is the row as it was.
_ENROL = """
INSERT INTO roster_pupil AS p
    (tenant, pupil_id, school_id, board_id, enrolled_on, left_on, group_code)
SELECT tenant, pupil_id, school_id, board_id, enrolled_on, NULL, group_code
FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[], $5::date[], $6::text[])
     AS r(tenant, pupil_id, school_id, board_id, enrolled_on, group_code)
ORDER BY tenant, pupil_id
ON CONFLICT (tenant, pupil_id) DO UPDATE SET
    school_id = excluded.school_id,
    board_id = excluded.board_id,
    enrolled_on = excluded.enrolled_on,
    left_on = NULL,
    group_code = CASE
        WHEN excluded.group_code IS NOT NULL THEN excluded.group_code
        WHEN p.school_id = excluded.school_id THEN p.group_code
    END
"""

_RECORD_GUARDIANSHIPS = """
INSERT INTO roster_guardianship AS g (tenant, pupil_id, guardian_id, standing)
SELECT tenant, pupil_id, guardian_id, standing
FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::text[])
     AS r(tenant, pupil_id, guardian_id, standing)
ORDER BY tenant, pupil_id, guardian_id
ON CONFLICT (tenant, pupil_id, guardian_id) DO UPDATE SET standing = excluded.standing
"""

_END_GUARDIANSHIPS = """
DELETE FROM roster_guardianship AS g
USING unnest($1::text[], $2::uuid[], $3::uuid[]) AS r(tenant, pupil_id, guardian_id)
WHERE g.tenant = r.tenant AND g.pupil_id = r.pupil_id AND g.guardian_id = r.guardian_id
"""


async def enrol_all(session: AsyncSession, deliveries: Sequence[Delivery]) -> None:
    columns = ("tenant", "pupil_id", "school_id", "board_id", "enrolled_on", "group")
    await _apply(session, _ENROL, [_change(d, Enrolment) for d in deliveries], columns)


async def record_guardianships(session: AsyncSession, deliveries: Sequence[Delivery]) -> None:
    changes = [_change(d, Guardianship) for d in deliveries]
    columns = ("tenant", "pupil_id", "guardian_id", "standing")
    await _apply(session, _RECORD_GUARDIANSHIPS, changes, columns)


async def end_guardianships(session: AsyncSession, deliveries: Sequence[Delivery]) -> None:
    changes = [_change(d, GuardianshipEnd) for d in deliveries]
    await _apply(session, _END_GUARDIANSHIPS, changes, ("tenant", "pupil_id", "guardian_id"))


async def _apply(
    session: AsyncSession, statement: str, changes: Sequence[object], columns: Sequence[str]
) -> None:
    """Run one `unnest` statement over the batch: its parameters are one array per
    column, in the order the statement numbers them."""
    conn = await driver_connection(session)
    await conn.execute(statement, *([getattr(c, name) for c in changes] for name in columns))


def _change(delivery: Delivery, kind: type[C]) -> C:
    change = roster_change(delivery.envelope, delivery.event)
    if not isinstance(change, kind):
        raise TypeError(f"{delivery.envelope.type} is not a {kind.__name__}")
    return change


#: For `add_consumer(..., batch_handlers=ROSTER_BATCH_HANDLERS)` beside `roster_handler`
#: (which still applies the rarer facts: a group change, a leaving).
ROSTER_BATCH_HANDLERS: Mapping[type[Event], BatchHandler] = {
    PupilEnrolled: enrol_all,
    GuardianshipRecorded: record_guardianships,
    GuardianshipEnded: end_guardianships,
}
