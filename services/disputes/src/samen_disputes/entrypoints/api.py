"""Staff routes: open disputes, make moves, add notes, see disputes, set the tenant's rules
and each school's kind."""

from uuid import UUID

from fastapi import APIRouter, Response, status
from samen_kit.problems import staff_route_problems

from samen_disputes.domain import Move
from samen_disputes.entrypoints.permissions import (
    Mover,
    NoteTaker,
    Opener,
    Reader,
    SchoolKindChanger,
    SchoolKindReader,
    SettingsChanger,
    SettingsReader,
)
from samen_disputes.entrypoints.presenting import config_io, dispute_out, file_out
from samen_disputes.entrypoints.schemas import (
    DisputeFileOut,
    DisputeList,
    MoveIn,
    NoteCreated,
    NoteIn,
    OpenDisputeIn,
    SchoolKindIO,
    TenantConfigIO,
)
from samen_disputes.handlers import config, school_kinds, views
from samen_disputes.handlers.context import Deps, StaffActing
from samen_disputes.handlers.moving import MakeMove, make_move
from samen_disputes.handlers.notes import add_note
from samen_disputes.handlers.opening import OpenDispute, open_dispute

PROBLEMS = staff_route_problems(
    forbidden="The role may not (with `allowed_moves` for a move)",
    not_found="No such dispute, pupil or school, or not the caller's",
    conflict="Not possible in this state; `allowed_moves` lists what is",
    invalid="Malformed, or a decision or advice without its outcome",
)


def staff_router(deps: Deps) -> APIRouter:
    router = APIRouter(tags=["disputes"], responses=PROBLEMS)

    @router.get("/disputes")
    async def list_disputes(staff: Reader, include_ended: bool = False) -> DisputeList:
        """Disputes of the caller's schools (boards, tenant) with age, stage, next deadline."""
        found = await views.disputes_for_staff(deps, staff, open_only=not include_ended)
        return DisputeList(items=[dispute_out(v) for v in found])

    @router.post("/disputes", status_code=status.HTTP_201_CREATED)
    async def open_a_dispute(
        staff: Opener, body: OpenDisputeIn, response: Response
    ) -> DisputeFileOut:
        command = OpenDispute(**body.model_dump())
        dispute_id = await open_dispute(deps, StaffActing(staff), command)
        response.headers["Location"] = f"/disputes/{dispute_id}"
        return file_out(await views.dispute_file(deps, StaffActing(staff), dispute_id))

    @router.get("/disputes/{dispute_id}")
    async def get_dispute(staff: Reader, dispute_id: UUID) -> DisputeFileOut:
        return file_out(await views.dispute_file(deps, StaffActing(staff), dispute_id))

    @router.post("/disputes/{dispute_id}/moves")
    async def move_dispute(staff: Mover, dispute_id: UUID, body: MoveIn) -> DisputeFileOut:
        """Make a move; every move records who, when and why."""
        command = MakeMove(
            dispute_id, Move.parse(body.move), body.reason, body.outcome, body.advice
        )
        await make_move(deps, StaffActing(staff), command)
        return file_out(await views.dispute_file(deps, StaffActing(staff), dispute_id))

    @router.post("/disputes/{dispute_id}/notes", status_code=status.HTTP_201_CREATED)
    async def note_on_dispute(staff: NoteTaker, dispute_id: UUID, body: NoteIn) -> NoteCreated:
        return NoteCreated(id=await add_note(deps, StaffActing(staff), dispute_id, body.text))

    @router.get("/tenant-settings")
    async def get_settings(staff: SettingsReader) -> TenantConfigIO:
        """The tenant's moves table and terms (the defaults until it sets its own)."""
        return config_io(await config.tenant_config(deps, staff))

    @router.put("/tenant-settings")
    async def put_settings(staff: SettingsChanger, body: TenantConfigIO) -> TenantConfigIO:
        parsed = config.parse_config(body.rules, body.deadlines, body.consultants_contact)
        return config_io(await config.change_tenant_config(deps, staff, parsed))

    @router.get("/schools/{school_id}/kind")
    async def get_school_kind(staff: SchoolKindReader, school_id: UUID) -> SchoolKindIO:
        """Whether the school is public or private, which decides the route the guardians
        are told. A school whose kind was never set counts as public. The school must be
        known in the caller's tenant (a pupil of its roster is enrolled there)."""
        return SchoolKindIO(kind=await school_kinds.school_kind(deps, staff, school_id))

    @router.put("/schools/{school_id}/kind")
    async def put_school_kind(
        staff: SchoolKindChanger, school_id: UUID, body: SchoolKindIO
    ) -> SchoolKindIO:
        """Set the school's kind (a board administrator, or the samenwerkingsverband's).
        `public`: objection with the board, then the administrative court; `private`
        (*bijzonder*): a request for review with the board, then the civil court. Until it
        is set the school counts as public. Disputes show the route of the kind set now."""
        kind = await school_kinds.set_school_kind(deps, staff, school_id, body.kind)
        return SchoolKindIO(kind=kind)

    return router
