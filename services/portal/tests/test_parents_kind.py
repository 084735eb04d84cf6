"""Mijn kind over real HTTP on a real broker and database: the facts the services
publish make a guardian's overview — open questions first, each linking to its item's
own page, then the timeline — in Arabic right to left; a link about the child opens
it, a guardian without parental authority, another pupil's link and another tenant's
link are refused (and counted), and the page lives under the kit's parent-page policy."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events.consent import (
    ConsentParty,
    ConsentRequested,
    GuardianshipRecorded,
    GuardianStanding,
    PartyRole,
)
from samen_contract.events.meetings import (
    LocationKind,
    MeetingKind,
    MeetingParticipant,
    MeetingScheduled,
    ParticipantRole,
)
from samen_contract.events.plans import ActionPartOffered
from samen_kit.access import GuardianItem
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher, guardian_of_at_least
from samen_kit.testing.service import RunningService
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import PortalService

from services.portal.tests.portal_harness import enrol, family, standing_known
from services.portal.tests.test_portal_readmodel import _refusals, fact_count

pytestmark = pytest.mark.integration

Portal = RunningService[PortalService]
SHA = "ab" * 32


async def _asked(
    facts: RosterPublisher, tenant: str, school: UUID, pupil: UUID, guardian: UUID
) -> tuple[UUID, UUID, UUID]:
    request, opp, meeting = uuid4(), uuid4(), uuid4()
    party = ConsentParty(party_id=guardian, role=PartyRole.GUARDIAN)
    events = [
        ConsentRequested(
            request_id=request,
            pupil_id=pupil,
            school_id=school,
            purpose="onderzoek",
            purpose_version=1,
            parties=(party,),
            answer_by=date(2026, 4, 1),
        ),
        ActionPartOffered(
            opp_id=opp,
            pupil_id=pupil,
            school_id=school,
            version=1,
            action_part_sha256=SHA,
            answer_by=date(2026, 3, 15),
        ),
        MeetingScheduled(
            meeting_id=meeting,
            pupil_id=pupil,
            school_id=school,
            kind=MeetingKind.PROGRESS_TALK,
            starts_at=datetime(2026, 3, 20, 14, tzinfo=UTC),
            ends_at=datetime(2026, 3, 20, 15, tzinfo=UTC),
            guardian_ids=(guardian,),
            participants=(MeetingParticipant(person_id=guardian, role=ParticipantRole.GUARDIAN),),
            location_kind=LocationKind.SCHOOL,
        ),
    ]
    for event in events:
        await facts.publish(event, tenant=tenant, subject=pupil, school=school)
    return request, opp, meeting


def _client(portal: Portal) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=portal.base_url, timeout=10.0)


async def test_a_guardian_sees_what_is_asked_first_then_what_happened_in_arabic(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school = new_tenant(), uuid4()
    pupil, guardian = await family(facts, tenant, school, GuardianStanding.PARENTAL_AUTHORITY)
    request, opp, meeting = await _asked(facts, tenant, school, pupil, guardian)
    await wait_for(lambda: standing_known(portal, tenant, guardian))
    await wait_for(lambda: _counted(portal, tenant, pupil, 5))

    # The link of the consent e-mail names the request; it opens the overview as well.
    item = GuardianItem.of("consent_request", request)
    token = portal.guardian_token(tenant, guardian, pupil, item)
    async with _client(portal) as browser:
        page = await browser.get(f"/ouders/kind/{pupil}", params={"token": token, "taal": "ar"})
    assert page.status_code == 200, page.text
    html = page.text
    assert '<html lang="ar" dir="rtl">' in html
    assert "طفلي" in html and "Mijn kind" in html  # Arabic beside Dutch
    questions = html[html.index('id="vragen"') : html.index('id="tijdlijn"')]
    # Soonest date first: the action part (15 March), the consent (1 April), then the
    # undated invitation; each links to its item's own parent page.
    order = [
        questions.index(f"/ouders/opp/{opp}"),
        questions.index(f"/ouders/toestemming/{request}"),
        questions.index(f"/ouders/gesprekken/{meeting}"),
    ]
    assert order == sorted(order)
    timeline = html[html.index('id="tijdlijn"') :]
    assert "De school vroeg om toestemming" in timeline
    assert "De school nodigde u uit voor een gesprek" in timeline
    assert "style-src 'sha256-" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    assert str(guardian) not in html, html[html.index(str(guardian)) - 300 :][:400]


async def test_no_authority_another_pupil_or_another_tenant_is_refused_and_counted(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school = new_tenant(), uuid4()
    pupil, informed = await family(facts, tenant, school, GuardianStanding.INFORMATION_RIGHT)
    other_pupil, parent = await family(facts, tenant, school, GuardianStanding.PARENTAL_AUTHORITY)
    await wait_for(lambda: standing_known(portal, tenant, informed))
    await wait_for(lambda: standing_known(portal, tenant, parent))
    before = await _refusals(portal, tenant)

    tries = [
        (informed, pupil, tenant, pupil),  # information right only: no overview
        (parent, other_pupil, tenant, pupil),  # a link about another child
        (parent, other_pupil, new_tenant(), other_pupil),  # another tenant
    ]
    async with _client(portal) as browser:
        for who, named, in_tenant, opened in tries:
            token = portal.guardian_token(in_tenant, who, named)
            page = await browser.get(f"/ouders/kind/{opened}", params={"token": token})
            assert page.status_code == 403, (who, opened)
            assert "Geen toegang" in page.text and "toestemming" not in page.text
        missing = await browser.get(f"/ouders/kind/{pupil}")
        assert missing.status_code == 401
        mine = portal.guardian_token(tenant, parent, other_pupil)
        allowed = await browser.get(f"/ouders/kind/{other_pupil}", params={"token": mine})
        assert allowed.status_code == 200
        assert "U hoeft nu niets te doen." in allowed.text
    assert await _refusals(portal, tenant) >= before + 2


async def test_a_signed_in_guardian_switches_between_their_children_and_a_link_alone_lists_none(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school = new_tenant(), uuid4()
    first, parent = await family(facts, tenant, school, GuardianStanding.PARENTAL_AUTHORITY)
    second = await enrol(facts, tenant, school, "3b")
    informed_only = await enrol(facts, tenant, school, "8a")
    for pupil, standing in [
        (second, GuardianStanding.PARENTAL_AUTHORITY),
        (informed_only, GuardianStanding.INFORMATION_RIGHT),
    ]:
        recorded = GuardianshipRecorded(pupil_id=pupil, guardian_id=parent, standing=standing)
        await facts.publish(recorded, tenant=tenant, subject=pupil, school=school)
    await wait_for(lambda: guardian_of_at_least(portal.sessions, tenant, parent, 3))

    async with _client(portal) as browser:
        browser.cookies.update(portal.guardian_session(tenant, parent, first))
        page = await browser.get(f"/ouders/kind/{first}", params={"taal": "tr"})
        assert page.status_code == 200, page.text
        start = page.text.index('id="kinderen"')
        children = page.text[start : page.text.index("</nav>", start)]
        # The two children of whom they have parental authority, this one marked; not
        # the child of whom they only have the right to information.
        assert f'href="/ouders/kind/{first}?taal=tr" aria-current="page"' in children
        assert f'href="/ouders/kind/{second}?taal=tr">' in children
        assert str(informed_only) not in children
        assert "groep 3b" in children and "sınıf 3b" in children
        switched = await browser.get(f"/ouders/kind/{second}", params={"taal": "tr"})
        assert switched.status_code == 200, switched.text
        assert 'aria-current="page"' in switched.text

    async with _client(portal) as browser:  # the e-mail's link alone: this child only
        token = portal.guardian_token(tenant, parent, first)
        alone = await browser.get(f"/ouders/kind/{first}", params={"token": token})
        assert alone.status_code == 200
        assert 'id="kinderen"' not in alone.text
        other = await browser.get(f"/ouders/kind/{second}", params={"token": token})
        assert other.status_code == 403


async def _counted(portal: Portal, tenant: str, pupil: UUID, wanted: int) -> bool:
    return await fact_count(portal, tenant, pupil) >= wanted
