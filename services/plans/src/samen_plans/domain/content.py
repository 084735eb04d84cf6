"""The OPP's content: the basis (set after consultation aimed at agreement) and the action
part (handelingsdeel, which needs the parents' consent), and the hash that binds consent
to the action part's exact words."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from samen_plans.domain.errors import ActionPartPeriodInvalid


@dataclass(frozen=True)
class ExpectedDestination:
    """The uitstroomperspectief: level and school type after this school, and why."""

    level: str
    school_type: str
    reasons: str


@dataclass(frozen=True)
class Basis:
    strengths: str
    hindrances: str
    support_needs: str
    expected_destination: ExpectedDestination


@dataclass(frozen=True)
class EvaluationPlan:
    how: str
    when: str


@dataclass(frozen=True)
class ActionPart:
    goals: tuple[str, ...]
    support: str
    arrangement: str
    who_does_what: str
    location: str
    starts_on: date
    ends_on: date
    evaluation: EvaluationPlan

    def __post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise ActionPartPeriodInvalid()
        if not self.goals:
            raise ActionPartPeriodInvalid("an action part names at least one goal")


def basis_content(basis: Basis) -> dict[str, Any]:
    return asdict(basis)


def action_part_content(part: ActionPart) -> dict[str, Any]:
    """The action part as stored (JSON values only: dates as ISO days, goals as a list)."""
    return {
        "goals": list(part.goals),
        "support": part.support,
        "arrangement": part.arrangement,
        "who_does_what": part.who_does_what,
        "location": part.location,
        "starts_on": part.starts_on.isoformat(),
        "ends_on": part.ends_on.isoformat(),
        "evaluation": {"how": part.evaluation.how, "when": part.evaluation.when},
    }


def canonical_json(content: Mapping[str, Any]) -> bytes:
    """One spelling per content: sorted keys, no spaces, UTF-8 as written."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def action_part_sha256(content: Mapping[str, Any]) -> str:
    """The hash a guardian's consent binds to (hex); the consent service and the PDF
    receipt show the same value."""
    return hashlib.sha256(canonical_json(content)).hexdigest()
