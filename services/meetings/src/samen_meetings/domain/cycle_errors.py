"""Errors of the rules added with the service: what an evaluation meeting names (an OPP
known from the plans service, or agreements), invitations, and a pupil who has left.
Grouped like errors.py (same base classes, stable codes)."""

from __future__ import annotations

from uuid import UUID

from samen_meetings.domain.errors import ForeignReference, StateConflict


class EvaluationSubjectUnknown(ForeignReference):
    """The OPP or agreement to evaluate is not one of this pupil's (or not known here)."""

    code = "evaluation-subject-unknown"

    def __init__(self, subject_id: UUID) -> None:
        super().__init__(f"{subject_id} is not an OPP or agreement of this pupil")
        self.subject_id = subject_id


class OppClosed(StateConflict):
    code = "opp-closed"

    def __init__(self, opp_id: UUID) -> None:
        super().__init__(f"OPP {opp_id} was replaced by a later one")
        self.opp_id = opp_id


class PupilHasLeft(StateConflict):
    code = "pupil-left"

    def __init__(self, pupil_id: UUID) -> None:
        super().__init__(f"pupil {pupil_id} has left the school")
        self.pupil_id = pupil_id


class InvitationClosed(StateConflict):
    """Only a scheduled meeting that has not started takes answers."""

    code = "invitation-closed"

    def __init__(self, meeting_id: UUID) -> None:
        super().__init__(f"meeting {meeting_id} takes no answers now")
        self.meeting_id = meeting_id
