"""Every view of a dispute is computed with its school's kind: the same removal reads as
an objection at a public school and as a request for review at a private one."""

from __future__ import annotations

from datetime import datetime

from samen_contract.events.disputes import DisputeOpened
from samen_disputes.domain import OptionKind, SchoolKind
from samen_disputes.domain.rights import ParentOption
from samen_disputes.handlers.opening import open_dispute
from samen_disputes.handlers.views import dispute_file, disputes_for_staff

from services.disputes.tests.disputes_fakes import FakeDeps, fake_deps
from services.disputes.tests.test_disputes_handlers import School

NOW = datetime.fromisoformat("2026-03-02T08:00:00+00:00")


def objection_text(options: tuple[ParentOption, ...]) -> str:
    [option] = [o for o in options if o.kind is OptionKind.OBJECTION]
    return option.text.nl


async def opened_at(deps: FakeDeps, school: School, kind: SchoolKind | None) -> str:
    if kind is not None:
        await deps.store.school_kinds.save(school.pupil.tenant, school.pupil.school_id, kind, NOW)
    dispute_id = await open_dispute(deps, school.ib, school.removal())
    file = await dispute_file(deps, school.ib, dispute_id)
    [listed] = await disputes_for_staff(deps, school.ib.staff)
    assert listed.school_kind is file.view.school_kind
    assert objection_text(listed.standing.options) == objection_text(file.view.standing.options)
    return objection_text(file.view.standing.options)


async def test_a_school_whose_kind_was_never_set_is_told_the_objection() -> None:
    deps = fake_deps(NOW)
    said = await opened_at(deps, School(deps), None)
    assert said.startswith("Bezwaar maken bij het schoolbestuur")


async def test_a_private_schools_dispute_is_told_the_request_for_review() -> None:
    deps = fake_deps(NOW)
    said = await opened_at(deps, School(deps), SchoolKind.PRIVATE)
    assert "verzoek om herziening" in said and "Bezwaar" not in said


async def test_the_opening_fact_names_the_schools_kind_for_the_guardians_messages() -> None:
    """Notifications learns the route only from the fact (ids and codes, no text)."""
    deps = fake_deps(NOW)
    school = School(deps)
    await deps.store.school_kinds.save(
        school.pupil.tenant, school.pupil.school_id, SchoolKind.PRIVATE, NOW
    )
    await open_dispute(deps, school.ib, school.removal())
    (opened,) = deps.store.outbox.events(DisputeOpened)
    assert opened.school_kind == "private"
