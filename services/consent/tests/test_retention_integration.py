"""Retention in the consent service against the real database and Kafka: two years after
the pupil left, the guardian's own words and the day of birth are gone, ids, dates and
states stay, and `PersonalDataErased` says so once — however many sweeps run at once,
and not while a legal hold is open."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date, timedelta
from typing import Any
from uuid import uuid4

import pytest
from samen_consent.adapters.retention import ERASERS
from samen_contract import Envelope
from samen_contract.codec import encode
from samen_contract.events.disputes import DisputeDecided, DisputeOpened
from samen_contract.events.retention import DataKind, PersonalDataErased
from samen_kit.access import GuardianItem
from samen_kit.db import unit_of_work
from samen_kit.retention.store import lift_hold, place_hold
from samen_kit.retention.sweep import Retention, sweep
from samen_kit.testing import bus
from samen_kit.testing.waiting import wait_for
from sqlalchemy import text

from services.consent.tests.consent_harness import ConsentService, Family, School

# The tests move the session's service clock by years: conftest puts it back after each.
pytestmark = pytest.mark.integration


WHY = "Wij willen eerst met de juf praten."
TWO_YEARS = timedelta(days=2 * 366)


def _retention(consent: ConsentService) -> Retention:
    return Retention("consent", consent.runtime.sessions, consent.clock, ERASERS)


async def _refuse_with_reason(consent: ConsentService, school: School, family: Family) -> str:
    rid = str((await consent.ask(school, family))["request_id"])
    guardian = family.guardian_ids[0]
    item = GuardianItem.of("consent_request", rid)
    token = consent.guardian_token(school.tenant, guardian, family.pupil_id, item)
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, guardian)
        answered = await browser.post(
            f"/ouders/toestemming/{rid}/antwoord",
            data={"token": token, "antwoord": "nee", "reden": WHY},
        )
        assert answered.status_code == 303
    return rid


async def _a_pupil_who_left(consent: ConsentService, school: School) -> Family:
    family = Family.of(birth_date=date(2017, 3, 4))
    await consent.import_families(school, [family])
    await _refuse_with_reason(consent, school, family)
    left = replace(family, left_on=consent.clock.now().date())
    await consent.import_families(school, [left])
    return left


async def _stored(consent: ConsentService, school: School, family: Family) -> dict[str, Any]:
    params = {"t": school.tenant, "p": family.pupil_id}
    async with consent.runtime.sessions() as session:
        pupil = (
            await session.execute(
                text("SELECT birth_date, left_on FROM pupil WHERE tenant=:t AND pupil_id=:p"),
                params,
            )
        ).one()
        reasons = (
            await session.execute(
                text("SELECT reason, act FROM consent_evidence WHERE tenant=:t AND pupil_id=:p"),
                params,
            )
        ).all()
    return {"birth": pupil.birth_date, "left": pupil.left_on, "evidence": reasons}


async def _claims(consent: ConsentService, school: School) -> list[str]:
    """The kinds erased for the school's tenant (other tests' tenants share the database)."""
    query = text("SELECT kind FROM retention_erasure WHERE tenant = :t ORDER BY kind")
    async with consent.runtime.sessions() as session:
        return list((await session.execute(query, {"t": school.tenant})).scalars())


def _erased(consent: ConsentService, school: School) -> list[PersonalDataErased]:
    return [
        s.event for s in consent.events.of(school.tenant) if isinstance(s.event, PersonalDataErased)
    ]


async def test_two_sweeps_at_once_erase_once_two_years_after_leaving(
    consent: ConsentService, school: School
) -> None:
    family = await _a_pupil_who_left(consent, school)
    retention = _retention(consent)
    await sweep(retention)
    assert (await _stored(consent, school, family))["evidence"][0].reason == WHY
    assert await _claims(consent, school) == []

    consent.advance(TWO_YEARS)
    await asyncio.gather(sweep(retention), sweep(retention))
    await sweep(retention)  # a later sweep finds the work done
    assert await _claims(consent, school) == ["consent_evidence", "roster_contact"]

    stored = await _stored(consent, school, family)
    assert stored["birth"] == date(2017, 1, 1)  # the year stays for figures by age
    assert stored["left"] == family.left_on
    assert [(row.reason, row.act) for row in stored["evidence"]] == [(None, "refuse")]

    await consent.events.wait(school.tenant, lambda _: len(_erased(consent, school)) >= 2)
    await consent.events.settle(school.tenant)
    erased = _erased(consent, school)
    assert sorted(e.kind for e in erased) == [DataKind.CONSENT_EVIDENCE, DataKind.ROSTER_CONTACT]
    assert {e.pupil_id for e in erased} == {family.pupil_id}
    assert all(WHY not in str(s.data) for s in consent.events.of(school.tenant))


async def test_a_legal_hold_keeps_the_data_until_it_is_lifted(
    consent: ConsentService, school: School
) -> None:
    family = await _a_pupil_who_left(consent, school)
    today = consent.clock.now().date()
    async with unit_of_work(consent.runtime.sessions) as session:
        await place_hold(session, school.tenant, family.pupil_id, "dispute:1", today)
    consent.advance(TWO_YEARS)
    retention = _retention(consent)

    await sweep(retention)
    assert (await _stored(consent, school, family))["evidence"][0].reason == WHY
    assert await _claims(consent, school) == []

    async with unit_of_work(consent.runtime.sessions) as session:
        lifted = consent.clock.now().date()
        await lift_hold(session, school.tenant, family.pupil_id, "dispute:1", lifted)
    await sweep(retention)
    assert await _claims(consent, school) == ["consent_evidence", "roster_contact"]
    assert (await _stored(consent, school, family))["evidence"][0].reason is None


async def _from_disputes(consent: ConsentService, school: School, event: Any, seq: int) -> None:
    envelope = Envelope.for_event(
        event, tenant=school.tenant, subject=event.pupil_id, actor="system:test",
        sequence=seq, school=school.school_id,
    )  # fmt: skip
    async with bus.producer(consent.settings.kafka_bootstrap) as producer:
        await bus.send(producer, consent.settings.topic_prefix, encode(envelope, event))


async def _holds(consent: ConsentService, school: School) -> list[tuple[Any, ...]]:
    query = text("SELECT hold_id, lifted_on IS NULL FROM retention_hold WHERE tenant = :t")
    async with consent.runtime.sessions() as session:
        return [tuple(row) for row in await session.execute(query, {"t": school.tenant})]


async def test_an_open_dispute_on_the_bus_holds_the_pupils_data_until_it_is_decided(
    consent: ConsentService, school: School
) -> None:
    family = await _a_pupil_who_left(consent, school)
    dispute = uuid4()
    facts = {"dispute_id": dispute, "pupil_id": family.pupil_id, "school_id": school.school_id}
    opened = DisputeOpened(
        **facts, subject="opp", stage="conversation", stages=("conversation",),
        situation="open", opened_by="guardian",
    )  # fmt: skip
    await _from_disputes(consent, school, opened, 1)
    await wait_for(lambda: _holds_are(consent, school, [(f"dispute:{dispute}", True)]))

    consent.advance(TWO_YEARS)
    await sweep(_retention(consent))
    assert await _claims(consent, school) == []  # held by the open dispute

    decided = DisputeDecided(
        **facts,
        subject="opp",
        stages_before=("objection",),
        outcome="upheld",
        departs_from_advice=False,
    )
    await _from_disputes(consent, school, decided, 2)
    await wait_for(lambda: _holds_are(consent, school, [(f"dispute:{dispute}", False)]))
    await sweep(_retention(consent))
    assert await _claims(consent, school) == ["consent_evidence", "roster_contact"]


async def _holds_are(consent: ConsentService, school: School, wanted: list[Any]) -> bool:
    return await _holds(consent, school) == wanted


async def _given_then_withdrawn(consent: ConsentService, school: School, family: Family) -> str:
    rid = str((await consent.ask(school, family))["request_id"])
    item = GuardianItem.of("consent_request", rid)
    async with consent.guardian_client() as browser:
        for guardian in family.guardian_ids:
            token = consent.guardian_token(school.tenant, guardian, family.pupil_id, item)
            consent.confirm(browser, school.tenant, guardian)
            await browser.post(
                f"/ouders/toestemming/{rid}/antwoord", data={"token": token, "antwoord": "ja"}
            )
        await browser.post(f"/ouders/toestemming/{rid}/intrekken", data={})
    return rid


async def _request_state(consent: ConsentService, rid: str) -> tuple[str, bool]:
    query = text("SELECT state, given_at IS NOT NULL FROM consent_request WHERE request_id = :r")
    async with consent.runtime.sessions() as session:
        return tuple((await session.execute(query, {"r": rid})).one())  # type: ignore[return-value]


async def _token_ids(consent: ConsentService, school: School, family: Family) -> list[Any]:
    query = text("SELECT token_id FROM consent_evidence WHERE tenant = :t AND pupil_id = :p")
    params = {"t": school.tenant, "p": family.pupil_id}
    async with consent.runtime.sessions() as session:
        return list((await session.execute(query, params)).scalars())


async def test_the_evidence_of_a_withdrawn_consent_goes_two_years_later_while_the_pupil_stays(
    consent: ConsentService, school: School
) -> None:
    withdrawn, still_given = Family.of(), Family.of()
    await consent.import_families(school, [withdrawn, still_given])
    rid = await _given_then_withdrawn(consent, school, withdrawn)
    assert await _request_state(consent, rid) == ("withdrawn", True)
    before = await _token_ids(consent, school, withdrawn)
    assert any(token is not None for token in before)
    await consent.ask(school, still_given)  # asked, not answered: relied on soon
    retention = _retention(consent)

    consent.advance(TWO_YEARS - timedelta(days=40))
    await sweep(retention)
    assert await _claims(consent, school) == []

    consent.advance(timedelta(days=40))
    await asyncio.gather(sweep(retention), sweep(retention))

    assert await _claims(consent, school) == ["consent_evidence"]  # the roster stays
    assert await _token_ids(consent, school, withdrawn) == [None] * len(before)
    await consent.events.wait(school.tenant, lambda _: len(_erased(consent, school)) >= 1)
    await consent.events.settle(school.tenant)
    erased = _erased(consent, school)
    assert [(e.pupil_id, e.kind) for e in erased] == [
        (withdrawn.pupil_id, DataKind.CONSENT_EVIDENCE)
    ]
