"""The session exchange: a link is opened freely, and starts exactly one session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from uuid import UUID

import pytest
from fastapi.testclient import TestClient
from samen_kit.access import (
    GuardianClaims,
    GuardianItem,
    GuardianSessionCodec,
    InMemoryUsedTokenStore,
    RefusalReason,
)
from samen_kit.access.testing import RecordedRefusals
from samen_kit.clock import FakeClock

pytestmark = pytest.mark.unit

Minter = Callable[..., str]
Browser = Callable[[], TestClient]
ANSWER = "/ouders/toestemming/antwoord"


def act(client: TestClient, token: str | None = None) -> int:
    """The parent presses a button on the page; the form carries the link's token."""
    data = {"token": token, "answer": "yes"} if token else {"answer": "yes"}
    return int(client.post(ANSWER, data=data, follow_redirects=False).status_code)


def test_opening_the_link_never_uses_it_up(
    client: TestClient, guardian_token: Minter, used_tokens: InMemoryUsedTokenStore
) -> None:
    token = guardian_token()

    for _ in range(3):  # mail scanners and the parent alike
        assert client.get("/ouders/toestemming", params={"token": token}).status_code == 200

    assert used_tokens.used == {}
    assert act(client, token) == 303


def test_the_first_action_exchanges_the_token_for_a_session_cookie(
    client: TestClient, guardian_token: Minter, used_tokens: InMemoryUsedTokenStore
) -> None:
    response = client.post(ANSWER, data={"token": guardian_token()}, follow_redirects=False)

    cookie = response.headers["set-cookie"]
    assert response.status_code == 303  # set on a returned RedirectResponse, too
    assert cookie.startswith("samen_guardian_session=")
    assert all(part in cookie for part in ("HttpOnly", "Secure", "SameSite=lax", "Max-Age=3600"))
    assert len(used_tokens.used) == 1


def test_a_used_token_cannot_start_a_second_session(
    make_client: Browser, guardian_token: Minter, refusals: RecordedRefusals
) -> None:
    token = guardian_token()
    assert act(make_client(), token) == 303

    response = make_client().post(ANSWER, data={"token": token}, follow_redirects=False)

    assert response.status_code == 403
    assert response.json()["reason"] == "reused"
    assert "set-cookie" not in response.headers
    assert refusals[-1].reason is RefusalReason.REUSED
    assert refusals[-1].proven.tenant == "swv-2801"


def test_the_session_carries_further_actions_with_or_without_the_token(
    client: TestClient, guardian_token: Minter
) -> None:
    token = guardian_token()
    assert act(client, token) == 303

    assert act(client, token) == 303
    assert act(client) == 303


def test_the_session_ends_after_an_hour(
    client: TestClient, guardian_token: Minter, clock: FakeClock
) -> None:
    token = guardian_token()
    assert act(client, token) == 303
    clock.advance(timedelta(minutes=59))
    assert act(client) == 303

    clock.advance(timedelta(minutes=2))
    response = client.post(ANSWER, data={"answer": "yes"}, follow_redirects=False)

    assert response.status_code == 401
    assert response.json()["reason"] == "expired"
    assert act(client, token) == 403  # and the used link cannot start another one


def test_a_session_cookie_signed_with_another_secret_is_refused(
    client: TestClient, guardian_id: UUID, pupil_id: UUID, clock: FakeClock
) -> None:
    forger = GuardianSessionCodec("someone else's secret, long enough to pass", clock=clock)
    claims = GuardianClaims(
        guardian_id, pupil_id, GuardianItem("pupil", str(pupil_id)), "swv-2801", "j", clock.now()
    )
    client.cookies.set("samen_guardian_session", forger.encode(forger.start(claims)))

    response = client.post(ANSWER, data={"answer": "yes"}, follow_redirects=False)

    assert response.status_code == 401
    assert response.json()["reason"] == "forged"


def test_an_action_without_session_or_token_is_refused(client: TestClient) -> None:
    assert act(client) == 401


def test_a_second_link_starts_its_own_session_beside_a_running_one(
    client: TestClient, guardian_token: Minter, pupil_id: UUID
) -> None:
    assert act(client, guardian_token()) == 303
    dispute_link = guardian_token(item=GuardianItem.of("pupil", pupil_id))

    response = client.post(ANSWER, data={"token": dispute_link}, follow_redirects=False)

    assert response.status_code == 303
    assert "set-cookie" in response.headers


def test_a_page_reads_with_the_session_once_it_runs(
    client: TestClient, guardian_token: Minter, guardian_id: UUID
) -> None:
    token = guardian_token()
    by_link = client.get("/ouders/toestemming/inzien", params={"token": token}).json()
    act(client, token)

    by_session = client.get("/ouders/toestemming/inzien").json()

    assert by_link == {"guardian": str(guardian_id), "kind": "GuardianGrant"}
    assert by_session == {"guardian": str(guardian_id), "kind": "GuardianSession"}


def test_a_page_without_session_or_token_is_refused(client: TestClient) -> None:
    assert client.get("/ouders/toestemming/inzien").status_code == 401
