"""The duty of care over real HTTP: a registration decided within six weeks (once
extended by four), overdue otherwise; a pupil at home longer than four weeks reported as
a thuiszitter, once; the inspectie report counts both kinds of work."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from samen_admissions.handlers.timers import sweep
from samen_kit.access import Role

from services.admissions.tests.admissions_harness import Consent, Pupil, Running, Tap
from services.admissions.tests.admissions_steps import enrolled, ib, submitted_and_advised, swv

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("term_time")]


async def about_the_pupil(
    client: httpx.AsyncClient, run: Running, pupil: Pupil, path: str, **fields: str
) -> httpx.Response:
    """What the pupil's IB posts to `path` about the pupil."""
    body = {"pupil_id": str(pupil.pupil_id), **fields}
    return await client.post(path, json=body, headers=ib(run, pupil))


async def test_a_registration_term_is_extended_once_and_overdue_after(
    admissions: Running, consent_facts: Consent, admissions_tap: Tap, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    registered = await about_the_pupil(
        client, run, pupil, "/registrations", registered_on="2026-03-02"
    )
    assert registered.status_code == 201
    registration_id = registered.json()["id"]
    # Wpo art. 40 lid 4: six weeks to Monday 13 April; once four more, to Monday 11 May.
    assert registered.json()["decide_by"] == "2026-04-13"
    path = f"/registrations/{registration_id}/extension"
    extended = await client.post(path, headers=ib(run, pupil))
    assert extended.json()["decide_by"] == "2026-05-11"
    assert (await client.post(path, headers=ib(run, pupil))).status_code == 409

    run.clock.current = datetime(2026, 5, 12, 9, tzinfo=UTC)
    assert await sweep(run.service.deps, warning_weeks=12) >= 1
    seen = await admissions_tap.wait_for_one(pupil.tenant, "RegistrationOverdue")
    overdue = [s for s in seen if s.name == "RegistrationOverdue"]
    assert overdue[0].data["decide_by"] == "2026-05-11"

    decided = await client.post(
        f"/registrations/{registration_id}/decision",
        json={"outcome": "placed"},
        headers=ib(run, pupil),
    )
    assert decided.status_code == 200 and decided.json()["outcome"] == "placed"
    late = await admissions_tap.wait_for_one(pupil.tenant, "RegistrationDecided")
    assert next(s for s in late if s.name == "RegistrationDecided").data["in_time"] is False


async def test_a_pupil_at_home_four_weeks_is_reported_once_and_counted_per_school(
    admissions: Running, consent_facts: Consent, admissions_tap: Tap, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    recorded = await about_the_pupil(client, run, pupil, "/absences", home_since="2026-03-02")
    assert recorded.status_code == 201 and recorded.json()["thuiszitter"] is False

    run.clock.current = datetime(2026, 3, 30, 9, tzinfo=UTC)  # four weeks: not yet
    await sweep(run.service.deps, warning_weeks=12)
    run.clock.current = datetime(2026, 3, 31, 9, tzinfo=UTC)  # longer than four weeks
    await sweep(run.service.deps, warning_weeks=12)
    await sweep(run.service.deps, warning_weeks=12)
    seen = await admissions_tap.wait_for_one(pupil.tenant, "ThuiszitterReported")
    await admissions_tap.settle(pupil.tenant, quiet=1.0)
    reported = admissions_tap.of(pupil.tenant, "ThuiszitterReported")
    assert len(reported) == 1 and reported[0].data["reported_on"] == "2026-03-31"
    assert seen

    report = await client.get("/inspectie-report", headers=swv(run, pupil, Role.INSPECTIE))
    assert report.status_code == 200
    assert report.json()["thuiszitters_per_school"] == [
        {"school_id": str(pupil.school_id), "thuiszitters": 1}
    ]
    absences = await client.get("/absences", headers=swv(run, pupil, Role.SWV_STAFF))
    assert [a["thuiszitter"] for a in absences.json()["items"]] == [True]


async def test_the_report_counts_tlv_decisions_within_eight_weeks(
    admissions: Running, consent_facts: Consent, client: httpx.AsyncClient
) -> None:
    run, pupil = admissions, await enrolled(admissions, consent_facts)
    on_time = await submitted_and_advised(client, run, consent_facts, pupil)
    late = await submitted_and_advised(client, run, consent_facts, pupil)
    dates = {"start_date": "2026-08-01", "end_date": "2027-07-31"}
    committee = swv(run, pupil, Role.COMMITTEE)
    assert (
        await client.post(f"/admission-requests/{on_time}/grant", json=dates, headers=committee)
    ).status_code == 200
    run.clock.current = datetime(2026, 4, 29, 9, tzinfo=UTC)  # after 28 April (Awb 4:13)
    committee = swv(run, pupil, Role.COMMITTEE)
    assert (
        await client.post(f"/admission-requests/{late}/grant", json=dates, headers=committee)
    ).status_code == 200

    report = await client.get("/inspectie-report", headers=swv(run, pupil, Role.INSPECTIE))
    assert (report.json()["tlv_decisions"], report.json()["tlv_decisions_on_time"]) == (2, 1)
