"""The parent pages' sentences (Dutch first, English beside it) and dates in words."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from samen_meetings.domain.local_time import AMSTERDAM
from samen_meetings.entrypoints.labels import both

_DAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
_MONTHS_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

INVITATION: Final = {
    "title": both(("Uitnodiging voor een gesprek", "Invitation to a meeting")),
    "what": both(("Wat", "What")),
    "when": both(("Wanneer", "When")),
    "where": both(("Waar", "Where")),
    "interpreter": both(("Tolk", "Interpreter")),
    "status": both(("Stand", "Status")),
    "calendar": both(("Zet het in uw agenda", "Add it to your calendar")),
    "question": both(("Kunt u komen?", "Can you come?")),
    "note": both(("Wilt u iets vertellen? (mag leeg)", "Anything to tell us? (optional)")),
    "send": both(("Versturen", "Send")),
    "thanks": both(("Dank u. Wij hebben uw antwoord.", "Thank you. We have your answer.")),
    "your_answer": both(("Uw antwoord", "Your answer")),
}
RECORD: Final = {
    "title": both(("Verslag van het gesprek", "Record of the meeting")),
    "attended": both(("Wie waren er", "Who was there")),
    "strengths": both(("Wat gaat goed", "What goes well")),
    "concerns": both(("Wat is moeilijk", "What is difficult")),
    "guardian_view": both(("Wat u als ouder zei", "What you said as a parent")),
    "support_needs": both(("Welke steun u zelf nodig heeft", "Support you need yourself")),
    "goals": both(("Doelen", "Goals")),
    "agreements": both(("Afspraken", "Agreements")),
    "by": both(("klaar op", "done by")),
    "evaluated_on": both(("we bespreken het op", "we review it on")),
    "next_steps": both(("Volgende stappen", "Next steps")),
    "acknowledge": both(("Ik heb het verslag gelezen", "I have read the record")),
    "acknowledged": both(("U heeft het verslag gelezen.", "You have read the record.")),
    "your_comments": both(("Uw reactie", "Your comment")),
    "comment": both(
        (
            "Wilt u iets toevoegen? Uw reactie komt naast het verslag.",
            "Anything to add? Your comment is kept beside the record.",
        )
    ),
    "send": both(("Versturen", "Send")),
}
DONE: Final = {
    "acknowledged": both(("Dank u. U heeft het verslag gelezen.", "Thank you. Noted as read.")),
    "commented": both(("Dank u. Uw reactie staat bij het verslag.", "Thank you. Comment added.")),
}
NOT_FOUND: Final = {
    "title": both(("Niet gevonden", "Not found")),
    "text": both(
        (
            "Deze pagina bestaat niet, of de link hoort bij iets anders.",
            "This page does not exist, or the link is for something else.",
        )
    ),
}
PROBLEMS: Final = {
    "invitation-closed": both(
        ("U kunt niet meer antwoorden op deze uitnodiging.", "This invitation is closed.")
    ),
    "empty-comment": both(("Uw reactie is leeg.", "Your comment is empty.")),
    "text-too-long": both(("Uw tekst is te lang.", "Your text is too long.")),
    "answer-missing": both(("Kies een antwoord.", "Please choose an answer.")),
}
OTHER_PROBLEM: Final = both(
    ("Dat lukte niet. Probeer het nog eens.", "That did not work. Try again.")
)


def when_nl(starts_at: datetime, ends_at: datetime) -> str:
    """`dinsdag 3 maart 2026, 14:00 – 15:00` (Amsterdam time)."""
    start, end = starts_at.astimezone(AMSTERDAM), ends_at.astimezone(AMSTERDAM)
    day = f"{_DAYS_NL[start.weekday()]} {start.day} {_MONTHS_NL[start.month - 1]} {start.year}"
    return f"{day}, {start:%H:%M} – {end:%H:%M}"
