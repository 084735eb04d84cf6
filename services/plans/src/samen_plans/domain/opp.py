"""The OPP's life: versions are written, the latest is offered for consent, and consent
sets it (vastgesteld) or it is not set. The action part in force (`set_version`) stays
in force while a newer version is drafted, until a newer one is set or consent for it is
withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from samen_plans.domain.calendar import evaluation_due_after
from samen_plans.domain.errors import AlreadyOffered, NotLatestVersion


class OppStatus(StrEnum):
    """Where the latest version stands."""

    DRAFTING = "drafting"  # written, not yet put to the parents
    OFFERED = "offered"  # put to the parents, waiting for their consent
    SET = "set"  # consented to: in force
    NOT_SET = "not_set"  # refused, lapsed, cancelled or withdrawn


@dataclass(frozen=True)
class Opp:
    status: OppStatus = OppStatus.DRAFTING
    latest_version: int = 0  # 0: nothing written yet
    offered_version: int | None = None
    set_version: int | None = None
    first_set_on: date | None = None
    evaluation_due_on: date | None = None


def version_written(opp: Opp) -> Opp:
    """A new version: it is drafting; an earlier offer is void, the version in force stays."""
    return replace(
        opp, latest_version=opp.latest_version + 1, status=OppStatus.DRAFTING, offered_version=None
    )


def offered(opp: Opp, version: int) -> Opp:
    if opp.latest_version == 0 or version != opp.latest_version:
        raise NotLatestVersion(opp.latest_version)
    if opp.offered_version == version or opp.set_version == version:
        raise AlreadyOffered(version)
    return replace(opp, status=OppStatus.OFFERED, offered_version=version)


def still_offered(opp: Opp, version: int) -> bool:
    """Consent counts only for the version that is the latest and is offered."""
    return opp.offered_version == version == opp.latest_version


def set_by_consent(opp: Opp, version: int, set_on: date) -> Opp | None:
    """The OPP with `version` in force, or None when consent came for a stale version.
    The first set starts the yearly evaluation cycle; later versions keep it running."""
    if not still_offered(opp, version):
        return None
    return replace(
        opp,
        status=OppStatus.SET,
        offered_version=None,
        set_version=version,
        first_set_on=opp.first_set_on or set_on,
        evaluation_due_on=opp.evaluation_due_on or evaluation_due_after(set_on),
    )


def not_set(opp: Opp, version: int) -> Opp:
    """Consent for `version` was refused, lapsed, cancelled or withdrawn."""
    changed = opp
    if opp.set_version == version:
        changed = replace(changed, set_version=None)  # withdrawn: no longer in force
    if version == opp.latest_version and opp.status in (OppStatus.OFFERED, OppStatus.SET):
        changed = replace(changed, status=OppStatus.NOT_SET, offered_version=None)
    return changed
