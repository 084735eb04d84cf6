"""Staff start an OPP, write versions and offer the latest action part; the consent
service's facts set it or leave it not set. Real HTTP, Kafka and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import UUID, uuid4

import httpx
import pytest
from samen_contract.events import consent as cev
from samen_kit.access import Role
from samen_kit.roster import Roster as RosterView
from samen_kit.testing.waiting import wait_for
from samen_plans.domain.calendar import add_months, amsterdam_day
from samen_plans.domain.content import action_part_sha256

from services.plans.tests.plans_harness import Roster, Running, Tap
from services.plans.tests.plans_requests import (
    GOALS,
    enrolled,
    ib,
    offered,
    opp_of,
    started,
    written,
)

pytestmark = pytest.mark.integration


async def test_starting_an_opp_makes_it_due_in_six_weeks_and_one_per_pupil(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    started_on = plans.clock.now().date() - timedelta(days=3)
    opp_id = await started(client, plans, pupil, started_on=started_on)

    opp = await opp_of(client, plans, pupil, opp_id)
    assert opp["status"] == "drafting"
    assert opp["opp_due_on"] == str(started_on + timedelta(weeks=6))
    seen = await plans_tap.wait_for_one(pupil.tenant, "SupportStarted")
    fact = next(e for e in seen if e.name == "SupportStarted")
    assert fact.data["opp_due_on"] == str(started_on + timedelta(weeks=6))
    assert fact.envelope.subject == str(pupil.pupil_id)

    again = {"opp_id": str(uuid4()), "pupil_id": str(pupil.pupil_id),
             "support_started_on": str(started_on)}  # fmt: skip
    second = await client.post("/opps", json=again, headers=ib(plans, pupil))
    assert second.status_code == 409
    assert second.headers["content-type"].startswith("application/problem+json")
    by_pupil = await client.get(f"/pupils/{pupil.pupil_id}/opp", headers=ib(plans, pupil))
    assert by_pupil.json()["opp_id"] == opp_id


async def test_a_pupil_not_on_the_roster_gets_no_opp_and_a_teacher_may_not_start_one(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    body = {"opp_id": str(uuid4()), "pupil_id": str(uuid4()), "support_started_on": "2026-01-01"}
    assert (await client.post("/opps", json=body, headers=ib(plans, pupil))).status_code == 404
    teacher = plans.staff_token(pupil.tenant, Role.TEACHER, schools=(pupil.school_id,))
    body["pupil_id"] = str(pupil.pupil_id)
    assert (await client.post("/opps", json=body, headers=teacher)).status_code == 403


async def test_every_change_is_a_new_version_and_earlier_versions_stay_readable(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    opp_id = await started(client, plans, pupil)
    first = await written(client, plans, pupil, opp_id)
    second = await written(client, plans, pupil, opp_id, location="Op de plusklas")

    assert (first["version"], second["version"]) == (1, 2)
    assert first["action_part_sha256"] != second["action_part_sha256"]
    one = (await client.get(f"/opps/{opp_id}/versions/1", headers=ib(plans, pupil))).json()
    assert one["action_part"]["location"] == "In de klas en in de remedial-ruimte"
    assert one["action_part"]["goals"] == GOALS
    assert action_part_sha256(one["action_part"]) == first["action_part_sha256"]
    listed = (await client.get(f"/opps/{opp_id}/versions", headers=ib(plans, pupil))).json()
    assert [v["version"] for v in listed["items"]] == [1, 2]
    seen = await plans_tap.wait(
        pupil.tenant, lambda s: sum(e.name == "OppVersionWritten" for e in s) == 2
    )
    hashes = [e.data["action_part_sha256"] for e in seen if e.name == "OppVersionWritten"]
    assert hashes == [first["action_part_sha256"], second["action_part_sha256"]]
    assert all("goals" not in e.data for e in seen)  # the words never travel


async def test_only_the_latest_version_is_offered_and_only_once(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    opp_id = await started(client, plans, pupil)
    await written(client, plans, pupil, opp_id)
    latest = await written(client, plans, pupil, opp_id, support="Drie keer per week")

    assert (await offered(client, plans, pupil, opp_id, 1)).status_code == 409
    response = await offered(client, plans, pupil, opp_id, 2)
    assert response.status_code == 202
    assert (await offered(client, plans, pupil, opp_id, 2)).status_code == 409
    seen = await plans_tap.wait_for_one(pupil.tenant, "ActionPartOffered")
    offer = next(e for e in seen if e.name == "ActionPartOffered")
    assert (offer.data["version"], offer.data["action_part_sha256"]) == (
        2, latest["action_part_sha256"]
    )  # fmt: skip
    assert (await opp_of(client, plans, pupil, opp_id))["status"] == "offered"


async def consent_asked(roster: Roster, pupil: Any, opp_id: str, version: dict[str, Any]) -> UUID:
    """The parents asked to consent to the action part of the OPP's first version."""
    return await roster.requested(pupil, UUID(opp_id), 1, version["action_part_sha256"])


