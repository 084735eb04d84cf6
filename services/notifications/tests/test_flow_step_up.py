"""The step-up over real HTTP, PostgreSQL, Kafka and the SMS simulator: a guardian
confirms a sensitive action with a one-time code sent to the number on file; three wrong
codes lock the action, and the lock goes on the bus for the audit log (ids only)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from urllib.parse import urlencode

import httpx
import pytest
from samen_kit.access import GuardianItem
from samen_kit.access.step_up_proof import PROOF_COOKIE
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, StartService

pytestmark = pytest.mark.integration

MOBILE = "+31612345678"


async def _guardian_with_mobile(running: Running, tenant: str) -> tuple[uuid.UUID, uuid.UUID]:
    return await running.import_family(
        tenant, uuid.uuid4(), mobile=MOBILE, email="ouder@example.nl"
    )


def _link(running: Running, tenant: str, pupil: uuid.UUID, guardian: uuid.UUID) -> tuple[str, str]:
    """The guardian's link token for a consent request, and the page to go back to."""
    request_id = uuid.uuid4()
    token = running.guardian_token(
        tenant, guardian, pupil, GuardianItem.of("consent_request", request_id)
    )
    back = f"{running.settings.consent_base_url}/ouders/toestemming/{request_id}"
    return token, back


async def _ask_code(running: Running, token: str, back: str, language: str = "nl") -> str:
    """Opens the step-up page, asks for a code; the challenge id on the code form."""
    query = urlencode({"terug": back, "token": token, "taal": language})
    page = await running.http.get(f"/ouders/bevestigen?{query}")
    assert page.status_code == 200
    sent = await running.http.post(
        "/ouders/bevestigen/code", data={"token": token, "terug": back, "taal": language}
    )
    assert sent.status_code == 200, sent.text
    found = re.search(r'name="challenge" value="([0-9a-f-]{36})"', sent.text)
    assert found is not None
    return found.group(1)


def _step_up_texts(running: Running) -> list[dict[str, object]]:
    return [t for t in running.texts() if str(t["reference"]).startswith("step-up-")]


def _code_in(running: Running) -> str | None:
    """The code of the one step-up text sent so far, to the number on file."""
    texts = _step_up_texts(running)
    if not texts:
        return None
    (text,) = texts
    assert MOBILE.removeprefix("+") in str(text["recipients"])
    return _code_of(text)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


async def _answer(running: Running, challenge: str, code: str, back: str) -> httpx.Response:
    return await running.http.post(
        "/ouders/bevestigen",
        data={"challenge": challenge, "code": code, "terug": back},
        follow_redirects=False,
    )


@dataclass(frozen=True)
class Asked:
    """A guardian who opened a link's step-up page and asked for a code: the code sent."""

    pupil: uuid.UUID
    guardian: uuid.UUID
    back: str
    challenge: str
    code: str


async def _asked_for_a_code(running: Running, tenant: str, language: str = "nl") -> Asked:
    pupil, guardian = await _guardian_with_mobile(running, tenant)
    token, back = _link(running, tenant, pupil, guardian)
    challenge = await _ask_code(running, token, back, language)
    code = await wait_for(lambda: _code_in(running))
    return Asked(pupil, guardian, back, challenge, code)


