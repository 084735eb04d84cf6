"""The gate before a sensitive action: confirmed guardians pass, others go to the code
(a browser by a redirect, an API client by a problem)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit
from uuid import uuid4

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from samen_kit.access.guardian import GuardianClaims, GuardianItem
from samen_kit.access.step_up_gate import StepUpGate, install_step_up_gate, require_step_up
from samen_kit.access.step_up_proof import PROOF_COOKIE, StepUpProofCodec
from samen_kit.access.testing import step_up_cookie
from samen_kit.clock import FakeClock
from samen_kit.pages.form_action import origin_of, widen_form_action
from starlette.responses import Response

pytestmark = pytest.mark.unit

SECRET = "the shared guardian session secret, 32+ bytes"
STEP_UP_PAGE = "http://127.0.0.1:8102/ouders/bevestigen"
CLOCK = FakeClock(datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
CLAIMS = GuardianClaims(
    guardian_id=uuid4(),
    pupil_id=uuid4(),
    item=GuardianItem.of("consent_request", uuid4()),
    tenant="swv-2801",
    jti="jti-1",
    expires_at=CLOCK.now() + timedelta(hours=1),
)


def client() -> TestClient:
    app = FastAPI()
    proofs = StepUpProofCodec(SECRET, secure=False)
    install_step_up_gate(app, StepUpGate(proofs, CLOCK, STEP_UP_PAGE, "http://127.0.0.1:8101"))

    @app.post("/ouders/toestemming/x/antwoord")
    async def answer(request: Request) -> dict[str, str]:
        require_step_up(request, CLAIMS, "/ouders/toestemming/x")
        return {"done": "yes"}

    return TestClient(app, follow_redirects=False)


def proof_cookie(claims: GuardianClaims) -> str:
    codec = StepUpProofCodec(SECRET, secure=False)
    response = Response()
    codec.set_on(response, codec.issue(claims, CLOCK.now()))
    return response.headers["set-cookie"].split(";")[0].split("=", 1)[1]


def test_a_guardian_without_a_step_up_is_sent_to_the_code_page_and_back_to_the_item() -> None:
    refused = client().post("/ouders/toestemming/x/antwoord")
    assert refused.status_code == 303
    location = urlsplit(refused.headers["location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == STEP_UP_PAGE
    assert parse_qs(location.query)["terug"] == ["http://127.0.0.1:8101/ouders/toestemming/x"]


def test_a_guardian_who_confirmed_this_item_acts() -> None:
    browser = client()
    browser.cookies.set(PROOF_COOKIE, proof_cookie(CLAIMS))
    done = browser.post("/ouders/toestemming/x/antwoord")
    assert done.status_code == 200 and done.json() == {"done": "yes"}


def test_a_proof_from_another_item_of_the_same_guardian_opens_this_one() -> None:
    other = replace(CLAIMS, item=GuardianItem.of("meeting_record", uuid4()), jti="jti-2")
    browser = client()
    browser.cookies.set(PROOF_COOKIE, proof_cookie(other))
    assert browser.post("/ouders/toestemming/x/antwoord").status_code == 200


def test_a_proof_of_another_guardian_does_not_open_this_one() -> None:
    browser = client()
    browser.cookies.set(PROOF_COOKIE, proof_cookie(replace(CLAIMS, guardian_id=uuid4())))
    assert browser.post("/ouders/toestemming/x/antwoord").status_code == 303


def test_a_guardian_fresh_from_a_link_takes_the_token_and_language_to_the_code_page() -> None:
    refused = client().post("/ouders/toestemming/x/antwoord?token=t0k&taal=ar")
    query = parse_qs(urlsplit(refused.headers["location"]).query)
    assert (query["token"], query["taal"]) == (["t0k"], ["ar"])


def test_an_api_client_without_a_step_up_gets_a_problem_naming_the_code_page() -> None:
    refused = client().post(
        "/ouders/toestemming/x/antwoord", headers={"Accept": "application/json"}
    )
    problem = refused.json()
    assert refused.status_code == 401
    assert refused.headers["content-type"] == "application/problem+json"
    assert problem["type"] == "urn:samen:problem:step-up-required"
    assert problem["step_up_url"].startswith(STEP_UP_PAGE + "?terug=")


def test_a_test_helper_proof_opens_the_gate_like_a_typed_code() -> None:
    browser = client()
    cookie = step_up_cookie(
        SECRET, guardian_id=CLAIMS.guardian_id, tenant="swv-2801", now=CLOCK.now()
    )
    browser.cookies.update(cookie)
    assert browser.post("/ouders/toestemming/x/antwoord").status_code == 200


def test_the_pages_may_send_an_answer_on_to_the_code_page_and_nowhere_else() -> None:
    policy = "default-src 'none'; form-action 'self'; frame-ancestors 'none'"
    widened = widen_form_action(policy, [origin_of(STEP_UP_PAGE)])
    assert widened == (
        "default-src 'none'; form-action 'self' http://127.0.0.1:8102; frame-ancestors 'none'"
    )
    assert widen_form_action("default-src 'none'", ["http://127.0.0.1:8102"]) == (
        "default-src 'none'"
    )


def test_a_gated_service_s_pages_name_the_code_page_in_their_form_action() -> None:
    app = FastAPI()
    proofs = StepUpProofCodec(SECRET, secure=False)
    install_step_up_gate(app, StepUpGate(proofs, CLOCK, STEP_UP_PAGE, "http://127.0.0.1:8101"))

    @app.get("/ouders/pagina")
    async def page() -> Response:
        return Response("<p>hallo</p>", headers={"Content-Security-Policy": "form-action 'self'"})

    shown = TestClient(app).get("/ouders/pagina")
    assert shown.headers["content-security-policy"] == "form-action 'self' http://127.0.0.1:8102"
