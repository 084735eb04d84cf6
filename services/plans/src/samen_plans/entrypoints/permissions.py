"""Which staff role may do what in the plans service: the OPP rules meetings used
(school staff write, IB and director register and offer), readers as meetings has them."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from samen_kit.access import PermissionTable, Role, StaffPrincipal

SCHOOL = {Role.IB, Role.TEACHER, Role.DIRECTOR}
READERS = SCHOOL | {Role.TRAJECTBEGELEIDER, Role.BOARD_ADMIN, Role.SWV_ADMIN}

PERMISSIONS = PermissionTable(
    {
        "opps.read": READERS,
        # Starting an OPP, writing and offering its versions, recording evaluations.
        "opps.register": {Role.IB, Role.DIRECTOR},
        "groeidocument.read": SCHOOL | {Role.TRAJECTBEGELEIDER},
        "groeidocument.write": SCHOOL | {Role.TRAJECTBEGELEIDER},
        "reports.read": {Role.DIRECTOR, Role.BOARD_ADMIN, Role.SWV_ADMIN, Role.INSPECTIE},
    }
)

Reader = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("opps.read"))]
Registrar = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("opps.register"))]
FileReader = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("groeidocument.read"))]
FileWriter = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("groeidocument.write"))]
ReportReader = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("reports.read"))]
