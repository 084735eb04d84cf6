"""What the portal's integration tests share: the service over real HTTP on a real
database and broker, facts published to Kafka as their owners would, and a signed-in
browser session for a staff member (the identity provider's part is the kit's staff
token, signed with the test's keys; the OIDC round trip is the browser tests' part)."""

from __future__ import annotations

import base64
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from itsdangerous import TimestampSigner
from samen_contract.events.consent import (
    ConsentRequested,
    GuardianshipRecorded,
    GuardianStanding,
    PupilEnrolled,
)
from samen_contract.events.meetings import ParentCommentAdded
from samen_kit.access import Role, tokens
from samen_kit.clock import FakeClock
from samen_kit.testing.callers import SESSION_SECRET, STAFF_ISSUER
from samen_kit.testing.keys import Keys
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher, roster_publisher
from samen_kit.testing.service import RunningService, running_service, service_settings
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import MIGRATIONS, SESSION_COOKIE, PortalService, build_service
from samen_portal.settings import PortalSettings


def make_settings(
    *,
    database_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    keys_folder: Path,
    keys: Keys,
    **overrides: Any,
) -> PortalSettings:
    return service_settings(
        PortalSettings,
        database_url=database_url,
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=topic_prefix,
        keys_folder=keys_folder,
        keys=keys,
        **overrides,
    )


# No owning service answers here: what only they know shows as not available.
NOBODY = "http://127.0.0.1:9"


@contextlib.asynccontextmanager
async def portal_alone(
    *, database_url: str, kafka_bootstrap: str, topic_prefix: str, keys_folder: Path
) -> AsyncIterator[RunningService[PortalService]]:
    """A portal on its own (the owners' APIs do not answer), on a clock at the real time,
    as the browser tests drive it."""
    keys = Keys()
    settings = make_settings(
        database_url=database_url,
        kafka_bootstrap=kafka_bootstrap,
        topic_prefix=topic_prefix,
        keys_folder=keys_folder,
        keys=keys,
        consent_base_url=NOBODY,
        meetings_base_url=NOBODY,  # the meeting form without colleagues to choose
        notifications_base_url=NOBODY,
    )
    async with running(settings, keys, FakeClock(datetime.now(UTC))) as service:
        yield service


def portal_alone_fixtures(label: str) -> tuple[Any, Any]:
    """Module fixtures of a test module with a portal of its own: `portal`, a portal alone
    on topics and a database named after `label`, and `facts`, a publisher on its topics.
    In the module: `portal, facts = portal_alone_fixtures("pages")`."""

    @pytest.fixture(scope="module", name="portal")
    async def portal(
        make_session_database: Callable[[str], str],
        kafka_bootstrap: str,
        topic_prefix: str,
        tmp_path_factory: pytest.TempPathFactory,
    ) -> AsyncIterator[RunningService[PortalService]]:
        async with portal_alone(
            database_url=make_session_database(f"portal_{label}_browser"),
            kafka_bootstrap=kafka_bootstrap,
            topic_prefix=own_prefix(topic_prefix, label),
            keys_folder=tmp_path_factory.mktemp("keys"),
        ) as service:
            yield service

    @pytest.fixture(scope="module", name="facts")
    async def facts(
        portal: RunningService[PortalService], kafka_bootstrap: str, topic_prefix: str
    ) -> AsyncIterator[RosterPublisher]:
        async with publisher(kafka_bootstrap, own_prefix(topic_prefix, label)) as found:
            yield found

    return portal, facts


def own_prefix(topic_prefix: str, label: str) -> str:
    """Topics of one test portal: portals of one session on one prefix would share the
    consumer group and split its partitions between databases."""
    return f"{topic_prefix}{label}."


@contextlib.asynccontextmanager
async def running(
    settings: PortalSettings, keys: Keys, clock: FakeClock
) -> AsyncIterator[RunningService[PortalService]]:
    async with running_service(build_service(settings, clock=clock), MIGRATIONS, keys, clock) as r:
        yield r


@dataclass
class Staff:
    """A signed-in staff member's browser: the portal's session cookie, over real HTTP."""

    client: httpx.AsyncClient
    csrf: str


