"""Every parent page of every service, served for real: the services that have
parent pages run over real HTTP against real Kafka and PostgreSQL (each with a database
and topic prefix of its own), with a pupil, guardians and items in each, and a guardian
link (token) for every page. Each service runs through its own test harness.

`ParentPage` names one page: the service, a name, the URL to open (with its token) and
the status it answers with. `site` walks are in `test_parent_pages_languages.py` (every
page in the six languages) and `tests/browser/` (every page in Chromium with axe-core).
"""

from __future__ import annotations

import contextlib
import re
import secrets
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
import pytest
from samen_contract.events.consent import GuardianshipRecorded, GuardianStanding
from samen_kit.access import GuardianItem, Role
from samen_kit.access.testing import step_up_cookie
from samen_kit.clock import FakeClock
from samen_kit.testing import databases as test_databases
from samen_kit.testing.callers import SESSION_SECRET
from samen_kit.testing.fixtures import run_blocking
from samen_kit.testing.keys import Keys
from samen_kit.testing.names import new_tenant
from samen_kit.testing.service import (
    Built,
    RunningService,
    ServiceUnderTest,
    running_service,
    service_settings,
)
from samen_kit.testing.waiting import wait_for
from samen_meetings.bootstrap import MIGRATIONS as MEETINGS_MIGRATIONS
from samen_meetings.bootstrap import build as build_meetings
from samen_meetings.settings import MeetingsSettings
from sqlalchemy.engine import make_url

from services.admissions.tests import admissions_harness as admissions_h
from services.admissions.tests import admissions_steps as admissions_steps
from services.consent.tests import consent_harness as consent_h
from services.disputes.tests import disputes_harness as disputes_h
from services.meetings.tests import meetings_harness as meetings_h
from services.meetings.tests.meetings_requests import (
    agreement,
    interpreted_talk,
    meeting_body,
    record_body,
)
from services.notifications.tests import notifications_harness as notifications_h
from services.plans.tests import plans_harness as plans_h
from services.plans.tests.plans_requests import version_body

B = TypeVar("B", bound=Built)

PHRASES = {
    "consent": "samen_consent.entrypoints.phrases",
    "meetings": "samen_meetings.entrypoints.phrases",
    "disputes": "samen_disputes.entrypoints.phrases",
    "notifications": "samen_notifications.entrypoints.phrases",
    "plans": "samen_plans.entrypoints.phrases",
    "admissions": "samen_admissions.entrypoints.phrases",
}


@dataclass(frozen=True)
class ParentPage:
    service: str
    name: str
    url: str  # absolute, with the link's token
    status: int = 200
    # A sensitive page (a record, the OPP) is read after a step-up code: its proof cookie.
    cookies: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.service}:{self.name}"


@dataclass
class Site:
    pages: list[ParentPage] = field(default_factory=list)
    # Pages that only a form's answer shows: (page, form fields; "{taal}" is the language).
    answers: list[tuple[ParentPage, dict[str, str]]] = field(default_factory=list)

    def add(
        self,
        service: str,
        name: str,
        base: str,
        path: str,
        status: int = 200,
        cookies: dict[str, str] | None = None,
    ) -> None:
        self.pages.append(ParentPage(service, name, base + path, status, cookies or {}))


class Databases:
    """Databases for the site's services; dropped when the site closes."""

    def __init__(self, server_url: str) -> None:
        self.server_url = server_url
        self.names: list[str] = []

    def make(self, label: str = "db") -> str:
        url = run_blocking(
            lambda: test_databases.create_database(self.server_url, f"pages_{label}")
        )
        self.names.append(make_url(url).database or "")
        return url

    async def drop(self) -> None:
        for name in self.names:
            await test_databases.drop_database(self.server_url, name)


