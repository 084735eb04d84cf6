"""The consent service under test: real HTTP, PostgreSQL and Kafka, a clock tests move,
keys tests own, and a tap on the service's event topic.

One service runs for the whole test session (starting one costs seconds); every test
works in a tenant of its own and reads only its tenant's events.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
from fastapi import FastAPI, Header, Request
from fastapi.responses import JSONResponse
from pydantic import SecretStr
from samen_consent.bootstrap import create_consent_app, runtime_of
from samen_consent.handlers.context import Context
from samen_consent.migrate import migrate_async
from samen_consent.settings import ConsentSettings
from samen_contract import Envelope
from samen_contract.codec import encode
from samen_contract.events.consent import ConsentRequested
from samen_contract.events.plans import ActionPartOffered
from samen_contract.topics import events_topic
from samen_kit.access import GuardianItem, Role, StaticJwks
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, public_jwks
from samen_kit.access.step_up_proof import PROOF_COOKIE
from samen_kit.clock import FakeClock
from samen_kit.service import ServiceRuntime
from samen_kit.testing import bus
from samen_kit.testing.callers import SESSION_SECRET, Callers
from samen_kit.testing.databases import scratch_database
from samen_kit.testing.keys import Keys
from samen_kit.testing.names import new_tenant
from samen_kit.testing.server import serve
from samen_kit.testing.tap import EventTap, Seen

START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # a Monday in the school year


@dataclass
class DocumentOwner:
    """Stands in for the plans service's document route over real HTTP: serves the words
    a test put there, to a bearer token with a step-up proof (as plans asks, ADR 0017),
    and remembers the tokens and proofs it was shown."""

    documents: dict[tuple[UUID, int], dict[str, Any]] = field(default_factory=dict)
    tokens_seen: list[str] = field(default_factory=list)
    proofs_seen: list[str] = field(default_factory=list)

    def put(self, opp_id: UUID, version: int, body: dict[str, Any]) -> None:
        self.documents[(opp_id, version)] = body

    def app(self) -> FastAPI:
        app = FastAPI()

        @app.get("/ouders/documenten/opp_action_part/{opp_id}/{version}")
        async def document(
            request: Request,
            opp_id: UUID,
            version: int,
            taal: str = "nl",
            authorization: str = Header(""),
        ) -> JSONResponse:
            scheme, _, token = authorization.partition(" ")
            body = self.documents.get((opp_id, version))
            if scheme != "Bearer" or not token:
                return JSONResponse({"title": "no token"}, status_code=401)
            self.tokens_seen.append(token)
            proof = request.cookies.get(PROOF_COOKIE)
            if not proof:
                return JSONResponse({"title": "step-up required"}, status_code=401)
            self.proofs_seen.append(proof)
            if body is None:
                return JSONResponse({"title": "not found"}, status_code=404)
            return JSONResponse({**body, "language": taal})

        return app


@dataclass
class ConsentService(Callers):
    staff_issuer = DEV_STAFF_ISSUER

    base_url: str
    http: httpx.AsyncClient
    clock: FakeClock
    keys: Keys
    runtime: ServiceRuntime
    ctx: Context
    events: EventTap
    settings: ConsentSettings
    owner: DocumentOwner
    grace: timedelta = field(default=timedelta(seconds=0))

    def confirm(self, browser: httpx.AsyncClient, tenant: str, guardian_id: UUID) -> None:
        """The guardian behind `browser` has just typed their step-up code (ADR 0012)."""
        browser.cookies.update(self.step_up(tenant, guardian_id))

    def guardian_client(self) -> httpx.AsyncClient:
        """A browser of its own (its own cookie jar), that does not follow redirects."""
        return httpx.AsyncClient(base_url=self.base_url, headers={"Accept": "text/html"})

    def advance(self, delta: timedelta) -> None:
        self.clock.advance(delta)

    async def answer(
        self, tenant: str, guardian: UUID, pupil: UUID, rid: str | UUID, answer: str = "ja"
    ) -> httpx.Response:
        """The guardian answers the request through their link, step-up code typed, in a
        browser of their own; the page's response."""
        item = GuardianItem.of("consent_request", rid)
        token = self.guardian_token(tenant, guardian, pupil, item)
        async with self.guardian_client() as browser:
            self.confirm(browser, tenant, guardian)
            return await browser.post(
                f"/ouders/toestemming/{rid}/antwoord", data={"token": token, "antwoord": answer}
            )

    async def import_families(self, school: School, families: Sequence[Family]) -> dict[str, Any]:
        """The school's director imports these families' roster rows; the import's report."""
        headers = self.staff_token(school.tenant, Role.DIRECTOR, schools=[school.school_id])
        body = {
            "school_id": str(school.school_id),
            "board_id": str(school.board_id),
            "rows": [family.row(line) for line, family in enumerate(families, start=2)],
        }
        response = await self.http.post("/v1/roster", json=body, headers=headers)
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result

    async def imported_family(self, school: School) -> Family:
        """A new family with two guardians, on the school's roster."""
        family = Family.of()
        await self.import_families(school, [family])
        return family

    async def ask(
        self, school: School, family: Family, purpose: str = "engage_swv"
    ) -> dict[str, Any]:
        """The school's IB asks the family's guardians for consent; the request."""
        headers = self.staff_token(school.tenant, Role.IB, schools=[school.school_id])
        body = {"pupil_id": str(family.pupil_id), "purpose": purpose}
        response = await self.http.post("/v1/requests", json=body, headers=headers)
        assert response.status_code == 201, response.text
        result: dict[str, Any] = response.json()
        return result


