"""What the pages say about facts and items, Dutch (B1). Pure: rows in, words out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from samen_portal.adapters.readmodel import WorkRow
from samen_portal.domain.actions import MEETING_KINDS
from samen_portal.domain.facts import PupilFact
from samen_portal.domain.worklist import ITEM_TEXT, ItemKind

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Items staff close themselves: the facts that would close them are conversations.
CLOSABLE = (ItemKind.PARENT_COMMENT, ItemKind.PARENT_UNREACHABLE)
DONE = {
    "gesprek": "Het gesprek is gepland. De ouders krijgen een uitnodiging.",
    "verslag": "Het verslag is opgeslagen. De ouders kunnen het lezen.",
    "opp": "Het OPP is aangemaakt. Het moet binnen 6 weken klaar zijn.",
    "aanvraag": "De aanvraag is ingediend bij het samenwerkingsverband.",
    "concept": (
        "De aanvraag is opgeslagen, maar nog niet ingediend: eerst moeten de ouders hun "
        "mening geven en toestemming geven."
    ),
    "afgehandeld": "Het punt is van de lijst gehaald.",
    "correctie": "Uw antwoord is opgeslagen. De ouder ziet het bij Mijn kind.",
}
AREAS: dict[str, str] = {
    "consent": "Toestemming",
    "meetings": "Gesprekken en verslagen",
    "plans": "Ontwikkelingsperspectief (OPP)",
    "admissions": "Aanvragen bij het samenwerkingsverband",
    "disputes": "Geschillen",
    "notifications": "Berichten aan ouders",
}
FACT_TEXT: dict[str, str] = {
    "PupilEnrolled": "Ingeschreven",
    "PupilLeft": "Uitgeschreven",
    "GuardianshipRecorded": "Ouder of verzorger vastgelegd",
    "GuardianshipEnded": "Ouder of verzorger niet meer vastgelegd",
    "ConsentRequested": "Toestemming gevraagd",
    "ConsentAnswered": "Ouder heeft geantwoord",
    "ConsentGiven": "Toestemming gegeven",
    "ConsentRefused": "Geen toestemming",
    "ConsentConflictDetected": "Ouders zijn het niet eens",
    "ConsentWithdrawn": "Toestemming ingetrokken",
    "ConsentExpired": "Toestemming verlopen",
    "ConsentReminderDue": "Herinnering verstuurd",
    "ConsentRequestCancelled": "Vraag om toestemming gestopt",
    "MeetingScheduled": "Gesprek gepland",
    "MeetingRescheduled": "Gesprek verzet",
    "MeetingCancelled": "Gesprek afgezegd",
    "MeetingOnHold": "Gesprek wacht op toestemming",
    "InvitationAnswered": "Ouder antwoordde op de uitnodiging",
    "MeetingRecorded": "Verslag gemaakt",
    "AgreementMade": "Afspraak gemaakt",
    "RecordAcknowledged": "Ouder heeft het verslag gelezen",
    "ParentCommentAdded": "Ouder gaf een reactie op het verslag",
    "SupportStarted": "Extra ondersteuning gestart",
    "OppVersionWritten": "Nieuwe versie van het OPP",
    "ActionPartOffered": "Handelingsdeel voorgelegd aan ouders",
    "ActionPartSet": "Handelingsdeel vastgesteld",
    "ActionPartNotSet": "Handelingsdeel niet vastgesteld",
    "OppDue": "OPP moet bijna klaar zijn",
    "OppOverdue": "OPP is te laat",
    "EvaluationDue": "Evaluatie komt eraan",
    "EvaluationOverdue": "Evaluatie is te laat",
    "EvaluationHeld": "Evaluatie gehouden",
    "AdmissionRequested": "Aanvraag ingediend",
    "AdmissionGranted": "Aanvraag toegekend",
    "AdmissionRefused": "Aanvraag afgewezen",
    "AdmissionEndApproaching": "Toekenning loopt bijna af",
    "AdmissionExtended": "Toekenning verlengd",
    "ThuiszitterReported": "Gemeld als thuiszitter",
    "AbsenceEnded": "Weer naar school",
    "DisputeOpened": "Geschil gestart",
    "DisputeDeadlineApproaching": "Termijn loopt bijna af",
    "DisputeDeadlineMissed": "Termijn verlopen",
    "DisputeResolved": "Geschil opgelost",
    "DisputeDecided": "Uitspraak in het geschil",
    "NotificationSent": "Bericht verstuurd",
    "NotificationDelivered": "Bericht aangekomen",
    "NotificationFailed": "Bericht kwam niet aan",
    "GuardianUnreachable": "Ouder niet bereikt",
}
_DETAIL_TEXT: dict[str, str] = {
    "purpose": "doel",
    "answer": "antwoord",
    "channel": "via",
    "kind": "soort",
    "version": "versie",
    "stage": "fase",
    "outcome": "uitkomst",
    "reason": "reden",
    "interpreter_language": "tolk",
    "deadline_kind": "termijn",
}
_VALUES: dict[str, str] = {
    "agree": "ja",
    "refuse": "nee",
    "accepted": "komt",
    "declined": "komt niet",
    "email": "e-mail",
    "sms": "sms",
    "True": "ja",
    "False": "nee",
}


def short(pupil_id: object) -> str:
    """The first block of a pupil's id: how staff find and name the pupil here."""
    return str(pupil_id).split("-")[0]


