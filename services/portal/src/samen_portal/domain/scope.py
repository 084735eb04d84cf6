"""Who sees which pupil: pure rules over the signed-in user and the pupil's place.

- a teacher: only pupils of their own class groups (at a school their token lists);
- an intern begeleider or director: the schools their token lists;
- a board admin: the schools of their boards;
- the samenwerkingsverband's roles: every school of the tenant.
Another tenant's pupil is never visible. Unknown pupils are as invisible as others'.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from samen_kit.access import Role
from samen_kit.access.roles import BOARD_WIDE_ROLES, TENANT_WIDE_ROLES
from samen_kit.access.staff import StaffPrincipal


@dataclass(frozen=True)
class Viewer:
    """The signed-in staff member: the principal their token proves and, for a teacher,
    their class groups (the token's `groups` claim)."""

    principal: StaffPrincipal
    groups: frozenset[str] = frozenset()

    @property
    def tenant(self) -> str:
        return self.principal.tenant

    @property
    def role(self) -> Role:
        return self.principal.role


@dataclass(frozen=True)
class Place:
    """Where a pupil is: the tenant, school, board and class group (ids and a code)."""

    tenant: str
    school_id: UUID
    board_id: str | None = None
    group: str | None = None


@dataclass(frozen=True)
class Reach:
    """A viewer's reach as filters for a query: None means "any"."""

    tenant: str
    schools: frozenset[str] | None
    boards: frozenset[str] | None
    groups: frozenset[str] | None


def may_see(viewer: Viewer, place: Place) -> bool:
    principal = viewer.principal
    if place.tenant != principal.tenant:
        return False
    if principal.role is Role.TEACHER:
        in_school = str(place.school_id) in principal.schools
        return in_school and place.group is not None and place.group in viewer.groups
    return principal.covers_school(place.school_id, place.board_id)


def reach(viewer: Viewer) -> Reach:
    """The same rule as `may_see`, for listing pupils: a pupil is in reach when its
    school is in `schools` or its board in `boards` (or both are None) and, when
    `groups` is set, its group is one of them."""
    principal = viewer.principal
    if principal.role in TENANT_WIDE_ROLES:
        return Reach(principal.tenant, None, None, None)
    boards = principal.boards if principal.role in BOARD_WIDE_ROLES else frozenset()
    groups = viewer.groups if principal.role is Role.TEACHER else None
    return Reach(principal.tenant, principal.schools, boards, groups)


def sees_overview(viewer: Viewer) -> bool:
    """The overview per school is for the samenwerkingsverband and the boards."""
    return viewer.role in TENANT_WIDE_ROLES or viewer.role in BOARD_WIDE_ROLES
