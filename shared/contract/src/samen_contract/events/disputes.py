"""The facts the disputes service owns: a dispute opens, moves through its stages, meets
its deadlines and ends.

Codes, ids and dates only. The opener's description, the reasons of a move and the
guardians' notes stay in the disputes service. Codes are catalogue strings (pattern
`CODE`), so a tenant's catalogue can grow without a new major version:

- subject: `opp`, `opp_action_part`, `support_or_arrangement`, `admission`, `removal`, `other`
- stage: `conversation`, `mediation`, `education_consultant`, `objection`,
  `disputes_committee`
- opened_by / side: `guardian`, `staff`
- move: `enter`, `request_defence`, `record_defence`, `record_advice`, `decide`, `resolve`,
  `withdraw`
- deadline kind: `objection_filing`, `objection_decision`, `committee_request`,
  `committee_defence`, `committee_procedure`, `board_response_to_advice`
- party (who must act by a deadline): `guardians`, `board`, `committee`
- no_deadline_reason: `education_consultant`, `informal_stage`
- situation (what the guardians read first): a stage, `objection_and_committee`,
  `disputes_committee_advised`, `objection_and_committee_advised`, or an ending
- guardian option: `conversation`, `mediation`, `education_consultant`, `objection`,
  `disputes_committee`, `resolve`, `withdraw`, `court`
- outcome: `revised`, `partly_revised`, `upheld`, `inadmissible`
- advice: `well_founded`, `partly_well_founded`, `unfounded`, `inadmissible`
- school kind: `public` (*openbaar*: objection and the administrative court) or `private`
  (*bijzonder*: a request for review with the board and the civil court)

The committee's request for the defence, the board's defence and the committee's advice
are moves without a change of stage: they travel as `DisputeStageChanged` with `move`
`request_defence` / `record_defence` / `record_advice` (and `advice`), equal
`stages_before` and `stages_after`, and the deadlines that follow.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import CODE, Event, EventValue

Code = Annotated[str, Field(pattern=CODE)]


class DisputeTerm(EventValue):
    """One open deadline: who must act (`party`) by the end of `due_date` (Amsterdam)."""

    kind: Code
    party: Code
    stage: Code
    due_date: date


class GuardianOption(EventValue):
    """A step open to the guardians now; `due_date` is their term for it, if one runs."""

    kind: Code
    due_date: date | None = None
    term_passed: bool = False


class DisputeFact(Event):
    """A fact about one dispute: the pupil, the school and what it is about (abstract)."""

    dispute_id: UUID
    pupil_id: UUID
    school_id: UUID
    subject: Code


class DisputeStanding(Event):
    """Where the dispute stands after the fact, as the guardians' messages render it
    (abstract: the fields `DisputeOpened` and `DisputeStageChanged` share).

    `next_deadline_*` is the earliest open deadline; when none runs, the stage has no
    statutory term and `no_deadline_reason` says why.
    """

    stage: Code  # the stage entered last among the active ones
    stages: tuple[Code, ...]  # every active track (objection and committee may run together)
    situation: Code
    next_deadline_kind: Code | None = None
    next_deadline_party: Code | None = None
    next_deadline_date: date | None = None
    no_deadline_reason: Code | None = None
    deadlines: tuple[DisputeTerm, ...] = ()
    guardian_options: tuple[GuardianOption, ...] = ()
    # Names the guardians' route in their messages; facts from before it travelled lack
    # it and read as public, as the disputes service counts a school whose kind is unset.
    school_kind: Code | None = None


class DisputeOpened(DisputeFact, DisputeStanding):
    """A guardian or staff opened a dispute about a pupil. `opp_id` names the OPP a dispute
    about the OPP (or its action part) concerns, so meetings can mark it contested."""

    __service__ = "disputes"

    opened_by: Code
    decision_date: date | None = None
    opp_id: UUID | None = None


class DisputeStageChanged(DisputeFact, DisputeStanding):
    """A move that keeps the dispute open: a stage entered, or the defence or advice recorded."""

    __service__ = "disputes"

    move: Code
    entered_stage: Code | None = None
    advice: Code | None = None
    stages_before: tuple[Code, ...]
    stages_after: tuple[Code, ...]
    moved_by: Code  # the side: guardian or staff


class DisputeDeadline(DisputeFact):
    """A fact about one of a dispute's deadlines: who must act by when (abstract)."""

    deadline_kind: Code
    party: Code
    stage: Code
    due_date: date


class DisputeClosing(DisputeFact):
    """The dispute is closed, leaving the stages it was in (abstract)."""

    opp_id: UUID | None = None
    stages_before: tuple[Code, ...]


class DisputeDeadlineApproaching(DisputeDeadline):
    """A deadline ends within the tenant's approach days; the id is derived from the
    dispute, the deadline's kind and its date, so a sweep never emits it twice."""

    __service__ = "disputes"


class DisputeDeadlineMissed(DisputeDeadline):
    """The deadline's day ended without its move; deterministic id as for approaching."""

    __service__ = "disputes"


class DisputeResolved(DisputeClosing):
    """Guardians and school reached agreement; the dispute is closed."""

    __service__ = "disputes"

    resolved_by: Code  # the side that recorded it


class DisputeDecided(DisputeClosing):
    """The board decided; `departs_from_advice` when it did not follow the committee
    (its reasons stay in the disputes service)."""

    __service__ = "disputes"

    outcome: Code
    advice: Code | None = None
    departs_from_advice: bool
    guardian_options: tuple[GuardianOption, ...] = ()


class DisputeWithdrawn(DisputeClosing):
    """The side that opened the dispute withdrew it; the dispute is closed."""

    __service__ = "disputes"

    withdrawn_by: Code


class DisputeNoteAdded(Event):
    """A guardian or staff added a note to the dispute's file. Only that it happened
    travels: the note itself stays in the disputes service."""

    __service__ = "disputes"

    dispute_id: UUID
    pupil_id: UUID
    school_id: UUID
    note_id: UUID
    added_by: Code
