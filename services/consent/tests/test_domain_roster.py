"""The roster rules: what a row says, what changed since the last import, and which
rows are refused."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_consent.domain.parties import Standing
from samen_consent.domain.roster import (
    Enrolled,
    GroupChanged,
    GuardianEnded,
    GuardianRecorded,
    KnownPupil,
    Left,
    RosterEntry,
    RosterGuardian,
    authority_changed,
    roster_changes,
    row_problems,
)

pytestmark = pytest.mark.unit

AUTHORITY, INFORMATION = Standing.PARENTAL_AUTHORITY, Standing.INFORMATION_RIGHT
SCHOOL = uuid4()
TODAY = date(2026, 1, 5)


def entry(
    guardians: dict[UUID, Standing] | None = None,
    *,
    left_on: date | None = None,
    enrolled_on: date = date(2025, 8, 18),
    birth_date: date = date(2017, 3, 4),
    group: str | None = None,
) -> RosterEntry:
    listed = tuple(RosterGuardian(g, s) for g, s in (guardians or {}).items())
    return RosterEntry(UUID(int=7), birth_date, enrolled_on, left_on, listed, group)


def known_from(row: RosterEntry) -> KnownPupil:
    guardians = {g.guardian_id: g.standing for g in row.guardians}
    return KnownPupil(SCHOOL, row.birth_date, row.enrolled_on, row.left_on, guardians, row.group)


def test_a_new_pupil_is_enrolled_in_the_group_the_row_names() -> None:
    assert roster_changes(None, entry(group="7a")).facts == (Enrolled(date(2025, 8, 18), "7a"),)


def test_a_pupil_who_moves_class_changes_group_and_nothing_else() -> None:
    mother = uuid4()
    before = known_from(entry({mother: AUTHORITY}, group="7a"))
    after = entry({mother: AUTHORITY}, group="7b")

    assert roster_changes(before, after).facts == (GroupChanged("7b"),)
    assert not authority_changed(before, after)  # open consent requests still ask the right people


def test_a_row_without_a_group_keeps_the_known_one() -> None:
    before = known_from(entry(group="7a"))

    assert not roster_changes(before, entry()).changed


def test_a_pupil_back_on_the_roster_is_enrolled_again_in_their_new_group() -> None:
    before = known_from(entry(group="7a", left_on=date(2025, 12, 19)))

    assert roster_changes(before, entry(group="8a")).facts == (Enrolled(date(2025, 8, 18), "8a"),)


def test_a_new_pupil_is_enrolled_with_each_guardian() -> None:
    mother, father = uuid4(), uuid4()
    change = roster_changes(None, entry({mother: AUTHORITY, father: INFORMATION}))
    assert change.facts == (
        Enrolled(date(2025, 8, 18)),
        GuardianRecorded(mother, AUTHORITY),
        GuardianRecorded(father, INFORMATION),
    )


def test_a_new_pupil_who_already_left_is_enrolled_and_left() -> None:
    change = roster_changes(None, entry(left_on=date(2025, 12, 19)))
    assert change.facts == (Enrolled(date(2025, 8, 18)), Left(date(2025, 12, 19)))


guardian_maps = st.dictionaries(st.uuids(), st.sampled_from(list(Standing)), max_size=4)


@given(guardian_maps, st.one_of(st.none(), st.dates(date(2025, 8, 18), date(2030, 1, 1))))
def test_the_same_row_again_changes_nothing(
    guardians: dict[UUID, Standing], left: date | None
) -> None:
    row = entry(guardians, left_on=left)
    assert not roster_changes(known_from(row), row).changed


@given(guardian_maps, guardian_maps)
def test_after_an_import_the_known_guardians_are_exactly_the_listed_ones(
    before: dict[UUID, Standing], after: dict[UUID, Standing]
) -> None:
    change = roster_changes(known_from(entry(before)), entry(after))
    current = dict(before)
    for fact in change.facts:
        if isinstance(fact, GuardianRecorded):
            current[fact.guardian_id] = fact.standing
        elif isinstance(fact, GuardianEnded):
            del current[fact.guardian_id]
    assert current == after


def test_a_leaving_date_later_on_emits_left_and_clearing_it_enrols_again() -> None:
    on_roster = entry()
    leaving = entry(left_on=date(2026, 3, 1))
    assert roster_changes(known_from(on_roster), leaving).facts == (Left(date(2026, 3, 1)),)
    assert roster_changes(known_from(leaving), on_roster).facts == (Enrolled(date(2025, 8, 18)),)


def test_a_corrected_birth_date_is_stored_without_an_event() -> None:
    before = entry()
    change = roster_changes(known_from(before), entry(birth_date=date(2017, 3, 5)))
    assert change.facts == () and change.changed


def test_authority_changes_when_a_guardian_gains_or_loses_it_not_for_information_rights() -> None:
    mother, father, grandma = uuid4(), uuid4(), uuid4()
    before = known_from(entry({mother: AUTHORITY, father: AUTHORITY}))
    assert authority_changed(before, entry({mother: AUTHORITY}))
    assert authority_changed(before, entry({mother: AUTHORITY, father: INFORMATION}))
    assert not authority_changed(
        before, entry({mother: AUTHORITY, father: AUTHORITY, grandma: INFORMATION})
    )
    assert not authority_changed(None, entry({mother: AUTHORITY}))


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        (
            entry(birth_date=TODAY + timedelta(days=1), enrolled_on=TODAY + timedelta(days=2)),
            "geboortedatum ligt in de toekomst",
        ),
        (entry(enrolled_on=date(2016, 1, 1)), "inschrijfdatum ligt vóór de geboortedatum"),
        (entry(left_on=date(2025, 1, 1)), "uitschrijfdatum ligt vóór de inschrijfdatum"),
        (entry({UUID(int=7): AUTHORITY}), "een ouder heeft hetzelfde nummer als de leerling"),
    ],
)
def test_rows_that_cannot_be_true_are_refused(row: RosterEntry, problem: str) -> None:
    assert problem in row_problems(row, TODAY)


def test_a_guardian_listed_twice_in_one_row_is_refused() -> None:
    twice = uuid4()
    row = RosterEntry(
        uuid4(),
        date(2017, 1, 1),
        date(2025, 8, 18),
        None,
        (RosterGuardian(twice, AUTHORITY), RosterGuardian(twice, INFORMATION)),
    )
    assert row_problems(row, TODAY) == ("dezelfde ouder staat twee keer in de rij",)
