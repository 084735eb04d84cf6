"""What a service holds about a pupil and a guardian, read from its own tables on a real
PostgreSQL: found by their columns, in the guardian's tenant only, and without the rows
that name another guardian."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any
from uuid import UUID, uuid4

import pytest
import sqlalchemy as sa
from samen_kit.privacy import holdings_in, read_holdings
from samen_kit.testing.databases import sessions_with
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration

metadata = sa.MetaData()
answer = sa.Table(  # about a pupil, naming the guardian who answered
    "answer",
    metadata,
    sa.Column("answer_id", sa.Uuid(), primary_key=True),
    sa.Column("tenant", sa.String(64), nullable=False),
    sa.Column("pupil_id", sa.Uuid(), nullable=False),
    sa.Column("party_id", sa.String(64), nullable=True),
    sa.Column("fingerprint", sa.LargeBinary(), nullable=False),
)
contact = sa.Table(  # about a guardian only
    "contact",
    metadata,
    sa.Column("tenant", sa.String(64), primary_key=True),
    sa.Column("guardian_id", sa.Uuid(), primary_key=True),
    sa.Column("language", sa.String(8), nullable=False),
)
school = sa.Table(  # about nobody in particular
    "school",
    metadata,
    sa.Column("tenant", sa.String(64), primary_key=True),
    sa.Column("school_id", sa.Uuid(), primary_key=True),
)
TENANT, OTHER_TENANT = "swv-2801", "swv-2802"
PUPIL, GUARDIAN, OTHER_GUARDIAN = uuid4(), uuid4(), uuid4()


@pytest.fixture
async def sessions(
    make_database: Callable[[str], str],
) -> AsyncIterator[async_sessionmaker[AsyncSession]]:
    async with sessions_with(make_database("kit_export"), metadata.sorted_tables) as made:
        yield made


async def add_answer(
    sessions: async_sessionmaker[AsyncSession], tenant: str, party: UUID | None
) -> UUID:
    answer_id = uuid4()
    row = {"answer_id": answer_id, "tenant": tenant, "pupil_id": PUPIL, "fingerprint": b"\x00"}
    async with sessions() as session, session.begin():
        await session.execute(answer.insert().values(**row, party_id=party and str(party)))
    return answer_id


async def exported(sessions: async_sessionmaker[AsyncSession]) -> dict[str, list[dict[str, Any]]]:
    async with sessions() as session:
        return await read_holdings(
            session, holdings_in([school, answer, contact]), TENANT, PUPIL, GUARDIAN
        )


def test_the_tables_about_a_pupil_or_a_guardian_are_found_by_their_columns() -> None:
    found = {h.name: (h.by_pupil, h.guardian) for h in holdings_in(metadata.tables.values())}

    assert found == {"answer": (True, "party_id"), "contact": (False, "guardian_id")}


async def test_a_guardian_gets_the_rows_about_their_child_and_themselves(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    theirs = await add_answer(sessions, TENANT, GUARDIAN)
    nobodys = await add_answer(sessions, TENANT, None)
    async with sessions() as session, session.begin():
        await session.execute(
            contact.insert().values(tenant=TENANT, guardian_id=GUARDIAN, language="ar")
        )

    found = await exported(sessions)

    assert sorted(row["answer_id"] for row in found["answer"]) == sorted(
        [str(theirs), str(nobodys)]
    )
    assert found["contact"] == [{"tenant": TENANT, "guardian_id": str(GUARDIAN), "language": "ar"}]


async def test_another_guardians_answer_and_another_tenants_rows_stay_out(
    sessions: async_sessionmaker[AsyncSession],
) -> None:
    await add_answer(sessions, TENANT, OTHER_GUARDIAN)
    await add_answer(sessions, OTHER_TENANT, GUARDIAN)
    async with sessions() as session, session.begin():
        await session.execute(
            contact.insert().values(tenant=TENANT, guardian_id=OTHER_GUARDIAN, language="nl")
        )

    assert await exported(sessions) == {"answer": [], "contact": []}
