"""Which role may do what: one table per service, in code.

PERMISSIONS = PermissionTable({"consent.request": {Role.IB, Role.DIRECTOR}})
require = PERMISSIONS.require

CanRequest = Annotated[StaffPrincipal, Depends(require("consent.request"))]

@router.post("/consent-requests")
async def request_consent(staff: CanRequest) -> ...
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping

from fastapi import Request

from samen_kit.access.dependencies import StaffDep, refuse
from samen_kit.access.refusals import AccessRefusedError, ProvenClaims, RefusalReason
from samen_kit.access.roles import Audience, Role
from samen_kit.access.staff import StaffPrincipal

StaffCheck = Callable[[Request, StaffPrincipal], Awaitable[StaffPrincipal]]


class PermissionTable(Mapping[str, frozenset[Role]]):
    def __init__(self, table: Mapping[str, Iterable[Role]]) -> None:
        self._table = {permission: frozenset(roles) for permission, roles in table.items()}

    def __getitem__(self, permission: str) -> frozenset[Role]:
        return self._table[permission]

    def __iter__(self) -> Iterator[str]:
        return iter(self._table)

    def __len__(self) -> int:
        return len(self._table)

    def allows(self, role: Role, permission: str) -> bool:
        return role in self._table[permission]

    def require(self, permission: str) -> StaffCheck:
        """A dependency giving the staff member if their role may; 403 otherwise.

        An unknown permission fails here, when the route is declared, not per request.
        """
        roles = self._table[permission]

        async def check(request: Request, staff: StaffDep) -> StaffPrincipal:
            if staff.role not in roles:
                proven = ProvenClaims(tenant=staff.tenant, subject=staff.subject)
                error = AccessRefusedError(RefusalReason.NOT_PERMITTED, proven)
                await refuse(request, Audience.STAFF, error)
            return staff

        return check
