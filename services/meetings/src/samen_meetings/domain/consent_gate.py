"""The consent gate: may a meeting with these participants go ahead for this pupil?

It reads only a local projection of the consent service's events (`PupilConsents`).
From the seeds: "voor de aanvraag van een MDO is altijd toestemming van de ouders nodig",
and "scholen vragen ouders toestemming om het samenwerkingsverband in te schakelen" —
so an MDO needs `mdo_request`, and a trajectbegeleider (the samenwerkingsverband) may
take part in any meeting only with `engage_swv`.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from uuid import UUID

from samen_contract.events.meetings import ConsentGap as ConsentGap

from samen_meetings.domain.kinds import MeetingKind, ParticipantRole


class Purpose(StrEnum):
    """The purposes this service checks; codes as in the consent service's catalogue."""

    ENGAGE_SWV = "engage_swv"
    MDO_REQUEST = "mdo_request"


class ConsentStatus(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class ConsentState:
    """The latest consent fact for one purpose; `valid_until` is its last valid day."""

    status: ConsentStatus
    valid_until: date | None = None


@dataclass(frozen=True)
class PupilConsents:
    """What the meetings service knows of one pupil's consents, keyed by purpose code."""

    pupil_id: UUID
    by_purpose: Mapping[str, ConsentState] = field(default_factory=dict)

    def state_of(self, purpose: str) -> ConsentState | None:
        return self.by_purpose.get(purpose)

    def with_state(self, purpose: str, state: ConsentState) -> PupilConsents:
        """The projection after one consent event (given, refused, withdrawn, expired)."""
        return PupilConsents(self.pupil_id, MappingProxyType({**self.by_purpose, purpose: state}))


@dataclass(frozen=True, slots=True)
class HoldReason:
    """Why the gate holds: the purpose, what is wrong with it, and who it keeps out.

    `role` is the participant that may not take part (the trajectbegeleider for
    `engage_swv`), or None when the meeting itself needs the consent.
    """

    purpose: Purpose
    gap: ConsentGap
    role: ParticipantRole | None = None


class GateOutcome(StrEnum):
    ALLOWED = "allowed"
    ON_HOLD = "on_hold"


@dataclass(frozen=True, slots=True)
class GateDecision:
    reasons: tuple[HoldReason, ...] = ()

    @property
    def outcome(self) -> GateOutcome:
        return GateOutcome.ON_HOLD if self.reasons else GateOutcome.ALLOWED

    @property
    def allowed(self) -> bool:
        return not self.reasons


@dataclass(frozen=True, slots=True)
class ConsentNeed:
    purpose: Purpose
    role: ParticipantRole | None


def consent_needs(kind: MeetingKind, roles: Collection[ParticipantRole]) -> tuple[ConsentNeed, ...]:
    """The consents a meeting of `kind` with participants in `roles` needs, in a fixed order."""
    needs: list[ConsentNeed] = []
    if kind is MeetingKind.MDO:
        needs.append(ConsentNeed(Purpose.MDO_REQUEST, None))
    if ParticipantRole.TRAJECTBEGELEIDER in roles:
        needs.append(ConsentNeed(Purpose.ENGAGE_SWV, ParticipantRole.TRAJECTBEGELEIDER))
    return tuple(needs)


_GAP_OF_STATUS = {
    ConsentStatus.REFUSED: ConsentGap.REFUSED,
    ConsentStatus.WITHDRAWN: ConsentGap.WITHDRAWN,
    ConsentStatus.EXPIRED: ConsentGap.EXPIRED,
}


def consent_gap(state: ConsentState | None, on: date) -> ConsentGap | None:
    """What stands in the way on day `on`; None when the consent holds that day."""
    if state is None:
        return ConsentGap.MISSING
    if state.status is not ConsentStatus.GIVEN:
        return _GAP_OF_STATUS[state.status]
    if state.valid_until is not None and on > state.valid_until:
        return ConsentGap.EXPIRED
    return None


def check_consent(
    kind: MeetingKind,
    roles: Collection[ParticipantRole],
    consents: PupilConsents,
    on: date,
) -> GateDecision:
    """Allowed, or on hold with a reason per purpose; `on` is the meeting's local date."""
    reasons = tuple(
        HoldReason(need.purpose, gap, need.role)
        for need in consent_needs(kind, roles)
        if (gap := consent_gap(consents.state_of(need.purpose), on)) is not None
    )
    return GateDecision(reasons)
