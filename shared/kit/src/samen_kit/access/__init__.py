"""The shared access kit: staff and guardian tokens, guardian sessions, permissions.

`used_tokens_sql` (the PostgreSQL store) is not imported here: importing it adds its
table to `SQLModel.metadata`, which only services that verify guardian tokens want.
"""

from samen_kit.access.dependencies import (
    Access,
    GuardianAccess,
    GuardianDep,
    GuardianSessionDep,
    GuardianTokenDep,
    StaffDep,
    install_access,
)
from samen_kit.access.guardian import (
    GUARDIAN_ISSUER,
    GuardianClaims,
    GuardianGrant,
    GuardianItem,
    GuardianTokenVerifier,
    mint_guardian_token,
)
from samen_kit.access.jwks import FileJwks, HttpJwks, JwksSource, StaticJwks
from samen_kit.access.permissions import PermissionTable
from samen_kit.access.refusals import (
    AccessRefusedError,
    ActionRefused,
    CredentialsRefused,
    ProvenClaims,
    Refusal,
    RefusalReason,
    RefusalRecorder,
    ignore_refusal,
)
from samen_kit.access.roles import TENANT_WIDE_ROLES, Audience, Role
from samen_kit.access.sessions import GuardianSession, GuardianSessionCodec, start_session
from samen_kit.access.staff import StaffPrincipal, StaffTokenVerifier, mint_staff_token
from samen_kit.access.used_tokens import (
    AbstractUsedTokenStore,
    InMemoryUsedTokenStore,
    UsedTokenStoreProvider,
    always,
)

__all__ = [
    "GUARDIAN_ISSUER",
    "TENANT_WIDE_ROLES",
    "AbstractUsedTokenStore",
    "Access",
    "AccessRefusedError",
    "ActionRefused",
    "Audience",
    "CredentialsRefused",
    "FileJwks",
    "GuardianAccess",
    "GuardianClaims",
    "GuardianDep",
    "GuardianGrant",
    "GuardianItem",
    "GuardianSession",
    "GuardianSessionCodec",
    "GuardianSessionDep",
    "GuardianTokenDep",
    "GuardianTokenVerifier",
    "HttpJwks",
    "InMemoryUsedTokenStore",
    "JwksSource",
    "PermissionTable",
    "ProvenClaims",
    "Refusal",
    "RefusalReason",
    "RefusalRecorder",
    "Role",
    "StaffDep",
    "StaffPrincipal",
    "StaffTokenVerifier",
    "StaticJwks",
    "UsedTokenStoreProvider",
    "always",
    "ignore_refusal",
    "install_access",
    "mint_guardian_token",
    "mint_staff_token",
    "start_session",
]
