"""One behaviour everywhere: the same refused attempt is recorded alike by every
service — the same reason, the same credential, under the same tenant — and each
service reports it as `AccessRefused` with an event id by the one seed rule.

Each service runs as its real app over its own migrated PostgreSQL database (no
Kafka: refusals are counted in the database and reported through the outbox).
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from fastapi import FastAPI
from joserfc.jwk import OKPKey
from samen_admissions.bootstrap import MIGRATIONS as ADMISSIONS_MIGRATIONS
from samen_admissions.bootstrap import build_service as build_admissions
from samen_admissions.settings import AdmissionsSettings
from samen_audit.bootstrap import build as build_audit
from samen_audit.settings import AuditSettings
from samen_consent.bootstrap import create_consent_app
from samen_consent.migrate import migrate_async as migrate_consent
from samen_consent.settings import ConsentSettings
from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.access import AccessRefused
from samen_disputes.bootstrap import MIGRATIONS as DISPUTES_MIGRATIONS
from samen_disputes.bootstrap import build_service as build_disputes
from samen_disputes.settings import DisputesSettings
from samen_kit.access import GuardianItem, Role, StaticJwks, mint_guardian_token, mint_staff_token
from samen_kit.access.devkeys import public_jwks
from samen_kit.access.refusal_book import RefusalBook
from samen_kit.access.testing import new_signing_key
from samen_kit.clock import FakeClock
from samen_kit.migrations import upgrade
from samen_kit.refusal_counts import RefusalGroup, access_refused_event_id, report_closed_windows
from samen_kit.refusal_table import TABLE_NAME, refusal_counts
from samen_kit.service import ServiceRuntime
from samen_meetings.bootstrap import MIGRATIONS as MEETINGS_MIGRATIONS
from samen_meetings.bootstrap import build as build_meetings
from samen_meetings.settings import MeetingsSettings
from samen_notifications.bootstrap import build_service as build_notifications
from samen_notifications.migrations import MIGRATIONS as NOTIFICATIONS_MIGRATIONS
from samen_notifications.settings import NotificationsSettings
from samen_plans.bootstrap import MIGRATIONS as PLANS_MIGRATIONS
from samen_plans.bootstrap import build_service as build_plans
from samen_plans.settings import PlansSettings
from sqlalchemy import text

from services.audit.tests.audit_harness import SIGNING_KEY, prepare, roles_admin_url

pytestmark = pytest.mark.integration

ISSUER = "urn:samen:test-idp"
SECRET = "a-test-session-secret-that-is-long-enough"
NOW = datetime(2026, 3, 2, 9, 15, 20, tzinfo=UTC)
TENANT = "swv-refusals"


@dataclass
class Service:
    name: str
    app: FastAPI
    runtime: ServiceRuntime
    route: str  # a staff route with one id, whose template the trail names

    def path(self) -> str:
        return self.route.split("{")[0] + str(uuid4()) + self.route.split("}")[1]

    @property
    def book(self) -> RefusalBook:
        book = self.app.state.samen_refusal_book
        assert isinstance(book, RefusalBook)
        return book


@dataclass(frozen=True)
class Keys:
    staff: OKPKey
    guardian: OKPKey
    folder: Path

    @property
    def staff_jwks(self) -> str:
        return self._write("staff", self.staff)

    @property
    def guardian_jwks(self) -> str:
        return self._write("guardian", self.guardian)

    def _write(self, name: str, key: OKPKey) -> str:
        path = self.folder / f"{name}.jwks.json"
        path.write_text(json.dumps(public_jwks(key)), "utf-8")
        return str(path)


async def _consent(url: str, keys: Keys, clock: FakeClock) -> Service:
    await migrate_consent(url)
    settings = ConsentSettings(database_url=url, staff_issuer=ISSUER, cookie_secure=False)
    app = create_consent_app(
        settings,
        clock=clock,
        staff_keys=StaticJwks(public_jwks(keys.staff)),
        guardian_keys=StaticJwks(public_jwks(keys.guardian)),
    )
    runtime = app.state.runtime
    return Service("consent", app, runtime, "/v1/requests/{request_id}")


async def _notifications(url: str, keys: Keys, clock: FakeClock) -> Service:
    await asyncio.to_thread(upgrade, url, NOTIFICATIONS_MIGRATIONS)
    settings = NotificationsSettings(database_url=url, staff_issuer=ISSUER)
    built = build_notifications(
        settings,
        clock=clock,
        guardian_key=keys.guardian,
        staff_jwks=StaticJwks(public_jwks(keys.staff)),
    )
    route = "/v1/pupils/{pupil_id}/notifications"
    return Service("notifications", built.app, built.runtime, route)


# The services that read their keys and session secret from their settings alone: their
# migrations, settings, builder, and a staff route with one id.
DECLARED: dict[str, tuple[Path, Callable[..., Any], Callable[..., Any], str]] = {
    "meetings": (MEETINGS_MIGRATIONS, MeetingsSettings, build_meetings, "/meetings/{meeting_id}"),
    "disputes": (DISPUTES_MIGRATIONS, DisputesSettings, build_disputes, "/disputes/{dispute_id}"),
    "plans": (PLANS_MIGRATIONS, PlansSettings, build_plans, "/opps/{opp_id}"),
    "admissions": (
        ADMISSIONS_MIGRATIONS,
        AdmissionsSettings,
        build_admissions,
        "/admission-requests/{request_id}",
    ),
}


async def _declared(name: str, url: str, keys: Keys, clock: FakeClock) -> Service:
    migrations, settings_of, build, route = DECLARED[name]
    await asyncio.to_thread(upgrade, url, migrations)
    secret = "guardian_session_secret" if name == "meetings" else "session_secret"
    settings = settings_of(
        database_url=url,
        staff_issuer=ISSUER,
        staff_jwks=keys.staff_jwks,
        guardian_jwks=keys.guardian_jwks,
        **{secret: SECRET},
    )
    built = build(settings, clock=clock)
    return Service(name, built.app, built.runtime, route)


async def _audit(url: str, keys: Keys, clock: FakeClock, server_url: str) -> Service:
    database = await prepare(url, await roles_admin_url(server_url))
    settings = AuditSettings(
        database_url=database.service_url,
        owner_database_url=database.owner_url,
        staff_issuer=ISSUER,
        staff_jwks=keys.staff_jwks,
    )
    built = build_audit(settings, clock=clock, signing_key=SIGNING_KEY)
    return Service("audit", built.app, built.runtime, "/audit/receipts/{event_id}")


@pytest.fixture
async def services(
    make_database: Callable[[str], str], postgres_server_url: str, tmp_path: Path
) -> AsyncIterator[tuple[list[Service], Keys, FakeClock]]:
    keys = Keys(new_signing_key(), new_signing_key(), tmp_path)
    clock = FakeClock(NOW)
    built = [
        await _consent(make_database("consent"), keys, clock),
        await _notifications(make_database("notif"), keys, clock),
        await _declared("meetings", make_database("meetings"), keys, clock),
        await _declared("disputes", make_database("disputes"), keys, clock),
        await _declared("plans", make_database("plans"), keys, clock),
        await _audit(make_database("audit"), keys, clock, postgres_server_url),
        await _declared("admissions", make_database("admissions"), keys, clock),
    ]
    yield built, keys, clock
    for service in built:
        await service.runtime.engine.dispose()


def _staff(keys: Keys, clock: FakeClock, **overrides: Any) -> str:
    values: dict[str, Any] = {
        "subject": "staff-1",
        "role": Role.SWV_ADMIN,
        "tenant": TENANT,
        "issuer": ISSUER,
        "now": clock.now(),
    }
    return mint_staff_token(overrides.pop("key", keys.staff), **{**values, **overrides})


def _attempts(keys: Keys, clock: FakeClock) -> list[tuple[str, str | None, tuple[str, str, str]]]:
    """(what, bearer token, expected (reason, credential, tenant)) — the same everywhere."""
    guardian_token = mint_guardian_token(
        keys.staff,  # under a key the staff verifier trusts: only the audience is wrong
        guardian_id=uuid4(),
        pupil_id=uuid4(),
        item=GuardianItem.of("pupil", uuid4()),
        tenant=TENANT,
        now=clock.now(),
    )
    return [
        ("no token", None, ("missing_token", "none", PLATFORM_TENANT)),
        ("malformed", "not-a-jwt", ("forged_token", "unreadable", PLATFORM_TENANT)),
        (
            "unknown key",
            _staff(keys, clock, key=new_signing_key()),
            ("forged_token", "staff_token", PLATFORM_TENANT),
        ),
        (
            "expired",
            _staff(keys, clock, ttl=timedelta(minutes=-5)),
            ("expired_token", "staff_token", TENANT),
        ),
        (
            "ten years",
            _staff(keys, clock, ttl=timedelta(days=3653)),
            ("expired_token", "staff_token", TENANT),
        ),
        ("guardian token", guardian_token, ("wrong_audience", "guardian_token", TENANT)),
        (
            "wrong issuer",
            _staff(keys, clock, issuer="urn:someone-else"),
            ("forged_token", "staff_token", TENANT),
        ),
    ]


async def _asked(service: Service, token: str | None = None) -> httpx.Response:
    """The service's path asked in-process, with `token` as the bearer if there is one."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.ASGITransport(app=service.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
        return await http.get(service.path(), headers=headers)


