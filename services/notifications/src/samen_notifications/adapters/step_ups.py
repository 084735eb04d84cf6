"""Step-up challenges: every query on `step_up_challenge`, scoped by tenant and guardian."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from samen_kit.access.guardian import GuardianItem
from samen_kit.access.step_up import Challenge
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from samen_notifications.adapters.tables import StepUpChallengeRow


async def recent(
    session: AsyncSession, tenant: str, guardian_id: UUID, since: datetime
) -> list[Challenge]:
    """This guardian's challenges, for any item, issued since `since` or still locked."""
    stmt = select(StepUpChallengeRow).where(
        col(StepUpChallengeRow.tenant) == tenant,
        col(StepUpChallengeRow.guardian_id) == guardian_id,
        (col(StepUpChallengeRow.issued_at) > since)
        | (col(StepUpChallengeRow.locked_until) > since),
    )
    return [_challenge_of(row) for row in (await session.execute(stmt)).scalars()]


async def add(session: AsyncSession, challenge: Challenge) -> None:
    session.add(_row_of(challenge))


async def locked_for_answer(
    session: AsyncSession, tenant: str, guardian_id: UUID, challenge_id: UUID
) -> Challenge | None:
    """The guardian's own challenge, locked so two answers at once count as two."""
    stmt = (
        select(StepUpChallengeRow)
        .where(
            col(StepUpChallengeRow.id) == challenge_id,
            col(StepUpChallengeRow.tenant) == tenant,
            col(StepUpChallengeRow.guardian_id) == guardian_id,
        )
        .with_for_update()
    )
    row = (await session.execute(stmt)).scalar_one_or_none()
    return _challenge_of(row) if row else None


async def save(session: AsyncSession, challenge: Challenge) -> None:
    row = await session.get(StepUpChallengeRow, challenge.id)
    if row is None:
        raise LookupError("a challenge is saved only after it was added")
    row.attempts = challenge.attempts
    row.locked_until = challenge.locked_until
    row.confirmed_at = challenge.confirmed_at


def _row_of(challenge: Challenge) -> StepUpChallengeRow:
    return StepUpChallengeRow(
        id=challenge.id,
        tenant=challenge.tenant,
        guardian_id=challenge.guardian_id,
        pupil_id=challenge.pupil_id,
        item=challenge.item.claim,
        code_hash=challenge.code_hash,
        issued_at=challenge.issued_at,
        expires_at=challenge.expires_at,
        attempts=challenge.attempts,
        locked_until=challenge.locked_until,
        confirmed_at=challenge.confirmed_at,
    )


def _challenge_of(row: StepUpChallengeRow) -> Challenge:
    return Challenge(
        id=row.id,
        guardian_id=row.guardian_id,
        pupil_id=row.pupil_id,
        item=GuardianItem.parse(row.item),
        tenant=row.tenant,
        code_hash=row.code_hash,
        issued_at=row.issued_at,
        expires_at=row.expires_at,
        attempts=row.attempts,
        locked_until=row.locked_until,
        confirmed_at=row.confirmed_at,
    )
