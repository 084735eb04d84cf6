"""Audiences kept apart on real routes: each refusal is a problem and is recorded."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

import pytest
from fastapi.testclient import TestClient
from samen_kit.access import Audience, RefusalReason, Role
from samen_kit.access.testing import RecordedRefusals

pytestmark = pytest.mark.unit

Minter = Callable[..., str]


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_staff_token_opens_a_staff_route(client: TestClient, staff_token: Minter) -> None:
    response = client.get("/staff/me", headers=bearer(staff_token()))

    assert response.status_code == 200
    assert response.json() == {"subject": "staff-1", "role": "ib", "tenant": "swv-2801"}


def test_a_guardian_token_is_refused_on_a_staff_route(
    client: TestClient, guardian_token: Minter, refusals: RecordedRefusals
) -> None:
    response = client.get("/staff/me", headers=bearer(guardian_token()))

    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["type"] == "urn:samen:problem:credentials-refused"
    assert [(r.audience, r.path) for r in refusals] == [(Audience.STAFF, "/staff/me")]


def test_a_staff_token_is_refused_on_a_guardian_page(
    client: TestClient, staff_token: Minter, refusals: RecordedRefusals
) -> None:
    response = client.get("/ouders/toestemming", params={"token": staff_token()})

    assert response.status_code == 401
    assert response.json()["reason"] == "forged"  # signed by a key guardian routes do not know
    assert refusals[0].audience is Audience.GUARDIAN


def test_a_staff_token_cannot_start_a_guardian_session(
    client: TestClient, staff_token: Minter
) -> None:
    response = client.post(
        "/ouders/toestemming/antwoord", data={"token": staff_token()}, follow_redirects=False
    )

    assert response.status_code == 401
    assert "set-cookie" not in response.headers


def test_a_request_without_a_token_is_refused_with_a_bearer_challenge(
    client: TestClient, refusals: RecordedRefusals
) -> None:
    response = client.get("/staff/me")

    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["reason"] == "missing"
    assert refusals[0].reason is RefusalReason.MISSING


def test_an_invalid_token_gets_an_invalid_token_challenge(client: TestClient) -> None:
    response = client.get("/staff/me", headers=bearer("not-a-token"))

    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'


def test_a_role_without_the_permission_is_forbidden_and_recorded(
    client: TestClient, staff_token: Minter, refusals: RecordedRefusals
) -> None:
    teacher = bearer(staff_token(role=Role.TEACHER))

    response = client.post("/staff/consent-requests", headers=teacher)

    assert response.status_code == 403
    assert response.json()["reason"] == "not_permitted"
    assert refusals[0].reason is RefusalReason.NOT_PERMITTED
    assert (refusals[0].proven.tenant, refusals[0].proven.subject) == ("swv-2801", "staff-1")


def test_a_role_with_the_permission_passes(client: TestClient, staff_token: Minter) -> None:
    response = client.post("/staff/consent-requests", headers=bearer(staff_token()))

    assert response.status_code == 200
    assert response.json() == {"actor": "ib:staff-1"}


def test_a_guardian_page_opens_with_a_valid_link_token(
    client: TestClient, guardian_token: Minter, request_id: UUID
) -> None:
    response = client.get("/ouders/toestemming", params={"token": guardian_token()})

    assert response.status_code == 200
    assert response.json()["item"] == f"consent_request:{request_id}"
