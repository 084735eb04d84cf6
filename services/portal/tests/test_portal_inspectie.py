"""The inspectie's pages over real HTTP on a real broker and database: an inspectie user
sees the figures of their samenwerkingsverband's schools, as the owners' facts state
them, and of one school on its own page; another tenant's school is not found, other
roles are refused (and counted), and the pages change nothing. No owning service answers
here (see conftest): what only they know shows as not available, and the export says
clearly that it cannot be made now."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest
from samen_contract.events.admissions import RegistrationDecided, ThuiszitterReported
from samen_contract.events.disputes import DisputeOpened
from samen_contract.events.plans import EvaluationHeld
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.roster import RosterPublisher
from samen_kit.testing.service import RunningService
from samen_kit.testing.waiting import wait_for
from samen_portal.bootstrap import PortalService

from services.portal.tests.portal_harness import enrol, sign_in
from services.portal.tests.test_portal_readmodel import fact_count

pytestmark = pytest.mark.integration

Portal = RunningService[PortalService]


async def a_school_year(facts: RosterPublisher, tenant: str, school: UUID) -> UUID:
    """One pupil: an evaluation with the parents, one without, a registration decided
    late, an open dispute and a thuiszitter."""
    pupil = await enrol(facts, tenant, school, "6a")
    about = {"pupil_id": pupil, "school_id": school}
    events = [
        EvaluationHeld(opp_id=uuid4(), held_on=date(2026, 10, 1), with_parents=True, **about),
        EvaluationHeld(opp_id=uuid4(), held_on=date(2026, 10, 2), with_parents=False, **about),
        RegistrationDecided(
            registration_id=uuid4(), outcome="placed", decided_on=date(2026, 11, 1),
            in_time=False, **about,
        ),
        DisputeOpened(
            dispute_id=uuid4(), subject="opp", stage="objection", stages=("objection",),
            situation="open", next_deadline_date=date(2027, 1, 15), opened_by="guardian",
            **about,
        ),
        ThuiszitterReported(
            absence_id=uuid4(), home_since=date(2026, 9, 1), reported_on=date(2026, 9, 29),
            **about,
        ),
    ]  # fmt: skip
    for event in events:
        await facts.publish(event, tenant=tenant, subject=pupil, school=school)
    return pupil


async def kept(portal: Portal, tenant: str, pupil: UUID, wanted: int) -> bool:
    return await fact_count(portal, tenant, pupil) >= wanted


def figure(label: str, shown: str) -> str:
    return f"<dt>{label}</dt><dd>{shown}</dd>"


async def test_an_inspectie_user_sees_one_schools_figures_and_nothing_to_change(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, school, other = new_tenant(), uuid4(), uuid4()
    pupil = await a_school_year(facts, tenant, school)
    quiet = await enrol(facts, tenant, other, "3b")  # nothing has happened there yet
    await wait_for(lambda: kept(portal, tenant, pupil, 6))
    await wait_for(lambda: kept(portal, tenant, quiet, 1))

    inspectie = await sign_in(portal, tenant, Role.INSPECTIE)
    page = await inspectie.client.get(f"/inspectie/scholen/{school}")
    assert page.status_code == 200
    assert f"Inspectie: school {str(school).split('-')[0]}</h1>" in page.text
    assert figure("Evaluaties met de ouders op tijd", "50%") in page.text
    assert figure("Aanmeldingen op tijd beslist", "0%") in page.text
    assert figure("Open geschillen", "1") in page.text
    assert figure("Eerstvolgende termijn van een geschil", "15-01-2027") in page.text
    assert figure("Thuiszitters", "1") in page.text
    # Plans does not answer here: not a made-up zero.
    assert figure("Handelingsdelen zonder toestemming", "niet beschikbaar") in page.text
    assert f"/inspectie/export?school={school}" in page.text
    assert (
        "samen audit verify samen-audit-" in page.text and "--key audit-public-key.pem" in page.text
    )
    assert "<form" not in page.text.replace('action="/afmelden"', "").split("</header>")[1]

    tenant_page = await inspectie.client.get("/inspectie")
    assert tenant_page.status_code == 200
    assert f"/inspectie/scholen/{school}" in tenant_page.text
    assert f"/inspectie/scholen/{other}" in tenant_page.text
    quiet_page = await inspectie.client.get(f"/inspectie/scholen/{other}")
    assert quiet_page.status_code == 200
    assert figure("Evaluaties met de ouders op tijd", "nog niets te tellen") in quiet_page.text
    assert figure("Open geschillen", "0") in quiet_page.text


async def test_an_inspectie_user_does_not_find_another_samenwerkingsverbands_school(
    portal: Portal, facts: RosterPublisher
) -> None:
    ours, theirs = new_tenant(), new_tenant()
    their_school = uuid4()
    pupil = await a_school_year(facts, theirs, their_school)
    await wait_for(lambda: kept(portal, theirs, pupil, 6))

    inspectie = await sign_in(portal, ours, Role.INSPECTIE)
    page = await inspectie.client.get(f"/inspectie/scholen/{their_school}")
    assert page.status_code == 404
    assert "School niet gevonden" in page.text
    assert (
        f"/inspectie/scholen/{their_school}" not in (await inspectie.client.get("/inspectie")).text
    )
    unknown = await inspectie.client.get(f"/inspectie/scholen/{uuid4()}")
    assert unknown.status_code == 404


@pytest.mark.parametrize("role", [Role.IB, Role.SWV_ADMIN, Role.TEACHER])
async def test_other_roles_are_refused_the_inspecties_pages(portal: Portal, role: Role) -> None:
    tenant, school = new_tenant(), uuid4()
    staff = await sign_in(portal, tenant, role, schools=(school,))
    for path in ("/inspectie", f"/inspectie/scholen/{school}", "/inspectie/export"):
        refused = await staff.client.get(path)
        assert refused.status_code == 403, path
        assert "zijn voor de inspectie." in refused.text
    assert "/inspectie" not in (await staff.client.get("/te-doen")).text


async def test_the_export_says_so_when_the_audit_log_does_not_answer(portal: Portal) -> None:
    inspectie = await sign_in(portal, new_tenant(), Role.INSPECTIE)
    answer = await inspectie.client.get("/inspectie/export")
    assert answer.status_code == 503
    assert "Even niet beschikbaar" in answer.text
    assert "Er is nog geen ondertekende boomkop" in (await inspectie.client.get("/inspectie")).text


async def test_the_export_runs_to_todays_date_in_the_netherlands_not_in_utc(
    portal: Portal, facts: RosterPublisher
) -> None:
    """At 23:30 UTC it is already the next day in the Netherlands, and the audit service
    reads the period in Dutch days: the named export must include that day."""
    tenant, school = new_tenant(), uuid4()
    pupil = await enrol(facts, tenant, school, "5a")
    await wait_for(lambda: kept(portal, tenant, pupil, 1))
    was = portal.clock.current
    portal.clock.current = datetime(2027, 3, 1, 23, 30, tzinfo=UTC)
    try:
        inspectie = await sign_in(portal, tenant, Role.INSPECTIE)
        page = await inspectie.client.get(f"/inspectie/scholen/{school}")
    finally:
        portal.clock.current = was
    assert page.status_code == 200
    assert f"samen-audit-{tenant}-2026-08-01-2027-03-02.zip" in page.text
