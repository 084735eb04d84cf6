"""Words parents read: Dutch first (B1, short sentences), English beside it.

Only these two for now; a page for a parent with another language shows both.
"""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("nl", "en")

KINDS: Final = {
    "intake": ("Startgesprek", "Intake meeting"),
    "progress_talk": ("Voortgangsgesprek", "Progress meeting"),
    "support_team": ("Gesprek met het ondersteuningsteam", "School support team meeting"),
    "mdo": ("Multidisciplinair overleg (MDO)", "Multidisciplinary meeting (MDO)"),
    "opp_evaluation": ("Evaluatie van het OPP", "Review of the development plan (OPP)"),
    "agreement_evaluation": ("Evaluatie van afspraken", "Review of agreements"),
}
LOCATIONS: Final = {
    "school": ("Op school", "At school"),
    "online": ("Online (u krijgt een link)", "Online (you will get a link)"),
    "phone": ("Telefonisch", "By phone"),
}
ROLES: Final = {
    "guardian": ("Ouder of verzorger", "Parent or carer"),
    "pupil": ("Leerling", "Pupil"),
    "teacher": ("Leerkracht", "Teacher"),
    "ib": ("Intern begeleider", "Special needs coordinator (IB)"),
    "director": ("Directeur", "Head teacher"),
    "trajectbegeleider": ("Trajectbegeleider", "Support adviser of the partnership"),
}
STATUSES: Final = {
    "scheduled": ("Het gesprek gaat door.", "The meeting will take place."),
    "on_hold": (
        "Het gesprek wacht. Er is eerst toestemming nodig.",
        "The meeting is on hold. Consent is needed first.",
    ),
    "cancelled": ("Het gesprek gaat niet door.", "The meeting is cancelled."),
    "recorded": ("Het gesprek is geweest.", "The meeting has taken place."),
}
ANSWERS: Final = {
    "accept": ("Ik kom", "I will come"),
    "decline": ("Ik kan niet komen", "I cannot come"),
    "another_time": ("Ik wil graag een ander moment", "I would like another time"),
}


def both(pair: tuple[str, str]) -> dict[str, str]:
    return dict(zip(LANGUAGES, pair, strict=True))
