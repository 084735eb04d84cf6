"""Who makes a move: a role and a pseudonymous id."""

from dataclasses import dataclass
from enum import StrEnum

from samen_disputes.domain.subjects import Opener


class Role(StrEnum):
    GUARDIAN = "guardian"
    IB = "ib"
    TEACHER = "teacher"
    DIRECTOR = "director"
    TRAJECTBEGELEIDER = "trajectbegeleider"
    BOARD_ADMIN = "board_admin"
    SWV_ADMIN = "swv_admin"
    INSPECTIE = "inspectie"
    OPERATOR = "operator"


@dataclass(frozen=True)
class Actor:
    role: Role
    actor_id: str  # pseudonymous; never a name or an address

    def __str__(self) -> str:
        return f"{self.role}:{self.actor_id}"


def opener_of(role: Role) -> Opener:
    return Opener.GUARDIAN if role is Role.GUARDIAN else Opener.STAFF
