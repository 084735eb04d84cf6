"""Staff routes: requests to the samenwerkingsverband, the objection track, the duty of
care (registrations and pupils at home) and the inspectie report."""

from uuid import UUID

from fastapi import APIRouter, Response, status
from samen_kit.deadlines import local_date
from samen_kit.problems import staff_route_problems

from samen_admissions.adapters.tables import AbsenceRow, RegistrationRow, RequestRow
from samen_admissions.entrypoints.permissions import (
    CareReader,
    CareWriter,
    Committee,
    Drafter,
    Expert,
    ObjectionClerk,
    ObjectionDecider,
    Reader,
    ReportReader,
    Submitter,
)
from samen_admissions.entrypoints.presenting import (
    absence_out,
    registration_out,
    report_out,
    request_line,
    request_out,
)
from samen_admissions.entrypoints.schemas import (
    AbsenceEndIn,
    AbsenceIn,
    AbsenceList,
    AbsenceOut,
    AdviceIn,
    DraftIn,
    ExtendIn,
    GrantIn,
    InspectieReport,
    ObjectionAdviceIn,
    ObjectionDecisionIn,
    ObjectionIn,
    RefuseIn,
    RegistrationDecisionIn,
    RegistrationIn,
    RegistrationList,
    RegistrationOut,
    RequestList,
    RequestOut,
)
from samen_admissions.handlers import care, requests, views
from samen_admissions.handlers.context import Deps, StaffActing
from samen_admissions.handlers.report import inspectie_report

PROBLEMS = staff_route_problems(
    forbidden="The role may not",
    not_found="No such request, registration, absence or pupil, or not the caller's",
    conflict="Not possible in this state (consent missing, advice incomplete, …)",
    invalid="Malformed, or dates that do not fit",
)
REQUESTS = "/admission-requests"


def staff_router(deps: Deps) -> APIRouter:
    router = APIRouter(tags=["admissions"], responses=PROBLEMS)

    async def file(staff: StaffActing, request_id: UUID) -> RequestOut:
        return request_out(await views.request_file(deps, staff, request_id))

    @router.get(REQUESTS)
    async def list_requests(staff: Reader) -> RequestList:
        """Requests of the caller's schools (the samenwerkingsverband: the whole tenant)."""
        rows = await views.listed(deps, StaffActing(staff), RequestRow)
        return RequestList(items=[request_line(r) for r in rows])

    @router.post(REQUESTS, status_code=status.HTTP_201_CREATED)
    async def draft(staff: Drafter, body: DraftIn, response: Response) -> RequestOut:
        """A school drafts a request for an arrangement or a TLV."""
        command = requests.DraftRequest(**body.model_dump())
        request_id = await requests.draft_request(deps, StaffActing(staff), command)
        response.headers["Location"] = f"{REQUESTS}/{request_id}"
        return await file(StaffActing(staff), request_id)

    @router.get(REQUESTS + "/{request_id}")
    async def get_request(staff: Reader, request_id: UUID) -> RequestOut:
        return await file(StaffActing(staff), request_id)

    @router.post(REQUESTS + "/{request_id}/submission")
    async def submit(staff: Submitter, request_id: UUID) -> RequestOut:
        """Submit to the samenwerkingsverband: 409 without the parents' view, or without
        their consent for `engage_swv` and `share_file`."""
        await requests.submit(deps, StaffActing(staff), request_id)
        return await file(StaffActing(staff), request_id)

    @router.post(REQUESTS + "/{request_id}/advice", status_code=status.HTTP_201_CREATED)
    async def advise(staff: Expert, request_id: UUID, body: AdviceIn) -> RequestOut:
        command = requests.GiveAdvice(**body.model_dump())
        await requests.give_advice(deps, StaffActing(staff), request_id, command)
        return await file(StaffActing(staff), request_id)

    @router.post(REQUESTS + "/{request_id}/grant")
    async def grant(staff: Committee, request_id: UUID, body: GrantIn) -> RequestOut:
        """After two experts' advice: granted from `start_date` to `end_date`."""
        acting = StaffActing(staff)
        await requests.grant(deps, acting, request_id, body.start_date, body.end_date)
        return await file(acting, request_id)

    @router.post(REQUESTS + "/{request_id}/refusal")
    async def refuse(staff: Committee, request_id: UUID, body: RefuseIn) -> RequestOut:
        await requests.refuse(deps, StaffActing(staff), request_id, body.reasons)
        return await file(StaffActing(staff), request_id)

    @router.post(REQUESTS + "/{request_id}/extension")
    async def extend(staff: Committee, request_id: UUID, body: ExtendIn) -> RequestOut:
        await requests.extend(deps, StaffActing(staff), request_id, body.end_date)
        return await file(StaffActing(staff), request_id)

    @router.post(REQUESTS + "/{request_id}/objection")
    async def objection(staff: ObjectionClerk, request_id: UUID, body: ObjectionIn) -> RequestOut:
        """An objection received from the parents (by letter or e-mail)."""
        acting = StaffActing(staff)
        await requests.lodge_objection(deps, acting, request_id, body.grounds, body.lodged_on)
        return await file(acting, request_id)

    @router.post(REQUESTS + "/{request_id}/objection/advice")
    async def objection_advice(
        staff: ObjectionClerk, request_id: UUID, body: ObjectionAdviceIn
    ) -> RequestOut:
        """The national advisory committee's advice on a TLV objection."""
        acting = StaffActing(staff)
        await requests.record_objection_advice(deps, acting, request_id, body.advice)
        return await file(acting, request_id)

    @router.post(REQUESTS + "/{request_id}/objection/decision")
    async def objection_decision(
        staff: ObjectionDecider, request_id: UUID, body: ObjectionDecisionIn
    ) -> RequestOut:
        acting = StaffActing(staff)
        await requests.decide_objection(deps, acting, request_id, body.outcome)
        return await file(acting, request_id)

    _care_routes(router, deps)

    @router.get("/inspectie-report")
    async def report(staff: ReportReader) -> InspectieReport:
        """Thuiszitters per school (now) and TLV decisions within eight weeks."""
        made = await inspectie_report(deps, StaffActing(staff))
        return report_out(made, local_date(deps.clock.now()))

    return router