async def offered_opp(
    client: httpx.AsyncClient, plans: Running, pupil: Any
) -> tuple[str, dict[str, Any]]:
    opp_id = await started(client, plans, pupil)
    version = await written(client, plans, pupil, opp_id)
    assert (await offered(client, plans, pupil, opp_id, 1)).status_code == 202
    return opp_id, version


async def asked_to_consent(
    client: httpx.AsyncClient, plans: Running, roster: Roster, guardians: int = 1
) -> tuple[Any, str, dict[str, Any], UUID]:
    """A pupil enrolled, their OPP's first version offered and the parents asked to
    consent to it: (pupil, OPP id, the version, the consent request's id)."""
    pupil = await enrolled(plans, roster, guardians=guardians)
    opp_id, version = await offered_opp(client, plans, pupil)
    return pupil, opp_id, version, await consent_asked(roster, pupil, opp_id, version)


async def test_consent_of_every_parent_sets_the_action_part_and_starts_the_yearly_cycle(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil, opp_id, version, request_id = await asked_to_consent(
        client, plans, consent_roster, guardians=2
    )

    await consent_roster.all_agree(pupil, request_id)

    seen = await plans_tap.wait_for_one(pupil.tenant, "ActionPartSet")
    fact = next(e for e in seen if e.name == "ActionPartSet")
    set_on = date.fromisoformat(fact.data["set_on"])
    assert set_on == amsterdam_day(fact.envelope.time)  # the consent fact's day
    assert fact.data["consent_request_id"] == str(request_id)
    assert fact.data["evaluation_due_on"] == str(add_months(set_on, 12))
    assert fact.data["action_part_sha256"] == version["action_part_sha256"]
    opp = await opp_of(client, plans, pupil, opp_id)
    assert (opp["status"], opp["set_version"]) == ("set", 1)
    detail = (await client.get(f"/opps/{opp_id}/versions/1", headers=ib(plans, pupil))).json()
    assert detail["in_force"] is True
    answers = detail["consent"][0]["answers"]
    assert {a["party_id"] for a in answers} == {str(g) for g in pupil.guardians}
    assert {a["channel"] for a in answers} == {"guardian_page"}


async def test_a_refusal_leaves_the_action_part_not_set(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil, opp_id, _, request_id = await asked_to_consent(
        client, plans, consent_roster, guardians=2
    )
    await consent_roster.answered(pupil, request_id, pupil.guardians[0], cev.ConsentAnswer.AGREE)
    await consent_roster.refused(pupil, request_id, pupil.guardians[1])

    seen = await plans_tap.wait_for_one(pupil.tenant, "ActionPartNotSet")
    assert not any(e.name == "ActionPartSet" for e in seen)
    opp = await opp_of(client, plans, pupil, opp_id)
    assert (opp["status"], opp["set_version"]) == ("not_set", None)


async def test_consent_for_other_words_or_without_every_answer_sets_nothing(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster, guardians=2)
    opp_id, version = await offered_opp(client, plans, pupil)
    other_words = await consent_roster.requested(pupil, UUID(opp_id), 1, "0" * 64)
    await consent_roster.all_agree(pupil, other_words)
    one_answer = await consent_asked(consent_roster, pupil, opp_id, version)
    await consent_roster.answered(pupil, one_answer, pupil.guardians[0], cev.ConsentAnswer.AGREE)
    await consent_roster.given(pupil, one_answer)
    # Then a request the parents all agreed to: the only one that sets.
    proper = await consent_asked(consent_roster, pupil, opp_id, version)
    await consent_roster.all_agree(pupil, proper)

    seen = await plans_tap.wait_for_one(pupil.tenant, "ActionPartSet")
    sets = [e for e in seen if e.name == "ActionPartSet"]
    assert [e.data["consent_request_id"] for e in sets] == [str(proper)]


async def test_consent_for_a_version_no_longer_latest_sets_nothing(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil, opp_id, _, request_id = await asked_to_consent(client, plans, consent_roster)
    await written(client, plans, pupil, opp_id, location="Elders")
    await consent_roster.all_agree(pupil, request_id)
    await plans_tap.wait(pupil.tenant, lambda s: sum(e.name == "OppVersionWritten" for e in s) == 2)

    settled = await plans_tap.settle(pupil.tenant)
    assert not any(e.name == "ActionPartSet" for e in settled)
    assert (await opp_of(client, plans, pupil, opp_id))["status"] == "drafting"


async def test_a_withdrawal_takes_the_action_part_out_of_force(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil, opp_id, _, request_id = await asked_to_consent(client, plans, consent_roster)
    await consent_roster.all_agree(pupil, request_id)
    await plans_tap.wait_for_one(pupil.tenant, "ActionPartSet")
    await consent_roster.withdrawn(pupil, request_id, pupil.guardians[0])

    await plans_tap.wait_for_one(pupil.tenant, "ActionPartNotSet")
    opp = await wait_for(
        lambda: _status(client, plans, pupil, opp_id, "not_set"),
    )
    assert opp["set_version"] is None


async def _status(
    client: httpx.AsyncClient, plans: Running, pupil: Any, opp_id: str, wanted: str
) -> dict[str, Any] | None:
    opp = await opp_of(client, plans, pupil, opp_id)
    return opp if opp["status"] == wanted else None


async def test_an_evaluation_without_a_guardian_does_not_count_with_the_parents(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    opp_id, version = await offered_opp(client, plans, pupil)
    held_on = str(plans.clock.now().date())
    body: dict[str, Any] = {"held_on": held_on, "guardians_present": [], "guardians_declined": []}
    early = await client.post(f"/opps/{opp_id}/evaluations", json=body, headers=ib(plans, pupil))
    assert early.status_code == 409  # nothing set yet to evaluate
    request_id = await consent_asked(consent_roster, pupil, opp_id, version)
    await consent_roster.all_agree(pupil, request_id)
    await wait_for(lambda: _status(client, plans, pupil, opp_id, "set"))
    due = (await opp_of(client, plans, pupil, opp_id))["evaluation_due_on"]

    alone = await client.post(f"/opps/{opp_id}/evaluations", json=body, headers=ib(plans, pupil))
    assert alone.status_code == 201, alone.text
    assert (alone.json()["with_parents"], alone.json()["evaluation_due_on"]) == (False, due)

    body["guardians_present"] = [str(pupil.guardians[0])]
    together = await client.post(f"/opps/{opp_id}/evaluations", json=body, headers=ib(plans, pupil))
    assert together.json()["with_parents"] is True
    assert together.json()["evaluation_due_on"] == str(add_months(date.fromisoformat(held_on), 12))
    stranger = {**body, "guardians_present": [str(uuid4())]}
    refused = await client.post(
        f"/opps/{opp_id}/evaluations", json=stranger, headers=ib(plans, pupil)
    )
    assert refused.status_code == 422
    seen = await plans_tap.wait(
        pupil.tenant, lambda s: sum(e.name == "EvaluationHeld" for e in s) == 2
    )
    held = [e.data for e in seen if e.name == "EvaluationHeld"]
    assert [h["with_parents"] for h in held] == [False, True]
    assert held[0]["next_due_on"] is None


@pytest.mark.parametrize("ending", ["lapsed", "cancelled"])
async def test_a_question_that_lapsed_or_was_stopped_leaves_the_action_part_not_set(
    plans: Running,
    consent_roster: Roster,
    plans_tap: Tap,
    client: httpx.AsyncClient,
    ending: str,
) -> None:
    pupil, opp_id, _, request_id = await asked_to_consent(client, plans, consent_roster)
    await getattr(consent_roster, ending)(pupil, request_id)

    seen = await plans_tap.wait_for_one(pupil.tenant, "ActionPartNotSet")
    fact = next(e for e in seen if e.name == "ActionPartNotSet")
    assert (fact.data["version"], fact.data["consent_request_id"]) == (1, str(request_id))
    assert await wait_for(lambda: _status(client, plans, pupil, opp_id, "not_set"))


async def test_consent_given_delivered_twice_sets_the_action_part_once(
    plans: Running, consent_roster: Roster, plans_tap: Tap, client: httpx.AsyncClient
) -> None:
    pupil, _, _, request_id = await asked_to_consent(client, plans, consent_roster)
    await consent_roster.answered(pupil, request_id, pupil.guardians[0], cev.ConsentAnswer.AGREE)
    envelope = await consent_roster.given(pupil, request_id)
    await consent_roster.send(envelope, cev.ConsentGiven(
        request_id=request_id, pupil_id=pupil.pupil_id, purpose="opp_action_part",
        purpose_version=1,
    ))  # fmt: skip

    await plans_tap.wait_for_one(pupil.tenant, "ActionPartSet")
    settled = await plans_tap.settle(pupil.tenant)
    assert sum(e.name == "ActionPartSet" for e in settled) == 1


async def test_a_pupil_who_left_gets_no_new_opp(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    await consent_roster.left(pupil, date(2025, 12, 19))

    async def left() -> bool:
        async with plans.service.deps.sessions() as session:
            known = await RosterView(session).pupil(pupil.tenant, pupil.pupil_id)
        return known is not None and known.left_on is not None

    await wait_for(left)
    body = {"opp_id": str(uuid4()), "pupil_id": str(pupil.pupil_id),
            "support_started_on": "2025-12-01"}  # fmt: skip
    response = await client.post("/opps", json=body, headers=ib(plans, pupil))
    assert response.status_code == 409
    assert response.json()["type"].endswith("pupil-left")
