"""Domain values to and from rows: a dispute's state, a tenant's rules and terms."""

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from samen_disputes.adapters.tables import DisputeRow, TenantConfigRow
from samen_disputes.domain import (
    DEFAULT_RULES,
    DEFAULT_SETTINGS,
    EDUCATION_CONSULTANTS_CONTACT,
    CommitteeAdvice,
    DeadlineSettings,
    DecisionOutcome,
    DisputeState,
    DisputeSubject,
    Ending,
    Opener,
    SchoolKind,
    Stage,
    Standing,
    TenantRules,
    Track,
    standing_of,
)


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value is not None else None


def _text(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def track_to_json(track: Track) -> dict[str, Any]:
    return {
        "stage": str(track.stage),
        "started_at": track.started_at.isoformat(),
        "defence_requested_at": _text(track.defence_requested_at),
        "defence_at": _text(track.defence_at),
        "advice": str(track.advice) if track.advice else None,
        "advice_at": _text(track.advice_at),
    }


def track_from_json(data: dict[str, Any]) -> Track:
    started_at = _instant(data["started_at"])
    assert started_at is not None
    return Track(
        stage=Stage(data["stage"]),
        started_at=started_at,
        defence_requested_at=_instant(data.get("defence_requested_at")),
        defence_at=_instant(data.get("defence_at")),
        advice=CommitteeAdvice(data["advice"]) if data.get("advice") else None,
        advice_at=_instant(data.get("advice_at")),
    )


def state_of(row: DisputeRow) -> DisputeState:
    return DisputeState(
        subject=DisputeSubject(row.subject),
        opened_by=Opener(row.opened_by),
        decision_date=row.decision_date,
        opened_at=row.opened_at,
        last_moved_at=row.last_moved_at,
        tracks=tuple(track_from_json(t) for t in row.tracks),
        ending=Ending(row.ending) if row.ending else None,
        outcome=DecisionOutcome(row.outcome) if row.outcome else None,
        ended_at=row.ended_at,
    )


def write_state(row: DisputeRow, state: DisputeState) -> None:
    """Copy what a move can change onto the row."""
    row.last_moved_at = state.last_moved_at
    row.tracks = [track_to_json(t) for t in state.tracks]
    row.ending = str(state.ending) if state.ending else None
    row.outcome = str(state.outcome) if state.outcome else None
    row.ended_at = state.ended_at


def settings_to_json(settings: DeadlineSettings) -> dict[str, Any]:
    return asdict(settings)


def settings_from_json(data: dict[str, Any]) -> DeadlineSettings:
    """Unknown keys are refused (ValueError), missing ones take the default."""
    known = {f.name for f in fields(DeadlineSettings)}
    unknown = set(data) - known
    if unknown:
        raise ValueError(f"unknown deadline settings: {sorted(unknown)}")
    return DeadlineSettings(**data)


@dataclass(frozen=True)
class TenantConfig:
    """A tenant's rules, terms and the onderwijsconsulenten's contact."""

    rules: TenantRules = DEFAULT_RULES
    deadlines: DeadlineSettings = DEFAULT_SETTINGS
    consultants_contact: str = EDUCATION_CONSULTANTS_CONTACT

    @classmethod
    def of(cls, row: TenantConfigRow | None) -> "TenantConfig":
        if row is None:
            return cls()
        rules = TenantRules.from_rows(row.rules)
        return cls(rules, settings_from_json(row.deadlines), row.consultants_contact)

    def standing(self, state: DisputeState, now: datetime, school_kind: SchoolKind) -> Standing:
        """Where a dispute stands under this tenant's rules and terms."""
        return standing_of(
            state,
            self.rules,
            self.deadlines,
            now,
            consultants_contact=self.consultants_contact,
            school_kind=school_kind,
        )
