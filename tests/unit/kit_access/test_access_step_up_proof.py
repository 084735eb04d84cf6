"""The step-up proof: set where the code was typed, honoured for that guardian everywhere."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from samen_kit.access.guardian import GuardianClaims, GuardianItem
from samen_kit.access.step_up_proof import PROOF_COOKIE, PROOF_TTL, StepUpProofCodec
from starlette.requests import Request
from starlette.responses import Response

pytestmark = pytest.mark.unit

SECRET = "the shared guardian session secret, 32+ bytes"
NOW = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)


def claims_for(item: GuardianItem | None = None) -> GuardianClaims:
    return GuardianClaims(
        guardian_id=uuid4(),
        pupil_id=uuid4(),
        item=item or GuardianItem.of("consent_request", uuid4()),
        tenant="swv-2801",
        jti=str(uuid4()),
        expires_at=NOW + timedelta(hours=1),
    )


def request_with(cookie: str | None) -> Request:
    headers = [(b"cookie", f"{PROOF_COOKIE}={cookie}".encode())] if cookie else []
    return Request({"type": "http", "method": "GET", "path": "/", "headers": headers})


def cookie_of(codec: StepUpProofCodec, claims: GuardianClaims) -> str:
    response = Response()
    codec.set_on(response, codec.issue(claims, NOW))
    set_cookie = response.headers["set-cookie"]
    return set_cookie.split(";")[0].split("=", 1)[1]


def test_a_guardian_who_confirmed_an_item_is_confirmed_for_that_item_in_another_service() -> None:
    claims = claims_for()
    cookie = cookie_of(StepUpProofCodec(SECRET), claims)
    assert StepUpProofCodec(SECRET).is_confirmed(request_with(cookie), claims, NOW)


def test_a_guardian_who_confirmed_one_item_is_confirmed_for_their_other_items() -> None:
    claims = claims_for()
    cookie = cookie_of(StepUpProofCodec(SECRET), claims)
    record = GuardianItem.of("meeting_record", uuid4())
    same_guardian_other_item = replace(claims, item=record, jti=str(uuid4()))
    codec = StepUpProofCodec(SECRET)
    assert codec.is_confirmed(request_with(cookie), same_guardian_other_item, NOW)


def test_the_proof_does_not_cover_another_guardian_or_tenant() -> None:
    claims = claims_for()
    cookie = cookie_of(StepUpProofCodec(SECRET), claims)
    codec = StepUpProofCodec(SECRET)
    assert not codec.is_confirmed(request_with(cookie), claims_for(claims.item), NOW)
    other_tenant = replace(claims, tenant="swv-3001")
    assert not codec.is_confirmed(request_with(cookie), other_tenant, NOW)


def test_the_proof_ends_after_its_lifetime() -> None:
    claims = claims_for()
    cookie = cookie_of(StepUpProofCodec(SECRET), claims)
    assert not StepUpProofCodec(SECRET).is_confirmed(request_with(cookie), claims, NOW + PROOF_TTL)


def test_a_proof_signed_with_another_secret_is_no_proof() -> None:
    claims = claims_for()
    cookie = cookie_of(StepUpProofCodec("someone else's secret of 32+ bytes!!"), claims)
    assert StepUpProofCodec(SECRET).read(request_with(cookie)) is None
    assert StepUpProofCodec(SECRET).read(request_with(None)) is None
