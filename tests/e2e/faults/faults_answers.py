"""A stream of consent answers through the parents' real pages, over HTTP.

Staff ask consent (the MDO purpose) for a set of pupils; then each guardian answers
"ja" with a link token minted by the platform's guardian key, as a link in their e-mail
would carry. An answer counts as sent when the page confirmed it (303). When an attempt
fails (refused connection, reset, 5xx, a concurrent change) it is tried again with a
fresh link; a 409 `already-answered` after such a failure means the earlier attempt
landed although its answer was lost on the way back, and counts as sent too.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from uuid import UUID

import httpx
from samen_kit.access import GuardianItem, mint_guardian_token
from samen_kit.access.devkeys import dev_guardian_key
from samen_kit.access.testing import step_up_cookie
from samen_kit.clock import SystemClock

from tests.e2e.faults.faults_region import Region, staff_token
from tests.e2e.faults.faults_stack import Running, Stack

PURPOSE = "mdo_request"
WORKERS = 3
RETRY_PAUSE = 0.5
GIVE_UP_AFTER = 240.0  # seconds of failed attempts for one answer


@dataclass(frozen=True)
class Ask:
    """One guardian's answer to give: the request, its pupil, the guardian; `document`
    when the request is about a document's words (an OPP's action part), which the
    guardian must have been shown before answering."""

    request_id: UUID
    pupil_id: UUID
    guardian_id: UUID
    document: bool = False


@dataclass
class AnswerTally:
    asks: list[Ask]
    confirmed: set[Ask] = field(default_factory=set)
    landed_unseen: int = 0  # confirmed by a 409 after an attempt whose answer was lost
    failed_attempts: Counter[str] = field(default_factory=Counter)

    @property
    def sent(self) -> int:
        return len(self.confirmed)


async def ask_consent(
    stack: Running, region: Region, pupils: list[UUID], purpose: str = PURPOSE
) -> list[Ask]:
    """Staff ask consent for each pupil; every guardian with authority is a party."""
    headers = {"Authorization": f"Bearer {staff_token(stack, region)}"}
    asks: list[Ask] = []
    async with httpx.AsyncClient(base_url=stack.config.url("consent"), timeout=60) as http:
        for pupil_id in pupils:
            body = {"pupil_id": str(pupil_id), "purpose": purpose}
            answer = await http.post("/v1/requests", json=body, headers=headers)
            if answer.status_code != 201:
                raise AssertionError(f"asking consent failed: {answer.status_code} {answer.text}")
            request = answer.json()
            request_id = UUID(request["request_id"])
            asks += [
                Ask(request_id, pupil_id, UUID(party["party_id"]))
                for party in request["parties"]
                if party["role"] == "guardian"
            ]
    return asks


class AnswerStream:
    """Answers every ask, a few at a time; slowly while `calm` is unset (the fault is on),
    at full speed once it is set."""

    def __init__(self, stack: Stack, region: Region, asks: list[Ask], pace: float) -> None:
        self._stack, self._region = stack, region
        self._queue: asyncio.Queue[Ask] = asyncio.Queue()
        for ask in random.sample(asks, len(asks)):
            self._queue.put_nowait(ask)
        self._pace = pace
        self.calm = asyncio.Event()
        self.tally = AnswerTally(asks)

    async def run(self) -> AnswerTally:
        await asyncio.gather(*(self._worker(number) for number in range(WORKERS)))
        return self.tally

    async def _worker(self, number: int) -> None:
        # Several consent instances: the workers spread over them, as a load balancer would.
        ports = self._stack.config.instance_ports("consent")
        base = f"http://127.0.0.1:{ports[number % len(ports)]}"
        async with httpx.AsyncClient(base_url=base, timeout=20) as http:
            while not self._queue.empty():
                await self._answer(http, self._queue.get_nowait())
                if not self.calm.is_set():
                    await asyncio.sleep(self._pace)

    async def _answer(self, http: httpx.AsyncClient, ask: Ask) -> None:
        deadline = asyncio.get_running_loop().time() + GIVE_UP_AFTER
        failed_before = False
        while asyncio.get_running_loop().time() < deadline:
            http.cookies.clear()  # each attempt is a fresh click on a fresh link
            http.cookies.update(self._confirmed(ask))
            outcome = await self._attempt(http, ask)
            if outcome == "confirmed" or (outcome == "already-answered" and failed_before):
                self.tally.confirmed.add(ask)
                self.tally.landed_unseen += outcome == "already-answered"
                return
            if outcome == "already-answered":
                raise AssertionError(f"{ask} was answered before it was ever sent")
            self.tally.failed_attempts[outcome] += 1
            failed_before = True
            await asyncio.sleep(RETRY_PAUSE)
        raise AssertionError(f"{ask} could not be answered within {GIVE_UP_AFTER} s")

    async def _attempt(self, http: httpx.AsyncClient, ask: Ask) -> str:
        form = {"token": self._link_token(ask), "antwoord": "ja", "taal": "nl"}
        if ask.document:
            shown = await self._read_document(http, ask)
            if shown != "shown":
                return shown
            form["document_taal"] = "nl"
        try:
            answer = await http.post(
                f"/ouders/toestemming/{ask.request_id}/antwoord",
                data=form,
                headers={"Accept": "application/json"},
            )
        except httpx.TransportError as error:
            return type(error).__name__
        if answer.status_code == 303:
            return "confirmed"
        if answer.status_code >= 500:
            return f"http-{answer.status_code}"
        problem = str(answer.json().get("type", "")) if _is_json(answer) else ""
        # Not shown: the page could not fetch the words from their owner (killed) just then.
        for retryable in ("concurrent-change", "document-not-shown"):
            if problem.endswith(retryable):
                return retryable
        if problem.endswith("already-answered"):
            return "already-answered"
        raise AssertionError(f"answer refused: {answer.status_code} {answer.text[:300]}")

    async def _read_document(self, http: httpx.AsyncClient, ask: Ask) -> str:
        """The guardian opens the link and reads the words: the consent page fetches them
        from their owner and keeps them as shown."""
        query = {"token": self._link_token(ask), "taal": "nl"}
        try:
            page = await http.get(f"/ouders/toestemming/{ask.request_id}", params=query)
        except httpx.TransportError as error:
            return type(error).__name__
        if page.status_code >= 500:
            return f"http-{page.status_code}"
        if page.status_code != 200:
            raise AssertionError(f"consent page refused: {page.status_code} {page.text[:300]}")
        return "shown"

    def _confirmed(self, ask: Ask) -> dict[str, str]:
        """The step-up proof of a guardian who typed their code (its flow has own tests)."""
        secret = self._stack.config.guardian_secret
        now = SystemClock().now()
        return step_up_cookie(
            secret, guardian_id=ask.guardian_id, tenant=self._region.tenant, now=now
        )

    def _link_token(self, ask: Ask) -> str:
        return mint_guardian_token(
            dev_guardian_key(self._stack.config.keys_dir),
            guardian_id=ask.guardian_id,
            pupil_id=ask.pupil_id,
            item=GuardianItem.of("consent_request", ask.request_id),
            tenant=self._region.tenant,
            now=SystemClock().now(),
            ttl=timedelta(hours=1),
        )


def _is_json(answer: httpx.Response) -> bool:
    return "json" in answer.headers.get("content-type", "")


async def recorded_answers(stack: Stack, region: Region, asks: list[Ask]) -> Counter[Ask]:
    """How often the consent service's evidence holds each asked guardian's answer."""
    headers = {"Authorization": f"Bearer {staff_token(stack, region)}"}
    by_request: dict[UUID, list[Ask]] = {}
    for ask in asks:
        by_request.setdefault(ask.request_id, []).append(ask)
    recorded: Counter[Ask] = Counter()
    async with httpx.AsyncClient(base_url=stack.config.url("consent"), timeout=60) as http:
        for request_id, its_asks in by_request.items():
            answer = await http.get(f"/v1/requests/{request_id}/evidence", headers=headers)
            answer.raise_for_status()
            parties = Counter(UUID(row["party_id"]) for row in answer.json())
            for ask in its_asks:
                recorded[ask] = parties[ask.guardian_id]
            unasked = set(parties) - {ask.guardian_id for ask in its_asks}
            if unasked:
                raise AssertionError(f"evidence of parties never asked: {unasked}")
    return recorded
