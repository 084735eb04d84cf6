"""SMS over real HTTP: our gateway adapter, the simulator, and its signed reports to our webhook."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request, Response
from samen_kit.localinfra.sms_simulator import SimulatorConfig, create_app
from samen_kit.testing.server import free_port, serve
from samen_kit.testing.waiting import wait_for
from samen_notifications.adapters.errors import PermanentFailure, TemporaryFailure
from samen_notifications.adapters.ports import InvalidReport, OutgoingSms, SmsReport, SmsStatus
from samen_notifications.adapters.sms import MessageBirdSmsGateway
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key

pytestmark = pytest.mark.integration

ACCESS_KEY = "test_gateway_key"
SIGNING_KEY = "signing-key-of-at-least-thirty-two-bytes"


@dataclass
class Webhook:
    """Our side of the status reports: every report read, every request refused."""

    gateway: MessageBirdSmsGateway | None = None
    reports: list[SmsReport] = field(default_factory=list)
    refused: int = 0
    fail_first: int = 0  # answer 500 to this many requests first

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/sms/reports")
        async def receive(request: Request) -> Response:
            if self.fail_first > 0:
                self.fail_first -= 1
                return Response(status_code=500)
            assert self.gateway is not None
            params, body = dict(request.query_params), await request.body()
            try:
                report = self.gateway.parse_report(
                    params, request.headers, body, url=str(request.url)
                )
            except InvalidReport:
                self.refused += 1
                return Response(status_code=400)
            self.reports.append(report)
            return Response(status_code=200)

        return app


@pytest.fixture(scope="module")
async def webhook_server() -> AsyncIterator[tuple[Webhook, str]]:
    hook = Webhook()
    async with serve(hook.app()) as base_url:
        yield hook, f"{base_url}/sms/reports"


@pytest.fixture
def webhook(webhook_server: tuple[Webhook, str]) -> tuple[Webhook, str]:
    hook, report_url = webhook_server
    hook.reports.clear()
    hook.refused = hook.fail_first = 0
    return hook, report_url


@pytest.fixture(scope="module")
def log_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sms") / "sms.jsonl"


@pytest.fixture(scope="module")
async def simulator(log_path: Path) -> AsyncIterator[str]:
    config = SimulatorConfig(
        access_key=ACCESS_KEY, log_path=log_path, signing_key=SIGNING_KEY, report_delay=0.01
    )
    async with serve(create_app(config)) as base_url:
        yield base_url


@pytest.fixture
async def gateway(
    simulator: str, webhook: tuple[Webhook, str]
) -> AsyncIterator[MessageBirdSmsGateway]:
    hook, report_url = webhook
    async with _gateway(simulator, report_url) as adapter:
        hook.gateway = adapter
        yield adapter


def _gateway(base_url: str, report_url: str, key: str = ACCESS_KEY) -> MessageBirdSmsGateway:
    return MessageBirdSmsGateway(
        key,
        originator="Samen",
        base_url=base_url,
        report_url=report_url,
        signing_key=SIGNING_KEY,
        timeout=5,
    )


def _sms(recipient: str = "+31612345678", body: str = "Samen: graag uw antwoord.") -> OutgoingSms:
    key = message_key(uuid.uuid4(), uuid.uuid4(), Channel.SMS)
    return OutgoingSms(reference=key.sms_reference, recipient=recipient, body=body)


def _logged(log_path: Path, reference: str) -> list[dict[str, Any]]:
    lines = log_path.read_text(encoding="utf-8").splitlines() if log_path.exists() else []
    entries = [json.loads(line) for line in lines]
    return [entry for entry in entries if entry["reference"] == reference]


def _statuses(hook: Webhook, reference: str) -> list[SmsStatus]:
    return [report.status for report in hook.reports if report.reference == reference]


async def test_an_sms_is_sent_then_delivered_with_signed_reports(
    gateway: MessageBirdSmsGateway, webhook: tuple[Webhook, str]
) -> None:
    hook, _ = webhook
    sms = _sms()
    accepted = await gateway.send(sms)
    await wait_for(lambda: len(_statuses(hook, sms.reference)) == 2, within=10.0, every=0.02)
    assert _statuses(hook, sms.reference) == [SmsStatus.SENT, SmsStatus.DELIVERED]
    assert {report.provider_id for report in hook.reports} == {accepted.provider_id}
    assert hook.refused == 0


async def test_the_gateway_log_holds_the_message_as_sent(
    gateway: MessageBirdSmsGateway, log_path: Path
) -> None:
    sms = _sms(body="مرحبا، يرجى الرد")
    accepted = await gateway.send(sms)
    (entry,) = _logged(log_path, sms.reference)
    assert (entry["id"], entry["reference"], entry["body"]) == (
        accepted.provider_id,
        sms.reference,
        sms.body,
    )
    assert (entry["recipients"], entry["datacoding"], entry["segments"]) == (
        ["31612345678"],
        "unicode",
        1,
    )


async def test_a_number_that_cannot_be_reached_ends_as_delivery_failed(
    gateway: MessageBirdSmsGateway, webhook: tuple[Webhook, str]
) -> None:
    hook, _ = webhook
    sms = _sms(recipient="+31612345999")
    await gateway.send(sms)
    await wait_for(
        lambda: SmsStatus.DELIVERY_FAILED in _statuses(hook, sms.reference), within=10.0, every=0.02
    )
    (failed,) = [report for report in hook.reports if report.status is SmsStatus.DELIVERY_FAILED]
    assert failed.error_code == 1


async def test_a_report_our_webhook_failed_to_take_is_sent_again(
    gateway: MessageBirdSmsGateway, webhook: tuple[Webhook, str]
) -> None:
    hook, _ = webhook
    hook.fail_first = 1
    sms = _sms()
    await gateway.send(sms)
    await wait_for(
        lambda: SmsStatus.DELIVERED in _statuses(hook, sms.reference), within=10.0, every=0.02
    )
    assert _statuses(hook, sms.reference) == [SmsStatus.SENT, SmsStatus.DELIVERED]


def test_a_report_signed_with_another_key_is_refused() -> None:
    adapter = MessageBirdSmsGateway(ACCESS_KEY, originator="Samen", signing_key=SIGNING_KEY)
    params = {"id": "abc", "reference": "r", "recipient": "31612345678", "status": "delivered"}
    with pytest.raises(InvalidReport):
        adapter.parse_report(params, {"MessageBird-Signature-JWT": "x.y.z"}, b"")
    with pytest.raises(InvalidReport):
        adapter.parse_report(params, {}, b"")


async def test_a_refused_number_is_a_permanent_failure(gateway: MessageBirdSmsGateway) -> None:
    with pytest.raises(PermanentFailure) as refused:
        await gateway.send(_sms(recipient="+31612345998"))
    assert refused.value.code == 9


async def test_a_gateway_error_is_a_temporary_failure(gateway: MessageBirdSmsGateway) -> None:
    with pytest.raises(TemporaryFailure) as failing:
        await gateway.send(_sms(recipient="+31612345997"))
    assert failing.value.code == 99


async def test_a_wrong_access_key_is_a_temporary_failure_for_the_operator(
    simulator: str, webhook: tuple[Webhook, str]
) -> None:
    async with _gateway(simulator, webhook[1], key="wrong") as adapter:
        with pytest.raises(TemporaryFailure) as refused:
            await adapter.send(_sms())
    assert refused.value.code == 2


async def test_an_unreachable_gateway_is_temporary_and_sent_nothing() -> None:
    async with _gateway(f"http://127.0.0.1:{free_port()}", "http://127.0.0.1/r") as adapter:
        with pytest.raises(TemporaryFailure) as down:
            await adapter.send(_sms())
    assert not down.value.maybe_sent


async def test_an_invalid_number_never_reaches_the_gateway(
    gateway: MessageBirdSmsGateway, log_path: Path
) -> None:
    sms = _sms(recipient="+31 6")
    with pytest.raises(PermanentFailure):
        await gateway.send(sms)
    assert _logged(log_path, sms.reference) == []
