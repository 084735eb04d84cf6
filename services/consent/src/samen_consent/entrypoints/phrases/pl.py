"""Polish (unreviewed translation)."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "page_title": "Zgoda",
    "school_asks": "Szkoła prosi o Państwa zgodę.",
    "document_heading": "Część wykonawcza OPP (wersja {version})",
    "document_fingerprint": "Kod tej wersji:",
    "document_unavailable": (
        "Nie możemy teraz pokazać części wykonawczej. "
        "Spróbuj ponownie później. "
        "Odpowiedzieć można dopiero po jej przeczytaniu."
    ),
    "dutch_binds": "Obowiązuje tekst niderlandzki.",
    "unreviewed": "To tłumaczenie nie zostało jeszcze sprawdzone. Obowiązuje tekst niderlandzki.",
    "state_open": "Szkoła czeka na Państwa odpowiedź.",
    "state_given": "Zgoda została udzielona.",
    "state_refused": "Zgoda nie została udzielona.",
    "state_withdrawn": "Zgoda została wycofana.",
    "state_expired": "To pytanie wygasło.",
    "state_cancelled": "Szkoła wstrzymała to pytanie.",
    "valid_until": "Zgoda obowiązuje do {date} włącznie.",
    "answer_by": "Mogą Państwo odpowiedzieć do {date} włącznie.",
    "you_agreed": "Powiedzieli Państwo tak dnia {date}.",
    "you_refused": "Powiedzieli Państwo nie dnia {date}.",
    "you_withdrew": "Wycofali Państwo zgodę dnia {date}.",
    "waiting_for_others": "Czekamy jeszcze na odpowiedź drugiego rodzica.",
    "agree": "Tak, wyrażam zgodę",
    "refuse_reason": (
        "Mówisz nie? Jeśli chcesz, napisz tutaj dlaczego. "
        "Szkoła może wtedy o tym z Tobą porozmawiać."
    ),
    "refuse": "Nie, nie wyrażam zgody",
    "withdraw": "Wycofuję moją zgodę",
    "withdraw_explain": "Zgodę można zawsze wycofać. Wtedy szkoła z tego rezygnuje.",
    "not_asked": "Nie muszą Państwo nic tutaj robić. Szkoła będzie Państwa informować.",
    "pupil_decides": "O tym decyduje samo dziecko.",
    "no_authority": "Nie mogą Państwo odpowiedzieć na to pytanie.",
    "support_heading": "Czego Państwo sami potrzebują?",
    "support_intro": "Proszę wybrać, co pasuje. Można wybrać więcej niż jedną rzecz.",
    "support_note": "Czy chcą Państwo coś wyjaśnić? Nie jest to obowiązkowe.",
    "support_send": "Wyślij",
    "support_saved": "Przekazali Państwo to dnia {date}. Szkoła skontaktuje się z Państwem.",
    "receipts_link": "Dowód Państwa odpowiedzi",
    "overview_link": "Wszystkie pytania o zgodę",
    "overview_title": "Państwa pytania o zgodę",
    "overview_empty": "Nie ma pytań o zgodę.",
    "open_link": "Zobacz",
    "back": "Wstecz",
    "receipt_title": "Dowód zgody",
    "receipt_act": "Co",
    "receipt_when": "Kiedy",
    "receipt_who": "Kto",
    "receipt_how": "Jak",
    "receipt_text": "Tekst",
    "receipt_version": "Wersja tekstu",
    "receipt_digest": "Kod kontrolny",
    "act_agree": "Powiedziano tak",
    "act_refuse": "Powiedziano nie",
    "act_withdraw": "Wycofano",
    "channel_guardian_page": "Przez link w wiadomości",
    "channel_recorded_by_staff": "W rozmowie w szkole",
    "role_guardian": "Rodzic",
    "role_pupil": "Uczeń",
    "error_title": "To się nie udało",
    "error_link": "Ten link nie działa (już). Proszę użyć linku z ostatniej wiadomości ze "
    "szkoły. Albo poprosić szkołę o nowy link.",
    "error_not_found": "Nie możemy znaleźć tej strony.",
    "error_conflict": "To nie jest teraz możliwe. Na stronie widać, jak sprawa wygląda.",
    "error_input": "Coś poszło nie tak z wpisanymi danymi. Proszę spróbować ponownie.",
    "error_no_authority": "Nie mogą Państwo odpowiedzieć na to pytanie.",
    "error_other": "Coś poszło nie tak. Proszę spróbować później.",
    "need_explanation": "Chcę więcej wyjaśnień, co się będzie działo.",
    "need_conversation": "Chcę rozmowy z koordynatorem wsparcia (intern begeleider).",
    "need_interpreter": "Chcę tłumacza podczas rozmów.",
    "need_help_with_forms": "Chcę pomocy w czytaniu lub wypełnianiu dokumentów.",
    "need_parenting_support": "Chcę pomocy w wychowaniu w domu.",
    "need_someone_alongside": "Chcę, żeby ktoś chodził ze mną na rozmowy.",
    "need_other": "Coś innego, mianowicie:",
    "need_nothing_now": "Teraz nie potrzebuję pomocy.",
}
