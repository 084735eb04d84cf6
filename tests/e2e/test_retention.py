"""Keeping and forgetting end to end (issue 16): two pupils leave their school; two years
later every service's personal data about the first is gone, the audit log still
verifies offline and its report names the erasures and their basis. The second pupil's
parents have a dispute open: that holds every clock until the dispute is resolved.

Both pupils walk the journey first (consent from both parents through the pages, an MDO
with its record, an OPP; for the second, an action part refused and a dispute opened),
so every service holds something about them. Then the school sends its roster again
with both written out today (`PupilLeft`). The erasing services and the audit are
restarted with their clock two years and a day on (`SAMEN_CLOCK_OFFSET_SECONDS`, read at
start) and a sweep every two seconds: nothing sleeps and nothing is faked, each
service's own sweep finds the period run out.

"Personal data" is counted per service with one query over its own database: the rows
about the pupil that still hold a birth day, a first name, a contact point, a parent's
words or a record's text (docs/retention.md says what each service erases).
"""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID

import asyncpg
import pytest
from samen_cli.demo_region import StaffRole
from samen_cli.journey.context import Journey
from samen_cli.journey.events import Seen
from samen_cli.journey.loading import pupils_leave
from samen_cli.journey.polling import JourneyError, until
from samen_cli.journey.site import Site
from samen_cli.journey.staff import Badge, StaffDesk
from samen_cli.journey.steps_audit import verify_offline
from samen_cli.journey.steps_consent import ask_consent, consent_given, messages_arrive
from samen_cli.journey.steps_dispute import dispute_opens
from samen_cli.journey.steps_meeting import invitations_arrive, mdo_recorded, plan_mdo
from samen_cli.journey.steps_plans import opp_offered, opp_set_at_once
from samen_cli.platform import Platform
from samen_kit.db import asyncpg_dsn
from samen_kit.retention.decision import add_months

from tests.e2e.two_families import two_families

pytestmark = pytest.mark.e2e

PUPILS_PER_SCHOOL = 12
WITHIN = 90.0
DAY = 86400
# The pupil file's period (roster, consent evidence, records, OPPs, messages): 2 years.
PERIOD_MONTHS = 24
HOLDING = ("consent", "notifications", "meetings", "plans", "disputes")
# What must see the later day: every service that erases, and the audit that follows.
LATER = (*HOLDING, "audit")
# (service, kind) of every `PersonalDataErased` a pupil with this journey gets.
ERASED_KINDS = sorted(
    [
        ("consent", "consent_evidence"),
        ("consent", "roster_contact"),
        ("meetings", "meeting_records"),
        ("notifications", "messages"),
        ("notifications", "roster_contact"),
        ("plans", "opp_versions"),
    ]
)