@dataclass(frozen=True)
class Family:
    """A pupil on a school's roster with their guardians, as one import row."""

    pupil_id: UUID
    birth_date: date
    guardians: tuple[tuple[UUID, str], ...]
    enrolled_on: date = date(2025, 8, 18)
    left_on: date | None = None
    group: str | None = None

    @classmethod
    def of(
        cls,
        birth_date: date = date(2017, 3, 4),
        standings: Sequence[str] = ("parental_authority", "parental_authority"),
    ) -> Family:
        return cls(uuid4(), birth_date, tuple((uuid4(), standing) for standing in standings))

    @property
    def guardian_ids(self) -> list[UUID]:
        return [guardian for guardian, _ in self.guardians]

    def row(self, line: int = 2, **changes: Any) -> dict[str, Any]:
        row: dict[str, Any] = {
            "line": line,
            "pupil_id": str(self.pupil_id),
            "birth_date": self.birth_date.isoformat(),
            "enrolled_on": self.enrolled_on.isoformat(),
            "left_on": None if self.left_on is None else self.left_on.isoformat(),
            "group": self.group,
            "guardians": [
                {"guardian_id": str(g), "standing": standing} for g, standing in self.guardians
            ],
        }
        return {**row, **changes}


@dataclass(frozen=True)
class School:
    tenant: str
    school_id: UUID
    board_id: UUID

    @classmethod
    def new(cls) -> School:
        return cls(new_tenant(), uuid4(), uuid4())


def settings_for(
    database_url: str, kafka_bootstrap: str, topic_prefix: str, plans_base_url: str
) -> ConsentSettings:
    return ConsentSettings(
        plans_base_url=plans_base_url,
        database_url=database_url,
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=topic_prefix,
        outbox_poll_ms=200,
        sweep_seconds=3600,  # tests sweep by hand, with the clock where they want it
        refusal_grace_seconds=0,
        cookie_secure=False,  # the test server speaks plain HTTP
        # Known to the tests, so they can act as a guardian who confirmed a step-up code.
        session_secret=SecretStr(SESSION_SECRET),
    )


@contextlib.asynccontextmanager
async def running_service(
    server_url: str, kafka_bootstrap: str, topic_prefix: str
) -> AsyncIterator[ConsentService]:
    owner = DocumentOwner()
    async with scratch_database(server_url, "consent") as url, serve(owner.app()) as owner_url:
        await migrate_async(url)
        settings = settings_for(url, kafka_bootstrap, topic_prefix, owner_url)
        clock = FakeClock(START)
        keys = Keys()
        app = create_consent_app(
            settings,
            clock=clock,
            staff_keys=StaticJwks(public_jwks(keys.staff)),
            guardian_keys=StaticJwks(public_jwks(keys.guardian)),
        )
        runtime = runtime_of(app)
        async with (
            serve(app) as base_url,
            EventTap(kafka_bootstrap, topic_prefix + events_topic("consent")) as tap,
            httpx.AsyncClient(base_url=base_url) as http,
        ):
            yield ConsentService(
                base_url=base_url,
                http=http,
                clock=clock,
                keys=keys,
                runtime=runtime,
                ctx=app.state.consent.ctx,
                events=tap,
                settings=settings,
                owner=owner,
            )


IB = uuid4()  # the IB who offers the action parts


def action_part_sha(version: int, opp_id: UUID) -> str:
    return hashlib.sha256(f"{opp_id}/{version}".encode()).hexdigest()


def action_part_words(opp_id: UUID, version: int) -> dict[str, Any]:
    return {
        "kind": "opp_action_part",
        "subject_id": str(opp_id),
        "version": version,
        "sha256": action_part_sha(version, opp_id),
        "binding_language": "nl",
        "binding_note": "De Nederlandse tekst geldt.",
        "sections": [
            {"label": "Doelen", "text": f"Lezen op niveau E4 (versie {version})"},
            {"label": "Wie doet wat", "text": "De remedial teacher, twee keer per week"},
        ],
    }


async def offer_action_part(
    consent: ConsentService, school: School, family: Family, opp_id: UUID, version: int
) -> UUID:
    """The plans service's offer of one version, on the bus; the request it opened."""
    offer = ActionPartOffered(
        opp_id=opp_id,
        pupil_id=family.pupil_id,
        school_id=school.school_id,
        version=version,
        action_part_sha256=action_part_sha(version, opp_id),
    )
    envelope = Envelope.for_event(
        offer,
        tenant=school.tenant,
        subject=family.pupil_id,
        actor=f"ib:{IB}",
        sequence=version,
        school=school.school_id,
    )
    async with bus.producer(consent.settings.kafka_bootstrap) as producer:
        await bus.send(producer, consent.settings.topic_prefix, encode(envelope, offer))

    def requests_about(seen: list[Seen]) -> list[ConsentRequested]:
        return [
            x.event
            for x in seen
            if isinstance(x.event, ConsentRequested)
            and x.event.subject is not None
            and x.event.subject.version == version
        ]

    seen = await consent.events.wait(school.tenant, lambda s: bool(requests_about(s)))
    return requests_about(seen)[0].request_id
