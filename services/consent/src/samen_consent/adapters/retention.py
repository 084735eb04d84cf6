"""What the consent service erases when a retention period runs out (docs/retention.md).

Kept: ids, dates, states and hashes — what the inspectie's figures and the audit log's
proofs need. Erased: a refusal's reason in the guardian's own words, the words of the
documents shown, a guardian's note on their support needs, the link token's id, and the
day of birth (the year stays, for figures by age).
"""

from __future__ import annotations

from uuid import UUID

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import pupils_left
from samen_kit.retention.sweep import Eraser
from sqlalchemy import Integer, delete, func, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.tables import EvidenceRow, PupilRow, RequestRow, ShownDocumentRow
from samen_consent.adapters.tables import SupportNeedsRow as Needs

PUPIL = PupilRow.__table__  # type: ignore[attr-defined]
EVIDENCE = EvidenceRow.__table__  # type: ignore[attr-defined]
REQUEST = RequestRow.__table__  # type: ignore[attr-defined]
SHOWN = ShownDocumentRow.__table__  # type: ignore[attr-defined]
NEEDS = Needs.__table__  # type: ignore[attr-defined]


async def _changed(session: AsyncSession, statement: object) -> int:
    result = await session.execute(statement)  # type: ignore[call-overload]
    assert isinstance(result, CursorResult)
    return int(result.rowcount)


async def erase_evidence(session: AsyncSession, tenant: str, pupil_id: UUID) -> int:
    of_pupil = (EVIDENCE.c.tenant == tenant, EVIDENCE.c.pupil_id == pupil_id)
    evidence = update(EVIDENCE).where(*of_pupil).where(
        (EVIDENCE.c.reason.is_not(None)) | (EVIDENCE.c.token_id.is_not(None))
    ).values(reason=None, token_id=None)  # fmt: skip
    requests = select(REQUEST.c.request_id).where(
        REQUEST.c.tenant == tenant, REQUEST.c.pupil_id == pupil_id
    )
    shown = delete(SHOWN).where(SHOWN.c.tenant == tenant, SHOWN.c.request_id.in_(requests))
    notes = update(NEEDS).where(
        NEEDS.c.tenant == tenant, NEEDS.c.pupil_id == pupil_id, NEEDS.c.note.is_not(None)
    ).values(note=None)  # fmt: skip
    return sum([await _changed(session, s) for s in (evidence, shown, notes)])


async def erase_roster(session: AsyncSession, tenant: str, pupil_id: UUID) -> int:
    year_only = func.make_date(func.extract("year", PUPIL.c.birth_date).cast(Integer), 1, 1)
    statement = (
        update(PUPIL)
        .where(PUPIL.c.tenant == tenant, PUPIL.c.pupil_id == pupil_id)
        .where(PUPIL.c.birth_date != year_only)
        .values(birth_date=year_only)
    )
    return await _changed(session, statement)


ERASERS = tuple(
    Eraser(kind, pupils_left(kind, PUPIL), erase)
    for kind, erase in (
        (DataKind.ROSTER_CONTACT, erase_roster),
        (DataKind.CONSENT_EVIDENCE, erase_evidence),
    )
)
