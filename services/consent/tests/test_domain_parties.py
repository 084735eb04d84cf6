"""Who must answer: guardians with authority, and by age the pupil."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.errors import InvalidPurpose, NoPartyToAsk
from samen_consent.domain.parties import (
    ASSESSMENT_AGES,
    GUARDIANS_ONLY,
    AgeRule,
    Guardianship,
    Pupil,
    Standing,
    age_on,
    required_parties,
)

pytestmark = pytest.mark.unit

AUTHORITY = Standing.PARENTAL_AUTHORITY
INFORMATION = Standing.INFORMATION_RIGHT


def family(authority: int = 2, information: int = 0) -> list[Guardianship]:
    return [Guardianship(uuid4(), AUTHORITY) for _ in range(authority)] + [
        Guardianship(uuid4(), INFORMATION) for _ in range(information)
    ]


def ids(guardianships: list[Guardianship], standing: Standing) -> frozenset[UUID]:
    return frozenset(g.guardian_id for g in guardianships if g.standing is standing)


def test_every_guardian_with_authority_is_asked_and_none_with_only_information() -> None:
    guardianships = family(authority=2, information=1)
    parties = required_parties(
        Pupil(uuid4(), date(2016, 5, 1)), guardianships, GUARDIANS_ONLY, date(2026, 1, 1)
    )
    assert parties.guardians == ids(guardianships, AUTHORITY)
    assert parties.not_asked == ids(guardianships, INFORMATION)
    assert parties.pupil is None


def test_a_guardian_listed_with_both_standings_counts_as_having_authority() -> None:
    guardian = uuid4()
    listed = [Guardianship(guardian, INFORMATION), Guardianship(guardian, AUTHORITY)]
    parties = required_parties(
        Pupil(uuid4(), date(2016, 5, 1)), listed, GUARDIANS_ONLY, date(2026, 1, 1)
    )
    assert parties.guardians == {guardian} and not parties.not_asked


def test_without_a_guardian_with_authority_there_is_no_one_to_ask() -> None:
    pupil = Pupil(uuid4(), date(2016, 5, 1))
    with pytest.raises(NoPartyToAsk):
        required_parties(
            pupil, family(authority=0, information=1), ASSESSMENT_AGES, date(2026, 1, 1)
        )


def test_a_pupil_of_eleven_is_not_asked_about_an_assessment() -> None:
    pupil = Pupil(uuid4(), date(2014, 6, 1))
    parties = required_parties(pupil, family(), ASSESSMENT_AGES, date(2026, 5, 31))
    assert parties.pupil is None


def test_a_pupil_consents_beside_the_guardians_from_the_twelfth_birthday() -> None:
    pupil = Pupil(uuid4(), date(2014, 6, 1))
    guardianships = family()
    parties = required_parties(pupil, guardianships, ASSESSMENT_AGES, date(2026, 6, 1))
    assert parties.pupil == pupil.pupil_id
    assert parties.guardians == ids(guardianships, AUTHORITY)


def test_a_pupil_of_sixteen_decides_alone_and_the_guardians_are_not_asked() -> None:
    pupil = Pupil(uuid4(), date(2010, 6, 1))
    guardianships = family(authority=2, information=1)
    parties = required_parties(pupil, guardianships, ASSESSMENT_AGES, date(2026, 6, 1))
    assert parties.pupil == pupil.pupil_id and not parties.guardians
    assert parties.not_asked == frozenset(g.guardian_id for g in guardianships)


def test_a_pupil_of_sixteen_decides_alone_even_without_a_guardian_with_authority() -> None:
    pupil = Pupil(uuid4(), date(2010, 6, 1))
    parties = required_parties(pupil, [], ASSESSMENT_AGES, date(2026, 6, 1))
    assert parties.all == {pupil.pupil_id}


def test_the_day_before_the_sixteenth_birthday_the_guardians_still_answer() -> None:
    pupil = Pupil(uuid4(), date(2010, 6, 1))
    parties = required_parties(pupil, family(), ASSESSMENT_AGES, date(2026, 5, 31))
    assert parties.guardians and parties.pupil == pupil.pupil_id


def test_the_birthday_counts_from_midnight_in_amsterdam() -> None:
    late_utc = datetime(2026, 5, 31, 22, 30, tzinfo=UTC)  # 00:30 on 1 June in Amsterdam
    assert local_date(late_utc) == date(2026, 6, 1)
    assert age_on(date(2010, 6, 1), local_date(late_utc)) == 16


def test_a_leap_day_child_turns_a_year_older_on_1_march_in_a_common_year() -> None:
    born = date(2012, 2, 29)
    assert age_on(born, date(2025, 2, 28)) == 12
    assert age_on(born, date(2025, 3, 1)) == 13


def test_a_leap_day_child_has_a_birthday_on_29_february_in_a_leap_year() -> None:
    born = date(2012, 2, 29)
    assert age_on(born, date(2028, 2, 28)) == 15
    assert age_on(born, date(2028, 2, 29)) == 16


def test_a_leap_day_child_turning_sixteen_in_2100_decides_alone_from_1_march() -> None:
    pupil = Pupil(uuid4(), date(2084, 2, 29))  # 2100 is not a leap year
    before = required_parties(pupil, family(), ASSESSMENT_AGES, date(2100, 2, 28))
    after = required_parties(pupil, family(), ASSESSMENT_AGES, date(2100, 3, 1))
    assert before.guardians and not after.guardians


def test_an_age_before_birth_is_refused() -> None:
    with pytest.raises(ValueError):
        age_on(date(2020, 1, 1), date(2019, 12, 31))


def test_an_age_rule_must_ask_beside_before_alone() -> None:
    with pytest.raises(InvalidPurpose):
        AgeRule(pupil_beside_from=16, pupil_alone_from=12)


def reference_age(born: date, day: date) -> int:
    """Counts birthdays one by one; a 29 February birthday falls on 1 March in common years."""

    def birthday(year: int) -> date:
        try:
            return born.replace(year=year)
        except ValueError:
            return date(year, 3, 1)

    age = 0
    while birthday(born.year + age + 1) <= day:
        age += 1
    return age


_dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2110, 12, 31))


@given(_dates, _dates)
def test_age_matches_counting_birthdays_one_by_one(a: date, b: date) -> None:
    born, day = min(a, b), max(a, b)
    assert age_on(born, day) == reference_age(born, day)


@given(
    born=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    days_later=st.integers(0, 25 * 366),
    authority=st.integers(0, 3),
    information=st.integers(0, 2),
    rule=st.sampled_from([GUARDIANS_ONLY, ASSESSMENT_AGES, AgeRule(pupil_alone_from=16)]),
)
def test_an_information_right_parent_is_never_a_party(
    born: date, days_later: int, authority: int, information: int, rule: AgeRule
) -> None:
    today = date.fromordinal(born.toordinal() + days_later)
    guardianships = family(authority, information)
    try:
        parties = required_parties(Pupil(uuid4(), born), guardianships, rule, today)
    except NoPartyToAsk:
        age = age_on(born, today)
        assert authority == 0
        assert rule.pupil_alone_from is None or age < rule.pupil_alone_from
        return
    assert not parties.all & ids(guardianships, INFORMATION)
    assert parties.guardians <= ids(guardianships, AUTHORITY)
