"""Who must answer for a pupil and purpose: guardians with authority, and by age the pupil.

A guardian with only the right to information is informed, never asked. For purposes
with an age rule (the psychological or educational assessment), a pupil from 12 consents
beside the guardians and from 16 alone. Ages use the pupil's Amsterdam birthday; someone
born on 29 February turns a year older on 1 March in a common year.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final
from uuid import UUID

from samen_consent.domain.errors import InvalidPurpose, NoPartyToAsk


class Standing(StrEnum):
    """A guardian's standing towards a pupil (same values as the roster contract)."""

    PARENTAL_AUTHORITY = "parental_authority"
    INFORMATION_RIGHT = "information_right"


class PartyRole(StrEnum):
    GUARDIAN = "guardian"
    PUPIL = "pupil"


@dataclass(frozen=True, slots=True)
class Pupil:
    pupil_id: UUID
    birth_date: date


@dataclass(frozen=True, slots=True)
class Guardianship:
    guardian_id: UUID
    standing: Standing


@dataclass(frozen=True, slots=True)
class AgeRule:
    """From which age the pupil consents beside the guardians, and from which age alone."""

    pupil_beside_from: int | None = None
    pupil_alone_from: int | None = None

    def __post_init__(self) -> None:
        beside, alone = self.pupil_beside_from, self.pupil_alone_from
        if any(age is not None and not 0 < age < 25 for age in (beside, alone)):
            raise InvalidPurpose(f"age rule {self} is out of range")
        if beside is not None and alone is not None and beside >= alone:
            raise InvalidPurpose(f"age rule {self}: 'beside' must come before 'alone'")


GUARDIANS_ONLY: Final = AgeRule()
ASSESSMENT_AGES: Final = AgeRule(pupil_beside_from=12, pupil_alone_from=16)
# The OPP's action part: the parents consent, and a pupil of 18 or older alone (WPO/WEC).
OPP_AGES: Final = AgeRule(pupil_alone_from=18)


@dataclass(frozen=True, slots=True)
class Parties:
    """The parties a request asks, fixed when it is made.

    `not_asked` are the pupil's other guardians: those with only the right to
    information, and all guardians when the pupil decides alone. Kept so that an attempt
    by one of them is refused as `NoAuthority` rather than as a stranger's.
    """

    guardians: frozenset[UUID]
    pupil: UUID | None
    not_asked: frozenset[UUID] = frozenset()

    def __post_init__(self) -> None:
        if not self.guardians and self.pupil is None:
            raise ValueError("a request needs at least one party")
        if self.guardians & self.not_asked or self.pupil in self.guardians:
            raise ValueError("a party appears twice")

    @property
    def all(self) -> frozenset[UUID]:
        return self.guardians | ({self.pupil} if self.pupil is not None else frozenset())

    def role_of(self, party_id: UUID) -> PartyRole | None:
        if party_id in self.guardians:
            return PartyRole.GUARDIAN
        return PartyRole.PUPIL if party_id == self.pupil else None


def age_on(birth_date: date, day: date) -> int:
    """Completed years on `day`. A 29 February birthday counts from 1 March in common years."""
    if day < birth_date:
        raise ValueError(f"{day} is before the birth date {birth_date}")
    had_birthday = (day.month, day.day) >= (birth_date.month, birth_date.day)
    return day.year - birth_date.year - (0 if had_birthday else 1)


def required_parties(
    pupil: Pupil, guardianships: Iterable[Guardianship], age_rule: AgeRule, today: date
) -> Parties:
    """The parties for `pupil` on the Amsterdam date `today`; raises `NoPartyToAsk`."""
    with_authority, information_only = _split_by_standing(guardianships)
    age = age_on(pupil.birth_date, today)
    if _reached(age, age_rule.pupil_alone_from):
        return Parties(frozenset(), pupil.pupil_id, with_authority | information_only)
    if not with_authority:
        raise NoPartyToAsk(pupil.pupil_id)
    pupil_party = pupil.pupil_id if _reached(age, age_rule.pupil_beside_from) else None
    return Parties(with_authority, pupil_party, information_only)


def _reached(age: int, threshold: int | None) -> bool:
    return threshold is not None and age >= threshold


def _split_by_standing(
    guardianships: Iterable[Guardianship],
) -> tuple[frozenset[UUID], frozenset[UUID]]:
    """Authority wins when the roster lists a guardian twice with different standings."""
    listed = tuple(guardianships)
    authority = frozenset(
        g.guardian_id for g in listed if g.standing is Standing.PARENTAL_AUTHORITY
    )
    information = frozenset(g.guardian_id for g in listed) - authority
    return authority, information
