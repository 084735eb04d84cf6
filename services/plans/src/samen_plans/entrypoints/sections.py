"""The action part as the parents read it: headed sections, the words verbatim (no I/O).

The headings are phrase keys (in the parent's language); the texts are the school's
Dutch words as stored, which bind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Section:
    key: str
    text: str
    values: dict[str, object] = field(default_factory=dict)
    day: date | None = None  # a date to write out per language (the text keeps ISO)


def action_part_sections(content: Mapping[str, Any]) -> list[Section]:
    goals = [
        Section("section_goal", str(goal), {"number": number})
        for number, goal in enumerate(content.get("goals", []), start=1)
    ]
    evaluation = content.get("evaluation", {})
    return [
        *goals,
        Section("section_support", str(content["support"])),
        Section("section_arrangement", str(content["arrangement"])),
        Section("section_who_does_what", str(content["who_does_what"])),
        Section("section_location", str(content["location"])),
        _day("section_starts_on", str(content["starts_on"])),
        _day("section_ends_on", str(content["ends_on"])),
        Section("section_evaluation_how", str(evaluation.get("how", ""))),
        Section("section_evaluation_when", str(evaluation.get("when", ""))),
    ]


def _day(key: str, text: str) -> Section:
    return Section(key, text, day=date.fromisoformat(text))