async def test_a_guardian_who_types_the_code_from_the_sms_goes_back_confirmed(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        asked = await _asked_for_a_code(running, tenant, language="ar")
        texts = _step_up_texts(running)

        confirmed = await _answer(running, asked.challenge, asked.code, asked.back)

    assert confirmed.status_code == 303
    assert confirmed.headers["location"] == asked.back
    assert PROOF_COOKIE in confirmed.headers["set-cookie"]
    assert "رمزكم" in str(texts[0]["body"])  # Dutch first, the guardian's language beside it


async def test_a_wrong_code_three_times_locks_the_action_and_goes_to_the_audit_log(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        asked = await _asked_for_a_code(running, tenant)
        challenge, code, back = asked.challenge, asked.code, asked.back
        wrong = _wrong(code)

        statuses = [(await _answer(running, challenge, wrong, back)).status_code for _ in "123"]
        right_too_late = await _answer(running, challenge, code, back)
        again = await running.http.post("/ouders/bevestigen/code", data={"terug": back})
        (locked,) = await wait_for(lambda: running.bus(tenant, "StepUpLocked"))

    assert statuses == [422, 422, 403]
    assert right_too_late.status_code == 403 and PROOF_COOKIE not in str(right_too_late.headers)
    assert again.status_code == 403  # a new code does not lift the lock
    envelope, data = locked
    assert envelope.subject == str(asked.pupil)
    assert data["guardian_id"] == str(asked.guardian) and data["attempts"] == 3
    assert data["challenge_id"] == challenge and data["item_kind"] == "consent_request"
    assert code not in str(data) and MOBILE not in str(data)


async def test_the_step_up_page_sends_a_guardian_back_only_to_our_own_parent_pages(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        pupil, guardian = await _guardian_with_mobile(running, tenant)
        token, _ = _link(running, tenant, pupil, guardian)
        query = urlencode({"terug": "https://elders.example/ouders/x", "token": token})
        page = await running.http.get(f"/ouders/bevestigen?{query}")

    assert page.status_code == 404


async def test_three_wrong_codes_for_one_item_lock_the_code_page_of_another_item_too(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with running_service() as running:
        asked = await _asked_for_a_code(running, tenant)
        pupil, guardian, challenge = asked.pupil, asked.guardian, asked.challenge
        other_token, other_back = _link(running, tenant, pupil, guardian)
        for _ in "123":
            await _answer(running, challenge, _wrong(asked.code), asked.back)

        other = await running.http.post(
            "/ouders/bevestigen/code", data={"token": other_token, "terug": other_back}
        )
        (locked,) = await wait_for(lambda: running.bus(tenant, "StepUpLocked"))
        (refused,) = await wait_for(lambda: running.bus(tenant, "StepUpRefused"))
        codes = _step_up_texts(running)

    assert other.status_code == 403  # the other item's link gets no code either
    assert len(codes) == 1
    envelope, data = refused
    assert envelope.subject == str(pupil) and data["guardian_id"] == str(guardian)
    assert data["locked_by"] == challenge == locked[1]["challenge_id"]
    assert data["item_id"] == other_back.rsplit("/", 1)[1]  # the item refused, not the first
    assert MOBILE not in str(data)


async def test_wrong_codes_for_two_items_count_together_and_lock_both(
    running_service: StartService,
) -> None:
    tenant = new_tenant()
    async with (
        running_service() as running,
        httpx.AsyncClient(base_url=running.base_url, timeout=30) as other_tab,
    ):
        pupil, guardian = await _guardian_with_mobile(running, tenant)
        token, back = _link(running, tenant, pupil, guardian)
        other_token, other_back = _link(running, tenant, pupil, guardian)
        challenge = await _ask_code(running, token, back)
        other_challenge = await _ask_code(replace(running, http=other_tab), other_token, other_back)
        codes = {_code_of(text) for text in await wait_for(lambda: _two_codes(running))}
        wrong = next(f"{n:06d}" for n in range(10) if f"{n:06d}" not in codes)

        first_two = [(await _answer(running, challenge, wrong, back)).status_code for _ in "12"]
        third = await _answer(replace(running, http=other_tab), other_challenge, wrong, other_back)
        right_after = [
            (await _answer(tab, asked, code, to)).status_code
            for tab, asked, to in (
                (running, challenge, back),
                (replace(running, http=other_tab), other_challenge, other_back),
            )
            for code in codes
        ]
        (locked,) = await wait_for(lambda: running.bus(tenant, "StepUpLocked"))

    assert first_two == [422, 422]
    assert third.status_code == 403  # the third wrong code in all, on the other item
    assert set(right_after) == {403}  # neither code confirms while the lock holds
    assert locked[1]["challenge_id"] == other_challenge


def _two_codes(running: Running) -> list[dict[str, object]] | None:
    texts = _step_up_texts(running)
    return texts if len(texts) == 2 else None


def _code_of(text: dict[str, object]) -> str:
    found = re.search(r"\b(\d{6})\b", str(text["body"]))
    assert found is not None
    return found.group(1)
