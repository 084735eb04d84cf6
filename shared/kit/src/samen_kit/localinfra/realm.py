"""The Keycloak realm `samen`, generated from data: staff accounts in, realm JSON out.

Pure: no I/O. `samen_kit.localinfra.keycloak` writes the document into the state dir's
`data/import` for `--import-realm`. What the realm guarantees the services:

- access tokens signed with EdDSA over Ed25519 (the only algorithm `access.tokens` accepts;
  no RSA key is generated, so no other signing key is ever published in the JWKS);
- `aud` = "staff" and the staff claims `role`, `tenant`, `boards`, `schools`, `groups`
  taken from user attributes that only an administrator may see or change;
- access tokens far shorter than `STAFF_TOKEN_MAX_LIFETIME`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from samen_kit.access.roles import Audience, Role

REALM = "samen"
PORTAL_CLIENT = "samen-portal"
#: Direct access grants (username and password in one request): tests and the CLI only.
DIRECT_GRANT_CLIENT = "samen-direct"
#: Development values, documented in docs/identity.md; production brokers to the schools'
#: own identity providers and keeps no local passwords.
DEV_PASSWORD = "samen-demo"
DEV_PORTAL_SECRET = "samen-portal-dev-secret"
# Well within STAFF_TOKEN_MAX_LIFETIME (12 h): the portal refreshes, a leaked token expires.
ACCESS_TOKEN_LIFESPAN = timedelta(minutes=15)
#: The portal on its default port (8108 + offset) and any loopback port (tests, offsets).
DEV_REDIRECT_URIS = ("http://127.0.0.1:*", "http://localhost:*")

#: Single-valued claims, then list claims; each is a user attribute of the same name.
SINGLE_CLAIMS = ("role", "tenant")
LIST_CLAIMS = ("boards", "schools", "groups")


@dataclass(frozen=True)
class StaffAccount:
    """One staff member's sign-in. `user_id` becomes the token's `sub` (pseudonymous)."""

    username: str
    user_id: str
    role: Role
    tenant: str
    boards: tuple[str, ...] = ()
    schools: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    email: str = ""
    password: str = DEV_PASSWORD

    def attributes(self) -> dict[str, list[str]]:
        values = {
            "role": [self.role.value],
            "tenant": [self.tenant],
            "boards": sorted(self.boards),
            "schools": sorted(self.schools),
            "groups": sorted(self.groups),
        }
        return {name: items for name, items in values.items() if items}


def realm_document(
    accounts: Iterable[StaffAccount],
    *,
    redirect_uris: Sequence[str] = DEV_REDIRECT_URIS,
    portal_secret: str = DEV_PORTAL_SECRET,
) -> dict[str, Any]:
    """The whole realm as Keycloak's import format (RealmRepresentation)."""
    return {
        "realm": REALM,
        "enabled": True,
        "displayName": "Samen",
        "defaultSignatureAlgorithm": "EdDSA",
        "accessTokenLifespan": int(ACCESS_TOKEN_LIFESPAN.total_seconds()),
        "ssoSessionIdleTimeout": int(timedelta(minutes=30).total_seconds()),
        "ssoSessionMaxLifespan": int(timedelta(hours=10).total_seconds()),
        "registrationAllowed": False,
        "resetPasswordAllowed": False,
        "rememberMe": False,
        "bruteForceProtected": True,
        "internationalizationEnabled": True,
        "supportedLocales": ["nl", "en"],
        "defaultLocale": "nl",
        "components": {
            "org.keycloak.keys.KeyProvider": _key_providers(),
            "org.keycloak.userprofile.UserProfileProvider": [
                {
                    "providerId": "declarative-user-profile",
                    "subComponents": {},
                    "config": {"kc.user.profile.config": [json.dumps(_user_profile())]},
                }
            ],
        },
        "clients": [_portal_client(redirect_uris, portal_secret), _direct_grant_client()],
        "users": [_user(account) for account in accounts],
    }


def _key_providers() -> list[dict[str, Any]]:
    """EdDSA for tokens; HMAC and AES for Keycloak's own internal tokens and cookies."""

    def provider(name: str, provider_id: str, **config: str) -> dict[str, Any]:
        return {
            "name": name,
            "providerId": provider_id,
            "subComponents": {},
            "config": {key: [value] for key, value in {"priority": "100", **config}.items()},
        }

    return [
        provider("eddsa-generated", "eddsa-generated", eddsaEllipticCurveKey="Ed25519"),
        provider("hmac-generated-hs512", "hmac-generated", algorithm="HS512"),
        provider("aes-generated", "aes-generated"),
    ]


