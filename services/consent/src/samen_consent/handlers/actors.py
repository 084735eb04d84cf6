"""Who acts, as the envelope's `actor` and as the domain's party or witness ids."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final
from uuid import UUID

from samen_contract import pseudonymous_id
from samen_contract.actor import parse_actor, system_actor
from samen_kit.access import StaffPrincipal

SWEEP_ACTOR: Final = system_actor("consent.sweep")


def staff_id(staff: StaffPrincipal) -> UUID:
    """The staff member as a UUID: their subject when it is one, else derived from it."""
    try:
        return UUID(staff.subject)
    except ValueError:
        return pseudonymous_id("staff", staff.tenant, staff.subject)


def person_id(actor: str, tenant: str) -> UUID:
    """The UUID of an envelope's actor: its id when it is one, else derived from it."""
    role, ident = parse_actor(actor)
    try:
        return UUID(ident)
    except ValueError:
        return pseudonymous_id(role, tenant, ident)


@dataclass(frozen=True)
class Acting:
    """An actor string with the tenant it acts in."""

    tenant: str
    actor: str

    @classmethod
    def staff(cls, staff: StaffPrincipal) -> Acting:
        return cls(staff.tenant, f"{staff.role.value}:{staff_id(staff)}")
