"""The stages of the procedure and the ways it ends."""

from enum import StrEnum


class Stage(StrEnum):
    CONVERSATION = "conversation"
    MEDIATION = "mediation"
    EDUCATION_CONSULTANT = "education_consultant"
    OBJECTION = "objection"
    DISPUTES_COMMITTEE = "disputes_committee"


class Ending(StrEnum):
    RESOLVED = "resolved"
    WITHDRAWN = "withdrawn"
    DECIDED = "decided"


# Informal stages follow one another; at most one is active at a time.
INFORMAL_STAGES: frozenset[Stage] = frozenset(
    {Stage.CONVERSATION, Stage.MEDIATION, Stage.EDUCATION_CONSULTANT}
)
# Formal tracks may run side by side and run on until the dispute ends.
FORMAL_STAGES: frozenset[Stage] = frozenset({Stage.OBJECTION, Stage.DISPUTES_COMMITTEE})


def is_formal(stage: Stage) -> bool:
    return stage in FORMAL_STAGES
