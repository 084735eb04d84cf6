"""Which staff roles reach which route.

The school drafts and submits (ib, director); the samenwerkingsverband's staff handle
requests and objections; experts advise; the committee decides. Registrations and
absences are the school's duty of care; the samenwerkingsverband and the inspectie read
the overview.
"""

from typing import Annotated

from fastapi import Depends
from samen_kit.access import PermissionTable, Role, StaffPrincipal

_SCHOOL = {Role.IB, Role.DIRECTOR}
_SWV = {Role.SWV_STAFF, Role.SWV_ADMIN}
_DECIDES = {Role.COMMITTEE}
_READS = _SCHOOL | _SWV | _DECIDES | {Role.EXPERT, Role.TRAJECTBEGELEIDER, Role.BOARD_ADMIN}

PERMISSIONS = PermissionTable(
    {
        "requests.read": _READS,
        "requests.draft": _SCHOOL,
        "requests.submit": _SCHOOL,
        "requests.advise": {Role.EXPERT},
        "requests.decide": _DECIDES,
        "objections.record": _SWV,
        "objections.decide": _DECIDES,
        "care.read": _SCHOOL | _SWV | {Role.BOARD_ADMIN, Role.TRAJECTBEGELEIDER},
        "care.write": _SCHOOL | _SWV,
        "report.read": {Role.INSPECTIE, Role.SWV_ADMIN, Role.SWV_STAFF},
    }
)


Reader = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("requests.read"))]
Drafter = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("requests.draft"))]
Submitter = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("requests.submit"))]
Expert = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("requests.advise"))]
Committee = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("requests.decide"))]
ObjectionClerk = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("objections.record"))]
ObjectionDecider = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("objections.decide"))]
CareReader = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("care.read"))]
CareWriter = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("care.write"))]
ReportReader = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("report.read"))]
