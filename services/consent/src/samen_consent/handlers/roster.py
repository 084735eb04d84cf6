"""Import a school's roster: pupils, their dates, and who their guardians are.

One transaction per import, under a per-school lock: a re-import of the same rows finds
nothing changed, so it writes nothing and emits nothing. Rows with a problem are
reported by their line and left out; the other rows go in. When the guardians with
authority change, or the pupil leaves, the pupil's open requests are cancelled: they ask
the wrong people now (staff ask again).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from uuid import UUID

from samen_contract import Event
from samen_contract.events import consent as contract
from samen_kit.db import unit_of_work
from samen_kit.outbox import Emission
from samen_kit.outbox import Facts as OutboxFacts
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.requests import SqlRequests, StoredRequest
from samen_consent.adapters.roster import SqlRoster
from samen_consent.adapters.tables import GuardianshipRow, PupilRow
from samen_consent.domain import roster as r
from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.parties import Standing
from samen_consent.domain.request import RequestState, effective_state
from samen_consent.domain.transitions import cancel
from samen_consent.handlers.context import Context
from samen_consent.handlers.publishing import about_pupil, publish


@dataclass(frozen=True)
class RosterLine:
    line: int
    entry: r.RosterEntry


@dataclass(frozen=True)
class LineError:
    line: int
    detail: str


@dataclass(frozen=True)
class ImportReport:
    imported: int = 0
    unchanged: int = 0
    errors: tuple[LineError, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RosterImport:
    tenant: str
    school_id: UUID
    board_id: UUID | None
    actor: str
    actor_id: UUID


class SchoolOfOtherBoard(Exception):
    """The school is already on the roster under another board."""


async def import_roster(
    ctx: Context, command: RosterImport, lines: Sequence[RosterLine], bad: Sequence[LineError]
) -> ImportReport:
    """`bad` are lines that could not be read at all; they are reported as they are."""
    today = local_date(ctx.now())
    usable, errors = _check_lines(lines, today)
    imported = unchanged = 0
    async with unit_of_work(ctx.sessions) as session:
        roster = SqlRoster(session)
        await roster.lock_school(command.tenant, command.school_id)
        await _check_board(roster, command)
        ids = [line.entry.pupil_id for line in usable]
        known = await roster.pupils(command.tenant, ids)
        guardians = await roster.guardianships(command.tenant, ids)
        facts = RosterFacts(ctx, session)
        for line in usable:
            row = known.get(line.entry.pupil_id)
            if row is not None and row.school_id != command.school_id:
                errors.append(LineError(line.line, "leerling staat al bij een andere school"))
                continue
            mine = guardians.get(line.entry.pupil_id, [])
            changed = await _apply(ctx, session, facts, command, line.entry, row, mine)
            imported, unchanged = imported + changed, unchanged + (not changed)
        await facts.write()
    every_error = sorted([*bad, *errors], key=lambda e: e.line)
    return ImportReport(imported, unchanged, tuple(every_error))


def _check_lines(
    lines: Sequence[RosterLine], today: date
) -> tuple[list[RosterLine], list[LineError]]:
    usable: list[RosterLine] = []
    errors: list[LineError] = []
    seen: set[UUID] = set()
    for line in lines:
        problems = r.row_problems(line.entry, today)
        if line.entry.pupil_id in seen:
            problems += ("deze leerling staat al eerder in het bestand",)
        seen.add(line.entry.pupil_id)
        if problems:
            errors.append(LineError(line.line, "; ".join(problems)))
        else:
            usable.append(line)
    return usable, errors


async def _check_board(roster: SqlRoster, command: RosterImport) -> None:
    board = await roster.board_of_school(command.tenant, command.school_id)
    if board is not None and command.board_id is not None and board != command.board_id:
        raise SchoolOfOtherBoard(str(command.school_id))


class RosterFacts:
    """The import's roster facts, written to the outbox in one statement (the kit
    numbers each pupil's events in the order they were added)."""

    def __init__(self, ctx: Context, session: AsyncSession) -> None:
        self._writer, self._session = ctx.writer, session
        self._pending: list[Emission] = []

    def add(self, event: Event, facts: OutboxFacts) -> None:
        self._pending.append(Emission(event, **facts))

    async def write(self) -> None:
        """Write what waits; before anything else is emitted, so a pupil's events keep
        their order (a cancelled request after the fact that cancelled it)."""
        pending, self._pending = self._pending, []
        await self._writer.emit_many(self._session, pending)


