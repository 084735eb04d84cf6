"""MessageBird's SMS contract: the request we send, its errors, its signed status reports."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey
from samen_kit.localinfra.sms_simulator import GatewayError, sign_request, validate
from samen_notifications.adapters import ports
from samen_notifications.adapters.errors import PermanentFailure, TemporaryFailure
from samen_notifications.adapters.ports import OutgoingSms, SmsStatus
from samen_notifications.adapters.sms import (
    InvalidDeliveryReport,
    InvalidReportSignature,
    MessageBirdSmsGateway,
    RateLimiter,
    classify_response,
    message_payload,
    parse_delivery_report,
    verify_request,
)

pytestmark = pytest.mark.unit

KEY = "signing-key-of-at-least-thirty-two-bytes"
URL = "https://samen.example.nl/sms/reports?id=e8077d80&reference=abc&status=delivered"
NOW = 1_700_000_000.0
REFERENCE = "5b0e6f0e52a45c1b9a7e6e6f74696679"

# The example of the gateway's own documentation ("I am missing my delivery reports").
DOCUMENTED_REPORT = {
    "id": "e8077d803532c0b5937c639b60216938",
    "reference": "YouReference123",
    "recipient": "31612345678",
    "status": "delivered",
    "statusDatetime": "2016-05-03T08:58:10+00:00",
}


def _sms(**overrides: Any) -> OutgoingSms:
    values: dict[str, Any] = {
        "reference": REFERENCE,
        "recipient": "+31612345678",
        "body": "Samen: graag uw toestemming voor het gesprek over Noor. Zie uw e-mail.",
    }
    return OutgoingSms(**(values | overrides))


def test_the_documented_report_parses() -> None:
    report = parse_delivery_report(DOCUMENTED_REPORT)
    assert report.provider_id == "e8077d803532c0b5937c639b60216938"
    assert report.reference == "YouReference123"
    assert report.status is SmsStatus.DELIVERED
    assert report.reported_at == datetime(2016, 5, 3, 8, 58, 10, tzinfo=UTC)
    assert report.error_code is None


def test_a_failed_report_carries_its_error_code() -> None:
    params = DOCUMENTED_REPORT | {"status": "delivery_failed", "statusErrorCode": "1"}
    report = parse_delivery_report(params)
    assert (report.status, report.error_code) == (SmsStatus.DELIVERY_FAILED, 1)


@pytest.mark.parametrize(
    "params",
    [
        {"status": "delivered"},
        DOCUMENTED_REPORT | {"status": "read"},
        DOCUMENTED_REPORT | {"statusDatetime": "2016-05-03T08:58:10"},
        DOCUMENTED_REPORT | {"statusErrorCode": "unknown"},
    ],
)
def test_a_report_we_cannot_read_is_refused(params: dict[str, str]) -> None:
    with pytest.raises(InvalidDeliveryReport):
        parse_delivery_report(params)
    assert issubclass(InvalidDeliveryReport, ports.InvalidReport)


def _token(claims: dict[str, Any], key: str = KEY) -> str:
    """A token from an independent JWT library, as the gateway would make it."""
    return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, OctKey.import_key(key.encode()))


def _claims(**overrides: Any) -> dict[str, Any]:
    claims = {
        "iss": "MessageBird",
        "nbf": int(NOW),
        "exp": int(NOW) + 60,
        "jti": "a1",
        "url_hash": hashlib.sha256(URL.encode()).hexdigest(),
    }
    return claims | overrides


def test_a_signed_get_report_verifies() -> None:
    claims = verify_request(_token(_claims()), signing_key=KEY, url=URL, body=b"", now=NOW)
    assert claims["jti"] == "a1"


def test_a_signed_post_report_verifies_its_body() -> None:
    body = b"id=e8077d80&status=delivered"
    token = _token(_claims(payload_hash=hashlib.sha256(body).hexdigest()))
    verify_request(token, signing_key=KEY, url=URL, body=body, now=NOW)


@pytest.mark.parametrize(
    ("token", "url", "body", "now"),
    [
        (_token(_claims(), key="another-key-of-at-least-thirty-two-b"), URL, b"", NOW),
        (_token(_claims()), URL.replace("delivered", "expired"), b"", NOW),
        (_token(_claims()), URL, b"status=delivered", NOW),
        (_token(_claims(payload_hash="00")), URL, b"", NOW),
        (_token(_claims(iss="Someone")), URL, b"", NOW),
        (_token(_claims()), URL, b"", NOW + 120),
        (_token(_claims()), URL, b"", NOW - 120),
        ("not.a-token", URL, b"", NOW),
    ],
    ids=["key", "url", "body", "hash", "issuer", "expired", "early", "garbage"],
)
def test_a_report_not_signed_for_this_request_is_refused(
    token: str, url: str, body: bytes, now: float
) -> None:
    with pytest.raises(InvalidReportSignature):
        verify_request(token, signing_key=KEY, url=url, body=body, now=now)


def test_the_simulators_signature_is_a_standard_jwt() -> None:
    token = sign_request(KEY, URL, b"", now=NOW)
    decoded = jwt.decode(token, OctKey.import_key(KEY.encode()))
    assert decoded.claims["url_hash"] == hashlib.sha256(URL.encode()).hexdigest()
    assert "payload_hash" not in decoded.claims


def test_the_payload_follows_the_gateways_fields() -> None:
    payload = message_payload(_sms(), "Samen", "https://samen.example.nl/sms/reports")
    assert payload == {
        "originator": "Samen",
        "recipients": ["31612345678"],
        "body": _sms().body,
        "reference": REFERENCE,
        "datacoding": "plain",
        "reportUrl": "https://samen.example.nl/sms/reports",
    }


@pytest.mark.parametrize(
    ("body", "datacoding"),
    [("Het café is open", "plain"), ("Graag vóór dinsdag", "unicode"), ("مرحبا", "unicode")],
)
def test_the_datacoding_follows_our_segment_count(body: str, datacoding: str) -> None:
    assert message_payload(_sms(body=body), "Samen", None)["datacoding"] == datacoding


def test_without_a_report_url_none_is_sent() -> None:
    assert "reportUrl" not in message_payload(_sms(), "Samen", None)


@pytest.mark.parametrize(
    "overrides",
    [{"recipient": "+31 6 1234"}, {"recipient": "+٣١٦١٢٣٤٥٦٧٨"}, {"reference": "x" * 129}],
)
def test_an_unusable_number_or_reference_fails_before_sending(overrides: dict[str, str]) -> None:
    with pytest.raises(PermanentFailure):
        message_payload(_sms(**overrides), "Samen", None)


def _errors(code: int, parameter: str | None) -> dict[str, Any]:
    return {"errors": [{"code": code, "description": "...", "parameter": parameter}]}


@pytest.mark.parametrize(
    ("status", "payload", "failure", "code"),
    [
        (422, _errors(9, "recipient"), PermanentFailure, 9),
        (422, _errors(10, "originator"), PermanentFailure, 10),
        (400, _errors(21, None), PermanentFailure, 21),
        (401, _errors(2, "access_key"), TemporaryFailure, 2),
        (402, _errors(25, None), TemporaryFailure, 25),
        (404, None, TemporaryFailure, 404),
        (500, _errors(99, None), TemporaryFailure, 99),
        (503, None, TemporaryFailure, 503),
    ],
)
def test_error_answers_are_permanent_only_for_the_message_itself(
    status: int, payload: Any, failure: type[Exception], code: int
) -> None:
    result = classify_response(status, payload)
    assert type(result) is failure
    assert result.code == code


def test_too_many_requests_is_temporary_with_the_wait_the_gateway_asks() -> None:
    result = classify_response(429, None, retry_after="7")
    assert isinstance(result, TemporaryFailure)
    assert result.retry_after == 7.0


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept = 0.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept += seconds
        self.now += seconds


async def test_the_rate_limit_spaces_sends_after_the_burst() -> None:
    time = FakeTime()
    limiter = RateLimiter(2.0, burst=2, clock=time.clock, sleep=time.sleep)
    for _ in range(6):
        await limiter.acquire()
    assert time.slept == pytest.approx(2.0)  # two at once, then one per half second


async def test_the_rate_limit_refills_while_idle() -> None:
    time = FakeTime()
    limiter = RateLimiter(1.0, clock=time.clock, sleep=time.sleep)
    await limiter.acquire()
    time.now += 5
    await limiter.acquire()
    assert time.slept == 0


def test_a_report_verifies_without_its_url_as_the_gateway_builds_it() -> None:
    # The documented call, verbatim: our report URL plus the parameters, URL-encoded.
    called = (
        "http://your-own.url/script?id=e8077d803532c0b5937c639b60216938"
        "&reference=YouReference123&recipient=31612345678&status=delivered"
        "&statusDatetime=2016-05-03T08%3A58%3A10%2B00%3A00"
    )
    token = sign_request(KEY, called, b"", now=datetime.now(UTC).timestamp())
    gateway = MessageBirdSmsGateway(
        "key", originator="Samen", report_url="http://your-own.url/script", signing_key=KEY
    )
    report = gateway.parse_report(DOCUMENTED_REPORT, {"messagebird-signature-jwt": token}, b"")
    assert report.provider_id == DOCUMENTED_REPORT["id"]


@pytest.mark.parametrize(
    ("fields", "code", "parameter"),
    [
        ({"recipients": "31612345678", "body": "x"}, 9, "originator"),
        ({"originator": "Samen", "recipients": "31612345678"}, 9, "body"),
        (
            {"originator": "Samenwerkingsverband", "recipients": "31612345678", "body": "x"},
            10,
            "originator",
        ),
        ({"originator": "Samen", "recipients": "0612", "body": "x"}, 9, "recipient"),
        (
            {"originator": "Samen", "recipients": "31612345678", "body": "x", "datacoding": "utf8"},
            10,
            "datacoding",
        ),
    ],
)
def test_the_simulator_refuses_fields_as_the_gateway_does(
    fields: dict[str, Any], code: int, parameter: str
) -> None:
    with pytest.raises(GatewayError) as refused:
        validate(fields)
    assert (refused.value.status, refused.value.code, refused.value.parameter) == (
        422,
        code,
        parameter,
    )


def test_the_simulator_takes_recipients_as_a_list_or_comma_separated() -> None:
    listed = validate({"originator": "Samen", "recipients": [31612345678], "body": "x"})
    joined = validate(
        {"originator": "Samen", "recipients": "+31612345678,31687654321", "body": "x"}
    )
    assert listed["recipients"] == ["31612345678"]
    assert joined["recipients"] == ["31612345678", "31687654321"]
