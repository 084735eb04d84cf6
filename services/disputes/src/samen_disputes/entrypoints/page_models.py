"""What the parent page templates show, built from the views (no I/O)."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from samen_disputes.domain import AMSTERDAM, Deadline, NoStatutoryDeadline, Stage
from samen_disputes.domain.texts import date_nl
from samen_disputes.entrypoints.page_texts import (
    DEADLINES,
    ENDINGS,
    MOVES,
    STAGES,
    SUBJECTS,
    UI,
    Words,
)
from samen_disputes.handlers.views import DisputeFile, DisputeView

BASE = "/ouders/geschillen"
START = "/ouders/geschil-starten"
# Where a guardian may start; the tenant's table and the law narrow it further.
OPENING_STAGES = (Stage.CONVERSATION, Stage.OBJECTION, Stage.DISPUTES_COMMITTEE)
OTHER = Words("Anders", "Other")


def day_of(at: datetime) -> str:
    return date_nl(at.astimezone(AMSTERDAM).date())


def href(path: str, lang: str, token: str | None = None) -> str:
    query = {"lang": lang, **({"token": token} if token else {})}
    return f"{path}?{urlencode(query)}"


def where_words(view: DisputeView) -> Words:
    if view.row.ending:
        return ENDINGS.get(view.row.ending, OTHER)
    stage = view.standing.stage
    return STAGES.get(str(stage), OTHER) if stage else OTHER


@dataclass(frozen=True)
class CaseLine:
    href: str
    subject: Words
    opened_on: str
    where: Words


def case_lines(views: list[DisputeView], lang: str, token: str | None) -> list[CaseLine]:
    return [
        CaseLine(
            href=href(f"{BASE}/{v.row.id}", lang, token),
            subject=SUBJECTS.get(v.row.subject, OTHER),
            opened_on=day_of(v.row.opened_at),
            where=where_words(v),
        )
        for v in views
    ]


def list_context(
    views: list[DisputeView],
    *,
    lang: str,
    token: str | None,
    open_for: UUID | None,
    consultants: str,
) -> dict[str, Any]:
    """`open_for`: the pupil whose link may open a dispute (None: a link to one dispute)."""
    return {
        "cases": case_lines(views, lang, token),
        "may_open": open_for is not None,
        "open_action": f"{START}/{open_for}",
        "subjects": SUBJECTS,
        "stages": STAGES,
        "opening_stages": [str(s) for s in OPENING_STAGES],
        "consultants": consultants,
    }


@dataclass(frozen=True)
class DeadlineLine:
    label: Words
    day: str
    late: bool


def _deadline(nearest: Deadline | NoStatutoryDeadline | None, now: datetime) -> Any:
    if not isinstance(nearest, Deadline):
        return None
    label = DEADLINES.get(str(nearest.kind), OTHER)
    return DeadlineLine(label, date_nl(nearest.due_date), nearest.is_missed(now))


def _side(actor: str) -> Words:
    return UI["guardian_side"] if actor.startswith("guardian:") else UI["school_side"]


def file_context(
    file: DisputeFile, *, lang: str, token: str | None, now: datetime
) -> dict[str, Any]:
    view = file.view
    path = f"{BASE}/{view.row.id}"
    standing = view.standing
    return {
        "back_href": href(BASE, lang, token),
        "subject": SUBJECTS.get(view.row.subject, OTHER),
        "opened_on": day_of(view.row.opened_at),
        "where": where_words(view),
        "closed": view.row.ending is not None,
        "rights": standing.rights,
        "deadline": _deadline(standing.next_deadline, now),
        "no_deadline": isinstance(standing.next_deadline, NoStatutoryDeadline),
        "moves": [{"code": str(m), "label": MOVES.get(str(m), OTHER)} for m in view.allowed],
        "move_action": f"{path}/stap",
        "note_action": f"{path}/notitie",
        "history": [
            {
                "on": day_of(m.at),
                "side": _side(m.actor),
                "label": MOVES.get(m.move, OTHER),
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
