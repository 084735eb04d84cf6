"""Meeting kinds and who takes part in each.

From the seeds: an intake at enrolment, where school and parents state their expectations;
parents are present at the school support team's talks about their child; an MDO brings
parents, teacher, intern begeleider and the samenwerkingsverband's trajectbegeleider
together. Guardians are invited to every meeting about their child.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

# The kinds and roles are the contract's own words (the pupil takes part because "in
# sommige situaties kan het kind zelf ook informatie geven").
from samen_contract.events.meetings import MeetingKind as MeetingKind
from samen_contract.events.meetings import ParticipantRole as ParticipantRole

SCHOOL_STAFF_ROLES: Final = frozenset(
    {ParticipantRole.TEACHER, ParticipantRole.IB, ParticipantRole.DIRECTOR}
)
# The trajectbegeleider works for the samenwerkingsverband (the tenant), not for a school.
STAFF_ROLES: Final = SCHOOL_STAFF_ROLES | {ParticipantRole.TRAJECTBEGELEIDER}


@dataclass(frozen=True, slots=True)
class KindRules:
    """Who must, who may, and what a meeting of one kind evaluates.

    `required_roles`: every one of them takes part; `required_one_of`: at least one.
    """

    required_roles: frozenset[ParticipantRole]
    required_one_of: frozenset[ParticipantRole]
    allowed_roles: frozenset[ParticipantRole]
    evaluates_opp: bool = False
    evaluates_agreements: bool = False


_SCHOOL_AND_FAMILY: Final = SCHOOL_STAFF_ROLES | {ParticipantRole.GUARDIAN, ParticipantRole.PUPIL}
_WITH_SWV: Final = _SCHOOL_AND_FAMILY | {ParticipantRole.TRAJECTBEGELEIDER}
_GUARDIANS: Final = frozenset({ParticipantRole.GUARDIAN})


def _rules(
    *,
    required: frozenset[ParticipantRole] = _GUARDIANS,
    allowed: frozenset[ParticipantRole] = _SCHOOL_AND_FAMILY,
    evaluates_opp: bool = False,
    evaluates_agreements: bool = False,
) -> KindRules:
    return KindRules(
        required_roles=required,
        required_one_of=SCHOOL_STAFF_ROLES,
        allowed_roles=allowed,
        evaluates_opp=evaluates_opp,
        evaluates_agreements=evaluates_agreements,
    )


KIND_RULES: Final[Mapping[MeetingKind, KindRules]] = MappingProxyType(
    {
        MeetingKind.INTAKE: _rules(),
        MeetingKind.PROGRESS_TALK: _rules(),
        MeetingKind.SUPPORT_TEAM: _rules(required=_GUARDIANS | {ParticipantRole.IB}),
        MeetingKind.MDO: _rules(
            required=_GUARDIANS
            | {ParticipantRole.TEACHER, ParticipantRole.IB, ParticipantRole.TRAJECTBEGELEIDER},
            allowed=_WITH_SWV,
        ),
        MeetingKind.OPP_EVALUATION: _rules(allowed=_WITH_SWV, evaluates_opp=True),
        MeetingKind.AGREEMENT_EVALUATION: _rules(allowed=_WITH_SWV, evaluates_agreements=True),
    }
)


def rules_for(kind: MeetingKind) -> KindRules:
    return KIND_RULES[kind]
