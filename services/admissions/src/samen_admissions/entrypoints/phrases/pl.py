"""Polish: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "adm_title": "Wniosek do związku szkół",
    "adm_intro": "Szkoła prosi związek szkół o dodatkową pomoc dla Państwa dziecka. "
    "Tutaj mogą Państwo przeczytać wniosek. Mogą też Państwo napisać, co o nim myślą.",
    "adm_what": "O co prosi szkoła?",
    "adm_kind_tlv": "Zaświadczenie o przyjęciu (TLV) do szkolnictwa specjalnego",
    "adm_kind_arrangement": "Rozwiązanie: dodatkowa pomoc we własnej szkole dziecka",
    "adm_category_sbo": "Specjalna szkoła podstawowa (SBO)",
    "adm_category_so_low": "Szkolnictwo specjalne, kategoria niska",
    "adm_category_so_middle": "Szkolnictwo specjalne, kategoria średnia",
    "adm_category_so_high": "Szkolnictwo specjalne, kategoria wysoka",
    "adm_category_light": "Lekka pomoc",
    "adm_category_medium": "Średnia pomoc",
    "adm_category_intensive": "Intensywna pomoc",
    "adm_category_other": "Inna forma",
    "adm_where": "Na jakim etapie jest wniosek?",
    "adm_status_draft": "Szkoła przygotowuje wniosek",
    "adm_status_submitted": "Związek szkół rozpatruje wniosek",
    "adm_status_granted": "Przyznano",
    "adm_status_refused": "Odmówiono",
    "adm_advice_count": "Liczba ekspertów, którzy wydali opinię: {count}",
    "adm_school_question": "Pytanie szkoły",
    "adm_your_view": "Co Państwo o tym myślą?",
    "adm_no_view": "Nie napisali Państwo jeszcze nic.",
    "adm_view_label": "Proszę napisać własnymi słowami, co myślą Państwo o wniosku.",
    "adm_send": "Wyślij",
    "adm_decision": "Decyzja",
    "adm_granted": "Wniosek został przyznany. Obowiązuje od {start} do {end} włącznie.",
    "adm_extension": "Czy pomoc wkrótce się kończy? Szkoła może na czas poprosić o przedłużenie.",
    "adm_refused": "Wniosek został odrzucony. Oto powód:",
    "adm_rights": "Co mogą Państwo zrobić?",
    "adm_object_until": "Nie zgadzają się Państwo z decyzją? Mogą Państwo złożyć sprzeciw "
    "w związku szkół. Można to zrobić do {date} włącznie.",
    "adm_advisory_step": "Przy sprzeciwie dotyczącym TLV najpierw opinię wydaje komisja "
    "krajowa. Potem decyduje związek szkół.",
    "adm_help": "Potrzebują Państwo pomocy? Mogą Państwo bezpłatnie poprosić doradcę edukacyjnego.",
    "adm_objection_open": "Sprzeciw został przyjęty. Dowiedzą się Państwo, co dalej.",
    "adm_objection_advised": "Komisja krajowa wydała opinię.",
    "adm_objection_label": "Proszę napisać, dlaczego nie zgadzają się Państwo z decyzją.",
    "adm_object": "Złóż sprzeciw",
    "error_title": "To się nie udało",
    "error_link": "Ten link (już) nie działa. Proszę użyć linku z ostatniej wiadomości od szkoły.",
    "error_not_found": "Nie możemy znaleźć tej strony.",
    "error_conflict": "To (już) nie jest możliwe. "
    "Proszę sprawdzić na stronie, jak wygląda sytuacja.",
    "error_input": "Coś poszło nie tak z wpisanymi danymi. Proszę spróbować ponownie.",
    "error_no_authority": "Może to zrobić tylko rodzic posiadający władzę rodzicielską.",
    "error_other": "Coś poszło nie tak. Proszę spróbować później.",
    "back": "Powrót do wniosku",
}
