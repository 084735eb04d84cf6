"""The retention policy as data: per kind of data a period, the fact that starts its
clock, and the legal basis written beside it (GLOSSARY.md, "Numbers the rules use"); the
rules themselves are in `rules.toml`, read once at import.

Pure: no I/O after import. A tenant may lengthen a period (an override), never shorten one below its
legal minimum. Rules marked `assumed` rest on our reading of the sources, not on a text
that names the period; check them with the tenant's privacy officer before production.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from importlib.resources import files

from samen_contract.events.retention import DataKind


class StartingFact(StrEnum):
    """The fact whose date starts a clock."""

    PUPIL_LEFT = "pupil_left"
    CONSENT_ENDED = "consent_ended"  # withdrawn or expired, or the pupil left: the earlier
    DISPUTE_ENDED = "dispute_ended"  # decided, resolved or withdrawn
    ADMISSION_ENDED = "admission_ended"
    RECORDED = "recorded"  # the record itself (messages, access records)


@dataclass(frozen=True)
class RetentionRule:
    kind: DataKind
    months: int
    starts_at: StartingFact
    basis: str  # a code: lower-case words joined by underscores (travels on the bus)
    label: str  # Dutch, B1: what is kept
    basis_text: str  # Dutch: the legal basis, as shown to staff and the inspectie
    minimum_months: int = 0  # a tenant may not go below this (a legal duty to keep)
    duty_to_keep: str | None = None  # the duty that refuses erasure on request, if any
    assumed: bool = False  # our reading of the sources, not a period the text names


class OverrideRefused(ValueError):
    """A tenant's override would shorten a period below its legal minimum."""


def _load_rules() -> tuple[RetentionRule, ...]:
    """The default rules, kept as data in `rules.toml` beside this module."""
    text = (files("samen_kit.retention") / "rules.toml").read_text("utf-8")
    return tuple(
        RetentionRule(
            **{**rule, "kind": DataKind(rule["kind"]), "starts_at": StartingFact(rule["starts_at"])}
        )
        for rule in tomllib.loads(text)["rule"]
    )


DEFAULT_RULES: tuple[RetentionRule, ...] = _load_rules()


@dataclass(frozen=True)
class RetentionPolicy:
    """The rules in force for one tenant."""

    rules: Mapping[DataKind, RetentionRule]

    def rule(self, kind: DataKind) -> RetentionRule:
        return self.rules[kind]


DEFAULT_POLICY = RetentionPolicy({rule.kind: rule for rule in DEFAULT_RULES})

# tenant -> kind -> months; read from the platform's settings (docs/retention.md).
Overrides = Mapping[str, Mapping[str, int]]


def policy_for(tenant: str, overrides: Overrides | None = None) -> RetentionPolicy:
    """The default rules with the tenant's overrides applied."""
    own = (overrides or {}).get(tenant, {})
    rules = dict(DEFAULT_POLICY.rules)
    for name, months in own.items():
        kind = DataKind(name)
        rules[kind] = _overridden(rules[kind], months)
    return RetentionPolicy(rules)


def _overridden(rule: RetentionRule, months: int) -> RetentionRule:
    if months < max(rule.minimum_months, 1):
        raise OverrideRefused(
            f"{rule.kind}: {months} months is below the legal minimum of {rule.minimum_months}"
        )
    return replace(rule, months=months)


def check_overrides(overrides: Overrides) -> None:
    """Raise when any tenant's override is unknown or too short (settings validation)."""
    for tenant in overrides:
        policy_for(tenant, overrides)
