"""Dutch (B1): short sentences, no jargon."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = True
PHRASES: Final[dict[str, str]] = {
    "opp_title": "Het plan voor uw kind (OPP)",
    "opp_intro": "In het OPP staat welke extra hulp uw kind krijgt. Over het deel met de "
    "hulp (het handelingsdeel) beslist u mee: zonder uw toestemming gaat het niet door.",
    "opp_status": "Hoe staat het ervoor?",
    "opp_status_drafting": "De school werkt nog aan deze versie.",
    "opp_status_offered": "De school vraagt uw toestemming voor deze versie.",
    "opp_status_set": "U hebt toestemming gegeven. Dit plan geldt nu.",
    "opp_status_not_set": "Dit plan geldt niet: er is geen toestemming. De school nodigt u "
    "uit voor een nieuw gesprek. Bent u het niet eens met de school? Dan kunt u een geschil "
    "starten.",
    "opp_none_yet": "De school heeft nog geen versie geschreven.",
    "opp_version": "Versie {version}",
    "opp_action_part": "Het handelingsdeel: de hulp voor uw kind",
    "opp_in_force": "Versie {version} geldt nu.",
    "opp_earlier": "Eerdere versies",
    "opp_written_on": "Versie {version}, geschreven op {date}",
    "binding_note": "De teksten van de school staan in het Nederlands. De Nederlandse tekst "
    "geldt. De kopjes staan er in uw taal bij.",
    "section_goal": "Doel {number}",
    "section_support": "Welke hulp krijgt uw kind?",
    "section_arrangement": "Arrangement",
    "section_who_does_what": "Wie doet wat?",
    "section_location": "Waar?",
    "section_starts_on": "Vanaf",
    "section_ends_on": "Tot en met",
    "section_evaluation_how": "Hoe bespreken we of het werkt?",
    "section_evaluation_when": "Wanneer bespreken we dat?",
    "gd_title": "Het groeidocument van uw kind",
    "gd_intro": "Hier staat wat de school en u weten over uw kind: wat goed gaat, wat "
    "moeilijk is en welke hulp er al was. U kunt zelf iets toevoegen.",
    "gd_empty": "Er staat nog niets in.",
    "gd_kind_observation": "Wat de school ziet",
    "gd_kind_test_taken": "Toets of onderzoek",
    "gd_kind_previous_support": "Hulp die er al was",
    "gd_kind_parents_view": "Wat de ouders zeggen",
    "gd_kind_pupil_view": "Wat uw kind zegt",
    "gd_test": "{name}, op {date}",
    "gd_on_day": "{date}",
    "day": "{date}",
    "gd_by_staff": "School",
    "gd_by_guardian": "Ouder",
    "gd_add": "Uw eigen woorden toevoegen",
    "gd_add_label": "Wat wilt u dat de school weet over uw kind?",
    "gd_send": "Versturen",
    "error_title": "Dit lukt niet",
    "error_other": "Er ging iets mis. Probeer het later opnieuw.",
    "error_no_authority": "Alleen een ouder met gezag kan dit zien.",
    "error_invalid": "Er ontbreekt iets, of de tekst is te lang. Probeer het opnieuw.",
    "error_link": "Deze link werkt niet (meer). Vraag de school om een nieuwe link.",
}
