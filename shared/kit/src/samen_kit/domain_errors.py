"""Domain errors declared as data: the rule's slug, its message and the fields it names.

A service's refused rules differ only in those three, so a rule reads as one declaration:

    class MeetingIsCancelled(StateConflict, slug="meeting-cancelled",
                             message="meeting {meeting_id} is cancelled"):
        meeting_id: UUID

The annotated fields become the constructor's parameters (in order) and attributes; the
message is formatted from them and is the exception's only argument, as a hand-written
`super().__init__(f"...")` made it. A class that needs more (a computed attribute, a
date in ISO form) writes its own `__init__` and names no `message`. The service's error
table maps `slug` to the RFC 9457 problem type (`samen_kit.error_table.own_slug`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, dataclass_transform


@dataclass_transform(eq_default=False)
class DomainError(Exception):
    """Base of a service's refused rules; subclasses name `slug` and `message` as class
    keywords. Without a `message` a class keeps `Exception`'s constructor."""

    slug: ClassVar[str] = "domain-error"
    message: ClassVar[str] = ""

    def __init_subclass__(
        cls, *, slug: str | None = None, message: str | None = None, **kwargs: Any
    ) -> None:
        super().__init_subclass__(**kwargs)
        if slug is not None:
            cls.slug = slug
        if message is not None:
            cls.message = message
            # eq=False keeps errors hashable by identity; repr=False keeps Exception's.
            dataclass(eq=False, repr=False)(cls)

    def __post_init__(self) -> None:
        Exception.__init__(self, self.message.format_map(vars(self)))
