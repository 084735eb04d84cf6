"""Whether the parents' consent is in place for a request: the consent service's facts,
per pupil and purpose, reduced to the latest one."""

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

#: A request engages the samenwerkingsverband and shares the pupil's file with it.
REQUIRED_PURPOSES: tuple[str, ...] = ("engage_swv", "share_file")


class ConsentStatus(StrEnum):
    GIVEN = "given"
    REFUSED = "refused"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"


@dataclass(frozen=True)
class ConsentFact:
    """The latest fact for one purpose; `valid_until` None: no end."""

    purpose: str
    status: ConsentStatus
    at: datetime
    valid_until: datetime | None = None

    def holds(self, now: datetime) -> bool:
        if self.status is not ConsentStatus.GIVEN:
            return False
        return self.valid_until is None or now < self.valid_until


def newer(current: ConsentFact | None, incoming: ConsentFact) -> bool:
    """A fact replaces the one held when it is not older (facts may arrive late)."""
    return current is None or incoming.at >= current.at


def missing_purposes(facts: dict[str, ConsentFact], now: datetime) -> tuple[str, ...]:
    """The required purposes without consent that holds now (empty: may submit)."""
    return tuple(p for p in REQUIRED_PURPOSES if not (p in facts and facts[p].holds(now)))
