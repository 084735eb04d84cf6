"""The facts of the plans service: the pupil's support file (groeidocument) and its OPP.

The OPP's words (strengths, support needs, goals, the parents' and the pupil's views) stay
in the plans service. The bus carries ids, dates, version numbers and the SHA-256 of the
exact action part a version holds, so the consent service can bind consent to those words
and the audit log can prove which words were agreed to.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import Event

SHA256_HEX = r"^[0-9a-f]{64}$"
Version = Annotated[int, Field(ge=1)]


class OppFact(Event):
    """A fact about a pupil's OPP at a school (abstract)."""

    opp_id: UUID
    pupil_id: UUID
    school_id: UUID


class OppDate(OppFact):
    """An OPP's date that falls due: setting it, or evaluating it (abstract)."""

    due_on: date


class OppVersion(OppFact):
    """A fact about one version of an OPP (abstract)."""

    version: Version


class ActionPartWords(OppVersion):
    """A fact about one version of an OPP and the hash of the exact action part it holds
    (abstract)."""

    action_part_sha256: str = Field(pattern=SHA256_HEX)


class SupportStarted(OppFact):
    """The pupil receives extra support from `started_on`: an OPP is due by `opp_due_on`
    (6 weeks, GLOSSARY.md "Deadlines")."""

    __service__ = "plans"

    started_on: date
    opp_due_on: date


class OppDue(OppDate):
    """No OPP is set yet and `due_on` is near; the id derives from the OPP and `due_on`."""

    __service__ = "plans"


class OppOverdue(OppDate):
    """`due_on` has passed and the OPP's action part is still not set."""

    __service__ = "plans"


class OppVersionWritten(ActionPartWords):
    """Staff wrote version `version` of the OPP; earlier versions stay readable.

    `action_part_sha256` is the hash of the action part's canonical content in this
    version (the words a guardian consents to).
    """

    __service__ = "plans"


class ActionPartOffered(ActionPartWords):
    """The action part of version `version` is put to the parents (and to a pupil of 18
    or older) for consent; the consent service opens one request for exactly these words.
    `answer_by`: the last day to answer (None: no end)."""

    __service__ = "plans"

    answer_by: date | None = None


class ActionPartSet(ActionPartWords):
    """Every required party consented to version `version`: the action part is set
    (*vastgesteld*) and in force; its evaluation with the parents is due by
    `evaluation_due_on`."""

    __service__ = "plans"

    consent_request_id: UUID
    set_on: date
    evaluation_due_on: date


class ActionPartNotSet(OppVersion):
    """Version `version` was refused (or consent lapsed or was withdrawn): it is not set.
    The school offers a new conversation; the parents may take the dispute route (the
    committee for OPP disputes). The parents' reasons stay in the consent service."""

    __service__ = "plans"

    consent_request_id: UUID


class EvaluationDue(OppDate):
    """The yearly evaluation of the OPP with the parents falls due on `due_on` (sent the
    lead time before). Replaces meetings' `EvaluationDue` of kind `opp`."""

    __service__ = "plans"


class EvaluationOverdue(OppDate):
    """`due_on` has passed without an evaluation held with the parents."""

    __service__ = "plans"


class EvaluationHeld(OppFact):
    """The OPP was evaluated on `held_on`. `with_parents`: a guardian took part, or was
    invited and declined (recorded); only then does it count as held with the parents
    and start the next cycle (`next_due_on`)."""

    __service__ = "plans"

    held_on: date
    with_parents: bool
    next_due_on: date | None = None


class ContributionKind(StrEnum):
    """What an entry in the groeidocument is; its words stay in the plans service."""

    OBSERVATION = "observation"  # an observation by the school
    TEST_TAKEN = "test_taken"  # a test taken (name and date; no scores on the bus)
    PREVIOUS_SUPPORT = "previous_support"  # support given before, and its result
    PARENTS_VIEW = "parents_view"  # the parents' view, in their own words
    PUPIL_VIEW = "pupil_view"  # the pupil's own view (hoorrecht from 12)


class ContributorRole(StrEnum):
    STAFF = "staff"
    GUARDIAN = "guardian"


class GroeidocumentEntryAdded(Event):
    """An entry was added to the pupil's groeidocument."""

    __service__ = "plans"

    entry_id: UUID
    pupil_id: UUID
    school_id: UUID
    kind: ContributionKind
    by: ContributorRole
