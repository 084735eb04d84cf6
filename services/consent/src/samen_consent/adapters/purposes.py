"""Each tenant's purpose catalogue: every version kept, the highest one current.

A tenant's catalogue starts with the domain's default purposes; they are written the
first time the tenant's catalogue is read (version 1, so a second writer changes nothing).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_consent.adapters.purpose_codec import purpose_of, row_values, text_json
from samen_consent.adapters.tables import PurposeVersionRow
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.purposes import Catalogue, Purpose, default_purpose


class SqlPurposes:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def catalogue(self, tenant: str, now: datetime) -> Catalogue:
        current = await self._current_rows(tenant)
        missing = [code for code in DefaultPurpose if code.value not in current]
        if missing:
            await self._seed(tenant, (default_purpose(code) for code in missing), now)
            current = await self._current_rows(tenant)
        return Catalogue({code: purpose_of(row) for code, row in current.items()})

    async def current(self, tenant: str, code: str, *, lock: bool = False) -> Purpose | None:
        """The current version (seed the catalogue first); `lock` holds it until commit."""
        stmt = (
            select(PurposeVersionRow)
            .where(col(PurposeVersionRow.tenant) == tenant, col(PurposeVersionRow.code) == code)
            .order_by(col(PurposeVersionRow.version).desc())
            .limit(1)
        )
        if lock:
            stmt = stmt.with_for_update()
        row = (await self._session.execute(stmt)).scalar_one_or_none()
        return None if row is None else purpose_of(row)

    async def version(self, tenant: str, code: str, version: int) -> Purpose | None:
        row = await self._session.get(PurposeVersionRow, (tenant, code, version))
        return None if row is None else purpose_of(row)

    async def versions(self, tenant: str, code: str) -> list[Purpose]:
        stmt = (
            select(PurposeVersionRow)
            .where(col(PurposeVersionRow.tenant) == tenant, col(PurposeVersionRow.code) == code)
            .order_by(col(PurposeVersionRow.version))
        )
        return [purpose_of(row) for row in (await self._session.execute(stmt)).scalars()]

    async def add(self, tenant: str, purpose: Purpose, now: datetime) -> bool:
        """Write a new version; False when that version exists already (a racing writer)."""
        stmt = (
            insert(PurposeVersionRow)
            .values(tenant=tenant, created_at=now, **row_values(purpose))
            .on_conflict_do_nothing()
            .returning(col(PurposeVersionRow.version))
        )
        return (await self._session.execute(stmt)).first() is not None

    async def replace_texts(self, tenant: str, purpose: Purpose) -> None:
        """Store a review: the words and the version stay, a `reviewed` flag changes."""
        stmt = (
            update(PurposeVersionRow)
            .where(
                col(PurposeVersionRow.tenant) == tenant,
                col(PurposeVersionRow.code) == purpose.code,
                col(PurposeVersionRow.version) == purpose.version,
            )
            .values(texts=[text_json(text) for text in purpose.texts])
        )
        await self._session.execute(stmt)

    async def _current_rows(self, tenant: str) -> dict[str, PurposeVersionRow]:
        latest = (
            select(
                col(PurposeVersionRow.code),
                func.max(col(PurposeVersionRow.version)).label("version"),
            )
            .where(col(PurposeVersionRow.tenant) == tenant)
            .group_by(col(PurposeVersionRow.code))
            .subquery()
        )
        stmt = (
            select(PurposeVersionRow)
            .join(
                latest,
                (col(PurposeVersionRow.code) == latest.c.code)
                & (col(PurposeVersionRow.version) == latest.c.version),
            )
            .where(col(PurposeVersionRow.tenant) == tenant)
        )
        return {row.code: row for row in (await self._session.execute(stmt)).scalars()}

    async def _seed(self, tenant: str, purposes: Iterable[Purpose], now: datetime) -> None:
        rows = [{"tenant": tenant, "created_at": now, **row_values(p)} for p in purposes]
        await self._session.execute(insert(PurposeVersionRow).values(rows).on_conflict_do_nothing())
