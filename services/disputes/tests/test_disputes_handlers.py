"""The disputes use cases, run against the fake unit of work: no HTTP, Kafka or
PostgreSQL. Each test states a rule and checks the stored state and the emitted events
(with their envelope facts)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_contract.events import disputes as ev
from samen_disputes.domain import DecisionOutcome, DisputeSubject, Move, Stage
from samen_disputes.domain.errors import IllegalMove, MoveNotPermittedForRole
from samen_disputes.domain.moves import Action
from samen_disputes.handlers.context import GuardianActing, StaffActing
from samen_disputes.handlers.deadlines import sweep_deadlines
from samen_disputes.handlers.errors import NoParentalAuthority
from samen_disputes.handlers.moving import MakeMove, make_move
from samen_disputes.handlers.notes import add_note
from samen_disputes.handlers.opening import OpenDispute, open_dispute
from samen_disputes.handlers.views import dispute_file
from samen_kit.access import GuardianClaims, GuardianItem, Role, StaffPrincipal
from samen_kit.access.refusal_book import Hidden
from samen_kit.roster import PARENTAL_AUTHORITY, Pupil
from samen_kit.testing.names import new_tenant

from services.disputes.tests.disputes_fakes import FakeDeps, dispute_rows, fake_deps

NOW = datetime.fromisoformat("2026-03-02T08:00:00+00:00")
DESCRIPTION = "De school wil mijn zoon verwijderen na één incident."


class School:
    """A pupil of one school in a fresh tenant, its IB and its board's administrator."""

    def __init__(self, deps: FakeDeps) -> None:
        tenant, board = new_tenant(), f"board-{uuid4().hex[:6]}"
        self.pupil = Pupil(tenant, uuid4(), uuid4(), board, date(2020, 8, 24), None)
        self.guardian = uuid4()
        deps.store.roster.enrol(self.pupil, {self.guardian: PARENTAL_AUTHORITY})
        schools = frozenset({str(self.pupil.school_id)})
        self.ib = StaffActing(StaffPrincipal("ib-1", Role.IB, tenant, schools=schools))
        self.board = StaffActing(
            StaffPrincipal("board-1", Role.BOARD_ADMIN, tenant, boards=frozenset({board}))
        )

    def guardian_acting(self, guardian_id: UUID | None = None) -> GuardianActing:
        return GuardianActing(
            GuardianClaims(
                guardian_id=guardian_id or self.guardian,
                pupil_id=self.pupil.pupil_id,
                item=GuardianItem.of("pupil", self.pupil.pupil_id),
                tenant=self.pupil.tenant,
                jti=str(uuid4()),
                expires_at=NOW + timedelta(days=14),
            )
        )

    def removal(self, decided: timedelta = timedelta(days=3)) -> OpenDispute:
        decided_on = (NOW - decided).date()
        return OpenDispute(self.pupil.pupil_id, DisputeSubject.REMOVAL, DESCRIPTION, decided_on)


@pytest.fixture
def deps() -> FakeDeps:
    return fake_deps(NOW)


@pytest.fixture
def school(deps: FakeDeps) -> School:
    return School(deps)


async def test_an_opened_dispute_is_told_with_ids_and_codes_only(
    deps: FakeDeps, school: School
) -> None:
    dispute_id = await open_dispute(deps, school.ib, school.removal())

    (opened,) = deps.store.outbox.emitted
    assert isinstance(opened.event, ev.DisputeOpened)
    assert opened.event.dispute_id == dispute_id
    assert "incident" not in opened.event.model_dump_json()
    assert opened.facts["subject"] == str(school.pupil.pupil_id)
    assert opened.facts["correlationid"] == str(dispute_id)
    assert opened.facts["board"] == school.pupil.board_id
    assert dispute_rows(deps.store)[dispute_id].description == DESCRIPTION


async def test_a_pupil_of_another_school_is_not_found_and_nothing_is_opened(
    deps: FakeDeps, school: School
) -> None:
    elsewhere = StaffPrincipal("ib-2", Role.IB, school.pupil.tenant, schools=frozenset({"x"}))

    with pytest.raises(Hidden):
        await open_dispute(deps, StaffActing(elsewhere), school.removal())

    assert dispute_rows(deps.store) == {}
    assert deps.store.outbox.emitted == []


async def test_a_guardian_without_parental_authority_cannot_open_a_dispute(
    deps: FakeDeps, school: School
) -> None:
    with pytest.raises(NoParentalAuthority):
        await open_dispute(deps, school.guardian_acting(uuid4()), school.removal())

    assert deps.store.outbox.emitted == []


async def test_a_guardian_with_authority_opens_one_through_their_link(
    deps: FakeDeps, school: School
) -> None:
    dispute_id = await open_dispute(deps, school.guardian_acting(), school.removal())

    (opened,) = deps.store.outbox.events(ev.DisputeOpened)
    assert opened.dispute_id == dispute_id
    assert deps.store.outbox.emitted[0].facts["actor"] == f"guardian:{school.guardian}"


async def test_an_illegal_move_changes_nothing_and_emits_nothing(
    deps: FakeDeps, school: School
) -> None:
    dispute_id = await open_dispute(deps, school.ib, school.removal())

    with pytest.raises(IllegalMove):
        await make_move(deps, school.board, MakeMove(dispute_id, Move(Action.RECORD_DEFENCE)))

    assert [type(e.event) for e in deps.store.outbox.emitted] == [ev.DisputeOpened]
    file = await dispute_file(deps, school.board, dispute_id)
    assert file.moves == [] and file.view.state.stages == frozenset({Stage.CONVERSATION})


async def test_only_the_board_decides(deps: FakeDeps, school: School) -> None:
    dispute_id = await open_dispute(deps, school.ib, school.removal())
    await make_move(deps, school.board, MakeMove(dispute_id, Move.enter(Stage.OBJECTION)))
    decide = MakeMove(dispute_id, Move(Action.DECIDE), outcome=DecisionOutcome.UPHELD)

    with pytest.raises(MoveNotPermittedForRole):
        await make_move(deps, school.ib, decide)
    await make_move(deps, school.board, decide)

    (decided,) = deps.store.outbox.events(ev.DisputeDecided)
    assert decided.outcome == "upheld"
    assert len(deps.store.outbox.events(ev.DisputeStageChanged)) == 1
    assert dispute_rows(deps.store)[dispute_id].ending == "decided"


async def test_a_note_stays_here_and_the_bus_learns_only_that_it_was_added(
    deps: FakeDeps, school: School
) -> None:
    dispute_id = await open_dispute(deps, school.ib, school.removal())

    note_id = await add_note(deps, school.guardian_acting(), dispute_id, "Wij willen praten.")

    (added,) = deps.store.outbox.events(ev.DisputeNoteAdded)
    assert (added.note_id, added.added_by) == (note_id, "guardian")
    file = await dispute_file(deps, school.board, dispute_id)
    assert [n.text for n in file.notes] == ["Wij willen praten."]


async def test_a_term_ending_soon_is_announced_once_however_often_the_sweep_runs(
    deps: FakeDeps, school: School
) -> None:
    await open_dispute(deps, school.ib, school.removal(timedelta(weeks=6) - timedelta(days=3)))

    first = await sweep_deadlines(deps)
    second = await sweep_deadlines(deps)

    announced = deps.store.outbox.events(ev.DisputeDeadlineApproaching)
    assert (first, second) == (len(announced), 0)
    assert {a.deadline_kind for a in announced} == {"objection_filing", "committee_request"}
