"""Which staff role may do what in the consent service (ARCHITECTURE.md, "Who may do what").

Scope comes on top: a role acts only within the tenant, boards and schools its token
covers (`samen_kit.tenancy`). The inspectie reads the audit service's exports, not this.
"""

from __future__ import annotations

from typing import Annotated, Final

from fastapi import Depends
from samen_kit.access import PermissionTable, Role, StaffPrincipal

_SCHOOL_STAFF: Final = {Role.IB, Role.TEACHER, Role.DIRECTOR}
_ADMINS: Final = {Role.BOARD_ADMIN, Role.SWV_ADMIN, Role.OPERATOR}

PERMISSIONS: Final = PermissionTable(
    {
        # The school's administration, or an administrator for it, uploads the roster.
        "roster.import": {Role.IB, Role.DIRECTOR, *_ADMINS},
        "roster.read": {*_SCHOOL_STAFF, *_ADMINS},
        "purposes.read": set(Role) - {Role.INSPECTIE},
        # The catalogue belongs to the samenwerkingsverband.
        "purposes.manage": {Role.SWV_ADMIN, Role.OPERATOR},
        # Asking and stopping a request is the IB's and the director's work.
        "requests.create": {Role.IB, Role.DIRECTOR},
        "requests.cancel": {Role.IB, Role.DIRECTOR},
        "requests.read": {*_SCHOOL_STAFF, *_ADMINS},
        # The IB talks with the pupil and records the pupil's answer as witness.
        "pupil_answers.record": {Role.IB},
        # "May we?": also the trajectbegeleider, who may act only with consent.
        "status.read": {*_SCHOOL_STAFF, Role.TRAJECTBEGELEIDER, *_ADMINS},
        "evidence.read": {Role.IB, Role.DIRECTOR, *_ADMINS},
        "support_needs.read": {Role.IB, Role.DIRECTOR},
    }
)

require = PERMISSIONS.require

CanImportRoster = Annotated[StaffPrincipal, Depends(require("roster.import"))]
CanReadRoster = Annotated[StaffPrincipal, Depends(require("roster.read"))]
CanReadPurposes = Annotated[StaffPrincipal, Depends(require("purposes.read"))]
CanManagePurposes = Annotated[StaffPrincipal, Depends(require("purposes.manage"))]
CanRequest = Annotated[StaffPrincipal, Depends(require("requests.create"))]
CanCancel = Annotated[StaffPrincipal, Depends(require("requests.cancel"))]
CanReadRequests = Annotated[StaffPrincipal, Depends(require("requests.read"))]
CanRecordPupilAnswer = Annotated[StaffPrincipal, Depends(require("pupil_answers.record"))]
CanReadStatus = Annotated[StaffPrincipal, Depends(require("status.read"))]
CanReadEvidence = Annotated[StaffPrincipal, Depends(require("evidence.read"))]
CanReadSupportNeeds = Annotated[StaffPrincipal, Depends(require("support_needs.read"))]
