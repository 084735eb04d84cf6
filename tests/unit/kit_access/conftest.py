"""Keys, clock and a tiny FastAPI app for the access kit's specifications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any
from uuid import UUID

import pytest
from fastapi import Depends, FastAPI
from fastapi.responses import RedirectResponse
from fastapi.testclient import TestClient
from joserfc.jwk import OKPKey
from samen_kit.access import (
    Access,
    AccessRefusedError,
    GuardianAccess,
    GuardianDep,
    GuardianItem,
    GuardianSessionCodec,
    GuardianSessionDep,
    GuardianTokenDep,
    GuardianTokenVerifier,
    InMemoryUsedTokenStore,
    PermissionTable,
    Role,
    StaffDep,
    StaffPrincipal,
    StaffTokenVerifier,
    StaticJwks,
    always,
    install_access,
    mint_guardian_token,
    mint_staff_token,
)
from samen_kit.access.devkeys import public_jwks
from samen_kit.access.testing import RecordedRefusals, new_signing_key
from samen_kit.clock import FakeClock
from samen_kit.problems import install_problem_handlers

STAFF_ISSUER = "urn:samen:test-idp"
TENANT = "swv-2801"
SECRET = "a-test-session-secret-of-enough-length"
GUARDIAN_ID = UUID("6d1f3c1e-0000-4000-8000-000000000001")
PUPIL_ID = UUID("6d1f3c1e-0000-4000-8000-000000000002")
REQUEST_ID = UUID("6d1f3c1e-0000-4000-8000-000000000003")

PERMISSIONS = PermissionTable(
    {"consent.request": {Role.IB, Role.DIRECTOR}, "audit.read": {Role.INSPECTIE}}
)
CanRequestConsent = Annotated[StaffPrincipal, Depends(PERMISSIONS.require("consent.request"))]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def staff_key() -> OKPKey:
    return new_signing_key()


@pytest.fixture(scope="session")
def guardian_key() -> OKPKey:
    return new_signing_key()


@pytest.fixture
def staff_verifier(staff_key: OKPKey, clock: FakeClock) -> StaffTokenVerifier:
    return StaffTokenVerifier(StaticJwks(public_jwks(staff_key)), issuer=STAFF_ISSUER, clock=clock)


@pytest.fixture
def guardian_verifier(guardian_key: OKPKey, clock: FakeClock) -> GuardianTokenVerifier:
    return GuardianTokenVerifier(StaticJwks(public_jwks(guardian_key)), clock=clock)


async def refusal_of(
    verifier: StaffTokenVerifier | GuardianTokenVerifier, token: str
) -> AccessRefusedError:
    """The refusal `verifier` answers `token` with (the test fails if it lets it in)."""
    with pytest.raises(AccessRefusedError) as refused:
        await verifier.verify(token)
    return refused.value


StaffMinter = Callable[..., str]
GuardianMinter = Callable[..., str]


@pytest.fixture
def staff_token(staff_key: OKPKey, clock: FakeClock) -> StaffMinter:
    def mint(**overrides: Any) -> str:
        arguments: dict[str, Any] = {
            "subject": "staff-1",
            "role": Role.IB,
            "tenant": TENANT,
            "issuer": STAFF_ISSUER,
            "now": clock.now(),
            "schools": ["school-a"],
        }
        arguments.update(overrides)
        key = arguments.pop("key", staff_key)
        return mint_staff_token(key, **arguments)

    return mint


@pytest.fixture
def guardian_token(guardian_key: OKPKey, clock: FakeClock) -> GuardianMinter:
    def mint(**overrides: Any) -> str:
        arguments: dict[str, Any] = {
            "guardian_id": GUARDIAN_ID,
            "pupil_id": PUPIL_ID,
            "item": GuardianItem.of("consent_request", REQUEST_ID),
            "tenant": TENANT,
            "now": clock.now(),
        }
        arguments.update(overrides)
        key = arguments.pop("key", guardian_key)
        return mint_guardian_token(key, **arguments)

    return mint


@pytest.fixture
def guardian_id() -> UUID:
    return GUARDIAN_ID


@pytest.fixture
def pupil_id() -> UUID:
    return PUPIL_ID


@pytest.fixture
def request_id() -> UUID:
    return REQUEST_ID


@pytest.fixture
def refusals() -> RecordedRefusals:
    return RecordedRefusals()


@pytest.fixture
def used_tokens() -> InMemoryUsedTokenStore:
    return InMemoryUsedTokenStore()


def build_app(access: Access) -> FastAPI:
    """Routes shaped like a service's: a staff API and a parent's page with its action."""
    app = FastAPI()
    install_problem_handlers(app)
    install_access(app, access)

    @app.get("/staff/me")
    async def me(staff: StaffDep) -> dict[str, str]:
        return {"subject": staff.subject, "role": staff.role.value, "tenant": staff.tenant}

    @app.post("/staff/consent-requests")
    async def request_consent(staff: CanRequestConsent) -> dict[str, str]:
        return {"actor": staff.actor}

    @app.get("/ouders/toestemming")
    async def consent_page(grant: GuardianTokenDep) -> dict[str, str]:
        return {"item": grant.item.claim, "jti": grant.jti}

    @app.post("/ouders/toestemming/antwoord")
    async def answer(session: GuardianSessionDep) -> RedirectResponse:
        return RedirectResponse(f"/ouders/toestemming/klaar?jti={session.jti}", status_code=303)

    @app.get("/ouders/toestemming/inzien")
    async def view(guardian: GuardianDep) -> dict[str, str]:
        return {"guardian": str(guardian.guardian_id), "kind": type(guardian).__name__}

    return app


@pytest.fixture
def access(
    staff_verifier: StaffTokenVerifier,
    guardian_verifier: GuardianTokenVerifier,
    used_tokens: InMemoryUsedTokenStore,
    refusals: RecordedRefusals,
    clock: FakeClock,
) -> Access:
    sessions = GuardianSessionCodec(SECRET, clock=clock, ttl=timedelta(hours=1))
    guardian = GuardianAccess(guardian_verifier, sessions, always(used_tokens))
    return Access(staff_verifier, guardian, record_refusal=refusals, clock=clock)


@pytest.fixture
def make_client(access: Access) -> Callable[[], TestClient]:
    """A fresh browser each call: its own cookie jar, same app and stores."""
    app = build_app(access)

    def make() -> TestClient:
        return TestClient(app, base_url="https://testserver", raise_server_exceptions=False)

    return make


@pytest.fixture
def client(make_client: Callable[[], TestClient]) -> TestClient:
    return make_client()
