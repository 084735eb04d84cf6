"""Polish: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "ui_title": "Pana/Pani sprawa ze szkołą",
    "ui_intro": "Nie zgadza się Pan/Pani ze szkołą? Można to tutaj zgłosić. "
    "Można też zobaczyć, co będzie dalej.",
    "ui_your_cases": "Pana/Pani sprawy",
    "ui_no_cases": "Nie ma jeszcze żadnych spraw.",
    "ui_open_title": "Zgłoś nową sprawę",
    "ui_subject": "Czego to dotyczy?",
    "ui_description": "Proszę opisać własnymi słowami, na czym polega problem.",
    "ui_decision_date": "Czy chodzi o decyzję? Jaka jest data tej decyzji?",
    "ui_first_step": "Co chce Pan/Pani zrobić najpierw?",
    "ui_send": "Wyślij",
    "ui_opened_on": "Zgłoszono {date}",
    "ui_stage": "Na jakim etapie jest sprawa?",
    "ui_next_deadline": "Najbliższa data",
    "ui_no_deadline": "Dla tego kroku nie ma stałego terminu.",
    "ui_late": "Ta data już minęła.",
    "ui_your_options": "Co może Pan/Pani teraz zrobić?",
    "ui_waiting_for": "Na co Pan/Pani czeka?",
    "ui_steps": "Kroki",
    "ui_why": "Dlaczego? Można zostawić puste.",
    "ui_history": "Co się wydarzyło",
    "ui_notes": "Wiadomości",
    "ui_add_note": "Dodaj coś do swojej sprawy",
    "ui_back": "Wróć do swoich spraw",
    "ui_help": "Potrzebuje Pan/Pani pomocy? Konsultant ds. edukacji pomaga bezpłatnie. Zobacz",
    "ui_closed": "Ta sprawa jest zakończona.",
    "on_day": "{date}",
    "side_school": "Szkoła",
    "side_guardian": "Rodzic",
    "other": "Inne",
    "subject_opp": "Plan rozwoju (OPP)",
    "subject_opp_action_part": "Część działań planu rozwoju (OPP)",
    "subject_support_or_arrangement": "Dodatkowa pomoc lub wsparcie",
    "subject_admission": "Przyjęcie mojego dziecka",
    "subject_removal": "Usunięcie mojego dziecka ze szkoły",
    "subject_other": "Coś innego",
    "stage_conversation": "Rozmowa ze szkołą",
    "stage_mediation": "Mediacja",
    "stage_education_consultant": "Konsultant ds. edukacji",
    "stage_objection": "Sprzeciw do zarządu szkoły",
    "stage_objection_private": "Wniosek o ponowne rozpatrzenie do zarządu szkoły",
    "stage_disputes_committee": "Komisja ds. Sporów w Edukacji Włączającej",
    "ending_resolved": "Rozwiązana",
    "ending_withdrawn": "Wycofana",
    "ending_decided": "Podjęto decyzję",
    "move_enter:conversation": "Znowu porozmawiać ze szkołą",
    "move_enter:mediation": "Poprosić o mediację",
    "move_enter:education_consultant": "Poprosić o pomoc konsultanta ds. edukacji",
    "move_enter:objection_private": "Poprosić o ponowne rozpatrzenie",
    "move_enter:objection": "Złożyć sprzeciw",
    "move_enter:disputes_committee": "Zwrócić się do Komisji ds. Sporów",
    "move_resolve": "Zgadzamy się",
    "move_withdraw": "Wycofać moją sprawę",
    "move_request_defence": "Komisja poprosiła o odpowiedź",
    "move_record_defence": "Otrzymano odpowiedź",
    "move_record_advice": "Otrzymano opinię",
    "move_decide": "Decyzja",
    "deadline_objection_filing_private": "O ponowne rozpatrzenie można poprosić do {date}.",
    "deadline_objection_filing": "Sprzeciw można złożyć do {date}.",
    "deadline_objection_decision": "Zarząd zdecyduje najpóźniej {date}.",
    "deadline_committee_request": "Do komisji można się zwrócić do {date}.",
    "deadline_committee_defence": "Zarząd odpowie najpóźniej {date}.",
    "deadline_committee_procedure": "Komisja wyda opinię najpóźniej {date}.",
    "deadline_board_response_to_advice": "Zarząd odpowie na opinię najpóźniej {date}.",
    "dispute.stand.conversation": "Rozmawia Pan/Pani ze szkołą o tym, czego potrzebuje "
    "dziecko. Nie ma jeszcze porozumienia.",
    "dispute.stand.mediation": "Pan/Pani i szkoła rozmawiacie z mediatorem. Mediator nie "
    "staje po żadnej stronie. Pomaga wspólnie znaleźć rozwiązanie.",
    "dispute.stand.education_consultant": "Pomaga Panu/Pani konsultant ds. edukacji. Ta "
    "porada jest bezpłatna. Konsultant nie pracuje dla szkoły.",
    "dispute.stand.objection": "Złożył(a) Pan/Pani sprzeciw do zarządu szkoły. Zarząd "
    "rozpatruje sprzeciw. Potem zarząd podejmie decyzję.",
    "dispute.stand.disputes_committee": "Komisja ds. Sporów w Edukacji Włączającej "
    "rozpatruje sprawę. Komisja jest niezależna. Wydaje opinię.",
    "dispute.stand.disputes_committee_advised": "Komisja ds. Sporów wydała opinię. Zarząd "
    "szkoły poinformuje teraz, co z nią zrobi.",
    "dispute.stand.objection_and_committee": "Złożył(a) Pan/Pani sprzeciw. Sprawa trafiła "
    "też do Komisji ds. Sporów. Zarząd czeka na opinię komisji. Potem zarząd zdecyduje "
    "o sprzeciwie.",
    "dispute.stand.objection_and_committee_advised": "Komisja ds. Sporów wydała opinię. "
    "Zarząd decyduje teraz o sprzeciwie.",
    "dispute.stand.resolved": "Pan/Pani i szkoła doszliście do porozumienia. Sprawa jest "
    "zakończona.",
    "dispute.stand.withdrawn": "Sprawa została wycofana. Sprawa jest zakończona.",
    "dispute.stand.decided": "Zarząd szkoły podjął decyzję. Sprawa jest zakończona.",
    "dispute.option.conversation": "Znowu porozmawiać ze szkołą.",
    "dispute.option.mediation": "Poprosić o mediację. Mediator pomaga Panu/Pani i szkole "
    "wspólnie znaleźć rozwiązanie.",
    "dispute.option.education_consultant": "Poprosić konsultanta ds. edukacji o bezpłatną "
    "poradę. Konsultant jest niezależny. Zobacz {contact}.",
    "dispute.option.objection": "Złożyć sprzeciw do zarządu szkoły. Można to zrobić do {date}.",
    "dispute.option.disputes_committee": "Przedstawić sprawę Komisji ds. Sporów w Edukacji "
    "Włączającej. Można to zrobić do {date}.",
    "dispute.option.resolve": "Dać znać, że Pan/Pani i szkoła się zgadzacie.",
    "dispute.option.withdraw": "Wycofać sprawę. Zawsze można to zrobić.",
    "dispute.option.objection_private": "Poprosić zarząd szkoły o ponowne rozpatrzenie "
    "decyzji (wniosek o ponowne rozpatrzenie). Można to"
    " zrobić do {date}.",
    "dispute.option.court_private": "Nie zgadza się Pan/Pani z decyzją? Wtedy można iść"
    " do sądu cywilnego, na przykład w postępowaniu "
    "przyspieszonym. Najpierw proszę zasięgnąć porady, "
    "na przykład u doradcy edukacyjnego.",
    "dispute.option.court": "Nie zgadza się Pan/Pani z decyzją? Wtedy można złożyć "
    "odwołanie do sądu administracyjnego. "
    "Najpierw proszę zasięgnąć porady, na przykład u konsultanta ds. edukacji.",
    "dispute.term_passed": "Ta data już minęła. Czy był ważny powód spóźnienia? Proszę to "
    "wtedy dopisać.",
    "dispute.waiting.objection_decision": "Zarząd szkoły zdecyduje o sprzeciwie najpóźniej {date}.",
    "dispute.waiting.committee_defence": "Zarząd szkoły wyśle odpowiedź do komisji "
    "najpóźniej {date}.",
    "dispute.waiting.committee_procedure": "Komisja wyda opinię najpóźniej {date}.",
    "dispute.waiting.board_response_to_advice": "Zarząd szkoły poinformuje najpóźniej "
    "{date}, co zrobi z opinią.",
    "dispute.overdue": "Ta data już minęła. Proszę zapytać zarząd szkoły, kiedy dostanie "
    "Pan/Pani odpowiedź.",
}
