"""What every handler needs, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass, field

from samen_kit import context

from samen_consent.adapters.documents import DocumentOwners
from samen_consent.domain.reminders import ReminderPolicy


@dataclass(frozen=True)
class Context(context.Context):
    reminders: ReminderPolicy = field(default_factory=ReminderPolicy)
    documents: DocumentOwners | None = None  # where a bound request's words come from
