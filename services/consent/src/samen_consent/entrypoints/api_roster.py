"""Staff routes: the roster import, and what the roster says about pupils."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, Field, SkipValidation, ValidationError

from samen_consent.domain.parties import Guardianship
from samen_consent.domain.roster import RosterEntry
from samen_consent.entrypoints import schemas as s
from samen_consent.entrypoints.permissions import CanImportRoster, CanReadRoster
from samen_consent.entrypoints.presenters import pupil_out
from samen_consent.entrypoints.wiring import CtxDep
from samen_consent.handlers import queries
from samen_consent.handlers.actors import Acting, staff_id
from samen_consent.handlers.errors import NotVisible, ResourceKind
from samen_consent.handlers.roster import LineError, RosterImport, RosterLine, import_roster

router = APIRouter(prefix="/v1", tags=["roster"])


class RosterImportIn(BaseModel):
    """Rows are checked one by one, so that a bad row is reported by its line and the
    others still go in."""

    school_id: UUID
    board_id: UUID | None = None
    rows: list[SkipValidation[s.RosterRowIn]] = Field(max_length=20_000)


@router.post("/roster", response_model=s.RosterReportOut)
async def post_roster(body: RosterImportIn, staff: CanImportRoster, ctx: CtxDep) -> Any:
    """Import (part of) a school's roster. Idempotent: the same rows again change nothing."""
    if not staff.covers_school(body.school_id, body.board_id):
        raise NotVisible(ResourceKind.SCHOOL, body.school_id, staff.tenant)
    lines, bad = read_rows(body.rows)
    acting = Acting.staff(staff)
    command = RosterImport(
        staff.tenant, body.school_id, body.board_id, acting.actor, staff_id(staff)
    )
    report = await import_roster(ctx, command, lines, bad)
    return s.RosterReportOut(
        imported=report.imported,
        unchanged=report.unchanged,
        errors=[s.RosterErrorOut(line=e.line, detail=e.detail) for e in report.errors],
    )


def read_rows(raw_rows: list[Any]) -> tuple[list[RosterLine], list[LineError]]:
    lines: list[RosterLine] = []
    bad: list[LineError] = []
    for index, raw in enumerate(raw_rows, start=1):
        try:
            row = s.RosterRowIn.model_validate(raw)
        except ValidationError as error:
            bad.append(LineError(_line_of(raw, index), _describe(error)))
            continue
        guardians = tuple(Guardianship(g.guardian_id, g.standing) for g in row.guardians)
        entry = RosterEntry(
            row.pupil_id, row.birth_date, row.enrolled_on, row.left_on, guardians, row.group
        )
        lines.append(RosterLine(row.line, entry))
    return lines, bad


def _line_of(raw: Any, index: int) -> int:
    line = raw.get("line") if isinstance(raw, dict) else None
    return line if isinstance(line, int) and not isinstance(line, bool) and line > 0 else index


def _describe(error: ValidationError) -> str:
    """Which fields and why; never the values (they may be personal data)."""
    return "; ".join(
        f"{'.'.join(map(str, e['loc'])) or 'rij'}: {e['msg']}"
        for e in error.errors(include_input=False, include_url=False)
    )


@router.get("/pupils/{pupil_id}", response_model=s.PupilOut)
async def get_pupil(pupil_id: UUID, staff: CanReadRoster, ctx: CtxDep) -> Any:
    """The pupil's school, dates and guardians (ids and standing only)."""
    return pupil_out(await queries.pupil_view(ctx, staff, pupil_id))


@router.get("/schools/{school_id}/pupils", response_model=list[s.PupilOut])
async def get_school_pupils(school_id: UUID, staff: CanReadRoster, ctx: CtxDep) -> Any:
    pupils = await queries.school_pupils(ctx, staff, school_id)
    return [pupil_out(queries.PupilView(pupil, [])) for pupil in pupils]