def school_name(school_id: UUID, names: Mapping[UUID, str]) -> str:
    """The school's own name; its short id where no name is known (yet)."""
    return names.get(school_id) or f"School {short(school_id)}"


def day(value: date | None) -> str:
    return "" if value is None else value.strftime("%d-%m-%Y")


def moment(value: datetime) -> str:
    return value.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H:%M")


@dataclass(frozen=True)
class ItemView:
    pupil_id: str
    short: str
    text: str
    due: str
    kind: str
    ref: str
    closable: bool
    school: str = ""
    overdue: bool = False  # its last day has passed


def items(
    rows: Iterable[WorkRow],
    names: Mapping[UUID, str] | None = None,
    *,
    today: date | None = None,
) -> list[ItemView]:
    return [
        ItemView(
            str(r.pupil_id),
            short(r.pupil_id),
            ITEM_TEXT[r.kind],
            day(r.due_on),
            r.kind.value,
            r.ref,
            r.kind in CLOSABLE,
            school_name(r.school_id, names or {}),
            today is not None and r.due_on is not None and r.due_on < today,
        )
        for r in rows
    ]


@dataclass(frozen=True)
class MeetingView:
    meeting_id: str
    text: str


def open_meetings(facts: Iterable[PupilFact]) -> list[MeetingView]:
    """Meetings planned and neither recorded nor cancelled: their record is to write."""
    planned: dict[str, PupilFact] = {}
    ended: set[str] = set()
    for found in sorted(facts, key=lambda f: f.at):
        ref = str(found.ref_id)
        if found.kind in ("MeetingScheduled", "MeetingRescheduled"):
            planned[ref] = found
        elif found.kind in ("MeetingRecorded", "MeetingCancelled"):
            ended.add(ref)
    views = []
    for ref, found in planned.items():
        if ref in ended:
            continue
        kind = MEETING_KINDS.get(str(found.details.get("kind")), "Gesprek")
        starts = found.details.get("starts_at")
        when = moment(datetime.fromisoformat(starts)) if isinstance(starts, str) else ""
        views.append(MeetingView(ref, f"{kind} {when}".strip()))
    return views


@dataclass(frozen=True)
class FactView:
    when: str
    text: str
    details: str


@dataclass(frozen=True)
class AreaView:
    key: str
    title: str
    facts: list[FactView]


def details(found: PupilFact) -> str:
    parts = [
        f"{label}: {_VALUES.get(str(found.details[key]), str(found.details[key]))}"
        for key, label in _DETAIL_TEXT.items()
        if key in found.details
    ]
    if found.due_on is not None:
        parts.append(f"uiterlijk {day(found.due_on)}")
    return "; ".join(parts)


def areas(facts: Iterable[PupilFact]) -> list[AreaView]:
    grouped: dict[str, list[FactView]] = {}
    for found in facts:
        if found.source not in AREAS:
            continue
        text = FACT_TEXT.get(found.kind, found.kind)
        grouped.setdefault(found.source, []).append(
            FactView(moment(found.at), text, details(found))
        )
    return [AreaView(key, AREAS[key], grouped[key]) for key in AREAS if key in grouped]
