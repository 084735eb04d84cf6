"""Dutch, the binding text (B1: short sentences, no jargon)."""

from __future__ import annotations

from typing import Final

_CLOSE: Final = "U mag nee zeggen. Zegt u ja, dan kunt u dat later altijd weer intrekken."

TEXTS: Final = {
    "engage_swv": (
        "Hulp vragen aan het samenwerkingsverband",
        "Uw kind heeft meer hulp nodig dan de school alleen kan geven. "
        "Daarom willen wij het samenwerkingsverband om hulp vragen. "
        "Het samenwerkingsverband is een groep scholen in de regio. "
        "Zij zorgen samen voor extra hulp. "
        "Wij vertellen hun wat uw kind nodig heeft. "
        "Zo zoeken we samen met u naar de beste hulp. " + _CLOSE,
    ),
    "mdo_request": (
        "Een gesprek over uw kind met een deskundige (MDO)",
        "Wij willen een gesprek over uw kind plannen. Dit heet een MDO. "
        "U bent bij dit gesprek. "
        "Ook de leerkracht, de intern begeleider en een begeleider van het "
        "samenwerkingsverband zijn erbij. "
        "We praten over wat uw kind nodig heeft. En over wat u zelf nodig heeft. "
        "Daarvoor delen wij informatie over uw kind met de begeleider van het "
        "samenwerkingsverband. " + _CLOSE,
    ),
    "preventive_support": (
        "Op tijd extra hulp",
        "Wij willen uw kind nu al extra hulp geven. "
        "Zo worden kleine problemen niet groter. "
        "Een begeleider van het samenwerkingsverband helpt ons daarbij. "
        "Die begeleider krijgt daarvoor informatie over uw kind. "
        "We spreken samen met u af welke hulp uw kind krijgt. " + _CLOSE,
    ),
    "share_file": (
        "Het groeidocument delen met anderen",
        "Het groeidocument is het dossier over uw kind. "
        "U vult het samen met de school in. "
        "Wij willen het delen met mensen buiten de school die uw kind helpen. "
        "Bijvoorbeeld een begeleider van het samenwerkingsverband of een jeugdhulpverlener. "
        "Zij lezen het alleen om uw kind beter te helpen. "
        "U kunt ons altijd vragen met wie wij het delen. " + _CLOSE,
    ),
    "arrangement": (
        "Een arrangement: een pakket extra hulp",
        "Wij willen een arrangement aanvragen voor uw kind. "
        "Dat is een pakket extra hulp. Bijvoorbeeld extra begeleiding in de klas. "
        "Het samenwerkingsverband beslist over deze hulp. "
        "Daarvoor delen wij informatie over uw kind met het samenwerkingsverband. "
        "We kiezen de hulp samen met u. " + _CLOSE,
    ),
    "opp_action_part": (
        "Akkoord met het plan voor uw kind (OPP)",
        "Wij hebben samen met u een plan voor uw kind gemaakt. Dit plan heet het OPP. "
        "In het handelingsdeel staat welke hulp uw kind krijgt. "
        "Er staat ook wie die hulp geeft en wanneer. "
        "Wij vragen of u het eens bent met dit deel. "
        "Zonder uw akkoord voeren we dit deel niet uit. "
        "U mag nee zeggen. Dan praten we samen verder. "
        "Zegt u ja, dan kunt u dat later altijd weer intrekken.",
    ),
    "assessment": (
        "Een onderzoek naar hoe uw kind leert",
        "Wij willen uw kind laten onderzoeken door een psycholoog of orthopedagoog. "
        "Die kijkt hoe uw kind leert, denkt en zich voelt. "
        "Zo weten we beter welke hulp past. "
        "U hoort de uitslag en we bespreken die samen. "
        "Is uw kind 12 jaar of ouder? Dan vragen we het ook aan uw kind zelf. "
        "Vanaf 16 jaar beslist uw kind zelf. " + _CLOSE,
    ),
}
