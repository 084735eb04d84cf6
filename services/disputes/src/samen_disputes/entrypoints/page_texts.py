"""The words on the parent pages: Dutch first (B1, short sentences), English beside.

Codes the pages show (subjects, stages, moves, deadlines) are named here once. The
rights texts themselves come from the domain (`rights_texts.py`).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    nl: str
    en: str


def w(nl: str, en: str) -> Words:
    return Words(nl, en)


SUBJECTS = {
    "opp": w("Het ontwikkelingsperspectief (OPP)", "The development plan (OPP)"),
    "opp_action_part": w("Het handelingsdeel van het OPP", "The action part of the OPP"),
    "support_or_arrangement": w("De extra hulp of het arrangement", "The extra support"),
    "admission": w("De toelating van mijn kind", "My child's admission"),
    "removal": w("De verwijdering van mijn kind", "My child's removal"),
    "other": w("Iets anders", "Something else"),
}

STAGES = {
    "conversation": w("Gesprek met de school", "Talking with the school"),
    "mediation": w("Mediation", "Mediation"),
    "education_consultant": w("Onderwijsconsulent", "Education consultant"),
    "objection": w("Bezwaar bij het schoolbestuur", "Objection to the school board"),
    "disputes_committee": w("Geschillencommissie Passend Onderwijs", "Disputes Committee"),
}

ENDINGS = {
    "resolved": w("Opgelost", "Resolved"),
    "withdrawn": w("Ingetrokken", "Withdrawn"),
    "decided": w("Besluit genomen", "Decided"),
}

MOVES = {
    "enter:conversation": w("Weer met de school praten", "Talk with the school again"),
    "enter:mediation": w("Mediation vragen", "Ask for mediation"),
    "enter:education_consultant": w(
        "Een onderwijsconsulent erbij halen", "Bring in an education consultant"
    ),
    "enter:objection": w("Bezwaar maken", "Lodge an objection"),
    "enter:disputes_committee": w(
        "Naar de Geschillencommissie gaan", "Go to the Disputes Committee"
    ),
    "resolve": w("We zijn het eens", "We agree"),
    "withdraw": w("Mijn zaak intrekken", "Withdraw my case"),
    "record_defence": w("Verweer ontvangen", "Defence received"),
    "record_advice": w("Oordeel ontvangen", "Judgment received"),
    "decide": w("Besluit", "Decision"),
}

DEADLINES = {
    "objection_filing": w("Bezwaar maken kan tot en met", "You can object until"),
    "objection_decision": w("Het bestuur beslist uiterlijk op", "The board decides by"),
    "committee_request": w(
        "Naar de Geschillencommissie kan tot en met", "You can go to the committee until"
    ),
    "committee_defence": w("Het bestuur reageert uiterlijk op", "The board responds by"),
    "committee_procedure": w("De commissie oordeelt uiterlijk op", "The committee judges by"),
    "board_response_to_advice": w(
        "Het bestuur reageert op het oordeel uiterlijk op", "The board answers the judgment by"
    ),
}

UI = {
    "title": w("Uw zaak met de school", "Your case with the school"),
    "intro": w(
        "Bent u het niet eens met de school? Hier kunt u dat melden. "
        "U kunt ook zien hoe het verder gaat.",
        "Do you disagree with the school? You can report it here. "
        "You can also see what happens next.",
    ),
    "your_cases": w("Uw zaken", "Your cases"),
    "no_cases": w("Er zijn nog geen zaken.", "There are no cases yet."),
    "open_title": w("Een nieuwe zaak melden", "Report a new case"),
    "subject": w("Waar gaat het over?", "What is it about?"),
    "description": w(
        "Vertel in uw eigen woorden wat er is.", "Tell us in your own words what is wrong."
    ),
    "decision_date": w(
        "Gaat het om een besluit? Wat is de datum van dat besluit?",
        "Is it about a decision? What is the date of that decision?",
    ),
    "first_step": w("Wat wilt u als eerste doen?", "What do you want to do first?"),
    "send": w("Versturen", "Send"),
    "opened_on": w("Gemeld op", "Reported on"),
    "stage": w("Waar staat de zaak nu?", "Where is the case now?"),
    "next_deadline": w("Eerstvolgende datum", "Next date"),
    "no_deadline": w(
        "Voor deze stap geldt geen vaste termijn.", "This step has no fixed time limit."
    ),
    "your_options": w("Wat kunt u nu doen?", "What can you do now?"),
    "waiting_for": w("Waar wacht u op?", "What are you waiting for?"),
    "steps": w("Stappen", "Steps"),
    "why": w("Waarom? (mag leeg blijven)", "Why? (you may leave this empty)"),
    "history": w("Wat er is gebeurd", "What has happened"),
    "notes": w("Berichten", "Messages"),
    "add_note": w("Iets toevoegen aan uw zaak", "Add something to your case"),
    "note": w("Uw bericht", "Your message"),
    "school_side": w("School", "School"),
    "guardian_side": w("Ouder", "Parent"),
    "back": w("Terug naar uw zaken", "Back to your cases"),
    "help": w(
        "Hulp nodig? Een onderwijsconsulent helpt gratis. Kijk op",
        "Need help? An education consultant helps for free. See",
    ),
    "closed": w("Deze zaak is klaar.", "This case is closed."),
}