def _care_routes(router: APIRouter, deps: Deps) -> None:
    async def registration(staff: StaffActing, registration_id: UUID) -> RegistrationOut:
        row = await views.one(deps, staff, RegistrationRow, "registration", registration_id)
        return registration_out(row)

    async def absence(staff: StaffActing, absence_id: UUID) -> AbsenceOut:
        row = await views.one(deps, staff, AbsenceRow, "absence", absence_id)
        return absence_out(row, local_date(deps.clock.now()))

    @router.get("/registrations")
    async def list_registrations(staff: CareReader) -> RegistrationList:
        rows = await views.listed(deps, StaffActing(staff), RegistrationRow)
        return RegistrationList(items=[registration_out(r) for r in rows])

    @router.post("/registrations", status_code=status.HTTP_201_CREATED)
    async def register(staff: CareWriter, body: RegistrationIn) -> RegistrationOut:
        """A pupil registered with a school: the decision is due in six weeks."""
        acting = StaffActing(staff)
        registration_id = await care.record_registration(
            deps, acting, body.pupil_id, body.registered_on
        )
        return await registration(acting, registration_id)

    @router.post("/registrations/{registration_id}/extension")
    async def extend_registration(staff: CareWriter, registration_id: UUID) -> RegistrationOut:
        """Once, by four weeks."""
        acting = StaffActing(staff)
        await care.extend_registration(deps, acting, registration_id)
        return await registration(acting, registration_id)

    @router.post("/registrations/{registration_id}/decision")
    async def decide_registration(
        staff: CareWriter, registration_id: UUID, body: RegistrationDecisionIn
    ) -> RegistrationOut:
        acting = StaffActing(staff)
        await care.decide_registration(deps, acting, registration_id, body.outcome)
        return await registration(acting, registration_id)

    @router.get("/absences")
    async def list_absences(staff: CareReader) -> AbsenceList:
        """Pupils at home; `thuiszitter` after four weeks."""
        rows = await views.listed(deps, StaffActing(staff), AbsenceRow)
        today = local_date(deps.clock.now())
        return AbsenceList(items=[absence_out(r, today) for r in rows])

    @router.post("/absences", status_code=status.HTTP_201_CREATED)
    async def record_absence(staff: CareWriter, body: AbsenceIn) -> AbsenceOut:
        acting = StaffActing(staff)
        absence_id = await care.record_absence(deps, acting, body.pupil_id, body.home_since)
        return await absence(acting, absence_id)

    @router.post("/absences/{absence_id}/end")
    async def end_absence(staff: CareWriter, absence_id: UUID, body: AbsenceEndIn) -> AbsenceOut:
        acting = StaffActing(staff)
        await care.end_absence(deps, acting, absence_id, body.ended_on)
        return await absence(acting, absence_id)
