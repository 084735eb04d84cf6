"""Which staff roles reach which route. Which *moves* a role may make is the tenant's
rules table (domain data), so every role that can take part in the procedure reaches
the move route and the table decides (403 with the moves it may make)."""

from typing import Annotated

from fastapi import Depends
from samen_kit.access import PermissionTable, Role, StaffPrincipal

_SCHOOL = {Role.IB, Role.DIRECTOR, Role.BOARD_ADMIN, Role.SWV_ADMIN}
_PARTICIPANTS = _SCHOOL | {Role.TRAJECTBEGELEIDER}

PERMISSIONS = PermissionTable(
    {
        "disputes.read": _PARTICIPANTS,
        "disputes.open": _SCHOOL,
        "disputes.move": _PARTICIPANTS,
        "disputes.note": _PARTICIPANTS,
        "disputes.settings.read": {Role.BOARD_ADMIN, Role.SWV_ADMIN},
        "disputes.settings.change": {Role.SWV_ADMIN},
        # A school's kind is its board's fact; the samenwerkingsverband may set it too.
        "disputes.school_kind.read": _SCHOOL,
        "disputes.school_kind.change": {Role.BOARD_ADMIN, Role.SWV_ADMIN},
    }
)


Reader = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("disputes.read"))]
Opener = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("disputes.open"))]
Mover = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("disputes.move"))]
NoteTaker = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("disputes.note"))]
SettingsReader = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("disputes.settings.read"))]
SettingsChanger = Annotated[
    StaffPrincipal, Depends(PERMISSIONS.require("disputes.settings.change"))
]
SchoolKindReader = Annotated[
    StaffPrincipal, Depends(PERMISSIONS.require("disputes.school_kind.read"))
]
SchoolKindChanger = Annotated[
    StaffPrincipal, Depends(PERMISSIONS.require("disputes.school_kind.change"))
]
