"""The retention policy as data: per kind of data a period, the fact that starts its
clock, and the legal basis written beside it (GLOSSARY.md, "Numbers the rules use").

Pure: no I/O. A tenant may lengthen a period (an override), never shorten one below its
legal minimum. Rules marked `assumed` rest on our reading of the sources, not on a text
that names the period; check them with the tenant's privacy officer before production.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

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


def _rule(kind: DataKind, months: int, starts_at: StartingFact, **kw: object) -> RetentionRule:
    return RetentionRule(kind, months, starts_at, **kw)  # type: ignore[arg-type]


_FILE = "Wet op het primair onderwijs en AVG art. 5 lid 1 onder e (opslagbeperking)"

DEFAULT_RULES: tuple[RetentionRule, ...] = (
    _rule(
        DataKind.ROSTER_CONTACT, 24, StartingFact.PUPIL_LEFT,
        basis="avg_5_1_e_leerlingdossier", label="Leerling- en contactgegevens",
        basis_text=f"{_FILE}: 2 jaar nadat de leerling de school verliet.",
    ),
    _rule(
        DataKind.CONSENT_EVIDENCE, 24, StartingFact.CONSENT_ENDED,
        basis="avg_7_1_aantoonbare_toestemming", label="Bewijs van toestemming",
        basis_text=(
            "AVG art. 7 lid 1 (toestemming aantonen) en art. 5 lid 1 onder e: zolang de"
            " school zich erop beroept, plus 2 jaar waarin zij betwist kan worden."
        ),
        assumed=True,
    ),
    _rule(
        DataKind.MEETING_RECORDS, 24, StartingFact.PUPIL_LEFT,
        basis="avg_5_1_e_leerlingdossier", label="Gespreksverslagen en afspraken",
        basis_text=f"{_FILE}: deel van het leerlingdossier, 2 jaar na vertrek.",
    ),
    _rule(
        DataKind.OPP_VERSIONS, 24, StartingFact.PUPIL_LEFT,
        basis="wpo_40a_opp", label="Ontwikkelingsperspectief en groeidocument",
        basis_text=(
            "Wet op het primair onderwijs art. 40a (OPP) en AVG art. 5 lid 1 onder e:"
            " 2 jaar nadat de leerling de school verliet."
        ),
    ),
    _rule(
        DataKind.DISPUTE_FILES, 24, StartingFact.DISPUTE_ENDED,
        basis="awb_bezwaar_dossier", label="Dossiers van geschillen",
        basis_text=(
            "Algemene wet bestuursrecht (bezwaar) en AVG art. 5 lid 1 onder e: 2 jaar"
            " nadat het geschil is beslist, opgelost of ingetrokken."
        ),
        minimum_months=24, duty_to_keep="awb_bezwaar_dossier", assumed=True,
    ),
    _rule(
        DataKind.ADMISSION_FILES, 84, StartingFact.ADMISSION_ENDED,
        basis="archiefwet_selectielijst_swv", label="Aanvragen, TLV's en arrangementen",
        basis_text=(
            "Archiefwet 1995 en de selectielijst voor samenwerkingsverbanden: 7 jaar"
            " nadat de toelaatbaarheidsverklaring afliep."
        ),
        minimum_months=84, duty_to_keep="archiefwet_selectielijst_swv", assumed=True,
    ),
    _rule(
        DataKind.MESSAGES, 24, StartingFact.PUPIL_LEFT,
        basis="avg_5_1_e_berichten", label="Berichten en afleverberichten",
        basis_text="AVG art. 5 lid 1 onder e: 2 jaar nadat de leerling de school verliet.",
        assumed=True,
    ),
    _rule(
        DataKind.ACCESS_RECORDS, 60, StartingFact.RECORDED,
        basis="avg_5_2_verantwoording", label="Gegevens over inzage en pogingen",
        basis_text=(
            "AVG art. 5 lid 2 en art. 32 (verantwoording en beveiliging): 5 jaar na het"
            " vastleggen."
        ),
        minimum_months=60, duty_to_keep="avg_5_2_verantwoording", assumed=True,
    ),
)  # fmt: skip


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
