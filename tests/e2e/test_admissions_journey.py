"""A TLV end to end, against the services as separate processes over real Kafka,
PostgreSQL, SMTP and HTTP: the school drafts a request; both parents consent to engaging
the samenwerkingsverband and sharing the file (through their consent pages) and one adds
the parents' view on the admissions page; the school submits; two experts advise; the
samenwerkingsverband grants; both parents read the decision with their rights in their
own language; the end warning comes, and the extension.

The walk runs once for the module; each test states one thing that must hold of it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest
from samen_cli.demo_region import StaffRole
from samen_cli.journey.cast import Parent
from samen_cli.journey.context import Journey, JourneyOptions, link_in
from samen_cli.journey.events import Seen
from samen_cli.journey.inbox import Mail
from samen_cli.journey.staff import Badge
from samen_cli.journey.steps_consent import consent_given, messages_arrive
from samen_cli.journey.story import journey
from samen_cli.platform import Platform, PlatformConfig
from samen_kit.access import Role
from samen_notifications.domain.dates import format_date

from tests.e2e.conftest import E2E_ENV, region_of_its_own

pytestmark = pytest.mark.e2e

ADMISSIONS_PAGE = "/ouders/aanvragen/"
PURPOSES = ("engage_swv", "share_file")
# The admissions timers sweep every two seconds here (an hour in production), so the
# warning before a granted TLV ends comes while the walk waits for it.
ENV = {**E2E_ENV, "SAMEN_SWEEP_SECONDS": "2"}
GRANTED_WEEKS = 8  # inside the 12 weeks' warning: the warning falls due at once
EXTENDED_WEEKS = 52


@dataclasses.dataclass
class Walk:
    j: Journey
    request_id: UUID
    granted: Seen
    decisions: dict[UUID, Mail]  # per guardian, the decision e-mail
    warning: Seen
    extended: Seen
    extension_mail: Mail


@pytest.fixture(scope="module")
def platform_config(platform_config: PlatformConfig) -> PlatformConfig:
    """The e2e platform, sweeping every two seconds."""
    return dataclasses.replace(platform_config, extra_env=ENV)


async def _draft(j: Journey) -> UUID:
    body = {
        "pupil_id": str(j.family.pupil_id),
        "kind": "tlv",
        "category": "so_low",
        "motivation": "Na twee jaar extra hulp heeft de leerling een kleinere groep nodig.",
    }
    made = await j.desk.json("admissions", j.badge(StaffRole.IB), "POST", "/admission-requests",
                             json=body)  # fmt: skip
    return UUID(made["id"])


async def _consent(j: Journey) -> None:
    """The IB asks both purposes; both parents say yes through their consent pages."""
    ib = j.badge(StaffRole.IB)
    for purpose in PURPOSES:
        body = {"pupil_id": str(j.family.pupil_id), "purpose": purpose}
        made = await j.desk.json("consent", ib, "POST", "/v1/requests", json=body)
        j.trail.requests[purpose] = UUID(made["request_id"])
    asked = [(await j.wait("ConsentRequested", request_id=r))[0] for r in j.trail.requests.values()]
    await consent_given(j, await messages_arrive(j, asked))


async def _parents_view(j: Journey, request_id: UUID, parent: Parent) -> None:
    """The parent follows the link in the e-mail about the draft and writes their view."""
    (drafted,) = await j.wait("AdmissionRequestDrafted", request_id=request_id)
    mail = await j.mail(drafted, parent)
    page = await j.browser(parent).open(link_in(mail, ADMISSIONS_PAGE))
    form = page.form(lambda f: f.has("text"), "add the parents' view")
    await j.browser(parent).send(
        page, form, {"text": "Wij zien dat onze dochter rust nodig heeft."}
    )
    await j.wait("ParentsViewAdded", request_id=request_id, guardian_id=parent.guardian_id)


async def _decide(j: Journey, request_id: UUID) -> Seen:
    path = f"/admission-requests/{request_id}"
    await j.desk.json("admissions", j.badge(StaffRole.IB), "POST", f"{path}/submission")
    await j.wait("AdmissionRequested", request_id=request_id)
    for discipline in ("orthopedagoog", "psychologist"):
        expert = Badge(uuid4(), Role.EXPERT)
        advice = {
            "discipline": discipline,
            "advice": "positive",
            "text": "Een kleinere groep past.",
        }
        await j.desk.json("admissions", expert, "POST", f"{path}/advice", json=advice)
    await j.wait("ExpertAdviceGiven", count=2, request_id=request_id)
    today = j.site.today()
    dates = {"start_date": str(today), "end_date": str(today + timedelta(weeks=GRANTED_WEEKS))}
    committee = Badge(uuid4(), Role.COMMITTEE)
    await j.desk.json("admissions", committee, "POST", f"{path}/grant", json=dates)
    return (await j.wait("AdmissionGranted", request_id=request_id))[0]


async def _extend(j: Journey, request_id: UUID, end: date) -> Seen:
    path = f"/admission-requests/{request_id}/extension"
    body = {"end_date": str(end + timedelta(weeks=EXTENDED_WEEKS))}
    await j.desk.json("admissions", Badge(uuid4(), Role.COMMITTEE), "POST", path, json=body)
    return (await j.wait("AdmissionExtended", request_id=request_id))[0]


@pytest.fixture(scope="module")
async def walked(platform: Platform) -> AsyncIterator[Walk]:
    site, plan = await region_of_its_own(platform, pupils_per_school=12)
    async with journey(site, plan, JourneyOptions(expect_sms=True)) as j:
        request_id = await _draft(j)
        await _consent(j)
        await _parents_view(j, request_id, j.family.parents[0])
        granted = await _decide(j, request_id)
        decisions = {p.guardian_id: await j.mail(granted, p) for p in j.family.parents}
        (warning,) = await j.wait("AdmissionEndApproaching", request_id=request_id)
        extended = await _extend(j, request_id, date.fromisoformat(granted.data["end_date"]))
        extension_mail = await j.mail(extended, j.family.parents[1])
        yield Walk(j, request_id, granted, decisions, warning, extended, extension_mail)


async def test_the_request_is_submitted_with_both_consents_and_the_parents_view(
    walked: Walk,
) -> None:
    j = walked.j
    given = j.watch.named("ConsentGiven", j.about_pupil)
    assert {s.data["purpose"] for s in given} >= set(PURPOSES)
    assert j.watch.named("ParentsViewAdded", j.about_pupil)
    assert walked.granted.data["kind"] == "tlv"


async def test_both_parents_read_the_decision_with_their_rights_in_their_own_language(
    walked: Walk,
) -> None:
    objection_by = date.fromisoformat(walked.granted.data["objection_by"])
    for parent in walked.j.family.parents:
        mail = walked.decisions[parent.guardian_id]
        text = mail.text()
        assert mail.language == parent.language
        assert format_date(objection_by, parent.language) in text  # the last day to object
        assert "onderwijsconsulenten.nl" in text  # the free onderwijsconsulent
        assert f"{ADMISSIONS_PAGE}{walked.request_id}" in link_in(mail, ADMISSIONS_PAGE)


async def test_the_end_warning_comes_once_and_the_extension_reaches_the_parents(
    walked: Walk,
) -> None:
    j = walked.j
    assert walked.warning.data["end_date"] == walked.granted.data["end_date"]
    assert len(j.watch.named("AdmissionEndApproaching", j.about_pupil)) == 1
    end = date.fromisoformat(walked.extended.data["end_date"])
    parent = j.family.parents[1]
    assert walked.extension_mail.language == parent.language
    assert format_date(end, parent.language) in walked.extension_mail.text()
