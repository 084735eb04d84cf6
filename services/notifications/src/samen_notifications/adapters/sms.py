"""SMS out through MessageBird's (Bird's) SMS API, and its status reports in.

Followed as documented (https://developers.messagebird.com/api/sms-messaging/ and, for
errors and signed requests, https://developers.messagebird.com/api/) and as its
official clients send it:
- Send: `POST {base}/messages`, header `Authorization: AccessKey <key>`, JSON with
  `originator`, `recipients` (MSISDNs, no '+'), `body`, `reference`, `reportUrl`,
  `datacoding` (plain|unicode|auto); 201 with the message object (`id`,
  `recipients.items[].status`).
- Errors: 4xx/5xx with `{"errors": [{"code", "description", "parameter"}]}`; codes 2
  (request not allowed: the access key), 9 (missing params), 10 (invalid params), 20
  (not found), 21 (bad request), 25 (not enough balance), 98 (API not found), 99
  (internal error).
- Status reports: a GET to the reportUrl with `id`, `reference`, `recipient`, `status`
  (scheduled|sent|buffered|delivered|expired|delivery_failed), `statusReason`,
  `statusErrorCode`, `statusDatetime`; sent only for messages with a reference of at
  most 128 characters (docs.bird.com, "I am missing my delivery reports").
- Signed requests: header `MessageBird-Signature-JWT`, a JWT (HS256/384/512) made with
  the signing key; claims `iss` "MessageBird", `nbf`, `exp`, `url_hash` (SHA-256 of
  the full URL), `payload_hash` (SHA-256 of the body, present only with a body), as
  checked by the official Python client's `RequestValidator`.

The gateway does not deduplicate: our `reference` (from `message_key`) makes a resend
recognisable, and every report names it.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any, Literal, Self
from urllib.parse import urlencode

import httpx
from samen_kit.sms import SIGNATURE_HEADER, SIGNATURE_ISSUER, SmsEncoding, sms_length

from samen_notifications.adapters.errors import (
    PermanentFailure,
    TemporaryFailure,
    TransportFailure,
)
from samen_notifications.adapters.ports import (
    AbstractSmsGateway,
    InvalidReport,
    OutgoingSms,
    SmsAccepted,
    SmsReport,
    SmsStatus,
)

DEFAULT_BASE_URL = "https://rest.messagebird.com"
MAX_REFERENCE_LENGTH = 128  # longer references get no status reports
_MSISDN = re.compile(r"[0-9]{8,15}")
Datacoding = Literal["plain", "unicode", "auto"]
DeliveryReport = SmsReport  # one status report, as the pipeline reads it


class InvalidDeliveryReport(InvalidReport):
    """The request is no status report we understand (a field missing or malformed)."""


def parse_delivery_report(params: Mapping[str, str]) -> DeliveryReport:
    """A status report from its query (GET) or form (POST) parameters."""
    if not params.get("id") or not params.get("status"):
        raise InvalidDeliveryReport("a status report needs id and status")
    try:
        return SmsReport(
            reference=params.get("reference") or None,
            provider_id=params["id"],
            status=SmsStatus(params["status"]),
            error_code=_optional_int(params.get("statusErrorCode")),
            reported_at=_optional_datetime(params.get("statusDatetime")),
        )
    except ValueError as error:
        raise InvalidDeliveryReport(f"malformed status report: {error}") from error


def _optional_int(value: str | None) -> int | None:
    return int(value) if value not in (None, "") else None


def _optional_datetime(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        raise ValueError("statusDatetime without a time zone")
    return moment


_HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
_LEEWAY_SECONDS = 1


class InvalidReportSignature(InvalidReport):
    """The request does not carry a valid signature for this URL and body."""


def verify_request(
    token: str, *, signing_key: str, url: str, body: bytes, now: float | None = None
) -> dict[str, Any]:
    """The JWT's claims when it signs exactly this URL (as the gateway called it) and body."""
    try:
        header_part, claims_part, signature_part = token.split(".")
        header, claims = _b64json(header_part), _b64json(claims_part)
        digest = _HASHES[header.get("alg", "")]
        signature = _b64decode(signature_part)
    except (ValueError, KeyError) as error:
        raise InvalidReportSignature("not a JWT signed with HMAC") from error
    signed = f"{header_part}.{claims_part}".encode()
    if not hmac.compare_digest(hmac.new(signing_key.encode(), signed, digest).digest(), signature):
        raise InvalidReportSignature("signature does not match")
    _check_claims(claims, url, body, time.time() if now is None else now)
    return claims


