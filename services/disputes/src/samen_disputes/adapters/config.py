"""Each tenant's rules table and terms (the domain's defaults when it has none)."""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col

from samen_disputes.adapters.state_rows import TenantConfig, settings_to_json
from samen_disputes.adapters.tables import TenantConfigRow


class SqlTenantConfigs:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def of(self, tenant: str) -> TenantConfig:
        return TenantConfig.of(await self._session.get(TenantConfigRow, tenant))

    async def of_tenants(self, tenants: Iterable[str]) -> dict[str, TenantConfig]:
        wanted = sorted(set(tenants))
        stmt = select(TenantConfigRow).where(col(TenantConfigRow.tenant).in_(wanted))
        rows = {row.tenant: row for row in (await self._session.execute(stmt)).scalars()}
        return {tenant: TenantConfig.of(rows.get(tenant)) for tenant in wanted}

    async def save(self, tenant: str, config: TenantConfig, at: datetime) -> None:
        values = {
            "tenant": tenant,
            "rules": config.rules.to_rows(),
            "deadlines": settings_to_json(config.deadlines),
            "consultants_contact": config.consultants_contact,
            "updated_at": at,
        }
        stmt = insert(TenantConfigRow).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=[col(TenantConfigRow.tenant)],
            set_={k: v for k, v in values.items() if k != "tenant"},
        )
        await self._session.execute(stmt)