async def sign_in(
    portal: RunningService[PortalService],
    tenant: str,
    role: Role,
    *,
    schools: tuple[UUID, ...] = (),
    boards: tuple[str, ...] = (),
    groups: tuple[str, ...] = (),
) -> Staff:
    """Start a session as the portal's sign-in does after the identity provider's
    redirect, and hand the browser its signed cookie."""
    token = _token(portal, tenant, role, schools, boards, groups)
    store = portal.service.signin.store
    now = portal.clock.now()
    sid = await store.start(
        tenant=tenant,
        subject="test",
        access_token=token,
        refresh_token=None,
        id_token=None,
        now=now,
        expires_at=now + timedelta(hours=8),
    )
    found = await store.find(sid, now)
    assert found is not None
    payload = base64.b64encode(json.dumps({"sid": sid}).encode())
    cookie = TimestampSigner(SESSION_SECRET).sign(payload).decode()
    client = httpx.AsyncClient(
        base_url=portal.base_url, cookies={SESSION_COOKIE: cookie}, timeout=10.0
    )
    return Staff(client, found.csrf)


def _token(
    portal: RunningService[PortalService],
    tenant: str,
    role: Role,
    schools: tuple[UUID, ...],
    boards: tuple[str, ...],
    groups: tuple[str, ...],
) -> str:
    """A staff token as the identity provider mints it, with a teacher's `groups`."""
    now = portal.clock.now()
    claims = {
        "iss": STAFF_ISSUER,
        "aud": "staff",
        "sub": str(uuid4()),
        "role": role.value,
        "tenant": tenant,
        "boards": sorted(boards),
        "schools": sorted(str(s) for s in schools),
        "groups": sorted(groups),
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(hours=1)).timestamp()),
        "jti": str(uuid4()),
    }
    return tokens.sign(portal.keys.staff, claims)


@contextlib.asynccontextmanager
async def publisher(bootstrap: str, prefix: str) -> AsyncIterator[RosterPublisher]:
    """Facts of any service on its (prefixed) topic, numbered per subject."""
    async with roster_publisher(bootstrap, prefix, RosterPublisher) as found:
        yield found


async def enrol(
    facts: RosterPublisher, tenant: str, school: UUID, group: str, board: str | None = None
) -> UUID:
    pupil = uuid4()
    event = PupilEnrolled(
        pupil_id=pupil, school_id=school, enrolled_on=date(2025, 8, 18), group=group
    )
    await facts.publish(event, tenant=tenant, subject=pupil, board=board, school=school)
    return pupil


def parent_comment(pupil: UUID, school: UUID) -> ParentCommentAdded:
    """Meetings' fact that a guardian commented on a meeting record."""
    return ParentCommentAdded(
        comment_id=uuid4(),
        record_id=uuid4(),
        meeting_id=uuid4(),
        pupil_id=pupil,
        school_id=school,
        guardian_id=uuid4(),
    )


def consent_asked(pupil: UUID, school: UUID, request_id: UUID | None = None) -> ConsentRequested:
    """Consent's fact that the school asked consent for an MDO (no parties named)."""
    return ConsentRequested(
        request_id=request_id or uuid4(),
        pupil_id=pupil,
        school_id=school,
        purpose="mdo",
        purpose_version=1,
        parties=(),
    )


async def family(
    facts: RosterPublisher, tenant: str, school: UUID, standing: GuardianStanding
) -> tuple[UUID, UUID]:
    """A pupil of `school` and one guardian of `standing`, published as consent would."""
    pupil = await enrol(facts, tenant, school, "6a")
    guardian = uuid4()
    recorded = GuardianshipRecorded(pupil_id=pupil, guardian_id=guardian, standing=standing)
    await facts.publish(recorded, tenant=tenant, subject=pupil, school=school)
    return pupil, guardian


async def standing_known(
    portal: RunningService[PortalService], tenant: str, guardian: UUID
) -> bool:
    rows = await portal.sql(
        "SELECT 1 FROM roster_guardianship WHERE tenant = :t AND guardian_id = :g",
        t=tenant,
        g=guardian,
    )
    return bool(rows)


async def known_family(
    portal: RunningService[PortalService],
    facts: RosterPublisher,
    standing: GuardianStanding = GuardianStanding.PARENTAL_AUTHORITY,
) -> tuple[str, UUID, UUID, UUID]:
    """A new tenant and school with a pupil and one guardian of `standing`, once the
    portal knows the guardian: (tenant, school, pupil, guardian)."""
    tenant, school = new_tenant(), uuid4()
    pupil, guardian = await family(facts, tenant, school, standing)
    await wait_for(lambda: standing_known(portal, tenant, guardian))
    return tenant, school, pupil, guardian