@contextlib.asynccontextmanager
async def parent_site(
    server_url: str, kafka: str, prefix: str, folder: Path
) -> AsyncIterator[Site]:
    site, databases = Site(), Databases(server_url)
    try:
        async with (
            consent_h.running_service(server_url, kafka, prefix + "c.") as consent,
            _meetings(databases, kafka, prefix + "m.", folder) as meetings,
            meetings_h.roster(kafka, prefix + "m.") as meetings_roster,
            _declared(disputes_h.DISPUTES, databases, kafka, prefix + "d.", folder) as disputes,
            disputes_h.roster(kafka, prefix + "d.") as disputes_roster,
            notifications_h.service_starter(
                kafka, prefix + "n.", databases.make, folder
            )() as notes,
            _declared(plans_h.PLANS, databases, kafka, prefix + "p.", folder) as plans,
            plans_h.roster(kafka, prefix + "p.") as plans_roster,
            _declared(
                admissions_h.ADMISSIONS, databases, kafka, prefix + "a.", folder
            ) as admissions,
            admissions_h.consent(kafka, prefix + "a.") as admissions_facts,
        ):
            await _consent_pages(site, consent)
            await _meetings_pages(site, meetings, meetings_roster)
            await _disputes_pages(site, disputes, disputes_roster)
            await _notifications_pages(site, notes)
            await _plans_pages(site, plans, plans_roster)
            await _admissions_pages(site, admissions, admissions_facts)
            yield site
    finally:
        await databases.drop()


@contextlib.asynccontextmanager
async def _meetings(
    databases: Databases, kafka: str, prefix: str, folder: Path
) -> AsyncIterator[meetings_h.Running]:
    wiring = _wiring(databases, kafka, prefix, folder, "meetings")
    settings = service_settings(
        MeetingsSettings,
        **wiring,
        # this service reads its session settings under their `guardian_` names
        guardian_session_secret=SESSION_SECRET,
        guardian_cookie_secure=False,
        due_scan_interval_seconds=3600.0,
    )
    clock = FakeClock(meetings_h.START)
    async with running_service(
        build_meetings(settings, clock=clock), MEETINGS_MIGRATIONS, wiring["keys"], clock
    ) as run:
        yield run


@contextlib.asynccontextmanager
async def _declared(
    declared: ServiceUnderTest[Any, B], databases: Databases, kafka: str, prefix: str, folder: Path
) -> AsyncIterator[RunningService[B]]:
    """A service its test harness declares, wired into the site; its clock starts on the
    service's own day, else the meetings' one."""
    wiring = _wiring(databases, kafka, prefix, folder, declared.name)
    clock = FakeClock(declared.start or meetings_h.START)
    async with declared.running(declared.settings(**wiring), wiring["keys"], clock) as run:
        yield run


def _wiring(
    databases: Databases, kafka: str, prefix: str, folder: Path, name: str
) -> dict[str, Any]:
    """The settings every service of the site starts with: a database and a keys folder
    of its own, the bus under `prefix`, and keys the test owns."""
    keys_folder = folder / name
    keys_folder.mkdir(parents=True, exist_ok=True)
    return {
        "database_url": databases.make(name),
        "kafka_bootstrap": kafka,
        "topic_prefix": prefix,
        "keys_folder": keys_folder,
        "keys": Keys(),
    }


# --- consent: the question, answered and not, the receipts, the overview, errors ---------


