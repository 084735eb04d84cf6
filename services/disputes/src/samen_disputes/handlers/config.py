"""Reading and changing a tenant's moves table and terms."""

from collections.abc import Mapping, Sequence
from typing import Any

from samen_kit.access import StaffPrincipal

from samen_disputes.adapters.state_rows import TenantConfig, settings_from_json
from samen_disputes.domain import TenantRules
from samen_disputes.handlers.context import Deps
from samen_disputes.handlers.errors import InvalidConfig


async def tenant_config(deps: Deps, staff: StaffPrincipal) -> TenantConfig:
    async with deps.unit_of_work() as uow:
        return await uow.configs.of(staff.tenant)


def parse_config(
    rules: Mapping[str, Sequence[Mapping[str, object]]],
    deadlines: dict[str, Any],
    consultants_contact: str,
) -> TenantConfig:
    """The law's guards hold whatever the table says; this only checks it reads."""
    try:
        return TenantConfig(
            TenantRules.from_rows(rules), settings_from_json(deadlines), consultants_contact
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InvalidConfig(str(error)) from error


async def change_tenant_config(
    deps: Deps, staff: StaffPrincipal, config: TenantConfig
) -> TenantConfig:
    async with deps.unit_of_work() as uow:
        await uow.configs.save(staff.tenant, config, deps.clock.now())
    return config