def _user_profile() -> dict[str, Any]:
    """Declared attributes: the staff claims are visible and editable by admins only, so a
    user can never change their own role, tenant or schools in the account console."""
    own = {"view": ["admin", "user"], "edit": ["admin", "user"]}
    admin_only = {"view": ["admin"], "edit": ["admin"]}
    attributes: list[dict[str, Any]] = [
        {
            "name": "username",
            "displayName": "${username}",
            "validations": {"length": {"min": 3, "max": 255}, "username-prohibited-characters": {}},
            "permissions": own,
            "multivalued": False,
        },
        {
            "name": "email",
            "displayName": "${email}",
            "validations": {"email": {}, "length": {"max": 255}},
            "permissions": own,
            "multivalued": False,
        },
        {"name": "firstName", "displayName": "${firstName}", "permissions": own},
        {"name": "lastName", "displayName": "${lastName}", "permissions": own},
    ]
    for name in (*SINGLE_CLAIMS, *LIST_CLAIMS):
        attributes.append(
            {"name": name, "permissions": admin_only, "multivalued": name in LIST_CLAIMS}
        )
    return {"attributes": attributes, "unmanagedAttributePolicy": "ADMIN_VIEW"}


def staff_mappers() -> list[dict[str, Any]]:
    """`aud` = staff and the staff claims, into the access token (not the ID token)."""
    to_access_token = {
        "access.token.claim": "true",
        "id.token.claim": "false",
        "userinfo.token.claim": "false",
        "introspection.token.claim": "true",
    }
    mappers: list[dict[str, Any]] = [
        {
            "name": "audience-staff",
            "protocol": "openid-connect",
            "protocolMapper": "oidc-audience-mapper",
            "config": {"included.custom.audience": Audience.STAFF.value, **to_access_token},
        }
    ]
    for name in (*SINGLE_CLAIMS, *LIST_CLAIMS):
        mappers.append(
            {
                "name": f"claim-{name}",
                "protocol": "openid-connect",
                "protocolMapper": "oidc-usermodel-attribute-mapper",
                "config": {
                    "user.attribute": name,
                    "claim.name": name,
                    "jsonType.label": "String",
                    "multivalued": str(name in LIST_CLAIMS).lower(),
                    **to_access_token,
                },
            }
        )
    return mappers


# `basic` carries `sub`; `profile` and `email` only when a client asks for them. No `roles`
# scope: Keycloak's own roles and the `account` audience have no place in a staff token.
_DEFAULT_SCOPES = ["basic", "acr"]
_OPTIONAL_SCOPES = ["profile", "email"]


def _portal_client(redirect_uris: Sequence[str], secret: str) -> dict[str, Any]:
    """The staff portal (a backend-for-frontend): confidential, authorization code + PKCE."""
    return {
        "clientId": PORTAL_CLIENT,
        "name": "Samen werkplek",
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": False,
        "clientAuthenticatorType": "client-secret",
        "secret": secret,
        "standardFlowEnabled": True,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": False,
        "serviceAccountsEnabled": False,
        "redirectUris": list(redirect_uris),
        "webOrigins": ["+"],
        "attributes": {
            "pkce.code.challenge.method": "S256",
            "post.logout.redirect.uris": "##".join(redirect_uris),
        },
        "defaultClientScopes": _DEFAULT_SCOPES,
        "optionalClientScopes": _OPTIONAL_SCOPES,
        "protocolMappers": staff_mappers(),
    }


def _direct_grant_client() -> dict[str, Any]:
    """Tests and the CLI: a token for a username and password without a browser."""
    return {
        "clientId": DIRECT_GRANT_CLIENT,
        "name": "Samen tests (development only)",
        "enabled": True,
        "protocol": "openid-connect",
        "publicClient": True,
        "standardFlowEnabled": False,
        "implicitFlowEnabled": False,
        "directAccessGrantsEnabled": True,
        "defaultClientScopes": _DEFAULT_SCOPES,
        "optionalClientScopes": _OPTIONAL_SCOPES,
        "protocolMappers": staff_mappers(),
    }


def _user(account: StaffAccount) -> dict[str, Any]:
    user: dict[str, Any] = {
        "id": account.user_id,
        "username": account.username,
        "enabled": True,
        "emailVerified": True,
        "attributes": account.attributes(),
        "credentials": [{"type": "password", "value": account.password, "temporary": False}],
        "requiredActions": [],
    }
    if account.email:
        user["email"] = account.email
    return user
