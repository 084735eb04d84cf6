"""The roster: what one import row says about a pupil, and what changed since the last.

Pure: `row_problems` checks a row on its own, `roster_changes` compares it with what is
known and returns the facts to publish. The same row imported twice gives no facts the
second time, which makes an import idempotent. A pupil missing from an import is not
taken off the roster (imports may cover part of a school); leaving takes a leaving date.
A guardian missing from a later row of the same pupil no longer stands to them.
A row that names a class group other than the known one moves the pupil to it; a row
without a group (a file without the column) leaves the known group as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TypeAlias
from uuid import UUID

from samen_consent.domain.parties import Guardianship, Standing

#: A guardian as an import row names them: the same as a guardianship the roster keeps.
RosterGuardian = Guardianship


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One row of an import: the pupil and every guardian the school knows of."""

    pupil_id: UUID
    birth_date: date
    enrolled_on: date
    left_on: date | None
    guardians: tuple[Guardianship, ...]
    group: str | None = None  # the class group's code, e.g. `7b`


@dataclass(frozen=True, slots=True)
class KnownPupil:
    """What an earlier import left: `guardians` maps each current guardian to their standing."""

    school_id: UUID
    birth_date: date
    enrolled_on: date
    left_on: date | None
    guardians: Mapping[UUID, Standing] = field(default_factory=dict)
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Enrolled:
    enrolled_on: date
    group: str | None = None


@dataclass(frozen=True, slots=True)
class GroupChanged:
    group: str


@dataclass(frozen=True, slots=True)
class Left:
    left_on: date


@dataclass(frozen=True, slots=True)
class GuardianRecorded(Guardianship):
    """A guardianship new to the roster, or with another standing than before."""


@dataclass(frozen=True, slots=True)
class GuardianEnded:
    guardian_id: UUID


RosterFact: TypeAlias = Enrolled | GroupChanged | Left | GuardianRecorded | GuardianEnded


@dataclass(frozen=True, slots=True)
class RosterChange:
    facts: tuple[RosterFact, ...]
    details_changed: bool  # e.g. a corrected birth date: stored, but no event carries it

    @property
    def changed(self) -> bool:
        return bool(self.facts) or self.details_changed


def row_problems(entry: RosterEntry, today: date) -> tuple[str, ...]:
    """What makes a row unusable, in words for the school (Dutch)."""
    problems = []
    if entry.birth_date > today:
        problems.append("geboortedatum ligt in de toekomst")
    if entry.enrolled_on < entry.birth_date:
        problems.append("inschrijfdatum ligt vóór de geboortedatum")
    if entry.left_on is not None and entry.left_on < entry.enrolled_on:
        problems.append("uitschrijfdatum ligt vóór de inschrijfdatum")
    ids = [g.guardian_id for g in entry.guardians]
    if len(set(ids)) != len(ids):
        problems.append("dezelfde ouder staat twee keer in de rij")
    if entry.pupil_id in ids:
        problems.append("een ouder heeft hetzelfde nummer als de leerling")
    return tuple(problems)


def roster_changes(known: KnownPupil | None, entry: RosterEntry) -> RosterChange:
    if known is None:
        facts: list[RosterFact] = [Enrolled(entry.enrolled_on, entry.group)]
        if entry.left_on is not None:
            facts.append(Left(entry.left_on))
        facts += [GuardianRecorded(g.guardian_id, g.standing) for g in entry.guardians]
        return RosterChange(tuple(facts), details_changed=False)
    facts = [*_enrolment_facts(known, entry), *_guardian_facts(known.guardians, entry)]
    return RosterChange(tuple(facts), details_changed=known.birth_date != entry.birth_date)


def authority_changed(known: KnownPupil | None, entry: RosterEntry) -> bool:
    """Whether the guardians who give consent differ: open requests ask the wrong people."""
    before = {g for g, s in (known.guardians if known else {}).items() if _authority(s)}
    after = {g.guardian_id for g in entry.guardians if _authority(g.standing)}
    return known is not None and before != after


def _authority(standing: Standing) -> bool:
    return standing is Standing.PARENTAL_AUTHORITY


def _enrolment_facts(known: KnownPupil, entry: RosterEntry) -> list[RosterFact]:
    facts: list[RosterFact] = []
    back_on_roster = known.left_on is not None and entry.left_on is None
    if known.enrolled_on != entry.enrolled_on or back_on_roster:
        facts.append(Enrolled(entry.enrolled_on, entry.group or known.group))
    elif entry.group is not None and entry.group != known.group:
        facts.append(GroupChanged(entry.group))  # a re-enrolment above carries it itself
    if entry.left_on is not None and entry.left_on != known.left_on:
        facts.append(Left(entry.left_on))
    return facts


def _guardian_facts(known: Mapping[UUID, Standing], entry: RosterEntry) -> list[RosterFact]:
    listed = {g.guardian_id: g.standing for g in entry.guardians}
    recorded: list[RosterFact] = [
        GuardianRecorded(guardian, standing)
        for guardian, standing in listed.items()
        if known.get(guardian) is not standing
    ]
    ended: list[RosterFact] = [GuardianEnded(g) for g in sorted(known) if g not in listed]
    return recorded + ended
