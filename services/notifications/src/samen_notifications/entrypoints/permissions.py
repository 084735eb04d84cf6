"""Which staff role may do what in the notifications service (tested)."""

from __future__ import annotations

from samen_kit.access import PermissionTable, Role

PERMISSIONS = PermissionTable(
    {
        # The roster import's share: guardians' contact points and pupils' first names.
        "roster.import": {Role.IB, Role.DIRECTOR, Role.BOARD_ADMIN, Role.SWV_ADMIN, Role.OPERATOR},
        "staff.import": {Role.DIRECTOR, Role.BOARD_ADMIN, Role.SWV_ADMIN, Role.OPERATOR},
        # Colleagues' names (no addresses) for those who plan meetings at a school.
        "staff.names": {Role.IB, Role.TEACHER, Role.DIRECTOR},
        "schools.edit": {Role.DIRECTOR, Role.BOARD_ADMIN, Role.SWV_ADMIN, Role.OPERATOR},
        # A school's name is public: every staff page may name the schools it shows.
        "schools.names": set(Role),
        "broadcast.send": {Role.IB, Role.DIRECTOR, Role.BOARD_ADMIN, Role.SWV_ADMIN},
        # Which messages went to a pupil's guardians and how they ended (never addresses).
        "notifications.read": {
            Role.IB,
            Role.TEACHER,
            Role.DIRECTOR,
            Role.BOARD_ADMIN,
            Role.SWV_ADMIN,
        },
        "preferences_link.send": {Role.IB, Role.TEACHER, Role.DIRECTOR},
        # Tenant-wide counts (language fallbacks, messages by status).
        "stats.read": {Role.SWV_ADMIN, Role.OPERATOR},
    }
)
require = PERMISSIONS.require
