"""The words of this service's parent pages: Dutch first, plain language (B1)."""

from __future__ import annotations

from collections.abc import Mapping

NL: Mapping[str, str] = {
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
}

EN: Mapping[str, str] = {
    "title": "How do you want to get messages?",
    "intro": "Here you choose how the school sends you messages. You can always change this.",
    "language": "In which language do you want messages?",
    "email": "Your e-mail address",
    "mobile": "Your mobile number (for text messages)",
    "channels": "How do you want to get messages?",
    "channels_both": "By e-mail and by text message",
    "channels_email": "Only by e-mail",
    "channels_sms": "Only by text message",
    "quiet": "When do you not want text messages?",
    "quiet_start": "No text messages from",
    "quiet_end": "Text messages again from",
    "save": "Save",
    "saved_title": "Saved",
    "saved_body": "Thank you. We now send messages the way you chose.",
    "invalid_email": "This e-mail address is not right. Please check it.",
    "invalid_mobile": "This number is not right. Fill in a mobile number.",
    "invalid_language": "Choose a language from the list.",
    "invalid_time": "Fill in a time, for example 21:00.",
    "no_channel": "Fill in an e-mail address or a mobile number.",
    "renew_title": "Ask for a new link",
    "renew_intro": "Does your link not work any more? Ask for a new one. We send it to the "
    "e-mail address and number the school has for you.",
    "renew_button": "Send me a new link",
    "renewed_title": "We are sending you a new link",
    "renewed_body": "Look in your e-mail or text messages soon. Nothing there? Call the school.",
    "gone_title": "This link does not work",
    "gone_body": "This link does not exist or is too old. Ask the school for a new link.",
    "refused_title": "This link does not work",
    "refused_body": "This link is not valid for this page. Ask the school for help.",
}

TEXTS: Mapping[str, Mapping[str, str]] = {"nl": NL, "en": EN}

# The languages a parent can choose (GLOSSARY.md), each in its own words.
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("nl", "Nederlands"),
    ("en", "English"),
    ("pl", "Polski"),
    ("tr", "Türkçe"),
    ("ar", "العربية"),
    ("uk", "Українська"),
    ("fr", "Français"),
    ("es", "Español"),
    ("ro", "Română"),
    ("pt", "Português"),
    ("de", "Deutsch"),
    ("ru", "Русский"),
    ("zh", "中文"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("zgh", "ⵜⴰⵎⴰⵣⵉⵖⵜ"),
)
