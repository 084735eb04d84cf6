"""Which staff role may do what in the meetings service (tested in code).

School staff plan and record meetings about pupils of their schools; the
trajectbegeleider reads (and takes part) where the token covers the school; the
samenwerkingsverband's admin sets the tenant's rules. The inspectie reads the audit
service's exports, nothing here; the operator runs the platform, not its cases.
"""

from __future__ import annotations

from samen_kit.access import PermissionTable, Role

SCHOOL = {Role.IB, Role.TEACHER, Role.DIRECTOR}
READERS = SCHOOL | {Role.TRAJECTBEGELEIDER, Role.BOARD_ADMIN, Role.SWV_ADMIN}

PERMISSIONS = PermissionTable(
    {
        "meetings.read": READERS,
        "meetings.plan": SCHOOL,
        "meetings.record": SCHOOL,
        # Records hold what parents and school said: those who take part read them.
        "records.read": SCHOOL | {Role.TRAJECTBEGELEIDER},
        "staff.register": {Role.IB, Role.DIRECTOR, Role.SWV_ADMIN},
        # Who can be invited: those who plan meetings choose from it.
        "staff.read": SCHOOL,
        "settings.read": READERS,
        "settings.change": {Role.SWV_ADMIN},
    }
)
require = PERMISSIONS.require
