"""Views to response bodies (no I/O)."""

from __future__ import annotations

from samen_plans.adapters.tables import OppVersionRow
from samen_plans.entrypoints.schemas import (
    AnswerOut,
    ConsentOut,
    OppOut,
    VersionOut,
    VersionSummary,
)
from samen_plans.handlers.views import OppFile, VersionFile


def summary(row: OppVersionRow) -> VersionSummary:
    return VersionSummary(
        version=row.version,
        action_part_sha256=row.action_part_sha256,
        written_at=row.written_at,
        offered_at=row.offered_at,
    )


def opp_out(file: OppFile) -> OppOut:
    row = file.opp
    return OppOut(
        opp_id=row.opp_id,
        pupil_id=row.pupil_id,
        school_id=row.school_id,
        status=row.status,
        support_started_on=row.support_started_on,
        opp_due_on=row.opp_due_on,
        evaluation_due_on=row.evaluation_due_on,
        latest_version=row.latest_version,
        offered_version=row.offered_version,
        set_version=row.set_version,
        versions=[summary(v) for v in file.versions],
    )


def version_out(file: VersionFile) -> VersionOut:
    v = file.version
    return VersionOut(
        opp_id=v.opp_id,
        version=v.version,
        basis=v.basis,
        action_part=v.action_part,
        action_part_sha256=v.action_part_sha256,
        written_at=v.written_at,
        offered_at=v.offered_at,
        answer_by=v.answer_by,
        in_force=file.opp.set_version == v.version,
        consent=[
            ConsentOut(
                request_id=c.link.request_id,
                outcome=c.link.outcome,
                answers=[
                    AnswerOut(
                        party_id=a.party_id,
                        party_role=a.party_role,
                        answer=a.answer,
                        channel=a.channel,
                        answered_at=a.answered_at,
                    )
                    for a in c.answers
                ],
            )
            for c in file.consent
        ],
    )