async def _consent_pages(site: Site, consent: consent_h.ConsentService) -> None:
    school = consent_h.School.new()
    open_family, answered_family = consent_h.Family.of(), consent_h.Family.of()
    await consent.import_families(school, [open_family, answered_family])
    base = consent.base_url

    def token(family: consent_h.Family, request_id: uuid.UUID) -> str:
        item = GuardianItem.of("consent_request", request_id)
        return consent.guardian_token(school.tenant, family.guardian_ids[0], family.pupil_id, item)

    asked = uuid.UUID((await consent.ask(school, open_family))["request_id"])
    answered = uuid.UUID((await consent.ask(school, answered_family))["request_id"])
    open_token, answered_token = token(open_family, asked), token(answered_family, answered)
    async with consent.guardian_client() as browser:
        consent.confirm(browser, school.tenant, answered_family.guardian_ids[0])
        said = await browser.post(
            f"/ouders/toestemming/{answered}/antwoord",
            data={"token": answered_token, "antwoord": "ja", "taal": "nl"},
        )
        assert said.status_code == 303, said.text
    site.add("consent", "request", base, f"/ouders/toestemming/{asked}?token={open_token}")
    page = f"/ouders/toestemming/{answered}"
    site.add("consent", "request-answered", base, f"{page}?token={answered_token}")
    site.add("consent", "receipts", base, f"{page}/bewijs?token={answered_token}")
    site.add("consent", "overview", base, f"/ouders/overzicht?token={answered_token}")
    # A question about one version of an OPP's action part: its words on the page.
    document_family, opp_id = consent_h.Family.of(), uuid.uuid4()
    await consent.import_families(school, [document_family])
    consent.owner.put(opp_id, 1, consent_h.action_part_words(opp_id, 1))
    about = await consent_h.offer_action_part(consent, school, document_family, opp_id, 1)
    document = f"/ouders/toestemming/{about}?token={token(document_family, about)}"
    # Its words are read after the step-up code (ADR 0017).
    proof = step_up_cookie(
        SESSION_SECRET,
        guardian_id=document_family.guardian_ids[0],
        tenant=school.tenant,
        now=consent.clock.now(),
    )
    site.add("consent", "request-document", base, document, cookies=proof)
    elsewhere = uuid.uuid4()
    lost = f"/ouders/toestemming/{elsewhere}?token={token(open_family, elsewhere)}"
    site.add("consent", "not-found", base, lost, 404)
    site.add("consent", "bad-link", base, f"/ouders/toestemming/{asked}?token=forged", 401)


# --- meetings: an invitation, a record, a link to nothing ------------------------------


async def _meetings_pages(site: Site, run: meetings_h.Running, roster: meetings_h.Roster) -> None:
    pupil = await roster.enrol(new_tenant(), guardians=1)
    await wait_for(lambda: meetings_h.pupil_known(run, pupil))
    guardian, base = pupil.guardians[0], run.base_url
    staff = run.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    async with httpx.AsyncClient(base_url=base) as http:
        teacher = await meetings_h.register_staff(run, http, pupil.tenant, pupil.school_id)
        starts = run.clock.now() + timedelta(days=9)
        body = interpreted_talk(pupil.pupil_id, starts, teacher)
        created = await http.post("/meetings", json=body, headers=staff)
        assert created.status_code == 201, created.text
        meeting_id = created.json()["meeting_id"]
        held = run.clock.now() - timedelta(days=1)
        body = meeting_body(pupil.pupil_id, "progress_talk", held, [teacher])
        past = await http.post("/meetings/unplanned", json=body, headers=staff)
        assert past.status_code == 201, past.text
        due = run.clock.now().date() + timedelta(days=30)
        record = record_body(
            [teacher, guardian], [agreement(teacher, due, due + timedelta(days=14))]
        )
        recorded = await http.post(
            f"/meetings/{past.json()['meeting_id']}/record", json=record, headers=staff
        )
        assert recorded.status_code == 201, recorded.text
        record_id = recorded.json()["record_id"]

    def token(kind: str, item: object) -> str:
        return run.guardian_token(
            pupil.tenant, guardian, pupil.pupil_id, GuardianItem.of(kind, item)
        )

    invitation = f"/ouders/gesprekken/{meeting_id}?token={token('meeting', meeting_id)}"
    site.add("meetings", "invitation", base, invitation)
    site.add(
        "meetings",
        "record",
        base,
        f"/ouders/verslagen/{record_id}?token=" + token("meeting_record", record_id),
        cookies=run.step_up(pupil.tenant, guardian),
    )
    nothing = uuid.uuid4()
    site.add(
        "meetings",
        "not-found",
        base,
        f"/ouders/gesprekken/{nothing}?token=" + token("meeting", nothing),
        404,
    )
    page = ParentPage("meetings", "invitation-unanswered", base + invitation, 422)
    site.answers.append((page, {"note": "Liever na drie uur."}))


