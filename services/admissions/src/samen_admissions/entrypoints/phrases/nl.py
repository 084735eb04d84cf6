"""Dutch (B1): short sentences, no jargon."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = True
PHRASES: Final[dict[str, str]] = {
    "adm_title": "Aanvraag bij het samenwerkingsverband",
    "adm_intro": "De school vraagt het samenwerkingsverband om extra hulp voor uw kind. "
    "Hier leest u de aanvraag. U kunt ook zelf vertellen wat u ervan vindt.",
    "adm_what": "Wat vraagt de school?",
    "adm_kind_tlv": "Een toelaatbaarheidsverklaring (TLV) voor het speciaal onderwijs",
    "adm_kind_arrangement": "Een arrangement: extra hulp op de eigen school",
    "adm_category_sbo": "Speciaal basisonderwijs (SBO)",
    "adm_category_so_low": "Speciaal onderwijs, categorie laag",
    "adm_category_so_middle": "Speciaal onderwijs, categorie midden",
    "adm_category_so_high": "Speciaal onderwijs, categorie hoog",
    "adm_category_light": "Lichte hulp",
    "adm_category_medium": "Middelzware hulp",
    "adm_category_intensive": "Zware hulp",
    "adm_category_other": "Een andere vorm",
    "adm_where": "Waar staat de aanvraag nu?",
    "adm_status_draft": "De school maakt de aanvraag klaar",
    "adm_status_submitted": "Het samenwerkingsverband bekijkt de aanvraag",
    "adm_status_granted": "Toegekend",
    "adm_status_refused": "Afgewezen",
    "adm_advice_count": "Aantal deskundigen dat advies gaf: {count}",
    "adm_school_question": "De vraag van de school",
    "adm_your_view": "Wat vindt u ervan?",
    "adm_no_view": "U heeft nog niets geschreven.",
    "adm_view_label": "Schrijf in uw eigen woorden wat u van de aanvraag vindt.",
    "adm_send": "Versturen",
    "adm_decision": "Het besluit",
    "adm_granted": "De aanvraag is toegekend. Dit geldt van {start} tot en met {end}.",
    "adm_extension": "Loopt de hulp bijna af? De school kan op tijd om verlenging vragen.",
    "adm_refused": "De aanvraag is afgewezen. Dit is de reden:",
    "adm_rights": "Wat kunt u doen?",
    "adm_object_until": "Bent u het niet eens met het besluit? Dan kunt u bezwaar maken "
    "bij het samenwerkingsverband. Dat kan tot en met {date}.",
    "adm_advisory_step": "Bij een bezwaar over een TLV geeft eerst een landelijke commissie "
    "advies. Daarna beslist het samenwerkingsverband.",
    "adm_help": "Wilt u hulp? U kunt gratis een onderwijsconsulent vragen.",
    "adm_objection_open": "Uw bezwaar is ontvangen. U hoort wat er gebeurt.",
    "adm_objection_advised": "De landelijke commissie heeft advies gegeven.",
    "adm_objection_label": "Schrijf waarom u het niet eens bent met het besluit.",
    "adm_object": "Bezwaar maken",
    "error_title": "Dit lukt niet",
    "error_link": "Deze link werkt niet (meer). "
    "Gebruik de link in het laatste bericht van de school.",
    "error_not_found": "We kunnen deze pagina niet vinden.",
    "error_conflict": "Dit kan nu niet (meer). Kijk op de pagina hoe het nu staat.",
    "error_input": "Er ging iets mis met wat u invulde. Probeer het opnieuw.",
    "error_no_authority": "Alleen een ouder met gezag kan dit doen.",
    "error_other": "Er ging iets mis. Probeer het later opnieuw.",
    "back": "Terug naar de aanvraag",
}
