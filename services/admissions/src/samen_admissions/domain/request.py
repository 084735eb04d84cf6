"""A request to the samenwerkingsverband, as pure steps: each takes the state and returns
the next, or raises why it cannot be taken."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from samen_kit.deadlines import local_date

from samen_admissions.domain.codes import (
    BEHAVIOURAL,
    CATEGORIES,
    Advice,
    Discipline,
    ObjectionAdvice,
    ObjectionOutcome,
    ObjectionStage,
    RequestKind,
    Status,
)
from samen_admissions.domain.consent import ConsentFact, missing_purposes
from samen_admissions.domain.errors import (
    AdviceIncomplete,
    AdvisoryStepMissing,
    ConsentMissing,
    InvalidDates,
    NotNow,
    ParentsViewMissing,
    ReasonsRequired,
    SameExpertTwice,
    UnknownCategory,
)
from samen_admissions.domain.terms import objection_by


@dataclass(frozen=True)
class ExpertAdvice:
    expert: str  # the expert's pseudonymous subject
    discipline: Discipline
    advice: Advice


@dataclass(frozen=True)
class Objection:
    lodged_on: date
    in_time: bool
    advisory_step: bool
    stage: ObjectionStage = ObjectionStage.LODGED
    advice: ObjectionAdvice | None = None
    outcome: ObjectionOutcome | None = None


@dataclass(frozen=True)
class RequestState:
    kind: RequestKind
    category: str
    status: Status = Status.DRAFT
    has_parents_view: bool = False
    submitted_on: date | None = None
    advices: tuple[ExpertAdvice, ...] = ()
    decided_on: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    objection: Objection | None = None

    @property
    def objection_by(self) -> date | None:
        return objection_by(self.decided_on) if self.decided_on else None


def draft(kind: RequestKind, category: str) -> RequestState:
    if category not in CATEGORIES[kind]:
        raise UnknownCategory(kind, category)
    return RequestState(kind, category)


def _require(state: RequestState, step: str, *allowed: Status) -> None:
    if state.status not in allowed:
        raise NotNow(step, state.status)


def add_parents_view(state: RequestState) -> RequestState:
    """The parents may add or change their view until the samenwerkingsverband decides."""
    _require(state, "parents_view", Status.DRAFT, Status.SUBMITTED)
    return replace(state, has_parents_view=True)


def submit(state: RequestState, consent: dict[str, ConsentFact], now: datetime) -> RequestState:
    """Only with the parents' view and consent for engaging the samenwerkingsverband and
    sharing the file, both holding now."""
    _require(state, "submit", Status.DRAFT)
    missing = missing_purposes(consent, now)
    if missing:
        raise ConsentMissing(missing)
    if not state.has_parents_view:
        raise ParentsViewMissing()
    return replace(state, status=Status.SUBMITTED, submitted_on=local_date(now))


def give_advice(state: RequestState, advice: ExpertAdvice) -> RequestState:
    _require(state, "advice", Status.SUBMITTED)
    if any(a.expert == advice.expert for a in state.advices):
        raise SameExpertTwice()
    return replace(state, advices=(*state.advices, advice))


def advice_complete(advices: tuple[ExpertAdvice, ...]) -> bool:
    """Two experts, at least one an orthopedagoog or psychologist."""
    experts = {a.expert for a in advices}
    return len(experts) >= 2 and any(a.discipline in BEHAVIOURAL for a in advices)


def grant(state: RequestState, on: date, start: date, end: date) -> RequestState:
    _require(state, "grant", Status.SUBMITTED)
    if not advice_complete(state.advices):
        raise AdviceIncomplete()
    if end <= start:
        raise InvalidDates("the end date falls after the start date")
    return replace(state, status=Status.GRANTED, decided_on=on, start_date=start, end_date=end)


def refuse(state: RequestState, on: date, reasons: str) -> RequestState:
    _require(state, "refuse", Status.SUBMITTED)
    if not advice_complete(state.advices):
        raise AdviceIncomplete()
    if not reasons.strip():
        raise ReasonsRequired()
    return replace(state, status=Status.REFUSED, decided_on=on)


def extend(state: RequestState, on: date, end: date) -> RequestState:
    """A granted request runs on to a later `end`; a new decision, so a new objection term."""
    _require(state, "extend", Status.GRANTED)
    if state.end_date is None or end <= state.end_date:
        raise InvalidDates("an extension ends after the current end date")
    return replace(state, decided_on=on, end_date=end, objection=None)


def lodge_objection(state: RequestState, on: date) -> RequestState:
    """Parents object to the decision (Awb art. 6:4). One late is still recorded (the
    board judges whether it is excusable, Awb art. 6:11). For a TLV the national
    advisory committee advises first."""
    _require(state, "objection", Status.GRANTED, Status.REFUSED)
    if state.objection is not None and state.objection.stage is not ObjectionStage.DECIDED:
        raise NotNow("objection", "objection_open")
    deadline = state.objection_by
    assert deadline is not None  # a decided request has its decision date
    objection = Objection(
        lodged_on=on, in_time=on <= deadline, advisory_step=state.kind is RequestKind.TLV
    )
    return replace(state, objection=objection)


def record_objection_advice(state: RequestState, advice: ObjectionAdvice) -> RequestState:
    objection = state.objection
    if objection is None or not objection.advisory_step:
        raise NotNow("objection_advice", "no_advisory_step")
    if objection.stage is not ObjectionStage.LODGED:
        raise NotNow("objection_advice", objection.stage)
    return replace(state, objection=replace(objection, stage=ObjectionStage.ADVISED, advice=advice))


def decide_objection(state: RequestState, outcome: ObjectionOutcome) -> RequestState:
    """A revised refusal becomes a grant only by a new decision (`grant` dates); the
    objection's outcome is recorded here."""
    objection = state.objection
    if objection is None or objection.stage is ObjectionStage.DECIDED:
        raise NotNow("objection_decision", "no_open_objection")
    if objection.advisory_step and objection.stage is not ObjectionStage.ADVISED:
        raise AdvisoryStepMissing()
    decided = replace(objection, stage=ObjectionStage.DECIDED, outcome=outcome)
    if outcome is ObjectionOutcome.REVISED and state.status is Status.REFUSED:
        # The refusal is revoked: the request is back before the committee to grant.
        return replace(state, status=Status.SUBMITTED, objection=decided)
    return replace(state, objection=decided)
