"""The scheduler's sweeps against the real database and Kafka: expiry always wins,
reminders fall due, refused attempts are reported per minute — each exactly once,
however often or however many sweeps run.

(The consent service consumes no other service's events; its idempotence shows here,
in its sweeps, and in the roster import run twice.)
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_consent.domain.decisions import Expired, ReminderDue, decision_id
from samen_consent.domain.parties import PartyRole
from samen_consent.entrypoints.jobs import Sweeper, sweep_once
from samen_contract.events.access import AccessRefused
from samen_contract.events.consent import ConsentExpired, ConsentReminderDue
from samen_kit.access import Role
from samen_kit.access.testing import new_signing_key

from services.consent.tests.consent_harness import ConsentService, Family, School

pytestmark = pytest.mark.integration


async def _sweep(consent: ConsentService, times: int = 1) -> None:
    for _ in range(times):
        await sweep_once(consent.ctx, timedelta(0))


async def _agree(consent: ConsentService, school: School, family: Family, rid: str) -> None:
    for guardian in family.guardian_ids:
        response = await consent.answer(school.tenant, guardian, family.pupil_id, rid)
        assert response.status_code == 303


def _next_august(now: datetime) -> datetime:
    year = now.year if now.month < 8 else now.year + 1
    return datetime(year, 8, 1, 12, 0, tzinfo=UTC)


async def test_a_given_consent_expires_once_even_when_sweeps_overlap(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(standings=("parental_authority",))
    await consent.import_families(school, [family])
    rid = (await consent.ask(school, family))["request_id"]
    await _agree(consent, school, family, rid)
    await consent.events.wait_for_one(school.tenant, "ConsentGiven")
    august = _next_august(consent.clock.now())
    consent.advance(august - consent.clock.now())

    await asyncio.gather(_sweep(consent), _sweep(consent))
    await _sweep(consent, times=2)

    seen = await consent.events.settle(school.tenant)
    expired = [s for s in seen if isinstance(s.event, ConsentExpired)]
    assert len(expired) == 1
    event = expired[0].event
    assert isinstance(event, ConsentExpired)
    assert event.was_given is True
    assert event.expired_at == datetime(august.year, 7, 31, 22, 0, tzinfo=UTC)  # 1 Aug, 00:00 NL
    expected_id = decision_id(
        Expired(UUID(rid), family.pupil_id, "engage_swv", event.expired_at, was_given=True)
    )
    assert expired[0].envelope.id == str(expected_id)
    assert expired[0].envelope.actor == "system:consent.sweep"
    status = await consent.http.get(
        f"/v1/pupils/{family.pupil_id}/consents/engage_swv",
        headers=consent.staff_token(school.tenant, Role.IB, schools=[school.school_id]),
    )
    assert (status.json()["allowed"], status.json()["reason"]) == (False, "expired")


async def test_reminders_fall_due_once_per_number_for_parties_who_have_not_answered(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    rid = (await consent.ask(school, family))["request_id"]
    answered, silent = family.guardian_ids
    await consent.answer(school.tenant, answered, family.pupil_id, rid)
    requested_at = datetime.fromisoformat(
        (
            await consent.http.get(
                f"/v1/requests/{rid}",
                headers=consent.staff_token(school.tenant, Role.IB, schools=[school.school_id]),
            )
        ).json()["requested_at"]
    )

    consent.advance(requested_at + timedelta(days=7, minutes=1) - consent.clock.now())
    await asyncio.gather(_sweep(consent), _sweep(consent))
    consent.advance(timedelta(days=7))
    await _sweep(consent, times=2)

    seen = await consent.events.settle(school.tenant)
    reminders = [s for s in seen if isinstance(s.event, ConsentReminderDue)]
    due = [s.event for s in reminders if isinstance(s.event, ConsentReminderDue)]
    assert [(r.party_id, r.number) for r in due] == [
        (silent, 1),
        (silent, 2),
    ]
    first_due = requested_at + timedelta(days=7)
    expected = ReminderDue(
        UUID(rid), family.pupil_id, "engage_swv", first_due, silent, PartyRole.GUARDIAN, 1
    )
    assert reminders[0].envelope.id == str(decision_id(expected))


async def test_refused_attempts_are_reported_per_minute_with_their_count_once(
    consent: ConsentService, school: School
) -> None:
    family = await consent.imported_family(school)
    rid = (await consent.ask(school, family))["request_id"]
    consent.advance(timedelta(minutes=10))  # a minute of our own
    window = consent.clock.now().replace(second=0, microsecond=0)
    expired = consent.staff_token(
        school.tenant, Role.IB, schools=[school.school_id], ttl=timedelta(seconds=-60)
    )
    forged = consent.staff_token(school.tenant, Role.IB, key=new_signing_key())
    teacher = consent.staff_token(school.tenant, Role.TEACHER, schools=[school.school_id])
    for _ in range(3):
        assert (await consent.http.get(f"/v1/requests/{rid}", headers=expired)).status_code == 401
    assert (await consent.http.get(f"/v1/requests/{rid}", headers=forged)).status_code == 401
    body = {"pupil_id": str(family.pupil_id), "purpose": "engage_swv"}
    assert (await consent.http.post("/v1/requests", json=body, headers=teacher)).status_code == 403
    unknown = uuid4()
    assert (await consent.http.get(f"/v1/requests/{unknown}", headers=teacher)).status_code == 404

    consent.advance(timedelta(minutes=2))
    await asyncio.gather(_sweep(consent), _sweep(consent))
    await _sweep(consent)

    seen = await consent.events.settle(school.tenant)
    refused = [s.event for s in seen if isinstance(s.event, AccessRefused)]
    reported = {
        (e.reason.value, e.credential.value, e.method, e.route, e.resource_kind): e.count
        for e in refused
        if e.window_start == window
    }
    assert reported == {
        ("expired_token", "staff_token", "GET", "/v1/requests/{request_id}", "consent_request"): 3,
        ("forbidden_role", "staff_token", "POST", "/v1/requests", "consent_request"): 1,
    }
    platform = [
        s.event
        for s in consent.events.of("platform", "AccessRefused")
        if isinstance(s.event, AccessRefused) and s.event.window_start == window
    ]
    assert [(e.reason.value, e.count) for e in platform] == [("forged_token", 1)]


async def test_the_scheduler_job_sweeps_on_its_interval_with_the_services_clock(
    consent: ConsentService, school: School
) -> None:
    family = Family.of(standings=("parental_authority",))
    await consent.import_families(school, [family])
    await consent.ask(school, family)
    consent.advance(_next_august(consent.clock.now()) - consent.clock.now())
    job = asyncio.create_task(Sweeper(consent.ctx, every=0.2, refusal_grace=timedelta(0))())
    try:
        seen = await consent.events.wait_for_one(school.tenant, "ConsentExpired")
    finally:
        job.cancel()
        await asyncio.gather(job, return_exceptions=True)
    expired = next(s.event for s in seen if isinstance(s.event, ConsentExpired))
    assert expired.was_given is False  # the question lapsed unanswered with the school year