async def _counted(service: Service) -> dict[tuple[str, str, str], int]:
    async with service.runtime.sessions() as session:
        rows = await session.execute(
            text(f"SELECT reason, credential, tenant, count FROM {TABLE_NAME}")
        )
        return {(row[0], row[1], row[2]): row[3] for row in rows}


async def test_the_same_attempt_is_recorded_alike_by_every_service(
    services: tuple[list[Service], Keys, FakeClock],
) -> None:
    built, keys, clock = services
    attempts = _attempts(keys, clock)
    statuses: dict[str, dict[str, int]] = {}
    for service in built:
        for what, token, _ in attempts:
            response = await _asked(service, token)
            statuses.setdefault(what, {})[service.name] = response.status_code

    expected = Counter(expected for _, _, expected in attempts)  # ten years: expired too
    for service in built:
        assert await _counted(service) == expected, service.name
    for what, by_service in statuses.items():
        assert set(by_service.values()) == {401}, (what, by_service)


async def test_a_plain_miss_is_answered_404_and_counted_nowhere(
    services: tuple[list[Service], Keys, FakeClock],
) -> None:
    """Nothing there at all is no refusal: clients poll for what is on its way."""
    built, keys, clock = services
    for service in built:
        response = await _asked(service, _staff(keys, clock))
        assert response.status_code == 404, service.name
        assert response.json()["type"] == "urn:samen:problem:not-found", service.name
        assert await _counted(service) == {}, service.name


async def test_every_service_reports_a_window_with_the_one_event_id_rule(
    services: tuple[list[Service], Keys, FakeClock],
) -> None:
    built, _, clock = services
    for service in built:
        assert (await _asked(service)).status_code == 401
    clock.advance(timedelta(minutes=2))

    group = RefusalGroup(
        NOW.replace(second=0), PLATFORM_TENANT, "missing_token", "none", "GET", "", ""
    )
    for service in built:
        assert service.book.store is refusal_counts  # the kit's one table, in every service
        reported = await report_closed_windows(
            service.runtime.sessions,
            service.runtime.writer,
            clock,
            service=service.name,
            store=refusal_counts,
        )
        assert reported == 1, service.name
        mine = RefusalGroup(
            group.window_start,
            group.tenant,
            group.reason,
            group.credential,
            group.method,
            service.route,
            service.book.kinds.of(service.route),
        )
        async with service.runtime.sessions() as session:
            rows = (await session.execute(text("SELECT event_id, headers FROM outbox"))).all()
        assert [UUID(str(r[0])) for r in rows] == [access_refused_event_id(service.name, mine)]
        event_type = AccessRefused.for_service(service.name).event_type()
        assert event_type.encode() in json.dumps(rows[0][1]).encode(), service.name
