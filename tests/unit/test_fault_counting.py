"""The fault tests' own waiting and counting (tests/e2e/faults): a wait lasts while its
work moves and fails once it stalls; the owners' count finds a lost, a doubled and an
unknown fact."""

from __future__ import annotations

import asyncio
from uuid import UUID, uuid4

import pytest
from samen_contract.topics import events_topic

from tests.e2e.faults.faults_bus import BusEvent, BusSnapshot
from tests.e2e.faults.faults_owners import OwnersWork, count_owners
from tests.e2e.faults.faults_wait import wait_while_progressing

pytestmark = pytest.mark.unit

TENANT = "swv-test"
STALL = 0.2


async def test_a_wait_whose_work_keeps_moving_lasts_past_the_stall_time() -> None:
    loop = asyncio.get_running_loop()
    started = loop.time()
    moved = 0.0

    async def done() -> bool:
        return loop.time() - started > 3 * STALL

    async def progress() -> float:
        nonlocal moved
        moved += 1
        return moved

    await wait_while_progressing(done, progress, STALL, "moving work", poll=0.01)

    assert loop.time() - started > 3 * STALL


async def test_a_wait_whose_work_stands_still_fails_after_the_stall_time() -> None:
    async def never() -> bool:
        return False

    async def still() -> float:
        return 7.0

    with pytest.raises(AssertionError, match="no progress"):
        await asyncio.wait_for(
            wait_while_progressing(never, still, STALL, "stuck work", poll=0.01), 10 * STALL
        )


def _event(service: str, kind: str, **data: object) -> BusEvent:
    return BusEvent(
        topic=f"faults1.{events_topic(service)}",
        tenant=TENANT,
        event_id=str(uuid4()),
        type=f"nl.samen.{service}.{kind}.v1",
        data={key: str(value) for key, value in data.items()},
    )


def test_an_opp_set_twice_a_tlv_never_granted_and_a_fact_the_portal_missed_are_counted() -> None:
    pupil, opp, other_opp, tlv = uuid4(), uuid4(), uuid4(), uuid4()
    day = "2027-01-01"
    set_twice = [
        _event("plans", "ActionPartSet", opp_id=opp, pupil_id=pupil, evaluation_due_on=day)
        for _ in range(2)
    ]
    set_once = _event(
        "plans", "ActionPartSet", opp_id=other_opp, pupil_id=pupil, evaluation_due_on=day
    )
    requested = _event("admissions", "AdmissionRequested", request_id=tlv, pupil_id=pupil,
                       submitted_on=day)  # fmt: skip
    viewed = _event("portal", "FileViewed", pupil_id=pupil)  # the portal's own: not projected
    events = [*set_twice, set_once, requested, viewed]
    in_portal = {e.event_id for e in [*set_twice, set_once]} | {str(uuid4())}
    work = OwnersWork(opps={opp: pupil, other_opp: pupil}, tlvs={tlv: pupil}, asks=[])

    count = count_owners(work, BusSnapshot(events, 0), TENANT, in_portal)

    assert (count.opps_set, count.opps_lost, count.opps_doubled) == (1, 0, 1)
    assert (count.tlvs_granted, count.tlvs_lost, count.tlvs_doubled) == (0, 1, 0)
    assert (count.portal_lost, count.portal_unknown) == (1, 1)  # the request; a stray id


def test_a_tlv_requested_and_granted_once_with_its_dates_counts_as_granted() -> None:
    pupil, tlv = uuid4(), UUID(int=1)
    day = "2027-01-01"
    events = [
        _event("admissions", "AdmissionRequested", request_id=tlv, pupil_id=pupil,
               submitted_on=day),
        _event("admissions", "AdmissionGranted", request_id=tlv, pupil_id=pupil, end_date=day),
    ]  # fmt: skip
    work = OwnersWork(opps={}, tlvs={tlv: pupil}, asks=[])

    count = count_owners(work, BusSnapshot(events, 0), TENANT, {e.event_id for e in events})

    assert (count.tlvs_granted, count.tlvs_lost, count.tlvs_doubled) == (1, 0, 0)
    assert (count.portal_lost, count.portal_unknown) == (0, 0)
