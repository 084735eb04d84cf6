"""A local SMS gateway that speaks MessageBird's contract (the notifications
service's `adapters/sms.py` is its client).

    python -m samen_kit.localinfra.sms_simulator --port 8199 --log FILE

`POST /messages` (JSON or form) checks the AccessKey and the fields as the gateway
does and answers 201 with the message object, or 401/422 with its `errors` list. Each
accepted message becomes one JSON line in the log. Each recipient then goes "sent" and
then "delivered" on the simulator's own clock: `GET /messages/{id}` shows the items'
status and the totals following it, with or without a reportUrl. A message with a
reference and a reportUrl also has each change reported there with GET, in order,
signed with `MessageBird-Signature-JWT` when a signing key is set. `GET /messages`
(`offset`, `limit`) lists the messages, most recent first, and `GET /balance` shows
the prepaid credits left (one per message part per recipient; 402 when they run out).
Every call needs the AccessKey. For tests, numbers ending in `fail_suffix` (999) end
as delivery_failed, `reject_suffix` (998) are refused with 422 and `error_suffix`
(997) get a 500.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import os
import re
import time
import uuid
from collections.abc import AsyncIterator, Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from samen_kit.localinfra.sms_simulator_messages import (
    DEFAULT_LIMIT,
    balance_object,
    message_object,
    message_page,
    set_status,
)
from samen_kit.sms import SIGNATURE_HEADER, SIGNATURE_ISSUER, SmsEncoding, sms_length

_ALPHANUMERIC_ORIGINATOR = re.compile(r"^[A-Za-z0-9 ]{1,11}$")
_NUMERIC_ORIGINATOR = re.compile(r"^\+?\d{1,17}$")
_MSISDN = re.compile(r"^\d{8,15}$")
_DATACODINGS = ("plain", "unicode", "auto")


@dataclass(frozen=True, slots=True)
class SimulatorConfig:
    access_key: str = "test_samen"  # the notifications settings' default too
    log_path: Path | None = None
    signing_key: str | None = None
    report_delay: float = 0.2  # seconds before each status report
    report_attempts: int = 4  # a report the receiver does not take with 2xx is retried
    fail_suffix: str = "999"
    reject_suffix: str = "998"
    error_suffix: str = "997"
    credits: float = 1_000_000.0  # prepaid, one per part per recipient; ample for any local run


class GatewayError(Exception):
    def __init__(self, status: int, code: int, description: str, parameter: str | None) -> None:
        super().__init__(description)
        self.status, self.code, self.parameter = status, code, parameter

    def response(self) -> JSONResponse:
        error = {"code": self.code, "description": str(self), "parameter": self.parameter}
        return JSONResponse({"errors": [error]}, status_code=self.status)


def sign_request(signing_key: str, url: str, body: bytes, *, now: float, lifetime: int = 60) -> str:
    """The gateway's `MessageBird-Signature-JWT` for a call to `url` with `body`."""
    claims: dict[str, Any] = {
        "iss": SIGNATURE_ISSUER,
        "nbf": int(now),
        "exp": int(now) + lifetime,
        "jti": uuid.uuid4().hex,
        "url_hash": hashlib.sha256(url.encode()).hexdigest(),
    }
    if body:
        claims["payload_hash"] = hashlib.sha256(body).hexdigest()
    header = {"alg": "HS256", "typ": "JWT"}
    signed = ".".join(_b64(json.dumps(part).encode()) for part in (header, claims))
    signature = hmac.new(signing_key.encode(), signed.encode(), hashlib.sha256).digest()
    return f"{signed}.{_b64(signature)}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def validate(fields: dict[str, Any]) -> dict[str, Any]:
    """The accepted message's fields, or `GatewayError` as the gateway answers it."""
    for name in ("originator", "body", "recipients"):
        if not fields.get(name):
            raise GatewayError(422, 9, f"{name} is required", name)
    originator = str(fields["originator"])
    if not (_ALPHANUMERIC_ORIGINATOR.match(originator) or _NUMERIC_ORIGINATOR.match(originator)):
        raise GatewayError(422, 10, "originator is invalid", "originator")
    recipients = _recipients(fields["recipients"])
    if not recipients:
        raise GatewayError(422, 9, "no (correct) recipients found", "recipient")
    datacoding = str(fields.get("datacoding") or "plain")
    if datacoding not in _DATACODINGS:
        raise GatewayError(422, 10, "datacoding is invalid", "datacoding")
    report_url = fields.get("reportUrl")
    if report_url and urlsplit(str(report_url)).scheme not in ("http", "https"):
        raise GatewayError(422, 10, "reportUrl is invalid", "reportUrl")
    body = str(fields["body"])
    if datacoding == "auto":
        datacoding = "plain" if sms_length(body).encoding is SmsEncoding.GSM7 else "unicode"
    return {
        "originator": originator,
        "body": body,
        "recipients": recipients,
        "reference": fields.get("reference"),
        "reportUrl": report_url,
        "datacoding": datacoding,
    }


