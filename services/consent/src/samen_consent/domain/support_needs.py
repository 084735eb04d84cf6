"""What a guardian says they need themselves ("welke ondersteuningsbehoefte heeft u zelf?").

Structured kinds may travel on the bus; the free-text note stays in the consent
service's database and is shown only on its pages (ARCHITECTURE.md: no free text on
the bus).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Final
from uuid import UUID

from samen_consent.domain.dutch_time import as_utc
from samen_consent.domain.errors import InvalidSupportNeeds

NOTE_MAX_LENGTH: Final = 2000


class SupportNeedKind(StrEnum):
    EXPLANATION = "explanation"
    CONVERSATION = "conversation"
    INTERPRETER = "interpreter"
    HELP_WITH_FORMS = "help_with_forms"
    PARENTING_SUPPORT = "parenting_support"
    SOMEONE_ALONGSIDE = "someone_alongside"
    OTHER = "other"
    NOTHING_NOW = "nothing_now"


# The choices as a parent reads them (B1); other languages come with the page templates.
LABELS_NL: Final[Mapping[SupportNeedKind, str]] = {
    SupportNeedKind.EXPLANATION: "Ik wil meer uitleg over wat er gaat gebeuren.",
    SupportNeedKind.CONVERSATION: "Ik wil een gesprek met de intern begeleider.",
    SupportNeedKind.INTERPRETER: "Ik wil een tolk bij gesprekken.",
    SupportNeedKind.HELP_WITH_FORMS: "Ik wil hulp bij het lezen of invullen van papieren.",
    SupportNeedKind.PARENTING_SUPPORT: "Ik wil hulp bij de opvoeding thuis.",
    SupportNeedKind.SOMEONE_ALONGSIDE: "Ik wil iemand die met mij meegaat naar gesprekken.",
    SupportNeedKind.OTHER: "Iets anders, namelijk:",
    SupportNeedKind.NOTHING_NOW: "Ik heb nu geen hulp nodig.",
}


@dataclass(frozen=True, slots=True)
class SupportNeeds:
    guardian_id: UUID
    pupil_id: UUID
    kinds: frozenset[SupportNeedKind]
    note: str | None
    at: datetime
    request_id: UUID | None = None  # the consent request it was said beside, if any

    def __post_init__(self) -> None:
        object.__setattr__(self, "at", as_utc(self.at))
        _check(self.kinds, self.note)


def state_support_needs(
    *,
    guardian_id: UUID,
    pupil_id: UUID,
    kinds: Iterable[SupportNeedKind],
    note: str | None,
    at: datetime,
    request_id: UUID | None = None,
) -> SupportNeeds:
    """Normalise what was typed (blank note → None) and check it; raises
    `InvalidSupportNeeds`."""
    cleaned = note.strip() if note else None
    return SupportNeeds(guardian_id, pupil_id, frozenset(kinds), cleaned or None, at, request_id)


def _check(kinds: frozenset[SupportNeedKind], note: str | None) -> None:
    if not kinds:
        raise InvalidSupportNeeds("choose at least one option")
    if SupportNeedKind.NOTHING_NOW in kinds and len(kinds) > 1:
        raise InvalidSupportNeeds("'nothing now' cannot be chosen together with a need")
    if SupportNeedKind.OTHER in kinds and not note:
        raise InvalidSupportNeeds("'other' needs a few words in the note")
    if note is not None and len(note) > NOTE_MAX_LENGTH:
        raise InvalidSupportNeeds(f"the note is longer than {NOTE_MAX_LENGTH} characters")