def _check_claims(claims: dict[str, Any], url: str, body: bytes, now: float) -> None:
    if claims.get("iss") != SIGNATURE_ISSUER:
        raise InvalidReportSignature("wrong issuer")
    nbf, exp = claims.get("nbf"), claims.get("exp")
    if not isinstance(nbf, int | float) or not isinstance(exp, int | float):
        raise InvalidReportSignature("nbf and exp are required")
    if now + _LEEWAY_SECONDS < nbf or now - _LEEWAY_SECONDS >= exp:
        raise InvalidReportSignature("signature not valid at this time")
    if not hmac.compare_digest(str(claims.get("url_hash", "")), _sha256(url.encode())):
        raise InvalidReportSignature("signed for another URL")
    payload_hash = claims.get("payload_hash")
    if bool(body) != bool(payload_hash):
        raise InvalidReportSignature("payload_hash and body disagree")
    if body and not hmac.compare_digest(str(payload_hash), _sha256(body)):
        raise InvalidReportSignature("signed for another body")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _b64json(text: str) -> dict[str, Any]:
    value = json.loads(_b64decode(text))
    if not isinstance(value, dict):
        raise ValueError("JWT part is not an object")
    return value


def datacoding_for(body: str) -> Datacoding:
    """Our segment count decides: GSM-7 goes as plain, anything else as unicode."""
    return "plain" if sms_length(body).encoding is SmsEncoding.GSM7 else "unicode"


def message_payload(sms: OutgoingSms, originator: str, report_url: str | None) -> dict[str, Any]:
    """The JSON body of `POST /messages`; `PermanentFailure` for an unusable number."""
    msisdn = sms.recipient.removeprefix("+")
    if not _MSISDN.fullmatch(msisdn):
        raise PermanentFailure("recipient is not an E.164 number")
    if not sms.reference or len(sms.reference) > MAX_REFERENCE_LENGTH:
        raise PermanentFailure("reference must be 1 to 128 characters")
    payload: dict[str, Any] = {
        "originator": originator,
        "recipients": [msisdn],
        "body": sms.body,
        "reference": sms.reference,
        "datacoding": datacoding_for(sms.body),
    }
    if report_url:
        payload["reportUrl"] = report_url
    return payload


def classify_response(
    status: int, payload: Any, retry_after: str | None = None
) -> TransportFailure:
    """Which failure a non-201 answer is; `code` is the gateway's error code, else the status."""
    error = _first_error(payload)
    gateway_code = error.get("code") if isinstance(error.get("code"), int) else None
    code = gateway_code if gateway_code is not None else status
    where = f"HTTP {status}, error {gateway_code if gateway_code is not None else '-'}"
    if status in (408, 429) or status >= 500:
        wait = _seconds(retry_after)
        return TemporaryFailure(f"gateway busy or failing ({where})", code=code, retry_after=wait)
    if status == 401 or gateway_code == 2:
        return TemporaryFailure(f"gateway refused the access key ({where})", code=code)
    if gateway_code == 25:
        return TemporaryFailure(f"gateway account lacks balance ({where})", code=code)
    if status in (404, 405) or gateway_code == 98:
        return TemporaryFailure(f"gateway endpoint not found: the base URL? ({where})", code=code)
    if str(error.get("parameter", "")).startswith("recipient"):
        return PermanentFailure(f"gateway refused the recipient ({where})", code=code)
    if 400 <= status < 500:
        return PermanentFailure(f"gateway refused the message ({where})", code=code)
    return TemporaryFailure(f"gateway answered unexpectedly ({where})", code=code)