async def _apply(
    ctx: Context,
    session: AsyncSession,
    facts: RosterFacts,
    command: RosterImport,
    entry: r.RosterEntry,
    row: PupilRow | None,
    guardianships: list[GuardianshipRow],
) -> bool:
    known = None if row is None else _known(row, guardianships)
    change = r.roster_changes(known, entry)
    if not change.changed:
        return False
    _store(SqlRoster(session), command, entry, row, guardianships)
    for fact in change.facts:
        about = about_pupil(command, entry.pupil_id, command.actor, ctx.now())
        facts.add(_event_of(fact, entry, command), about)
    leaves = any(isinstance(fact, r.Left) for fact in change.facts)
    if leaves or r.authority_changed(known, entry):
        await facts.write()
        await _cancel_open_requests(ctx, session, command, entry.pupil_id)
    return True


def _known(row: PupilRow, guardianships: list[GuardianshipRow]) -> r.KnownPupil:
    active = {g.guardian_id: Standing(g.standing) for g in guardianships if g.active}
    return r.KnownPupil(
        row.school_id, row.birth_date, row.enrolled_on, row.left_on, active, row.group_code
    )


def _store(
    roster: SqlRoster,
    command: RosterImport,
    entry: r.RosterEntry,
    row: PupilRow | None,
    guardianships: list[GuardianshipRow],
) -> None:
    pupil = row or PupilRow(
        tenant=command.tenant,
        pupil_id=entry.pupil_id,
        school_id=command.school_id,
        birth_date=entry.birth_date,
        enrolled_on=entry.enrolled_on,
    )
    pupil.board_id = command.board_id or pupil.board_id
    pupil.birth_date, pupil.enrolled_on = entry.birth_date, entry.enrolled_on
    pupil.left_on = entry.left_on
    pupil.group_code = entry.group or pupil.group_code
    roster.add(pupil)
    _store_guardians(roster, pupil, entry, {g.guardian_id: g for g in guardianships})


def _store_guardians(
    roster: SqlRoster, pupil: PupilRow, entry: r.RosterEntry, stored: dict[UUID, GuardianshipRow]
) -> None:
    """Listed guardians are current with their standing; the others no longer are."""
    listed = {g.guardian_id: g.standing for g in entry.guardians}
    for guardian_id, standing in listed.items():
        row = stored.get(guardian_id) or GuardianshipRow(
            tenant=pupil.tenant,
            pupil_id=pupil.pupil_id,
            guardian_id=guardian_id,
            school_id=pupil.school_id,
            standing=standing.value,
        )
        row.standing, row.active, row.board_id = standing.value, True, pupil.board_id
        roster.add(row)
    for guardian_id, row in stored.items():
        row.active = guardian_id in listed


def _event_of(fact: r.RosterFact, entry: r.RosterEntry, command: RosterImport) -> Event:
    pupil, school = entry.pupil_id, command.school_id
    match fact:
        case r.Enrolled(enrolled_on=day, group=group):
            return contract.PupilEnrolled(
                pupil_id=pupil, school_id=school, enrolled_on=day, group=group
            )
        case r.GroupChanged(group=group):
            return contract.PupilGroupChanged(pupil_id=pupil, school_id=school, group=group)
        case r.Left(left_on=day):
            return contract.PupilLeft(pupil_id=pupil, school_id=school, left_on=day)
        case r.GuardianRecorded(guardian_id=guardian, standing=standing):
            return contract.GuardianshipRecorded(
                pupil_id=pupil,
                guardian_id=guardian,
                standing=contract.GuardianStanding(standing.value),
            )
        case r.GuardianEnded(guardian_id=guardian):
            return contract.GuardianshipEnded(pupil_id=pupil, guardian_id=guardian)


async def _cancel_open_requests(
    ctx: Context, session: AsyncSession, command: RosterImport, pupil_id: UUID
) -> None:
    requests, now = SqlRequests(session), ctx.now()
    for stored in await requests.of_pupil(command.tenant, pupil_id, lock=True):
        if effective_state(stored.request, now) is not RequestState.OPEN:
            continue  # an expired one is the sweep's to record
        outcome = cancel(stored.request, by=command.actor_id, at=now)
        await requests.save(StoredRequest(outcome.request, stored.placement))
        await publish(
            ctx,
            session,
            outcome.request,
            stored.placement,
            outcome.decisions,
            command.actor,
            cancel_reason=contract.CancelReason.ROSTER_CHANGED,
        )