def _recipients(value: Any) -> list[str]:
    raw = value.split(",") if isinstance(value, str) else value
    if not isinstance(raw, list):
        return []
    numbers = [str(item).strip().removeprefix("+") for item in raw]
    return [number for number in numbers if _MSISDN.match(number)]


ReportParams = dict[str, str] | None  # None ends a recipient's reports


class Gateway:
    """The simulator's state: messages, the log, status changes and reports in flight."""

    def __init__(self, config: SimulatorConfig, client: httpx.AsyncClient) -> None:
        self.config, self._client = config, client
        self.messages: dict[str, dict[str, Any]] = {}  # in order of acceptance
        self.credits = config.credits
        self._tasks: set[asyncio.Task[None]] = set()

    async def accept(self, fields: dict[str, Any], base_url: str) -> dict[str, Any]:
        message = validate(fields)
        numbers = message["recipients"]
        if any(number.endswith(self.config.reject_suffix) for number in numbers):
            raise GatewayError(422, 9, "no (correct) recipients found", "recipient")
        if any(number.endswith(self.config.error_suffix) for number in numbers):
            raise GatewayError(500, 99, "Internal error", None)
        stored = message_object(message, base_url)
        cost = sum(item["messagePartCount"] for item in stored["recipients"]["items"])
        if cost > self.credits:
            raise GatewayError(402, 25, "Not enough balance", None)
        self.credits -= cost
        self.messages[stored["id"]] = stored
        await self._log(stored)
        # Reports go only to a reportUrl, and only for messages with a reference.
        reporting = bool(stored["reference"] and stored["reportUrl"])
        for item in stored["recipients"]["items"]:
            reports: asyncio.Queue[ReportParams] | None = asyncio.Queue() if reporting else None
            self._spawn(self._lifecycle(stored, item, reports))
            if reports is not None:
                self._spawn(self._deliver_reports(str(stored["reportUrl"]), reports))
        return stored

    async def drain(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _lifecycle(
        self,
        message: dict[str, Any],
        item: dict[str, Any],
        reports: asyncio.Queue[ReportParams] | None,
    ) -> None:
        """The recipient's status on the gateway's own clock: sent, then delivered or failed.

        A slow or failing report receiver never holds the message's state back.
        """
        number = str(item["recipient"])
        final = (
            ("delivery_failed", "unknown subscriber", 1)  # GSM error 1: unknown subscriber
            if number.endswith(self.config.fail_suffix)
            else ("delivered", "successfully delivered", None)
        )
        for status, reason, error_code in (("sent", "pending DLR", None), final):
            await asyncio.sleep(self.config.report_delay)
            set_status(message, item, status, reason, error_code)
            if reports is not None:
                reports.put_nowait(_report_params(message, item))
        if reports is not None:
            reports.put_nowait(None)  # no more reports for this recipient

    async def _deliver_reports(self, report_url: str, reports: asyncio.Queue[ReportParams]) -> None:
        """Each report in turn, so the receiver sees them in the order they happened."""
        while (params := await reports.get()) is not None:
            url = f"{report_url}{'&' if '?' in report_url else '?'}{urlencode(params)}"
            for attempt in range(self.config.report_attempts):
                if await self._call(url):
                    break
                await asyncio.sleep(self.config.report_delay * 2**attempt)

    async def _call(self, url: str) -> bool:
        headers = {}
        if self.config.signing_key:
            token = sign_request(self.config.signing_key, url, b"", now=time.time())
            headers[SIGNATURE_HEADER] = token
        try:
            response = await self._client.get(url, headers=headers)
        except httpx.HTTPError:
            return False
        return response.is_success

    async def _log(self, message: dict[str, Any]) -> None:
        if self.config.log_path is None:
            return
        line = json.dumps(_log_entry(message), ensure_ascii=False) + "\n"
        await asyncio.to_thread(_append, self.config.log_path, line)


def _report_params(message: dict[str, Any], item: dict[str, Any]) -> dict[str, str]:
    """The query of a status report, taken when the status changed."""
    params = {
        "id": message["id"],
        "reference": message["reference"],
        "recipient": str(item["recipient"]),
        "status": item["status"],
        "statusReason": item["statusReason"],
        "statusDatetime": item["statusDatetime"],
        "messagePartCount": str(item["messagePartCount"]),
    }
    if item["statusErrorCode"] is not None:
        params["statusErrorCode"] = str(item["statusErrorCode"])
    return params


def _log_entry(message: dict[str, Any]) -> dict[str, Any]:
    keys = ("id", "createdDatetime", "originator", "body", "reference", "reportUrl", "datacoding")
    entry = {key: message[key] for key in keys}
    entry["recipients"] = [str(item["recipient"]) for item in message["recipients"]["items"]]
    entry["segments"] = message["recipients"]["items"][0]["messagePartCount"]
    return entry


def _append(path: Path, line: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as log:
        log.write(line)


async def _fields(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if request.headers.get("content-type", "").startswith("application/json"):
        try:
            value = json.loads(raw or b"{}")
        except ValueError as error:
            raise GatewayError(400, 21, "Bad request (body is no valid JSON)", None) from error
        return value if isinstance(value, dict) else {}
    return dict(parse_qsl(raw.decode()))


def create_app(config: SimulatorConfig) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with httpx.AsyncClient(timeout=5.0) as client:
            app.state.gateway = Gateway(config, client)
            yield
            await app.state.gateway.drain()

    app = FastAPI(title="SMS gateway simulator (MessageBird contract)", lifespan=lifespan)

    @app.post("/messages", status_code=201)
    async def create_message(request: Request) -> JSONResponse:
        gateway: Gateway = request.app.state.gateway
        try:
            _authorize(request, config.access_key)
            fields = await _fields(request)
            message = await gateway.accept(fields, str(request.base_url).rstrip("/"))
        except GatewayError as error:
            return error.response()
        return JSONResponse(message, status_code=201)

    @app.get("/messages")
    async def list_messages(request: Request) -> JSONResponse:
        gateway: Gateway = request.app.state.gateway
        try:
            _authorize(request, config.access_key)
            offset = _query_int(request, "offset", 0, minimum=0)
            limit = _query_int(request, "limit", DEFAULT_LIMIT, minimum=1)
        except GatewayError as error:
            return error.response()
        base_url = str(request.base_url).rstrip("/")
        return JSONResponse(message_page(list(gateway.messages.values()), base_url, offset, limit))

    @app.get("/messages/{gateway_id}")
    async def view_message(gateway_id: str, request: Request) -> JSONResponse:
        try:
            _authorize(request, config.access_key)
            message = request.app.state.gateway.messages.get(gateway_id)
            if message is None:
                raise GatewayError(404, 20, "message not found", None)
        except GatewayError as error:
            return error.response()
        return JSONResponse(message)

    @app.get("/balance")
    async def view_balance(request: Request) -> JSONResponse:
        try:
            _authorize(request, config.access_key)
        except GatewayError as error:
            return error.response()
        return JSONResponse(balance_object(request.app.state.gateway.credits))

    return app


def _authorize(request: Request, access_key: str) -> None:
    given = request.headers.get("authorization", "")
    if not hmac.compare_digest(given.encode(), f"AccessKey {access_key}".encode()):
        raise GatewayError(401, 2, "Request not allowed (incorrect access_key)", "access_key")


def _query_int(request: Request, name: str, default: int, *, minimum: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < minimum:
        raise GatewayError(422, 10, f"{name} is invalid", name)
    return int(raw)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Local SMS gateway (MessageBird contract).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8199)
    parser.add_argument("--log", type=Path, default=os.environ.get("SAMEN_SMS_LOG"))
    parser.add_argument(
        "--access-key", default=os.environ.get("SAMEN_SMS_ACCESS_KEY", "test_samen")
    )
    parser.add_argument("--signing-key", default=os.environ.get("SAMEN_SMS_SIGNING_KEY"))
    parser.add_argument("--report-delay", type=float, default=1.0)
    parser.add_argument("--fail-suffix", default="999")
    parser.add_argument("--credits", type=float, default=1_000_000.0)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    arguments = _arguments(argv)
    config = SimulatorConfig(
        access_key=arguments.access_key,
        log_path=arguments.log,
        signing_key=arguments.signing_key,
        report_delay=arguments.report_delay,
        fail_suffix=arguments.fail_suffix,
        credits=arguments.credits,
    )
    uvicorn.run(create_app(config), host=arguments.host, port=arguments.port, log_level="warning")


if __name__ == "__main__":
    main()
