"""The SMS simulator over real HTTP answers what the gateway's REST API answers.

What the gateway's official clients call besides sending: a message's state
(`GET /messages/{id}`), the message list (`GET /messages`) and the balance
(`GET /balance`), each with the AccessKey and with the field names those clients read.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
import pytest
from fastapi import FastAPI, Request, Response
from samen_kit.localinfra.sms_simulator import SimulatorConfig, create_app
from samen_kit.testing.server import serve
from samen_kit.testing.waiting import wait_for

pytestmark = pytest.mark.integration

ACCESS_KEY = "test_simulator_api_key"
AUTHORIZED = {"Authorization": f"AccessKey {ACCESS_KEY}"}
CREDITS = 50.0

# The attributes the gateway's official Python client fills from each answer (its
# `Message`, `Recipient`, `MessageList` with `Links`, and `Balance`); the client reads
# datetimes with this format.
SDK_MESSAGE_FIELDS = {
    "id", "href", "direction", "type", "originator", "body", "reference", "validity",
    "gateway", "typeDetails", "datacoding", "mclass", "scheduledDatetime",
    "createdDatetime", "recipients",
}  # fmt: skip
SDK_RECIPIENT_FIELDS = {"recipient", "status", "statusDatetime"}
SDK_TOTALS = ("totalCount", "totalSentCount", "totalDeliveredCount", "totalDeliveryFailedCount")
SDK_LIST_FIELDS = {"offset", "limit", "count", "totalCount", "links", "items"}
SDK_LINKS = {"first", "previous", "next", "last"}
SDK_BALANCE_FIELDS = {"amount", "type", "payment"}
SDK_DATETIME = "%Y-%m-%dT%H:%M:%S+00:00"


@dataclass
class Receiver:
    """A report receiver that looks the message up on the gateway as each report arrives."""

    simulator: str = ""
    seen: list[tuple[dict[str, str], dict[str, Any]]] = field(default_factory=list)

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/reports")
        async def receive(request: Request) -> Response:
            params = dict(request.query_params)
            message = await _get(self.simulator, f"/messages/{params['id']}")
            self.seen.append((params, message.json()))
            return Response(status_code=200)

        return app


@pytest.fixture(scope="module")
async def simulator() -> AsyncIterator[str]:
    config = SimulatorConfig(access_key=ACCESS_KEY, report_delay=0.05, credits=CREDITS)
    async with serve(create_app(config)) as base_url:
        yield base_url


@pytest.fixture
async def receiver(simulator: str) -> AsyncIterator[tuple[Receiver, str]]:
    hook = Receiver(simulator)
    async with serve(hook.app()) as base_url:
        yield hook, f"{base_url}/reports"


async def _get(base_url: str, path: str, **params: Any) -> httpx.Response:
    async with httpx.AsyncClient(base_url=base_url, headers=AUTHORIZED) as client:
        return await client.get(path, params=params)


async def _send(base_url: str, *recipients: str, **fields: Any) -> dict[str, Any]:
    payload = {"originator": "Samen", "body": "Samen: graag uw antwoord.", **fields}
    payload["recipients"] = list(recipients)
    async with httpx.AsyncClient(base_url=base_url, headers=AUTHORIZED) as client:
        response = await client.post("/messages", json=payload)
    assert response.status_code == 201, response.text
    message: dict[str, Any] = response.json()
    return message


def _totals(message: dict[str, Any]) -> tuple[int, ...]:
    return tuple(message["recipients"][total] for total in SDK_TOTALS)


def _statuses(message: dict[str, Any]) -> list[str]:
    return [item["status"] for item in message["recipients"]["items"]]


async def _settled(base_url: str, gateway_id: str) -> dict[str, Any]:
    """The message once no recipient is merely "sent" any more."""
    latest: dict[str, Any] = {}

    async def poll() -> None:
        while True:
            latest.update((await _get(base_url, f"/messages/{gateway_id}")).json())
            if "sent" not in _statuses(latest):
                return
            await asyncio.sleep(0.02)

    await asyncio.wait_for(poll(), timeout=10)
    return latest


async def test_an_accepted_message_counts_every_recipient_as_sent(simulator: str) -> None:
    message = await _send(simulator, "31612345678", "31612345999")
    assert _totals(message) == (2, 2, 0, 0)
    assert _statuses(message) == ["sent", "sent"]


async def test_without_a_report_url_the_totals_still_follow_delivery(simulator: str) -> None:
    accepted = await _send(simulator, "31612345678", "31687654321", "31612345999")
    message = await _settled(simulator, accepted["id"])
    assert _statuses(message) == ["delivered", "delivered", "delivery_failed"]
    assert _totals(message) == (3, 3, 2, 1)
    failed = message["recipients"]["items"][2]
    assert failed["statusErrorCode"] == 1
    assert failed["statusDatetime"] >= accepted["createdDatetime"]


async def test_each_report_finds_the_message_showing_it_or_a_later_status(
    simulator: str, receiver: tuple[Receiver, str]
) -> None:
    # The state moves on its own clock, so by the time a receiver looks, it may be ahead
    # of the report in hand, never behind it; the last report and the state agree.
    hook, report_url = receiver
    reference = uuid.uuid4().hex
    accepted = await _send(simulator, "31612345678", reference=reference, reportUrl=report_url)
    await wait_for(lambda: len(hook.seen) == 2, within=10.0, every=0.02)
    assert [params["status"] for params, _ in hook.seen] == ["sent", "delivered"]
    progression = ["sent", "delivered"]
    for params, message in hook.seen:
        (item,) = message["recipients"]["items"]
        assert message["id"] == accepted["id"]
        assert progression.index(item["status"]) >= progression.index(params["status"])
        assert item["statusDatetime"] >= params["statusDatetime"]
    params, message = hook.seen[-1]
    (item,) = message["recipients"]["items"]
    assert (item["status"], item["statusDatetime"]) == ("delivered", params["statusDatetime"])
    assert _totals(message) == (1, 1, 1, 0)


async def test_a_failed_report_and_the_totals_agree(
    simulator: str, receiver: tuple[Receiver, str]
) -> None:
    hook, report_url = receiver
    await _send(simulator, "31612345999", reference=uuid.uuid4().hex, reportUrl=report_url)
    await wait_for(lambda: len(hook.seen) == 2, within=10.0, every=0.02)
    params, message = hook.seen[-1]
    assert (params["status"], params["statusErrorCode"]) == ("delivery_failed", "1")
    assert _totals(message) == (1, 1, 0, 1)


async def test_the_list_pages_most_recent_first_with_the_gateways_links(
    simulator: str,
) -> None:
    sent = [await _send(simulator, "31612345678", reference=f"page-{n}") for n in range(5)]
    total = (await _get(simulator, "/messages")).json()["totalCount"]
    first = (await _get(simulator, "/messages", offset=0, limit=2)).json()
    second = (await _get(simulator, "/messages", offset=2, limit=2)).json()

    assert (first["offset"], first["limit"], first["count"]) == (0, 2, 2)
    assert [item["id"] for item in first["items"] + second["items"]] == [
        message["id"] for message in reversed(sent[1:])
    ]
    assert first["links"]["previous"] is None
    assert first["links"]["next"] == f"{simulator}/messages?offset=2&limit=2"
    assert second["links"]["previous"] == f"{simulator}/messages?offset=0&limit=2"
    last_offset = (total - 1) // 2 * 2
    assert first["links"]["last"] == f"{simulator}/messages?offset={last_offset}&limit=2"

    last = (await _get(simulator, "/messages", offset=last_offset, limit=2)).json()
    assert last["links"]["next"] is None
    assert last["count"] == total - last_offset


async def test_the_list_defaults_to_twenty_and_refuses_a_bad_offset(simulator: str) -> None:
    page = (await _get(simulator, "/messages")).json()
    assert (page["offset"], page["limit"]) == (0, 20)
    refused = await _get(simulator, "/messages", offset=-1)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["parameter"] == "offset"


async def test_the_balance_is_prepaid_credits_spent_per_message_part(simulator: str) -> None:
    before = (await _get(simulator, "/balance")).json()
    assert (before["payment"], before["type"]) == ("prepaid", "credits")
    await _send(simulator, "31612345678", "31687654321", body="x" * 161)  # 2 parts each
    after = (await _get(simulator, "/balance")).json()
    assert before["amount"] - after["amount"] == 4


@pytest.mark.parametrize("path", ["/messages", "/messages/abc", "/balance"])
@pytest.mark.parametrize("authorization", [None, "AccessKey wrong", ACCESS_KEY])
async def test_every_call_needs_the_access_key(
    simulator: str, path: str, authorization: str | None
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    async with httpx.AsyncClient(base_url=simulator, headers=headers) as client:
        response = await client.get(path)
    assert response.status_code == 401
    assert response.json() == {
        "errors": [
            {
                "code": 2,
                "description": "Request not allowed (incorrect access_key)",
                "parameter": "access_key",
            }
        ]
    }


async def test_an_unknown_message_is_not_found(simulator: str) -> None:
    response = await _get(simulator, "/messages/0123456789abcdef")
    assert response.status_code == 404
    assert response.json()["errors"][0]["code"] == 20


async def test_the_answers_carry_what_the_official_client_reads(simulator: str) -> None:
    accepted = await _send(simulator, "31612345678")
    # The calls as the official client makes them: `message`, `message_list`, `balance`.
    message = (await _get(simulator, f"/messages/{accepted['id']}")).json()
    listed = (await _get(simulator, "/messages", limit=20, offset=0)).json()
    balance = (await _get(simulator, "/balance")).json()

    assert message.keys() >= SDK_MESSAGE_FIELDS
    assert set(SDK_TOTALS) | {"items"} <= message["recipients"].keys()
    (item,) = message["recipients"]["items"]
    assert item.keys() >= SDK_RECIPIENT_FIELDS
    assert isinstance(item["recipient"], int)
    for stamp in (message["createdDatetime"], item["statusDatetime"]):
        datetime.strptime(stamp, SDK_DATETIME)
    assert listed.keys() >= SDK_LIST_FIELDS
    assert listed["links"].keys() == SDK_LINKS
    assert all(entry.keys() >= SDK_MESSAGE_FIELDS for entry in listed["items"])
    assert balance.keys() == SDK_BALANCE_FIELDS
    assert isinstance(balance["amount"], float | int)


async def test_a_message_beyond_the_balance_is_refused_with_402(simulator: str) -> None:
    left = (await _get(simulator, "/balance")).json()["amount"]
    recipients = [f"316{n:08d}" for n in range(int(left) + 1)]
    payload = {"originator": "Samen", "body": "x", "recipients": recipients}
    async with httpx.AsyncClient(base_url=simulator, headers=AUTHORIZED) as client:
        response = await client.post("/messages", json=payload)
    assert response.status_code == 402
    assert response.json()["errors"][0]["code"] == 25
    assert (await _get(simulator, "/balance")).json()["amount"] == left
