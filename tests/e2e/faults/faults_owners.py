"""The owners' share of a phase: OPPs in plans, TLV requests in admissions, and the
portal's read model of both.

Before the fault, the IB offers an OPP's action part to the parents (plans asks consent
through the consent service) and drafts a TLV request, for which both parents are asked
to engage the samenwerkingsverband and share the file; one parent adds their view. The
parents' "ja" to all of these goes into the phase's answer stream, so plans and admissions
take them in while they (or the consent service) are killed. Afterwards the TLVs are
submitted (admissions refuses without both consents, so a lost `ConsentGiven` shows),
advised and granted, and the count asks: is every OPP's action part set exactly once with
its evaluation date, every TLV requested and granted exactly once with its deadlines, and
does the portal hold every fact about a pupil that the owners put on the bus, and no other?
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import httpx
from samen_cli.journey.steps_plans import opp_content
from samen_contract.topics import events_topic
from samen_kit.access import GuardianItem, Role, mint_guardian_token
from samen_kit.access.devkeys import dev_guardian_key
from samen_kit.clock import SystemClock
from samen_kit.db import asyncpg_dsn

from tests.e2e.faults.faults_answers import Ask, ask_consent
from tests.e2e.faults.faults_bus import BusSnapshot
from tests.e2e.faults.faults_region import Region, staff_token
from tests.e2e.faults.faults_stack import Stack
from tests.e2e.faults.faults_wait import wait_for

TLV_PURPOSES = ("engage_swv", "share_file")
PORTAL_TOPIC = events_topic("portal")
LINKED_WITHIN = 120.0
GRANTED_WEEKS = 8
EXPERTS = ("orthopedagoog", "psychologist")  # two, one of them behavioural


@dataclass(frozen=True)
class OwnersWork:
    """What the owners were given before the fault, and the answers it waits for."""

    opps: dict[UUID, UUID]  # OPP -> pupil
    tlvs: dict[UUID, UUID]  # TLV request -> pupil
    asks: list[Ask]


@dataclass(frozen=True)
class OwnersCount:
    opps: int
    opps_set: int  # exactly one ActionPartSet, with an evaluation date
    opps_lost: int  # no ActionPartSet
    opps_doubled: int  # more than one ActionPartSet
    tlvs: int
    tlvs_granted: int  # requested and granted exactly once, with their dates
    tlvs_lost: int  # no AdmissionRequested or no AdmissionGranted on the bus
    tlvs_doubled: int  # requested or granted more than once
    tlvs_not_submitted: int  # admissions lacked a consent (one of the lost)
    portal_facts: int
    portal_lost: int  # a fact about a pupil on the bus, not in the portal
    portal_unknown: int  # in the portal, not on the bus

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


async def prepare(
    stack: Stack, region: Region, opp_pupils: list[UUID], tlv_pupils: list[UUID]
) -> OwnersWork:
    ib = {"Authorization": f"Bearer {staff_token(stack, region, Role.IB)}"}
    async with httpx.AsyncClient(base_url=stack.config.url("plans"), timeout=60) as http:
        opps = {await _offer_opp(http, ib, pupil_id): pupil_id for pupil_id in opp_pupils}
        opp_asks = [
            a for opp_id, p in opps.items() for a in await _opp_asks(stack, http, ib, opp_id, p)
        ]
    async with httpx.AsyncClient(base_url=stack.config.url("admissions"), timeout=60) as http:
        tlvs = {await _draft_tlv(http, ib, pupil_id): pupil_id for pupil_id in tlv_pupils}
        for request_id, pupil_id in tlvs.items():
            await _add_parents_view(stack, region, http, request_id, pupil_id)
    tlv_asks = [
        ask
        for purpose in TLV_PURPOSES
        for ask in await ask_consent(stack, region, tlv_pupils, purpose)
    ]
    return OwnersWork(opps, tlvs, opp_asks + tlv_asks)


async def _offer_opp(http: httpx.AsyncClient, ib: dict[str, str], pupil_id: UUID) -> UUID:
    """Extra support starts; version 1 is written and its action part put to the parents."""
    today = SystemClock().now().date()
    body = {"opp_id": str(uuid4()), "pupil_id": str(pupil_id), "support_started_on": str(today)}
    opp_id = UUID(_json(await http.post("/opps", json=body, headers=ib))["opp_id"])
    content = opp_content(1)
    content["action_part"] |= {"starts_on": str(today), "ends_on": str(today + timedelta(days=365))}
    _json(await http.post(f"/opps/{opp_id}/versions", json=content, headers=ib))
    _json(await http.post(f"/opps/{opp_id}/versions/1/offer", json={}, headers=ib))
    return opp_id


async def _opp_asks(
    stack: Stack, http: httpx.AsyncClient, ib: dict[str, str], opp_id: UUID, pupil_id: UUID
) -> list[Ask]:
    """The consent service opened a request for the action part and plans linked it: each
    guardian party of it is an answer to give."""
    linked: list[str] = []

    async def link() -> bool:
        shown = _json(await http.get(f"/opps/{opp_id}/versions/1", headers=ib))
        linked[:] = [str(c["request_id"]) for c in shown["consent"]]
        return bool(linked)

    await wait_for(link, LINKED_WITHIN, f"plans linking a consent request to OPP {opp_id}")
    async with httpx.AsyncClient(base_url=stack.config.url("consent"), timeout=60) as consent:
        request = _json(await consent.get(f"/v1/requests/{linked[0]}", headers=ib))
    return [
        Ask(UUID(linked[0]), pupil_id, UUID(party["party_id"]), document=True)
        for party in request["parties"]
        if party["role"] == "guardian"
    ]


async def _draft_tlv(http: httpx.AsyncClient, ib: dict[str, str], pupil_id: UUID) -> UUID:
    body = {
        "pupil_id": str(pupil_id),
        "kind": "tlv",
        "category": "so_low",
        "motivation": "Na twee jaar extra hulp heeft de leerling een kleinere groep nodig.",
    }
    return UUID(_json(await http.post("/admission-requests", json=body, headers=ib))["id"])


async def _add_parents_view(
    stack: Stack, region: Region, http: httpx.AsyncClient, request_id: UUID, pupil_id: UUID
) -> None:
    """The first guardian follows the link about the draft and writes the parents' view."""
    guardian = next(row.guardians[0] for row in region.rows if row.pupil_id == pupil_id)
    token = mint_guardian_token(
        dev_guardian_key(stack.config.keys_dir),
        guardian_id=guardian.guardian_id,
        pupil_id=pupil_id,
        item=GuardianItem.of("admission_request", request_id),
        tenant=region.tenant,
        now=SystemClock().now(),
        ttl=timedelta(hours=1),
    )
    form = {"token": token, "text": "Wij zien dat ons kind rust nodig heeft.", "taal": "nl"}
    answer = await http.post(f"/ouders/aanvragen/{request_id}/mening", data=form)
    if answer.status_code != 303:
        raise AssertionError(f"parents' view refused: {answer.status_code} {answer.text[:300]}")


