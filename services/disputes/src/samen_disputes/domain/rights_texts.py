"""The words guardians read about their dispute: Dutch (B1, short sentences) and English."""

from samen_disputes.domain.deadlines import DeadlineKind

NlEn = tuple[str, str]

STAND: dict[str, NlEn] = {
    "conversation": (
        "U praat met de school over wat uw kind nodig heeft. U bent het nog niet eens.",
        "You are talking with the school about what your child needs. You do not agree yet.",
    ),
    "mediation": (
        "U en de school praten met een mediator. Een mediator kiest geen kant. "
        "Hij of zij helpt u samen een oplossing te vinden.",
        "You and the school are talking with a mediator. A mediator takes no side. "
        "They help you find a solution together.",
    ),
    "education_consultant": (
        "Een onderwijsconsulent helpt u. Dit advies is gratis. "
        "De onderwijsconsulent werkt niet voor de school.",
        "An education consultant (onderwijsconsulent) is helping you. This advice is free. "
        "The consultant does not work for the school.",
    ),
    "objection": (
        "U heeft bezwaar gemaakt bij het schoolbestuur. Het bestuur bekijkt uw bezwaar. "
        "Daarna neemt het bestuur een besluit.",
        "You have lodged an objection with the school board. The board looks at your "
        "objection. Then the board makes a decision.",
    ),
    "disputes_committee": (
        "De Geschillencommissie Passend Onderwijs bekijkt uw zaak. De commissie is "
        "onafhankelijk. Zij geeft een oordeel.",
        "The Disputes Committee for Inclusive Education (Geschillencommissie Passend "
        "Onderwijs) is looking at your case. The committee is independent. It gives a judgment.",
    ),
    "disputes_committee_advised": (
        "De Geschillencommissie heeft een oordeel gegeven. Het schoolbestuur laat nu weten "
        "wat het daarmee doet.",
        "The Disputes Committee has given its judgment. The school board now tells you "
        "what it will do with it.",
    ),
    "objection_and_committee": (
        "U heeft bezwaar gemaakt. U heeft de zaak ook aan de Geschillencommissie gegeven. "
        "Het bestuur wacht op het oordeel van de commissie. Daarna beslist het bestuur over "
        "uw bezwaar.",
        "You have lodged an objection. You have also taken the case to the Disputes "
        "Committee. The board waits for the committee's judgment. Then the board decides "
        "on your objection.",
    ),
    "objection_and_committee_advised": (
        "De Geschillencommissie heeft een oordeel gegeven. Het bestuur beslist nu over uw bezwaar.",
        "The Disputes Committee has given its judgment. The board now decides on your objection.",
    ),
    "resolved": (
        "U en de school zijn het eens geworden. De zaak is klaar.",
        "You and the school have reached agreement. The case is closed.",
    ),
    "withdrawn": (
        "De zaak is ingetrokken. De zaak is klaar.",
        "The case has been withdrawn. The case is closed.",
    ),
    "decided": (
        "Het schoolbestuur heeft een besluit genomen. De zaak is klaar.",
        "The school board has made a decision. The case is closed.",
    ),
}

OPTION: dict[str, NlEn] = {
    "conversation": ("Weer met de school praten.", "Talk with the school again."),
    "mediation": (
        "Om mediation vragen. Een mediator helpt u en de school om samen een oplossing te vinden.",
        "Ask for mediation. A mediator helps you and the school find a solution together.",
    ),
    "education_consultant": (
        "Gratis advies vragen aan een onderwijsconsulent. De onderwijsconsulent is "
        "onafhankelijk. Kijk op {contact}.",
        "Ask an education consultant (onderwijsconsulent) for free advice. The consultant "
        "is independent. See {contact}.",
    ),
    "objection": (
        "Bezwaar maken bij het schoolbestuur. Dat kan tot en met {date}.",
        "Lodge an objection with the school board. You can do this until {date}.",
    ),
    "disputes_committee": (
        "Uw zaak voorleggen aan de Geschillencommissie Passend Onderwijs. Dat kan tot en "
        "met {date}.",
        "Take your case to the Disputes Committee for Inclusive Education. You can do "
        "this until {date}.",
    ),
    "resolve": (
        "Laten weten dat u en de school het eens zijn.",
        "Let us know that you and the school agree.",
    ),
    "withdraw": ("Uw zaak intrekken. Dat mag altijd.", "Withdraw your case. You may always do so."),
    "objection_private": (
        "Het schoolbestuur vragen om het besluit opnieuw te bekijken (verzoek om "
        "herziening). Dat kan tot en met {date}.",
        "Ask the school board to review its decision (request for review). You can do "
        "this until {date}.",
    ),
    "court_private": (
        "Bent u het niet eens met het besluit? Dan kunt u naar de burgerlijke rechter, "
        "bijvoorbeeld in een kort geding. Vraag eerst advies, bijvoorbeeld aan een "
        "onderwijsconsulent.",
        "Do you disagree with the decision? Then you can go to the civil court, for "
        "example in summary proceedings. Ask for advice first, for example from an "
        "education consultant.",
    ),
    # A public school's decision is one under the Awb: appeal lies with the
    # administrative court (bestuursrechter, at the rechtbank).
    "court": (
        "Bent u het niet eens met het besluit? Dan kunt u in beroep gaan bij de "
        "bestuursrechter (de rechtbank). Vraag eerst advies, bijvoorbeeld aan een "
        "onderwijsconsulent.",
        "Do you disagree with the decision? Then you can appeal to the administrative "
        "court. Ask for advice first, for example from an education consultant.",
    ),
}

TERM_PASSED: NlEn = (
    "Die datum is voorbij. Had u een goede reden om te laat te zijn? Schrijf dat er dan bij.",
    "That date has passed. Did you have a good reason to be late? Then say so.",
)

WAITING: dict[DeadlineKind, NlEn] = {
    DeadlineKind.OBJECTION_DECISION: (
        "Het schoolbestuur beslist uiterlijk op {date} over uw bezwaar.",
        "The school board decides on your objection by {date} at the latest.",
    ),
    DeadlineKind.COMMITTEE_DEFENCE: (
        "Het schoolbestuur stuurt zijn reactie uiterlijk op {date} naar de commissie.",
        "The school board sends its response to the committee by {date} at the latest.",
    ),
    DeadlineKind.COMMITTEE_PROCEDURE: (
        "De commissie geeft haar oordeel uiterlijk op {date}.",
        "The committee gives its judgment by {date} at the latest.",
    ),
    DeadlineKind.BOARD_RESPONSE_TO_ADVICE: (
        "Het schoolbestuur laat uiterlijk op {date} weten wat het doet met het oordeel.",
        "The school board tells you by {date} at the latest what it does with the judgment.",
    ),
}

OVERDUE: NlEn = (
    "Die datum is voorbij. Vraag het schoolbestuur wanneer u bericht krijgt.",
    "That date has passed. Ask the school board when you will hear.",
)
