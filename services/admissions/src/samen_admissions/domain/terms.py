"""The terms of the samenwerkingsverband's work, on the kit's statutory calendar.

Statutory terms run on to a working day (Algemene termijnenwet art. 1); the thuiszitter
threshold is a definition, not a term, and is not extended.
"""

from datetime import date, timedelta

from samen_kit.deadlines import term_end

#: Awb art. 6:7: an objection within six weeks; the term starts the day after the
#: decision was sent (Awb art. 6:8 lid 1).
OBJECTION_WEEKS = 6
#: Awb art. 4:13 lid 2: without a statutory term, a decision within a reasonable term,
#: at most eight weeks after the request.
DECISION_WEEKS = 8
#: Awb art. 7:10 lid 1: the decision on an objection within twelve weeks after the
#: objection term ends when an advisory committee (art. 7:13) advises (the national
#: advisory committee for TLV objections, Wpo art. 18a), else six.
OBJECTION_DECISION_WEEKS_WITH_COMMITTEE = 12
OBJECTION_DECISION_WEEKS = 6
#: Wpo art. 40 lid 4 (and its counterparts in the WEC and the Wvo): the school decides
#: on a registration within six weeks, once extendable by at most four.
REGISTRATION_WEEKS = 6
REGISTRATION_EXTENSION_WEEKS = 4
#: A pupil at home longer than four weeks without a place is a thuiszitter (the
#: Thuiszittersmonitor's definition; the onderwijsconsulent may then be asked directly).
THUISZITTER_WEEKS = 4


def objection_by(decided_on: date) -> date:
    return term_end(decided_on, weeks=OBJECTION_WEEKS)


def decision_due(submitted_on: date) -> date:
    return term_end(submitted_on, weeks=DECISION_WEEKS)


def objection_decision_due(decided_on: date, *, advisory_step: bool) -> date:
    weeks = OBJECTION_DECISION_WEEKS_WITH_COMMITTEE if advisory_step else OBJECTION_DECISION_WEEKS
    return term_end(objection_by(decided_on), weeks=weeks)


def registration_decide_by(registered_on: date, *, extended: bool = False) -> date:
    weeks = REGISTRATION_WEEKS + (REGISTRATION_EXTENSION_WEEKS if extended else 0)
    return term_end(registered_on, weeks=weeks)


def thuiszitter_from(home_since: date) -> date:
    """The first day the pupil counts as a thuiszitter: more than four weeks at home."""
    return home_since + timedelta(weeks=THUISZITTER_WEEKS, days=1)


def warning_from(end_date: date, lead_weeks: int) -> date:
    """The first day to warn before a granted request ends."""
    return end_date - timedelta(weeks=lead_weeks)
