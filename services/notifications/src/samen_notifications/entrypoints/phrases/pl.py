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
    "bulk_title": "Wiadomości do wszystkich rodziców",
    "bulk_intro": "Szkoła czasem wysyła wiadomość do wszystkich rodziców, na przykład o zebraniu "
    "z rodzicami lub o dniu wolnym. Tutaj wybierają Państwo, czy chcą dostawać "
    "takie wiadomości.",
    "bulk_note": "Wiadomości o dziecku dostają Państwo zawsze, na przykład prośbę o zgodę lub "
    "zaproszenie na rozmowę.",
    "bulk_now_on": "Teraz dostają Państwo wiadomości do wszystkich rodziców.",
    "bulk_now_off": "Teraz nie dostają Państwo wiadomości do wszystkich rodziców.",
    "bulk_stop": "Zatrzymaj wiadomości do wszystkich rodziców",
    "bulk_resume": "Chcę znowu dostawać wiadomości do wszystkich rodziców",
    "bulk_stopped_title": "Nie będą już Państwo dostawać wiadomości do wszystkich rodziców",
    "bulk_stopped_body": "Wiadomości o dziecku dostają Państwo nadal. Chcą Państwo znowu dostawać "
    "wiadomości do wszystkich rodziców? Prosimy znowu otworzyć link z wiadomości.",
    "bulk_resumed_title": "Znowu dostają Państwo wiadomości do wszystkich rodziców",
    "bulk_resumed_body": "Dziękujemy. Znowu dostają Państwo wiadomości, które szkoła wysyła do "
    "wszystkich rodziców.",
    # The step-up page (ADR 0012).
    "step_up_title": "Potwierdź, że to Ty",
    "step_up_why": "Chodzi o dane Twojego dziecka. Dlatego najpierw wysyłamy Ci kod. Tak "
    "wiemy na pewno, że to Ty.",
    "step_up_send": "Wyślij mi kod",
    "step_up_sent_sms": "Wysłaliśmy kod na Twój numer komórkowy.",
    "step_up_sent_email": "Wysłaliśmy kod na Twój adres e-mail.",
    "step_up_code_label": "Kod (6 cyfr)",
    "step_up_confirm": "Potwierdź",
    "step_up_wrong": "Ten kod jest nieprawidłowy. Spróbuj jeszcze raz.",
    "step_up_expired": "Ten kod już nie działa. Poproś o nowy kod.",
    "step_up_locked_title": "Zbyt często błędny kod",
    "step_up_locked_body": "Trzy razy wpisałeś błędny kod. Dlatego przez chwilę nie jest to "
    "możliwe. Spróbuj ponownie za godzinę albo zadzwoń do szkoły.",
    "step_up_too_many_title": "Chwileczkę",
    "step_up_too_many_body": "Przed chwilą poprosiłeś o kilka kodów. Poczekaj kwadrans i spróbuj "
    "ponownie.",
    "step_up_nowhere_title": "Nie możemy wysłać Ci kodu",
    "step_up_nowhere_body": "Nie mamy Twojego numeru komórkowego ani adresu e-mail. Zadzwoń do "
    "szkoły.",
    "step_up_message": "Twój kod do Samen to {code}. Kod działa 10 minut. Nie podawaj go nikomu.",
    "step_up_subject": "Twój kod",
}
