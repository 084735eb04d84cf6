"""Polish."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "opp_title": "Plan dla Twojego dziecka (OPP)",
    "opp_intro": "W OPP jest napisane, jakie dodatkowe wsparcie otrzymuje Twoje dziecko. "
    "O części dotyczącej wsparcia (część działań) decydujesz razem ze szkołą: bez Twojej "
    "zgody nie zostanie wprowadzona.",
    "opp_status": "Jak wygląda sytuacja?",
    "opp_status_drafting": "Szkoła wciąż pracuje nad tą wersją.",
    "opp_status_offered": "Szkoła prosi o Twoją zgodę na tę wersję.",
    "opp_status_set": "Wyraziłeś zgodę. Ten plan teraz obowiązuje.",
    "opp_status_not_set": "Ten plan nie obowiązuje: nie ma zgody. Szkoła zaprasza Cię na "
    "nową rozmowę. Nie zgadzasz się ze szkołą? Możesz wtedy rozpocząć spór.",
    "opp_none_yet": "Szkoła nie napisała jeszcze żadnej wersji.",
    "opp_version": "Wersja {version}",
    "opp_action_part": "Część działań: wsparcie dla Twojego dziecka",
    "opp_in_force": "Wersja {version} obowiązuje teraz.",
    "opp_earlier": "Wcześniejsze wersje",
    "opp_written_on": "Wersja {version}, napisana {date}",
    "binding_note": "Teksty szkoły są po niderlandzku. Wiążący jest tekst niderlandzki. "
    "Nagłówki są w Twoim języku.",
    "section_goal": "Cel {number}",
    "section_support": "Jakie wsparcie otrzymuje Twoje dziecko?",
    "section_arrangement": "Aranżacja wsparcia",
    "section_who_does_what": "Kto co robi?",
    "section_location": "Gdzie?",
    "section_starts_on": "Od",
    "section_ends_on": "Do",
    "section_evaluation_how": "Jak rozmawiamy o tym, czy to działa?",
    "section_evaluation_when": "Kiedy o tym rozmawiamy?",
    "gd_title": "Dokument rozwoju Twojego dziecka",
    "gd_intro": "Tutaj jest to, co szkoła i Ty wiecie o Twoim dziecku: co idzie dobrze, co "
    "jest trudne i jakie wsparcie już było. Możesz sam coś dodać.",
    "gd_empty": "Nic tu jeszcze nie ma.",
    "gd_kind_observation": "Co widzi szkoła",
    "gd_kind_test_taken": "Test lub badanie",
    "gd_kind_previous_support": "Wcześniejsze wsparcie",
    "gd_kind_parents_view": "Co mówią rodzice",
    "gd_kind_pupil_view": "Co mówi Twoje dziecko",
    "gd_test": "{name}, dnia {date}",
    "gd_on_day": "{date}",
    "day": "{date}",
    "gd_by_staff": "Szkoła",
    "gd_by_guardian": "Rodzic",
    "gd_add": "Dodaj własne słowa",
    "gd_add_label": "Co chcesz, aby szkoła wiedziała o Twoim dziecku?",
    "gd_send": "Wyślij",
    "error_title": "To się nie udało",
    "error_other": "Coś poszło nie tak. Spróbuj ponownie później.",
    "error_no_authority": "Tylko rodzic z władzą rodzicielską może to zobaczyć.",
    "error_invalid": "Czegoś brakuje albo tekst jest za długi. Spróbuj ponownie.",
    "error_link": "Ten link nie działa (już). Poproś szkołę o nowy link.",
}
