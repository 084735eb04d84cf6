"""Views to response bodies."""

from samen_kit.presenting import present

from samen_disputes.adapters.state_rows import TenantConfig, settings_to_json
from samen_disputes.adapters.tables import MoveRow, NoteRow
from samen_disputes.domain import Deadline, NoStatutoryDeadline
from samen_disputes.entrypoints.schemas import (
    DeadlineOut,
    DisputeFileOut,
    DisputeOut,
    MoveOut,
    NoteOut,
    TenantConfigIO,
)
from samen_disputes.handlers.views import DisputeFile, DisputeView


def deadline_out(deadline: Deadline) -> DeadlineOut:
    return DeadlineOut(
        kind=str(deadline.kind),
        party=str(deadline.party),
        stage=str(deadline.stage),
        due_date=deadline.due_date,
        due_at=deadline.due_at,
    )


def dispute_out(view: DisputeView) -> DisputeOut:
    return DisputeOut(**_summary(view))


def _summary(view: DisputeView) -> dict[str, object]:
    row, standing = view.row, view.standing
    nearest = standing.next_deadline
    return {
        "id": row.id,
        "pupil_id": row.pupil_id,
        "school_id": row.school_id,
        "board_id": row.board_id,
        "subject": row.subject,
        "opened_by": row.opened_by,
        "opened_at": row.opened_at,
        "age_days": view.age_days,
        "stage": str(standing.stage) if standing.stage else None,
        "stages": [str(s) for s in standing.stages],
        "situation": standing.situation,
        "ending": row.ending,
        "outcome": row.outcome,
        "next_deadline": deadline_out(nearest) if isinstance(nearest, Deadline) else None,
        "no_deadline_reason": (
            str(nearest.reason) if isinstance(nearest, NoStatutoryDeadline) else None
        ),
        "allowed_moves": [str(m) for m in view.allowed],
    }


def _move_out(row: MoveRow) -> MoveOut:
    return present(MoveOut, row)


def _note_out(row: NoteRow) -> NoteOut:
    return present(NoteOut, row)


def file_out(file: DisputeFile) -> DisputeFileOut:
    row = file.view.row
    return DisputeFileOut(
        **_summary(file.view),
        description=row.description,
        decision_date=row.decision_date,
        opp_id=row.opp_id,
        deadlines=[deadline_out(d) for d in file.view.standing.deadlines],
        moves=[_move_out(m) for m in file.moves],
        notes=[_note_out(n) for n in file.notes],
    )


def config_io(config: TenantConfig) -> TenantConfigIO:
    return TenantConfigIO(
        rules=config.rules.to_rows(),
        deadlines=settings_to_json(config.deadlines),
        consultants_contact=config.consultants_contact,
    )
