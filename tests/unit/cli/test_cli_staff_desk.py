"""Staff calls from the journey: tokens for the caller's badge, problems made readable,
and idempotent imports tried again after a transient failure."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx
import pytest
from samen_cli.demo import language_fallbacks
from samen_cli.demo_region import StaffRole, region, staff_member
from samen_cli.journey.polling import JourneyError
from samen_cli.journey.site import Site
from samen_cli.journey.staff import Badge, StaffDesk

pytestmark = pytest.mark.unit


def site_at(tmp_path: Path) -> Site:
    urls = {"consent": "http://consent.test"}
    return Site(urls, tmp_path, tmp_path / "mail", tmp_path / "sms.jsonl", tmp_path / "keys", "k:1")


def answering(*statuses: int) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        status = statuses[min(len(seen), len(statuses)) - 1]
        problem = {"title": "Conflict", "detail": "al beantwoord"} if status >= 400 else {}
        return httpx.Response(status, json=problem)

    return httpx.MockTransport(answer), seen


@pytest.fixture
def ib() -> Badge:
    return Badge.of(
        staff_member(region(tenant="swv-t"), StaffRole.IB, region(tenant="swv-t").schools[0])
    )


async def test_a_call_carries_a_bearer_token_for_the_badge(tmp_path: Path, ib: Badge) -> None:
    transport, seen = answering(200)
    async with StaffDesk(site_at(tmp_path), region(tenant="swv-t"), transport) as desk:
        await desk.call("consent", ib, "GET", "/v1/purposes")
    assert seen[0].headers["Authorization"].startswith("Bearer ey")


async def test_a_refused_call_names_the_route_status_and_problem(tmp_path: Path, ib: Badge) -> None:
    transport, _ = answering(409)
    async with StaffDesk(site_at(tmp_path), region(tenant="swv-t"), transport) as desk:
        with pytest.raises(
            JourneyError, match=r"POST consent/v1/requests: 409 Conflict — al beantwoord"
        ):
            await desk.call("consent", ib, "POST", "/v1/requests", json={})


async def test_an_idempotent_import_is_sent_again_after_a_server_error(
    tmp_path: Path, ib: Badge
) -> None:
    transport, seen = answering(500, 200)
    async with StaffDesk(site_at(tmp_path), region(tenant="swv-t"), transport) as desk:
        await desk.call("consent", ib, "POST", "/v1/roster", json={}, retries=3)
    assert len(seen) == 2


async def test_a_call_without_retries_fails_on_the_first_server_error(
    tmp_path: Path, ib: Badge
) -> None:
    transport, seen = answering(500, 200)
    async with StaffDesk(site_at(tmp_path), region(tenant="swv-t"), transport) as desk:
        with pytest.raises(JourneyError):
            await desk.call("consent", ib, "POST", "/v1/requests", json={})
    assert len(seen) == 1


async def test_the_demo_reads_the_language_fallback_counter_as_the_swv_admin(
    tmp_path: Path,
) -> None:
    seen: list[httpx.Request] = []
    counters = {"language_fallback": {"consent_given:ar>nl": 2, "broadcast:pl>nl": 1}}

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"counters": counters, "messages": {}})

    of = region(tenant="swv-t")
    site = Site({"notifications": "http://notifications.test"}, tmp_path, tmp_path / "mail",
                tmp_path / "sms.jsonl", tmp_path / "keys", "k:1")  # fmt: skip
    async with StaffDesk(site, of, transport=httpx.MockTransport(answer)) as desk:
        found = await language_fallbacks(desk, of)
    assert found == {"consent_given:ar>nl": 2, "broadcast:pl>nl": 1}
    (request,) = seen
    assert request.url.path == "/v1/stats"
    payload = request.headers["Authorization"].removeprefix("Bearer ").split(".")[1]
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    assert claims["role"] == "swv_admin"
