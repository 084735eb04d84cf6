"""Keycloak for tests: a session fixture and real sign-ins through the direct-grant client.

    async def test_sign_in(keycloak: KeycloakServer) -> None:
        token = await staff_token("ib.brede-school-de-linde", url=keycloak.url)

The fixture reuses the team's local Keycloak (port 18080 + `SAMEN_PORT_OFFSET`, state in
deploy/local/.state/keycloak), started with the launcher when it does not run, and left
running afterwards as `ensure_kafka` leaves the broker: the next run starts in no time.
`SAMEN_KEYCLOAK_URL` points at one running elsewhere; then nothing is started.
"""

from __future__ import annotations

import pytest

from samen_kit.localinfra.infra import InfraConfig, run_blocking
from samen_kit.localinfra.keycloak import KeycloakServer, SignInRefused, sign_in
from samen_kit.localinfra.realm import DEV_PASSWORD
from samen_kit.localinfra.server import up

__all__ = ["SignInRefused", "ensure_keycloak", "keycloak", "staff_token"]

#: A first start on a fresh machine fetches (Maven), builds and creates the database.
FIRST_START_WITHIN = 600.0


def ensure_keycloak(within: float = FIRST_START_WITHIN) -> KeycloakServer:
    """The local Keycloak, started if need be (blocking), ready to sign staff in."""
    server = InfraConfig(identity=True).keycloak()
    run_blocking(up(server, within))
    return server


@pytest.fixture(scope="session")
def keycloak() -> KeycloakServer:
    """Keycloak with the realm `samen` and the demo region's staff (`demo_accounts`)."""
    return ensure_keycloak()


async def staff_token(
    username: str, password: str = DEV_PASSWORD, *, url: str | None = None
) -> str:
    """An access token for `username`, signed in with a password (the direct-grant client).

    `url`: Keycloak's base URL; default the local one (`SAMEN_KEYCLOAK_URL` or port 18080).
    Raises `SignInRefused` when Keycloak refuses.
    """
    return await sign_in(url or InfraConfig(identity=True).keycloak().url, username, password)
