"""What a dispute is about, who opened it, and which formal routes the law gives each subject."""

from enum import StrEnum


class DisputeSubject(StrEnum):
    OPP = "opp"
    OPP_ACTION_PART = "opp_action_part"
    SUPPORT_OR_ARRANGEMENT = "support_or_arrangement"
    ADMISSION = "admission"
    REMOVAL = "removal"
    OTHER = "other"


class Opener(StrEnum):
    """The side that opened the dispute; only that side may withdraw it."""

    GUARDIAN = "guardian"
    STAFF = "staff"


# The Geschillencommissie Passend Onderwijs hears admission, removal and the OPP.
# The action part is part of the OPP, so a dispute about it goes there too.
COMMITTEE_SUBJECTS: frozenset[DisputeSubject] = frozenset(
    {
        DisputeSubject.ADMISSION,
        DisputeSubject.REMOVAL,
        DisputeSubject.OPP,
        DisputeSubject.OPP_ACTION_PART,
    }
)

# Bezwaar (or, at a board under private law, its review request) lies against a
# refusal to admit and against a removal.
OBJECTION_SUBJECTS: frozenset[DisputeSubject] = frozenset(
    {DisputeSubject.ADMISSION, DisputeSubject.REMOVAL}
)


class SchoolKind(StrEnum):
    """Who runs the school, which decides the guardians' legal route after a refusal to
    admit or a removal.

    - public (*openbaar*): the board's decision is a decision under the Awb: objection
      (*bezwaar*) with the board, then appeal to the administrative court.
    - private (*bijzonder*, a foundation or association under private law): no Awb
      decision; a request for review (*verzoek om herziening*) with the board within six
      weeks, then the civil court. Source: Wpo art. 63 (removal) and art. 40 (admission),
      which give the request for review for private schools beside the objection for
      public ones; to be checked against the current text.
    """

    PUBLIC = "public"
    PRIVATE = "private"


def committee_hears(subject: DisputeSubject) -> bool:
    return subject in COMMITTEE_SUBJECTS


def objection_possible(subject: DisputeSubject) -> bool:
    return subject in OBJECTION_SUBJECTS
