"""What the parent page templates show, built from the views (no I/O).

Codes become phrase keys (`subject_opp`, `stage_mediation`, `move_enter:objection`,
`deadline_objection_filing`); a code the pages have no phrase for shows as `other`.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from samen_disputes.domain import AMSTERDAM, Deadline, NoStatutoryDeadline, Stage
from samen_disputes.domain.deadlines import DeadlineKind
from samen_disputes.domain.moves import Action, Move
from samen_disputes.domain.stages import Ending
from samen_disputes.domain.subjects import DisputeSubject, SchoolKind
from samen_disputes.domain.texts import Text
from samen_disputes.handlers.views import DisputeFile, DisputeView

BASE = "/ouders/geschillen"
START = "/ouders/geschil-starten"
# Where a guardian may start; the tenant's table and the law narrow it further.
OPENING_STAGES = (Stage.CONVERSATION, Stage.OBJECTION, Stage.DISPUTES_COMMITTEE)
OTHER = "other"
SUBJECTS = tuple(str(s) for s in DisputeSubject)
MOVES = frozenset(
    [str(Move(Action.ENTER, stage)) for stage in Stage]
    + [str(Move(action, None)) for action in Action if action is not Action.ENTER]
)


def key(prefix: str, code: str, known: frozenset[str] | tuple[str, ...]) -> str:
    return f"{prefix}_{code}" if code in known else OTHER


#: Labels that name the objection; at a private school it is a request for review.
_PRIVATE_ROUTE_LABELS = frozenset(
    {"deadline_objection_filing", "move_enter:objection", "stage_objection"}
)


def for_school(label: str, kind: SchoolKind) -> str:
    """The label as the school's kind has it (`SchoolKind`)."""
    private = kind is SchoolKind.PRIVATE and label in _PRIVATE_ROUTE_LABELS
    return f"{label}_private" if private else label


def day_of(at: datetime) -> date:
    return at.astimezone(AMSTERDAM).date()


def href(path: str, language: str, token: str | None = None) -> str:
    query = {"taal": language, **({"token": token} if token else {})}
    return f"{path}?{urlencode(query)}"


def where_key(view: DisputeView) -> str:
    if view.row.ending:
        return key("ending", view.row.ending, tuple(str(e) for e in Ending))
    stage = view.standing.stage
    if not stage:
        return OTHER
    return for_school(key("stage", str(stage), tuple(str(s) for s in Stage)), view.school_kind)


@dataclass(frozen=True)
class CaseLine:
    href: str
    subject: str
    opened_on: date
    where: str


def case_lines(views: list[DisputeView], language: str, token: str | None) -> list[CaseLine]:
    return [
        CaseLine(
            href=href(f"{BASE}/{v.row.id}", language, token),
            subject=key("subject", v.row.subject, SUBJECTS),
            opened_on=day_of(v.row.opened_at),
            where=where_key(v),
        )
        for v in views
    ]


def list_context(
    views: list[DisputeView],
    *,
    language: str,
    token: str | None,
    open_for: UUID | None,
    consultants: str,
) -> dict[str, Any]:
    """`open_for`: the pupil whose link may open a dispute (None: a link to one dispute)."""
    return {
        "cases": case_lines(views, language, token),
        "may_open": open_for is not None,
        "open_action": f"{START}/{open_for}",
        "subjects": SUBJECTS,
        "opening_stages": [str(s) for s in OPENING_STAGES],
        "consultants": consultants,
    }


@dataclass(frozen=True)
class DeadlineLine:
    label: str
    day: date
    late: bool


def _deadline(
    nearest: Deadline | NoStatutoryDeadline | None, kind: SchoolKind, now: datetime
) -> Any:
    if not isinstance(nearest, Deadline):
        return None
    label = key("deadline", str(nearest.kind), tuple(str(k) for k in DeadlineKind))
    return DeadlineLine(for_school(label, kind), nearest.due_date, nearest.is_missed(now))


def _side(actor: str) -> str:
    return "side_guardian" if actor.startswith("guardian:") else "side_school"


@dataclass(frozen=True)
class Said:
    """A rights text as phrases: its parts' keys and the values they name."""

    keys: tuple[str, ...]
    values: dict[str, object]


def said(text: Text) -> Said:
    values: dict[str, object] = {}
    for name, value in text.params:
        values[name] = date.fromisoformat(value) if name == "date" else value
    return Said(tuple(text.key.split("+")), values)


def file_context(
    file: DisputeFile, *, language: str, token: str | None, now: datetime
) -> dict[str, Any]:
    view = file.view
    path = f"{BASE}/{view.row.id}"
    standing = view.standing
    rights = standing.rights
    return {
        "back_href": href(BASE, language, token),
        "subject": key("subject", view.row.subject, SUBJECTS),
        "opened_on": day_of(view.row.opened_at),
        "where": where_key(view),
        "closed": view.row.ending is not None,
        "where_you_stand": said(rights.where_you_stand),
        "options": [(said(o.text), o.term_passed) for o in rights.options],
        "waiting_for": [said(w.text) for w in rights.waiting_for],
        "deadline": _deadline(standing.next_deadline, view.school_kind, now),
        "no_deadline": isinstance(standing.next_deadline, NoStatutoryDeadline),
        "moves": [
            {"code": str(m), "label": for_school(key("move", str(m), MOVES), view.school_kind)}
            for m in view.allowed
        ],
        "move_action": f"{path}/stap",
        "note_action": f"{path}/notitie",
        "history": [
            {
                "on": day_of(m.at),
                "side": _side(m.actor),
                "label": for_school(key("move", m.move, MOVES), view.school_kind),
                "reason": m.reason,
            }
            for m in file.moves
        ],
        "notes": [
            {"on": day_of(n.at), "side": _side(n.author), "text": n.text} for n in file.notes
        ],
    }


def parse_day(text: str) -> date | None:
    return date.fromisoformat(text) if text.strip() else None
