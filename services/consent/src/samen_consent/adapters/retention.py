"""What the consent service erases when a retention period runs out (docs/retention.md).

Kept: ids, dates, states and hashes — what the inspectie's figures and the audit log's
proofs need. Erased: a refusal's reason in the guardian's own words, the words of the
documents shown, a guardian's note on their support needs, the link token's id, and the
day of birth (the year stays, for figures by age).

Roster data counts from leaving; consent evidence also from the day the pupil's last
consent was withdrawn or expired (`domain.evidence_clock`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from uuid import UUID

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import Ending, not_erased, pupils_left, rows_changed
from samen_kit.retention.sweep import Eraser
from sqlalchemy import Integer, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.tables import EvidenceRow, PupilRow, RequestRow, ShownDocumentRow
from samen_consent.adapters.tables import SupportNeedsRow as Needs
from samen_consent.domain.evidence_clock import RequestHistory, evidence_clock_starts
from samen_consent.domain.request import RequestState

PUPIL = PupilRow.__table__  # type: ignore[attr-defined]
EVIDENCE = EvidenceRow.__table__  # type: ignore[attr-defined]
REQUEST = RequestRow.__table__  # type: ignore[attr-defined]
SHOWN = ShownDocumentRow.__table__  # type: ignore[attr-defined]
NEEDS = Needs.__table__  # type: ignore[attr-defined]


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
    return await rows_changed(session, evidence, shown, notes)


async def erase_roster(session: AsyncSession, tenant: str, pupil_id: UUID) -> int:
    year_only = func.make_date(func.extract("year", PUPIL.c.birth_date).cast(Integer), 1, 1)
    statement = (
        update(PUPIL)
        .where(PUPIL.c.tenant == tenant, PUPIL.c.pupil_id == pupil_id)
        .where(PUPIL.c.birth_date != year_only)
        .values(birth_date=year_only)
    )
    return await rows_changed(session, statement)


_Pupil = tuple[str, UUID]


async def evidence_endings(session: AsyncSession) -> Sequence[Ending]:
    """The pupils whose consent evidence's clock runs (not yet erased): from leaving, or
    from their last consent withdrawn or expired."""
    kind = DataKind.CONSENT_EVIDENCE
    pupils = select(PUPIL.c.tenant, PUPIL.c.pupil_id, PUPIL.c.left_on).where(
        not_erased(kind, PUPIL.c.tenant, PUPIL.c.pupil_id)
    )
    left: dict[_Pupil, date | None] = {
        (tenant, pupil): left_on for tenant, pupil, left_on in await session.execute(pupils)
    }
    c = REQUEST.c
    requests = select(c.tenant, c.pupil_id, c.state, c.given_at, c.ended_at, c.expires_at).where(
        not_erased(kind, c.tenant, c.pupil_id)
    )
    histories: defaultdict[_Pupil, list[RequestHistory]] = defaultdict(list)
    for tenant, pupil, state, *moments in await session.execute(requests):
        histories[(tenant, pupil)].append(RequestHistory(RequestState(state), *moments))
    starts = {key: evidence_clock_starts(left[key], histories[key]) for key in left}
    return [Ending(*key, day) for key, day in starts.items() if day is not None]


ERASERS = (
    Eraser(DataKind.ROSTER_CONTACT, pupils_left(DataKind.ROSTER_CONTACT, PUPIL), erase_roster),
    Eraser(DataKind.CONSENT_EVIDENCE, evidence_endings, erase_evidence),
)