# Per service, one query: how many records about pupil $2 of tenant $1 still hold
# personal data. Guardians' contact points count only where the guardian has no other
# child still at a school (those are kept, docs/retention.md).
PERSONAL: dict[str, str] = {
    "consent": """
        SELECT (SELECT count(*) FROM pupil WHERE tenant = $1 AND pupil_id = $2
                  AND birth_date <> make_date(extract(year FROM birth_date)::int, 1, 1))
             + (SELECT count(*) FROM consent_evidence WHERE tenant = $1 AND pupil_id = $2
                  AND (reason IS NOT NULL OR token_id IS NOT NULL))
             + (SELECT count(*) FROM shown_document s JOIN consent_request r
                  ON r.tenant = s.tenant AND r.request_id = s.request_id
                WHERE r.tenant = $1 AND r.pupil_id = $2)
             + (SELECT count(*) FROM support_needs WHERE tenant = $1 AND pupil_id = $2
                  AND note IS NOT NULL)
    """,
    "notifications": """
        SELECT (SELECT count(*) FROM pupil_name WHERE tenant = $1 AND pupil_id = $2
                  AND first_name IS NOT NULL)
             + (SELECT count(*) FROM notification WHERE tenant = $1 AND pupil_id = $2
                  AND facts <> '{}'::jsonb)
             + (SELECT count(*) FROM guardian_contact c WHERE c.tenant = $1
                  AND (c.email IS NOT NULL OR c.mobile IS NOT NULL)
                  AND c.guardian_id IN (SELECT guardian_id FROM roster_guardianship
                                        WHERE tenant = $1 AND pupil_id = $2)
                  AND NOT EXISTS (
                    SELECT 1 FROM roster_guardianship g JOIN roster_pupil r
                      ON r.tenant = g.tenant AND r.pupil_id = g.pupil_id
                    WHERE g.tenant = $1 AND g.guardian_id = c.guardian_id
                      AND g.pupil_id <> $2 AND r.left_on IS NULL))
    """,
    "meetings": """
        SELECT (SELECT count(*) FROM meeting_record WHERE tenant = $1 AND pupil_id = $2
                  AND (guardian_view <> '' OR guardian_support_needs <> ''
                       OR strengths <> '[]'::jsonb OR concerns <> '[]'::jsonb
                       OR goals <> '[]'::jsonb OR next_steps <> '[]'::jsonb))
             + (SELECT count(*) FROM agreement WHERE tenant = $1 AND pupil_id = $2
                  AND what <> '')
    """,
    "plans": """
        SELECT (SELECT count(*) FROM opp_version v JOIN opp o
                  ON o.tenant = v.tenant AND o.opp_id = v.opp_id
                WHERE o.tenant = $1 AND o.pupil_id = $2
                  AND (v.basis <> '{}'::jsonb OR v.action_part <> '{}'::jsonb))
             + (SELECT count(*) FROM groeidocument_entry WHERE tenant = $1 AND pupil_id = $2
                  AND (text <> '' OR test_name IS NOT NULL))
    """,
    "disputes": """
        SELECT (SELECT count(*) FROM dispute WHERE tenant = $1 AND pupil_id = $2
                  AND description <> '')
             + (SELECT count(*) FROM dispute_move m JOIN dispute d
                  ON d.tenant = m.tenant AND d.id = m.dispute_id
                WHERE d.tenant = $1 AND d.pupil_id = $2 AND m.reason IS NOT NULL)
    """,
}
OPEN_HOLDS = """
    SELECT count(*) FROM retention_hold WHERE tenant = $1 AND pupil_id = $2
      AND lifted_on IS NULL
"""
LEFT = {
    "consent": "SELECT count(*) FROM pupil WHERE tenant = $1 AND pupil_id = $2"
    " AND left_on IS NOT NULL",
    **{
        name: "SELECT count(*) FROM roster_pupil WHERE tenant = $1 AND pupil_id = $2"
        " AND left_on IS NOT NULL"
        for name in ("notifications", "meetings", "plans", "disputes")
    },
}
APPLIED = "SELECT coalesce(sum(bodies_erased), 0) FROM audit_retention_applied WHERE tenant = $1"

Counts = dict[str, int]


@dataclass
class Forgetting:
    """What the two years left behind."""

    a: Journey  # left; nothing open
    b: Journey  # left with a dispute open, resolved two years on
    left_on: date
    later: Site  # the platform's clock two years and a day on
    before: dict[UUID, Counts] = field(default_factory=dict)  # on the day they left
    a_after: Counts = field(default_factory=dict)  # two years on
    b_held: Counts = field(default_factory=dict)  # two years on, the dispute still open
    b_after: Counts = field(default_factory=dict)  # after the dispute was resolved
    a_erased: list[Seen] = field(default_factory=list)
    b_erased: list[Seen] = field(default_factory=list)
    b_erased_while_held: list[Seen] = field(default_factory=list)
    bodies_erased: int = 0  # the audit's count of entry bodies erased
    verified: list[str] = field(default_factory=list)  # `samen audit verify`
    report: str = ""  # the export's report.html
    summary: list[dict[str, str]] = field(default_factory=list)  # the export's summary.csv

    @property
    def pupils(self) -> tuple[Journey, Journey]:
        return self.a, self.b


def pupil_of(j: Journey) -> UUID:
    return j.family.pupil_id


# ---- the databases --------------------------------------------------------------------


class Databases:
    """One connection per service's own database, read as its owner would."""

    def __init__(self, platform: Platform) -> None:
        self._platform = platform
        self._open: dict[str, asyncpg.Connection] = {}

    async def count(self, service: str, query: str, tenant: str, pupil: UUID) -> int:
        if service not in self._open:
            dsn = asyncpg_dsn(self._platform.config.database_url(service))
            self._open[service] = await asyncpg.connect(dsn)
        return int(await self._open[service].fetchval(query, tenant, pupil) or 0)

    async def personal(self, j: Journey) -> Counts:
        return {
            name: await self.count(name, query, j.plan.tenant, pupil_of(j))
            for name, query in PERSONAL.items()
        }

    async def close(self) -> None:
        for connection in self._open.values():
            await connection.close()


async def every_service_has(dbs: Databases, j: Journey, queries: dict[str, str], what: str) -> None:
    async def there() -> bool:
        for name, query in queries.items():
            if await dbs.count(name, query, j.plan.tenant, pupil_of(j)) == 0:
                return False
        return True

    await until(there, what=what, within=WITHIN)