def _first_error(payload: Any) -> dict[str, Any]:
    errors = payload.get("errors") if isinstance(payload, dict) else None
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        return errors[0]
    return {}


def _seconds(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None  # an HTTP date: let the caller's backoff decide


class RateLimiter:
    """A token bucket: at most `per_second` on average, `burst` at once."""

    def __init__(
        self,
        per_second: float,
        *,
        burst: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if per_second <= 0 or burst < 1:
            raise ValueError("a rate limit needs per_second > 0 and burst >= 1")
        self._rate, self._burst = per_second, float(burst)
        self._clock, self._sleep = clock, sleep
        self._tokens, self._last = float(burst), clock()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        async with self._lock:
            self._refill()
            if self._tokens < 1:
                await self._sleep((1 - self._tokens) / self._rate)
                self._refill()
            self._tokens -= 1

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self._burst, self._tokens + (now - self._last) * self._rate)
        self._last = now


class MessageBirdSmsGateway(AbstractSmsGateway):
    """Sends through `{base_url}/messages`; reads (and, given a signing key, verifies) reports.

    `report_url` goes with every message: the gateway reports there by GET.
    """

    def __init__(
        self,
        access_key: str,
        *,
        originator: str,
        base_url: str = DEFAULT_BASE_URL,
        report_url: str | None = None,
        signing_key: str | None = None,
        timeout: float = 10.0,
        max_per_second: float | None = None,
        burst: int = 1,
    ) -> None:
        self._originator, self._report_url = originator, report_url
        self._signing_key = signing_key
        self._limiter = RateLimiter(max_per_second, burst=burst) if max_per_second else None
        self._client = httpx.AsyncClient(
            base_url=base_url,
            timeout=httpx.Timeout(timeout),
            headers={"Authorization": f"AccessKey {access_key}", "Accept": "application/json"},
        )

    async def send(self, sms: OutgoingSms) -> SmsAccepted:
        payload = message_payload(sms, self._originator, self._report_url)
        if self._limiter is not None:
            await self._limiter.acquire()
        try:
            response = await self._client.post("/messages", json=payload)
        except httpx.HTTPError as error:
            raise _transport_failure(error) from error
        body = _json(response)
        if response.status_code != 201:
            retry_after = response.headers.get("Retry-After")
            raise classify_response(response.status_code, body, retry_after)
        if not isinstance(body, dict) or not body.get("id"):
            # Created, yet no message object: it may well be on its way.
            raise TemporaryFailure("gateway answered 201 without a message id", maybe_sent=True)
        return SmsAccepted(provider_id=str(body["id"]))

    def parse_report(
        self,
        params: Mapping[str, str],
        headers: Mapping[str, str],
        body: bytes,
        *,
        url: str | None = None,
    ) -> SmsReport:
        """`url`: the report's full URL as the gateway called it (`str(request.url)`;
        behind a proxy, the public one). Without it, the configured report URL plus
        `params` in their order stands in, as the gateway builds it."""
        if self._signing_key is not None:
            token = _header(headers, SIGNATURE_HEADER)
            if token is None:
                raise InvalidReportSignature("report carries no signature")
            signed_url = url or _report_call_url(self._report_url or "", params)
            verify_request(token, signing_key=self._signing_key, url=signed_url, body=body)
        return parse_delivery_report(params)

    async def close(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


def _header(headers: Mapping[str, str], name: str) -> str | None:
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), None)


def _report_call_url(report_url: str, params: Mapping[str, str]) -> str:
    return f"{report_url}{'&' if '?' in report_url else '?'}{urlencode(dict(params))}"


def _transport_failure(error: httpx.HTTPError) -> TemporaryFailure:
    # Before the request went out nothing can have been sent; after, it may have been.
    not_sent = isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))
    return TemporaryFailure(f"gateway unreachable: {type(error).__name__}", maybe_sent=not not_sent)


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None
