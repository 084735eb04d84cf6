"""The roster projection, once for every service that keeps one: pupils and their
guardianships from the consent service's facts (`PupilEnrolled`, `PupilGroupChanged`,
`PupilLeft`, `GuardianshipRecorded`, `GuardianshipEnded`), keyed by (tenant, pupil) and
(tenant, pupil, guardian), and a read repository in which every lookup takes the tenant.

A service attaches the tables to its metadata (`attach_roster_tables`), creates them in
a migration, applies the facts in its consumer (`apply_roster_fact` or
`roster_handler`, with `ROSTER_BATCH_HANDLERS` for a batch of enrolments or
guardianships in one statement) and reads through `Roster`.
"""

from samen_kit.roster.batches import ROSTER_BATCH_HANDLERS
from samen_kit.roster.facts import (
    ROSTER_FACTS,
    Enrolment,
    GroupChange,
    Guardianship,
    GuardianshipEnd,
    Leaving,
    RosterChange,
    roster_change,
)
from samen_kit.roster.projection import (
    apply_change,
    apply_roster_fact,
    place_pupils,
    roster_handler,
)
from samen_kit.roster.repository import PARENTAL_AUTHORITY, Pupil, Roster
from samen_kit.roster.tables import (
    ROSTER_TABLES,
    RosterGuardianshipRow,
    RosterPupilRow,
    attach_roster_tables,
)

__all__ = [
    "PARENTAL_AUTHORITY",
    "ROSTER_BATCH_HANDLERS",
    "ROSTER_FACTS",
    "ROSTER_TABLES",
    "Enrolment",
    "GroupChange",
    "Guardianship",
    "GuardianshipEnd",
    "Leaving",
    "Pupil",
    "Roster",
    "RosterChange",
    "RosterGuardianshipRow",
    "RosterPupilRow",
    "apply_change",
    "apply_roster_fact",
    "attach_roster_tables",
    "place_pupils",
    "roster_change",
    "roster_handler",
]