# ---- the steps ------------------------------------------------------------------------


async def consent_both(j: Journey) -> None:
    asked = await ask_consent(j)
    await consent_given(j, await messages_arrive(j, asked))


async def a_file_without_dispute(j: Journey) -> None:
    """Consent, an MDO with its record and agreements, an OPP both parents agreed to."""
    for step in (consent_both, plan_mdo, invitations_arrive, mdo_recorded, opp_set_at_once):
        await step(j)


async def a_file_with_a_dispute(j: Journey) -> None:
    """The same, but one parent refuses the action part and the other opens a dispute."""
    for step in (consent_both, plan_mdo, invitations_arrive, mdo_recorded, opp_offered):
        await step(j)
    await dispute_opens(j)


async def restart_later(platform: Platform, offset_seconds: int) -> Site:
    """The erasing services and the audit, restarted with their clock moved on."""
    for name in LATER:
        component = platform.component(name)
        await platform.stop(component)
        component.env["SAMEN_CLOCK_OFFSET_SECONDS"] = str(offset_seconds)
        component.env["SAMEN_SWEEP_SECONDS"] = "2"
        await platform.start(component)
    for name in LATER:
        if not await platform.wait_ready(platform.component(name), within=WITHIN):
            raise JourneyError(f"{name} did not come back ready with its clock moved on")
    return replace(platform.config.site(), clock_offset_seconds=offset_seconds)


async def erasures_of(j: Journey) -> list[Seen]:
    """Every `PersonalDataErased` the pupil's journey calls for, once each."""
    return await j.wait("PersonalDataErased", count=len(ERASED_KINDS))


async def audit_applies(dbs: Databases, platform: Platform, tenant: str, at_least: int) -> int:
    """The audit service has erased the bodies the erasure facts ask for."""
    dsn = asyncpg_dsn(platform.config.database_url("audit"))
    applied = 0

    async def done() -> bool:
        nonlocal applied
        connection = await asyncpg.connect(dsn)
        try:
            applied = int(await connection.fetchval(APPLIED, tenant))
        finally:
            await connection.close()
        return applied >= at_least

    await until(done, what="the audit erases the entry bodies", within=WITHIN)
    return applied


async def dispute_resolved(desk: StaffDesk, j: Journey) -> None:
    """Two years on the school and the parents agree after all: the IB resolves it."""
    path = f"/disputes/{j.trail.dispute_id}/moves"
    body = {"move": "resolve", "reason": "Samen opgelost in een gesprek."}
    await desk.call("disputes", j.badge(StaffRole.IB), "POST", path, json=body)
    await j.wait("DisputeResolved", dispute_id=j.trail.dispute_id)


async def inspectie_exports(f: Forgetting, desk: StaffDesk, folder: Path) -> None:
    inspectie = Badge.inspectie(f.a.plan.tenant)
    period = {
        "period_from": (f.a.plan.anchor - timedelta(days=1)).isoformat(),
        "period_to": f.later.today().isoformat(),
    }
    answer = await desk.call("audit", inspectie, "POST", "/audit/exports", json=period)
    public = await desk.json("audit", inspectie, "GET", "/audit/public-key")
    archive, key = folder / "audit.zip", folder / "audit-public-key.pem"
    archive.write_bytes(answer.content)
    key.write_text(public["public_key_pem"], encoding="ascii")
    f.verified = await verify_offline(archive, key)
    with zipfile.ZipFile(archive) as opened:
        f.report = opened.read("report.html").decode("utf-8")
        summary = opened.read("summary.csv").decode("utf-8")
    f.summary = list(csv.DictReader(io.StringIO(summary)))


# ---- the walk -------------------------------------------------------------------------


