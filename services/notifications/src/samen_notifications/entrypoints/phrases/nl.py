"""Dutch (B1): short sentences, no jargon."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = True
PHRASES: Final[dict[str, str]] = {
    "title": "Hoe wilt u berichten krijgen?",
    "intro": "Hier kiest u hoe de school u berichten stuurt. U kunt dit altijd veranderen.",
    "language": "In welke taal wilt u berichten?",
    "email": "Uw e-mailadres",
    "mobile": "Uw mobiele nummer (voor sms)",
    "channels": "Hoe wilt u berichten krijgen?",
    "channels_both": "Per e-mail en per sms",
    "channels_email": "Alleen per e-mail",
    "channels_sms": "Alleen per sms",
    "quiet": "Wanneer wilt u geen sms krijgen?",
    "quiet_start": "Geen sms vanaf",
    "quiet_end": "Weer sms vanaf",
    "save": "Opslaan",
    "saved_title": "Opgeslagen",
    "saved_body": "Dank u wel. Wij sturen berichten nu zoals u koos.",
    "invalid_email": "Dit e-mailadres klopt niet. Kijk het na.",
    "invalid_mobile": "Dit nummer klopt niet. Vul een mobiel nummer in, bijvoorbeeld 06 12345678.",
    "invalid_language": "Kies een taal uit de lijst.",
    "invalid_time": "Vul een tijd in, bijvoorbeeld 21:00.",
    "no_channel": "Vul een e-mailadres of een mobiel nummer in.",
    "renew_title": "Nieuwe link aanvragen",
    "renew_intro": "Werkt uw link niet meer? Vraag een nieuwe aan. Wij sturen hem naar het "
    "e-mailadres en het nummer dat de school van u heeft.",
    "renew_button": "Stuur mij een nieuwe link",
    "renewed_title": "Wij sturen u een nieuwe link",
    "renewed_body": "Kijk zo in uw e-mail of sms. Krijgt u niets? Bel dan de school.",
    "gone_title": "Deze link werkt niet",
    "gone_body": "Deze link bestaat niet of is te oud. Vraag de school om een nieuwe link.",
    "refused_title": "Deze link werkt niet",
    "refused_body": "Deze link is niet geldig voor deze pagina. Vraag de school om hulp.",
    # The page about messages to all parents (behind List-Unsubscribe).
    "bulk_title": "Berichten aan alle ouders",
    "bulk_intro": "De school stuurt soms een bericht aan alle ouders, bijvoorbeeld over een "
    "ouderavond of een vrije dag. Hier kiest u of u die berichten wilt krijgen.",
    "bulk_note": "Berichten over uw kind krijgt u altijd, bijvoorbeeld een vraag om toestemming "
    "of een uitnodiging voor een gesprek.",
    "bulk_now_on": "Nu krijgt u berichten aan alle ouders.",
    "bulk_now_off": "Nu krijgt u geen berichten aan alle ouders.",
    "bulk_stop": "Stop berichten aan alle ouders",
    "bulk_resume": "Toch weer berichten aan alle ouders krijgen",
    "bulk_stopped_title": "U krijgt geen berichten aan alle ouders meer",
    "bulk_stopped_body": "Berichten over uw kind krijgt u wel. Wilt u toch weer berichten aan alle "
    "ouders? Open dan opnieuw de link uit het bericht.",
    "bulk_resumed_title": "U krijgt weer berichten aan alle ouders",
    "bulk_resumed_body": "Dank u wel. U krijgt weer berichten die de "
    "school aan alle ouders stuurt.",
    # The step-up page (ADR 0012).
    "step_up_title": "Bevestig dat u het bent",
    "step_up_why": "Dit gaat over gegevens van uw kind. Daarom sturen wij u eerst een "
    "code. Zo weten wij zeker dat u het bent.",
    "step_up_send": "Stuur mij een code",
    "step_up_sent_sms": "Wij hebben een code gestuurd naar uw mobiele nummer.",
    "step_up_sent_email": "Wij hebben een code gestuurd naar uw e-mailadres.",
    "step_up_code_label": "Code (6 cijfers)",
    "step_up_confirm": "Bevestigen",
    "step_up_wrong": "Deze code klopt niet. Probeer het nog een keer.",
    "step_up_expired": "Deze code werkt niet meer. Vraag een nieuwe code.",
    "step_up_locked_title": "Te vaak een verkeerde code",
    "step_up_locked_body": "U heeft drie keer een verkeerde code ingevuld. Daarom kan het even "
    "niet. Probeer het over een uur opnieuw, of bel de school.",
    "step_up_too_many_title": "Even wachten",
    "step_up_too_many_body": "U heeft net al een paar codes gevraagd. Wacht een kwartier en "
    "probeer het dan opnieuw.",
    "step_up_nowhere_title": "Wij kunnen u geen code sturen",
    "step_up_nowhere_body": "Wij hebben geen mobiel nummer of e-mailadres van u. Bel de school.",
    "step_up_message": "Uw code voor Samen is {code}. De code werkt 10 minuten. Geef hem aan "
    "niemand.",
    "step_up_subject": "Uw code",
}
