"""Per-tenant settings of the rules; a tenant without a row uses the defaults."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from samen_meetings.adapters.tables import TenantSettingsRow
from samen_meetings.domain.settings import DEFAULT_SETTINGS, TenantSettings


class SqlTenantSettings:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of(self, tenant: str) -> TenantSettings:
        row = await self._session.get(TenantSettingsRow, tenant)
        return _settings_of(row) if row is not None else DEFAULT_SETTINGS

    async def customised(self) -> dict[str, TenantSettings]:
        """Every tenant that changed a default (few: the scan builds one filter each)."""
        rows = (await self._session.execute(select(TenantSettingsRow))).scalars()
        return {row.tenant: _settings_of(row) for row in rows}

    async def put(self, tenant: str, settings: TenantSettings) -> None:
        values = {
            "agreement_lead_days": settings.agreement_lead_days,
            "reminder_local_time": settings.reminder_local_time,
        }
        stmt = insert(TenantSettingsRow).values(tenant=tenant, **values)
        await self._session.execute(
            stmt.on_conflict_do_update(index_elements=["tenant"], set_=values)
        )


def _settings_of(row: TenantSettingsRow) -> TenantSettings:
    return TenantSettings(
        agreement_lead_days=row.agreement_lead_days,
        reminder_local_time=row.reminder_local_time,
    )
