"""Correction requests (AVG art. 16): a guardian asks, the school answers. Each use case
is one transaction: the request's row, its fact and worklist item in the read model
(the same projection every consumed fact goes through) and its event in the outbox."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from samen_contract import Event
from samen_contract.actor import person_actor
from samen_contract.events.portal import CorrectionAnswered, CorrectionRequested
from samen_kit.deadlines import local_date
from samen_kit.envelope_facts import about_pupil
from samen_kit.outbox import emit
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_portal.adapters.corrections import CorrectionRequests, CorrectionRow
from samen_portal.adapters.readmodel import PupilRow, ReadModel
from samen_portal.domain.corrections import (
    CorrectionAlreadyAnswered,
    CorrectionAnswer,
    CorrectionAsked,
    CorrectionUnknown,
    answer_by,
)
from samen_portal.domain.facts import pupil_fact
from samen_portal.domain.worklist import changes


async def request_correction(
    sessions: async_sessionmaker[AsyncSession],
    pupil: PupilRow,
    guardian_id: UUID,
    asked: CorrectionAsked,
    now: datetime,
) -> UUID:
    row = CorrectionRow(
        request_id=uuid4(),
        tenant=pupil.tenant,
        pupil_id=pupil.pupil_id,
        school_id=pupil.school_id,
        guardian_id=guardian_id,
        area=asked.area,
        explanation=asked.explanation,
        requested_at=now,
        answer_by=answer_by(local_date(now)),
        outcome=None,
        reason=None,
        answered_at=None,
    )
    event = CorrectionRequested(**_about(row), answer_by=row.answer_by)
    async with sessions() as session, session.begin():
        await CorrectionRequests(session).add(row)
        await _publish(session, pupil, event, person_actor("guardian", guardian_id), now)
    return row.request_id


async def answer_correction(
    sessions: async_sessionmaker[AsyncSession],
    pupil: PupilRow,
    request_id: UUID,
    answer: CorrectionAnswer,
    actor: str,
    now: datetime,
) -> CorrectionRow:
    async with sessions() as session, session.begin():
        requests = CorrectionRequests(session)
        found = await requests.locked(pupil.tenant, pupil.pupil_id, request_id)
        if found is None:
            raise CorrectionUnknown()
        if found.outcome is not None:
            raise CorrectionAlreadyAnswered()
        await requests.answer(request_id, answer.outcome, answer.reason, now)
        event = CorrectionAnswered(**_about(found), outcome=answer.outcome)
        await _publish(session, pupil, event, actor, now)
    return replace(found, outcome=answer.outcome, reason=answer.reason, answered_at=now)


def _about(row: CorrectionRow) -> dict[str, Any]:
    """What both the request's and the answer's event say about it (ids and the area
    only: the explanation and the reason stay here)."""
    return {
        "request_id": row.request_id,
        "pupil_id": row.pupil_id,
        "school_id": row.school_id,
        "guardian_id": row.guardian_id,
        "area": row.area,
    }


async def _publish(
    session: AsyncSession, pupil: PupilRow, event: Event, actor: str, now: datetime
) -> None:
    """The event to the outbox, and into the read model as a consumed fact would go."""
    envelope = await emit(session, event, **about_pupil(pupil, actor=actor, at=now))
    found = pupil_fact(envelope, event) if envelope is not None else None
    if found is None:
        return
    model = ReadModel(session)
    await model.add_fact(found)
    for change in changes(found):
        await model.apply(found, change)
    await model.announce(found.tenant, found.pupil_id)
