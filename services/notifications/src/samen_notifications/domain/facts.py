"""The facts a message states, taken from the event that caused it.

Only ids, codes, dates and times go in: they are kept with the planned message (as
JSON) and turned into the template's context when it is sent. Pure: `occurred_at` is
the event's time, passed in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from samen_notifications.domain.dates import local_moment

Facts = dict[str, Any]
# A request without its own answer date asks for an answer within the link's lifetime.
DEFAULT_ANSWER_WINDOW = timedelta(days=14)

DATE_FACTS = frozenset(
    {
        "deadline",
        "valid_until",
        "due_date",
        "start_date",
        "end_date",
        "objection_by",
        "decided_on",
        "home_since",
    }
)
MOMENT_FACTS = frozenset({"starts_at", "ends_at", "previous_starts_at"})


def _date(value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return local_moment(value).date()
    text = str(value)
    return (
        local_moment(datetime.fromisoformat(text)).date()
        if "T" in text
        else date.fromisoformat(text)
    )


def _moment(value: Any) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _consent(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"purpose": data["purpose"]}


def _consent_requested(data: Mapping[str, Any], at: datetime) -> Facts:
    deadline = _date(data.get("answer_by")) or local_moment(at + DEFAULT_ANSWER_WINDOW).date()
    return _consent(data, at) | {"deadline": deadline}


def _consent_given(data: Mapping[str, Any], at: datetime) -> Facts:
    return _consent(data, at) | {"valid_until": _date(data.get("valid_until"))}


def _meeting(data: Mapping[str, Any], at: datetime) -> Facts:
    return {
        "meeting_id": str(data["meeting_id"]),
        "meeting_kind": data["kind"],
        "starts_at": _moment(data["starts_at"]),
        "ends_at": _moment(data["ends_at"]),
        "revision": int(data.get("revision", 0)),
        "location_kind": data.get("location_kind", "school"),
        "interpreter": bool(data.get("interpreter_needed", False)),
        "deadline": None,
    }


def _meeting_rescheduled(data: Mapping[str, Any], at: datetime) -> Facts:
    return _meeting(data, at) | {"previous_starts_at": _moment(data["previous_starts_at"])}


def _meeting_recorded(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"starts_at": _moment(data["starts_at"]), "deadline": None}


def _evaluation(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"evaluation_kind": data["kind"], "due_date": _date(data["due_on"])}


def _opp_evaluation(data: Mapping[str, Any], at: datetime) -> Facts:
    """The plans service's OPP evaluation timers name no kind: it is always the OPP."""
    return {"evaluation_kind": "opp", "due_date": _date(data["due_on"])}


def _opp_due(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"due_date": _date(data["due_on"])}


def _action_part(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"version": int(data["version"])}


def _action_part_set(data: Mapping[str, Any], at: datetime) -> Facts:
    return _action_part(data, at) | {"due_date": _date(data["evaluation_due_on"])}


def _dispute(data: Mapping[str, Any], at: datetime) -> Facts:
    return {
        "dispute_subject": data["subject"],
        "stage": data["stage"],
        "deadline": _date(data.get("next_deadline_date")),
        # A private school's route is a request for review, not an objection (ADR 9).
        "private_school": data.get("school_kind") == "private",
    }


def _admission(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"admission_kind": data["kind"]}


def _admission_granted(data: Mapping[str, Any], at: datetime) -> Facts:
    return _admission_extended(data, at) | {"start_date": _date(data["start_date"])}


def _admission_refused(data: Mapping[str, Any], at: datetime) -> Facts:
    return _admission(data, at) | {"objection_by": _date(data["objection_by"])}


def _admission_ending(data: Mapping[str, Any], at: datetime) -> Facts:
    return _admission(data, at) | {"end_date": _date(data["end_date"])}


def _admission_extended(data: Mapping[str, Any], at: datetime) -> Facts:
    return _admission_ending(data, at) | _admission_refused(data, at)


def _objection_decided(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"objection_outcome": data["outcome"], "decided_on": _date(data["decided_on"])}


def _registration_overdue(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"due_date": _date(data["decide_by"])}


def _thuiszitter(data: Mapping[str, Any], at: datetime) -> Facts:
    return {"home_since": _date(data["home_since"])}


def _type(service: str, name: str) -> str:
    return f"samen.{service}.{name}.v1"


EXTRACTORS: Mapping[str, Callable[[Mapping[str, Any], datetime], Facts]] = {
    _type("consent", "ConsentRequested"): _consent_requested,
    _type("consent", "ConsentReminderDue"): _consent,
    _type("consent", "ConsentGiven"): _consent_given,
    _type("consent", "ConsentRefused"): _consent,
    _type("consent", "ConsentWithdrawn"): _consent,
    _type("meetings", "MeetingScheduled"): _meeting,
    _type("meetings", "MeetingRescheduled"): _meeting_rescheduled,
    _type("meetings", "MeetingCancelled"): _meeting,
    _type("meetings", "MeetingReminderDue"): _meeting,
    _type("meetings", "MeetingRecorded"): _meeting_recorded,
    _type("meetings", "EvaluationDue"): _evaluation,
    _type("plans", "EvaluationDue"): _opp_evaluation,
    _type("plans", "EvaluationOverdue"): _opp_evaluation,
    _type("plans", "OppOverdue"): _opp_due,
    _type("plans", "ActionPartNotSet"): _action_part,
    _type("plans", "ActionPartSet"): _action_part_set,
    _type("disputes", "DisputeOpened"): _dispute,
    _type("disputes", "DisputeStageChanged"): _dispute,
    _type("admissions", "AdmissionRequestDrafted"): _admission,
    _type("admissions", "AdmissionRequested"): _admission,
    _type("admissions", "AdmissionGranted"): _admission_granted,
    _type("admissions", "AdmissionRefused"): _admission_refused,
    _type("admissions", "AdmissionEndApproaching"): _admission_ending,
    _type("admissions", "AdmissionExtended"): _admission_extended,
    _type("admissions", "AdmissionObjectionLodged"): _admission,
    _type("admissions", "AdmissionObjectionDecided"): _objection_decided,
    _type("admissions", "RegistrationOverdue"): _registration_overdue,
    _type("admissions", "ThuiszitterReported"): _thuiszitter,
}


def event_facts(event_type: str, data: Mapping[str, Any], occurred_at: datetime) -> Facts:
    """The facts of one event; KeyError names a field the event lacks."""
    extractor = EXTRACTORS.get(event_type)
    return extractor(data, occurred_at) if extractor else {}


def facts_to_json(facts: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _jsonable(value) for key, value in facts.items()}


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def facts_from_json(stored: Mapping[str, Any]) -> Facts:
    """Dates and instants back as `date` and aware `datetime` for the templates."""
    facts: Facts = dict(stored)
    for key in DATE_FACTS & facts.keys():
        facts[key] = _date(facts[key])
    for key in MOMENT_FACTS & facts.keys():
        facts[key] = _moment(facts[key]) if facts[key] is not None else None
    return facts
