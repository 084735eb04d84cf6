"""Keycloak for tests: a session fixture and real sign-ins through the direct-grant client.

    async def test_sign_in(keycloak: KeycloakServer) -> None:
        token = await staff_token("ib.brede-school-de-linde", url=keycloak.url)

The fixture reuses the team's local Keycloak (port 18080 + `SAMEN_PORT_OFFSET`, state in
deploy/local/.state/keycloak), started with the launcher when it does not run, and left
running afterwards as `ensure_kafka` leaves the broker: the next run starts in no time.
`SAMEN_KEYCLOAK_URL` points at one running elsewhere; then nothing is started.
"""

from __future__ import annotations

import httpx
import pytest

from samen_kit.localinfra.infra import InfraConfig, run_blocking
from samen_kit.localinfra.keycloak import KeycloakServer
from samen_kit.localinfra.realm import DEV_PASSWORD, DIRECT_GRANT_CLIENT, REALM

#: A first start on a fresh machine fetches (Maven), builds and creates the database.
FIRST_START_WITHIN = 600.0


class SignInRefused(Exception):
    """Keycloak said no (wrong password, unknown or disabled user): its `error` code."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(f"HTTP {status}: {error}")
        self.status = status
        self.error = error


def ensure_keycloak(within: float = FIRST_START_WITHIN) -> KeycloakServer:
    """The local Keycloak, started if need be (blocking), ready to sign staff in."""
    server = InfraConfig(identity=True).keycloak()

    async def up() -> None:
        await server.start()
        await server.wait_ready(within)

    run_blocking(up())
    return server


@pytest.fixture(scope="session")
def keycloak() -> KeycloakServer:
    """Keycloak with the realm `samen` and the demo region's staff (`demo_accounts`)."""
    return ensure_keycloak()


def token_url(base_url: str) -> str:
    return f"{base_url.rstrip('/')}/realms/{REALM}/protocol/openid-connect/token"


async def staff_token(
    username: str, password: str = DEV_PASSWORD, *, url: str | None = None
) -> str:
    """An access token for `username`, signed in with a password (the direct-grant client).

    `url`: Keycloak's base URL; default the local one (`SAMEN_KEYCLOAK_URL` or port 18080).
    Raises `SignInRefused` when Keycloak refuses.
    """
    base_url = url or InfraConfig(identity=True).keycloak().url
    form = {
        "grant_type": "password",
        "client_id": DIRECT_GRANT_CLIENT,
        "username": username,
        "password": password,
        "scope": "openid",
    }
    async with httpx.AsyncClient(timeout=30.0) as client:
        response = await client.post(token_url(base_url), data=form)
    if response.status_code != 200:
        error = response.json().get("error", "") if response.content else ""
        raise SignInRefused(response.status_code, str(error))
    return str(response.json()["access_token"])