async def decide(stack: Stack, region: Region, work: OwnersWork) -> int:
    """Submit, advise and grant every TLV; how many admissions would not submit for want
    of a consent (each is a `ConsentGiven` it lost)."""
    ib = {"Authorization": f"Bearer {staff_token(stack, region, Role.IB)}"}
    committee = {"Authorization": f"Bearer {staff_token(stack, region, Role.COMMITTEE)}"}
    today = SystemClock().now().date()
    dates = {"start_date": str(today), "end_date": str(today + timedelta(weeks=GRANTED_WEEKS))}
    refused = 0
    async with httpx.AsyncClient(base_url=stack.config.url("admissions"), timeout=60) as http:
        for request_id in work.tlvs:
            path = f"/admission-requests/{request_id}"
            submitted = await http.post(f"{path}/submission", headers=ib)
            if submitted.status_code == 409:
                refused += 1
                continue
            _json(submitted)
            for discipline in EXPERTS:  # each expert a person of their own
                expert = {"Authorization": f"Bearer {staff_token(stack, region, Role.EXPERT)}"}
                advice = {"discipline": discipline, "advice": "positive", "text": "Past."}
                _json(await http.post(f"{path}/advice", json=advice, headers=expert))
            _json(await http.post(f"{path}/grant", json=dates, headers=committee))
    return refused


async def portal_facts(stack: Stack, tenant: str) -> set[str]:
    """The event ids of the facts the portal's read model holds for `tenant`."""
    url = stack.config.database_url("portal")
    connection = await asyncpg.connect(asyncpg_dsn(url), timeout=10)
    try:
        rows = await connection.fetch("SELECT event_id FROM portal_fact WHERE tenant = $1", tenant)
    finally:
        await connection.close()
    return {str(row["event_id"]) for row in rows}


def count_owners(
    work: OwnersWork, bus: BusSnapshot, tenant: str, in_portal: set[str], not_submitted: int = 0
) -> OwnersCount:
    set_ = _per(bus, ".ActionPartSet.v1", "opp_id", lambda d: bool(d.get("evaluation_due_on")))
    requested = _per(bus, ".AdmissionRequested.v1", "request_id", lambda d: bool(d["submitted_on"]))
    granted = _per(bus, ".AdmissionGranted.v1", "request_id", lambda d: bool(d.get("end_date")))
    opps = [set_[str(opp_id)] for opp_id in work.opps]
    tlvs = [(requested[str(r)], granted[str(r)]) for r in work.tlvs]
    about_pupils = _pupil_facts(bus, tenant)
    return OwnersCount(
        opps=len(opps),
        opps_set=opps.count(1),
        opps_lost=opps.count(0),
        opps_doubled=sum(1 for n in opps if n > 1),
        tlvs=len(tlvs),
        tlvs_granted=tlvs.count((1, 1)),
        tlvs_lost=sum(1 for r, g in tlvs if 0 in (r, g)),
        tlvs_doubled=sum(1 for r, g in tlvs if r > 1 or g > 1),
        tlvs_not_submitted=not_submitted,
        portal_facts=len(in_portal),
        portal_lost=len(about_pupils - in_portal),
        portal_unknown=len(in_portal - about_pupils),
    )


def _per(bus: BusSnapshot, suffix: str, key: str, complete: Any) -> Counter[str]:
    """Distinct events of a type per subject, counting only those that carry their dates."""
    events = {e.event_id: e for e in bus.of_type(suffix)}.values()
    return Counter(str(e.data[key]) for e in events if complete(e.data))


def _pupil_facts(bus: BusSnapshot, tenant: str) -> set[str]:
    """What the portal projects: every event of the tenant about a pupil, from every
    service but the portal itself."""
    return {
        e.event_id
        for e in bus.events
        if e.tenant == tenant and e.data.get("pupil_id") and not e.topic.endswith(PORTAL_TOPIC)
    }


def _json(answer: httpx.Response) -> dict[str, Any]:
    if answer.status_code >= 300:
        raise AssertionError(f"{answer.request.url}: {answer.status_code} {answer.text[:300]}")
    found: dict[str, Any] = answer.json()
    return found