# --- disputes: the form to open one, the list, one dispute ------------------------------


async def _disputes_pages(site: Site, run: disputes_h.Running, roster: disputes_h.Roster) -> None:
    pupil = await roster.enrol(new_tenant())
    await wait_for(lambda: disputes_h.pupil_known(run, pupil))
    token = run.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id)
    base, start = run.base_url, f"/ouders/geschil-starten/{pupil.pupil_id}"
    async with httpx.AsyncClient(base_url=base) as guardian:
        opened = await guardian.post(
            start,
            data={
                "token": token,
                "subject": "removal",
                "description": "Mijn dochter krijgt de hulp uit het OPP niet.",
                "decision_date": (run.clock.now() - timedelta(days=2)).date().isoformat(),
                "stage": "objection",
                "taal": "nl",
            },
        )
        assert opened.status_code == 303, opened.text
        found = re.search(r"/ouders/geschillen/([0-9a-f-]{36})", opened.headers["location"])
        assert found is not None
        noted = await guardian.post(
            f"/ouders/geschillen/{found.group(1)}/notitie",
            data={"text": "Wij hebben gebeld met de intern begeleider.", "taal": "nl"},
        )
        assert noted.status_code == 303, noted.text
    site.add("disputes", "start", base, f"{start}?token={token}")
    site.add("disputes", "list", base, f"/ouders/geschillen?token={token}")
    site.add("disputes", "dispute", base, f"/ouders/geschillen/{found.group(1)}?token={token}")


# --- notifications: contact preferences, bulk messages, a fresh link, a gone link -------


async def _notifications_pages(site: Site, run: notifications_h.Running) -> None:
    tenant = new_tenant()
    school, pupil, guardian = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    contact = {"guardian_id": str(guardian), "email": "ouder@example.nl", "language": "tr"}
    row = {"line": 1, "pupil_id": str(pupil), "pupil_first_name": "Milan", "guardians": [contact]}
    await run.import_roster(tenant, school, [row])
    recorded = GuardianshipRecorded(
        pupil_id=pupil, guardian_id=guardian, standing=GuardianStanding.PARENTAL_AUTHORITY
    )
    await run.publish((run.envelope(recorded, tenant=tenant, subject=str(pupil)), recorded))
    token = run.guardian_token(tenant, guardian, pupil, GuardianItem.of("contact", guardian))
    base = run.base_url
    site.add("notifications", "contact", base, f"/ouders/contact?token={token}")
    site.add("notifications", "renew", base, f"/ouders/nieuwe-link?token={token}")
    site.add("notifications", "renew-without-link", base, "/ouders/nieuwe-link", 404)
    site.add("notifications", "short-link-gone", base, "/l/nothinghere", 404)
    back = quote(f"{run.settings.consent_base_url}/ouders/toestemming/{uuid.uuid4()}", safe="")
    site.add("notifications", "step-up", base, f"/ouders/bevestigen?terug={back}&token={token}")
    saved = ParentPage("notifications", "contact-saved", f"{base}/ouders/contact?token={token}")
    fields = {"email": "ouder@example.nl", "channels": "email", "language": "{taal}"}
    site.answers.append((saved, fields))
    bulk = run.guardian_token(tenant, guardian, pupil, GuardianItem.of("bulk_messages", guardian))
    site.add("notifications", "bulk-messages", base, f"/ouders/voorkeuren?token={bulk}")


# --- plans: the OPP, the groeidocument, a link to nothing ------------------------------


