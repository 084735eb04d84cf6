"""Views to response bodies (no I/O)."""

from __future__ import annotations

from samen_kit.presenting import present

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
    return present(VersionSummary, row)


def opp_out(file: OppFile) -> OppOut:
    row = file.opp
    return present(OppOut, row, versions=[summary(v) for v in file.versions])


def version_out(file: VersionFile) -> VersionOut:
    v = file.version
    return present(
        VersionOut,
        v,
        in_force=file.opp.set_version == v.version,
        consent=[
            ConsentOut(
                request_id=c.link.request_id,
                outcome=c.link.outcome,
                answers=[present(AnswerOut, a) for a in c.answers],
            )
            for c in file.consent
        ],
    )
