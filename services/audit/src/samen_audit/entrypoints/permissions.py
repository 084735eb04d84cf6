"""Which staff role may do what with the audit log (ARCHITECTURE.md: who may do what)."""

from samen_kit.access import PermissionTable, Role

READ = "audit.read"
SIGN = "audit.sign"
EXPORT = "audit.export"
CHECK_RECEIPT = "audit.receipt"
RETENTION_READ = "retention.read"
HOLD = "retention.hold"

PERMISSIONS = PermissionTable(
    {
        READ: {Role.INSPECTIE, Role.SWV_ADMIN, Role.OPERATOR},
        SIGN: {Role.INSPECTIE, Role.SWV_ADMIN, Role.OPERATOR},
        EXPORT: {Role.INSPECTIE, Role.SWV_ADMIN},
        # Any staff member may show a parent that their consent answer is on record.
        CHECK_RECEIPT: set(Role),
        # The retention policy is shown to every staff member and the inspectie.
        RETENTION_READ: set(Role),
        HOLD: {Role.INSPECTIE, Role.SWV_ADMIN},
    }
)
