"""Dutch: every page says it first (B1: short sentences, no jargon)."""

from __future__ import annotations

from typing import Final

from samen_consent.domain.support_needs import LABELS_NL

REVIEWED: Final = True
PHRASES: Final[dict[str, str]] = {
    "page_title": "Toestemming",
    "school_asks": "De school vraagt uw toestemming.",
    "document_heading": "Het handelingsdeel van het OPP (versie {version})",
    "document_fingerprint": "Kenmerk van deze versie:",
    "document_unavailable": (
        "We kunnen het handelingsdeel nu niet laten zien. "
        "Probeer het later opnieuw. "
        "U kunt pas antwoorden als u het heeft gelezen."
    ),
    "dutch_binds": "De Nederlandse tekst geldt.",
    "unreviewed": "Deze vertaling is nog niet gecontroleerd. De Nederlandse tekst geldt.",
    "state_open": "De school wacht op uw antwoord.",
    "state_given": "Er is toestemming.",
    "state_refused": "Er is geen toestemming.",
    "state_withdrawn": "De toestemming is ingetrokken.",
    "state_expired": "Deze vraag is verlopen.",
    "state_cancelled": "De school heeft deze vraag gestopt.",
    "valid_until": "De toestemming geldt tot en met {date}.",
    "answer_by": "U kunt antwoorden tot en met {date}.",
    "you_agreed": "U heeft ja gezegd op {date}.",
    "you_refused": "U heeft nee gezegd op {date}.",
    "you_withdrew": "U heeft uw toestemming ingetrokken op {date}.",
    "waiting_for_others": "We wachten nog op het antwoord van een andere ouder.",
    "agree": "Ja, ik geef toestemming",
    "refuse_reason": (
        "Zegt u nee? Schrijf hier waarom, als u wilt. Dan kan de school daarover met u praten."
    ),
    "refuse": "Nee, ik geef geen toestemming",
    "withdraw": "Ik trek mijn toestemming in",
    "withdraw_explain": "U kunt uw toestemming altijd intrekken. Dan stopt de school hiermee.",
    "not_asked": "U hoeft hier niets te doen. U krijgt wel informatie van de school.",
    "pupil_decides": "Uw kind beslist hier zelf over.",
    "no_authority": "U kunt op deze vraag niet antwoorden.",
    "support_heading": "Wat heeft u zelf nodig?",
    "support_intro": "Kies wat bij u past. U mag meer dan één ding kiezen.",
    "support_note": "Wilt u iets uitleggen? Dit is niet verplicht.",
    "support_send": "Verstuur",
    "support_saved": "U heeft dit doorgegeven op {date}. De school neemt contact met u op.",
    "receipts_link": "Bewijs van uw antwoord",
    "overview_link": "Al uw vragen om toestemming",
    "overview_title": "Uw vragen om toestemming",
    "overview_empty": "Er zijn geen vragen om toestemming.",
    "open_link": "Bekijk",
    "back": "Terug",
    "receipt_title": "Bewijs van toestemming",
    "receipt_act": "Wat",
    "receipt_when": "Wanneer",
    "receipt_who": "Wie",
    "receipt_how": "Hoe",
    "receipt_text": "Tekst",
    "receipt_version": "Versie van de tekst",
    "receipt_digest": "Controlecode",
    "act_agree": "Ja gezegd",
    "act_refuse": "Nee gezegd",
    "act_withdraw": "Ingetrokken",
    "channel_guardian_page": "Via de link in uw bericht",
    "channel_recorded_by_staff": "In een gesprek op school",
    "role_guardian": "Ouder",
    "role_pupil": "Leerling",
    "error_title": "Dit lukt niet",
    "error_link": "Deze link werkt niet (meer). Gebruik de link in het laatste bericht van "
    "school. Of vraag de school om een nieuwe link.",
    "error_not_found": "We kunnen deze pagina niet vinden.",
    "error_conflict": "Dit kan nu niet (meer). Kijk op de pagina hoe het nu staat.",
    "error_input": "Er ging iets mis met wat u invulde. Probeer het opnieuw.",
    "error_no_authority": "U mag op deze vraag niet antwoorden.",
    "error_other": "Er ging iets mis. Probeer het later opnieuw.",
    **{f"need_{kind.value}": label for kind, label in LABELS_NL.items()},
}