async def _plans_pages(site: Site, run: plans_h.Running, roster: plans_h.Roster) -> None:
    pupil = await roster.enrol(new_tenant())
    await wait_for(lambda: plans_h.pupil_known(run, pupil))
    base, opp_id = run.base_url, uuid.uuid4()
    staff = run.staff_token(pupil.tenant, Role.IB, schools=(pupil.school_id,))
    started_on = (run.clock.now() - timedelta(days=7)).date().isoformat()
    async with httpx.AsyncClient(base_url=base) as http:
        body = {"opp_id": str(opp_id), "pupil_id": str(pupil.pupil_id),
                "support_started_on": started_on}  # fmt: skip
        assert (await http.post("/opps", json=body, headers=staff)).status_code == 201
        for _ in range(2):  # an earlier version to list
            written = await http.post(
                f"/opps/{opp_id}/versions", json=version_body(), headers=staff
            )
            assert written.status_code == 201, written.text
        entry = {"kind": "observation", "text": "Zij werkt het best in een rustige hoek."}
        added = await http.post(
            f"/pupils/{pupil.pupil_id}/groeidocument", json=entry, headers=staff
        )
        assert added.status_code == 201, added.text

    def token(kind: str, item: object) -> str:
        return run.guardian_token(
            pupil.tenant, pupil.guardians[0], pupil.pupil_id, GuardianItem.of(kind, item)
        )

    opp = f"/ouders/opp/{opp_id}?token={token('opp', opp_id)}"
    site.add("plans", "opp", base, opp, cookies=run.step_up(pupil.tenant, pupil.guardians[0]))
    file = f"/ouders/groeidocument/{pupil.pupil_id}"
    site.add(
        "plans", "groeidocument", base, f"{file}?token={token('groeidocument', pupil.pupil_id)}"
    )
    nothing = uuid.uuid4()
    site.add(
        "plans", "not-found", base, f"/ouders/opp/{nothing}?token={token('opp', nothing)}", 404
    )
    page = ParentPage(
        "plans",
        "groeidocument-empty",
        base + f"{file}?token=" + token("groeidocument", pupil.pupil_id),
        422,
    )
    site.answers.append((page, {"text": ""}))


def parent_site_fixture() -> Callable[..., Any]:
    """The session's site, as a fixture (the language walk and the browser test share it)."""

    @pytest.fixture(scope="session")
    async def site(
        postgres_server_url: str,
        kafka_bootstrap: str,
        topic_prefix: str,
        tmp_path_factory: pytest.TempPathFactory,
    ) -> AsyncIterator[Site]:
        folder = tmp_path_factory.mktemp("parent-pages")
        prefix = f"{topic_prefix}pages{secrets.token_hex(2)}."
        async with parent_site(postgres_server_url, kafka_bootstrap, prefix, folder) as built:
            yield built

    return site


# --- admissions: a request the parents add their view to, a granted TLV, a lost link ---


async def _admissions_pages(
    site: Site, run: admissions_h.Running, facts: admissions_h.Consent
) -> None:
    pupil = await admissions_steps.enrolled(run, facts)
    base = run.base_url

    def token(request_id: str) -> str:
        item = admissions_h.request_item(request_id)
        return run.guardian_token(pupil.tenant, pupil.guardians[0], pupil.pupil_id, item)

    async with httpx.AsyncClient(base_url=base) as http:
        drafted = str((await admissions_steps.draft(http, run, pupil))["id"])
        granted = await admissions_steps.submitted_and_advised(http, run, facts, pupil)
        decided = await http.post(
            f"/admission-requests/{granted}/grant",
            json={"start_date": "2026-08-01", "end_date": "2027-07-31"},
            headers=admissions_steps.swv(run, pupil, Role.COMMITTEE),
        )
        assert decided.status_code == 200, decided.text
    page = "/ouders/aanvragen"
    site.add("admissions", "request", base, f"{page}/{drafted}?token={token(drafted)}")
    site.add("admissions", "request-granted", base, f"{page}/{granted}?token={token(granted)}")
    elsewhere = str(uuid.uuid4())
    site.add("admissions", "not-found", base, f"{page}/{elsewhere}?token={token(elsewhere)}", 404)