@pytest.fixture(scope="module")
async def forgetting(
    platform: Platform, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Forgetting]:
    dbs = Databases(platform)
    async with contextlib.AsyncExitStack() as stack:
        stack.push_async_callback(dbs.close)
        two = await two_families(platform, stack, PUPILS_PER_SCHOOL, WITHIN)
        site, plan, watch, a, b = two.site, two.plan, two.watch, two.a, two.b
        tenant = plan.tenant
        await a_file_without_dispute(a)
        await a_file_with_a_dispute(b)
        holding = {name: OPEN_HOLDS for name in HOLDING}
        await every_service_has(dbs, b, holding, "every service holds B's data for the dispute")

        left_on = site.today()
        await pupils_leave(site, plan, a.family.school, {pupil_of(a), pupil_of(b)}, left_on)
        for j in (a, b):
            await j.wait("PupilLeft", pupil_id=pupil_of(j))
            await every_service_has(dbs, j, LEFT, "every service knows the pupil left")
        f = Forgetting(a, b, left_on, site)
        f.before = {pupil_of(j): await dbs.personal(j) for j in f.pupils}

        # Two years and a day on: the first day the pupil file's period has run out.
        run_out = add_months(left_on, PERIOD_MONTHS) + timedelta(days=1)
        f.later = await restart_later(platform, (run_out - site.today()).days * DAY)
        later_desk = await stack.enter_async_context(StaffDesk(f.later, plan.region))

        f.a_erased = await erasures_of(a)
        f.a_after = await dbs.personal(a)
        f.bodies_erased = await audit_applies(dbs, platform, tenant, at_least=1)
        f.b_held = await dbs.personal(b)
        f.b_erased_while_held = watch.named("PersonalDataErased", b.about_pupil)

        await dispute_resolved(later_desk, b)
        f.b_erased = await erasures_of(b)
        f.b_after = await dbs.personal(b)
        await inspectie_exports(f, later_desk, tmp_path_factory.mktemp("export"))
        await watch.caught_up()
        yield f


# ---- what must hold -------------------------------------------------------------------


def kinds(erased: list[Seen]) -> list[tuple[str, str]]:
    return sorted((s.envelope.type.split(".")[1], str(s.data["kind"])) for s in erased)


async def test_both_pupils_left_with_personal_data_in_every_service(
    forgetting: Forgetting,
) -> None:
    for j in forgetting.pupils:
        before = forgetting.before[pupil_of(j)]
        held = {name for name, count in before.items() if count > 0}
        expected = set(PERSONAL) if j is forgetting.b else set(PERSONAL) - {"disputes"}
        assert held == expected, before


async def test_two_years_after_leaving_the_first_pupils_personal_data_is_gone_everywhere(
    forgetting: Forgetting,
) -> None:
    assert forgetting.a_after == dict.fromkeys(PERSONAL, 0)


async def test_each_service_says_what_it_erased_once_with_the_basis(
    forgetting: Forgetting,
) -> None:
    assert kinds(forgetting.a_erased) == ERASED_KINDS
    for seen in forgetting.a_erased:
        assert seen.data["reason"] == "retention_period"
        assert seen.data["erased_on"] == forgetting.later.today().isoformat()
        assert seen.data["basis"]
    counted = forgetting.a.watch.named("PersonalDataErased", forgetting.a.about_pupil)
    assert len(counted) == len(ERASED_KINDS)  # none twice, though every sweep looked again


async def test_the_events_about_the_erasure_carry_ids_and_codes_only(
    forgetting: Forgetting,
) -> None:
    fields = {"pupil_id", "kind", "count", "basis", "reason", "erased_on"}
    for seen in forgetting.a_erased:
        assert set(seen.data) <= fields | {"school_id"}, seen.data


async def test_with_a_dispute_open_nothing_of_the_second_pupil_is_erased(
    forgetting: Forgetting,
) -> None:
    assert forgetting.b_erased_while_held == []
    assert forgetting.b_held == forgetting.before[pupil_of(forgetting.b)]


async def test_once_the_dispute_is_resolved_the_run_out_data_goes_and_the_dispute_file_stays(
    forgetting: Forgetting,
) -> None:
    """The dispute file's own clock starts when the dispute ends: two more years."""
    assert kinds(forgetting.b_erased) == ERASED_KINDS  # nothing from the disputes service
    kept = forgetting.before[pupil_of(forgetting.b)]["disputes"]
    assert forgetting.b_after["disputes"] >= kept > 0  # and the resolving move's reason
    assert {k: v for k, v in forgetting.b_after.items() if k != "disputes"} == dict.fromkeys(
        set(PERSONAL) - {"disputes"}, 0
    )


async def test_the_audit_log_still_verifies_offline_after_the_bodies_were_erased(
    forgetting: Forgetting,
) -> None:
    assert forgetting.bodies_erased > 0
    assert forgetting.verified[0].startswith("IN ORDE"), forgetting.verified


async def test_the_report_names_the_erasures_and_their_basis(forgetting: Forgetting) -> None:
    assert "Gewist na de bewaartermijn" in forgetting.report
    for basis in ("avg_5_1_e_leerlingdossier", "avg_7_1_aantoonbare_toestemming", "wpo_40a_opp"):
        assert basis in forgetting.report
    rows = [r for r in forgetting.summary if r["onderdeel"] == "gewist na de bewaartermijn"]
    assert {r["soort"] for r in rows} >= {"avg_5_1_e_leerlingdossier", "wpo_40a_opp"}
    assert all(int(r["aantal"]) > 0 for r in rows)
