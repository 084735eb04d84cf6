"""Polish: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "title": "Jak chce Pan/Pani otrzymywać wiadomości?",
    "intro": "Tutaj wybiera Pan/Pani, jak szkoła wysyła wiadomości. Zawsze można to zmienić.",
    "language": "W jakim języku chce Pan/Pani otrzymywać wiadomości?",
    "email": "Adres e-mail",
    "mobile": "Numer telefonu komórkowego (do SMS)",
    "channels": "Jak chce Pan/Pani otrzymywać wiadomości?",
    "channels_both": "E-mailem i SMS-em",
    "channels_email": "Tylko e-mailem",
    "channels_sms": "Tylko SMS-em",
    "quiet": "Kiedy nie chce Pan/Pani dostawać SMS-ów?",
    "quiet_start": "Bez SMS-ów od",
    "quiet_end": "Znowu SMS-y od",
    "save": "Zapisz",
    "saved_title": "Zapisano",
    "saved_body": "Dziękujemy. Teraz wysyłamy wiadomości tak, jak Pan/Pani wybrał(a).",
    "invalid_email": "Ten adres e-mail jest nieprawidłowy. Proszę go sprawdzić.",
    "invalid_mobile": "Ten numer jest nieprawidłowy. Proszę wpisać numer komórkowy, na "
    "przykład 06 12345678.",
    "invalid_language": "Proszę wybrać język z listy.",
    "invalid_time": "Proszę wpisać godzinę, na przykład 21:00.",
    "no_channel": "Proszę wpisać adres e-mail lub numer telefonu komórkowego.",
    "renew_title": "Poproś o nowy link",
    "renew_intro": "Link już nie działa? Proszę poprosić o nowy. Wyślemy go na adres e-mail "
    "i numer, które ma szkoła.",
    "renew_button": "Wyślij mi nowy link",
    "renewed_title": "Wysyłamy nowy link",
    "renewed_body": "Proszę za chwilę sprawdzić e-mail lub SMS-y. Nic nie przyszło? Proszę "
    "zadzwonić do szkoły.",
    "gone_title": "Ten link nie działa",
    "gone_body": "Ten link nie istnieje albo jest za stary. Proszę poprosić szkołę o nowy link.",
    "refused_title": "Ten link nie działa",
    "refused_body": "Ten link nie jest ważny dla tej strony. Proszę poprosić szkołę o pomoc.",
}
