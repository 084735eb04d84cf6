"""English."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "opp_title": "The plan for your child (OPP)",
    "opp_intro": "The OPP says what extra support your child gets. You decide on the part "
    "with the support (the action part): without your consent it does not go ahead.",
    "opp_status": "Where does it stand?",
    "opp_status_drafting": "The school is still working on this version.",
    "opp_status_offered": "The school asks your consent for this version.",
    "opp_status_set": "You gave your consent. This plan applies now.",
    "opp_status_not_set": "This plan does not apply: there is no consent. The school invites "
    "you for a new conversation. Do you disagree with the school? Then you can start a "
    "dispute.",
    "opp_none_yet": "The school has not written a version yet.",
    "opp_version": "Version {version}",
    "opp_action_part": "The action part: the support for your child",
    "opp_in_force": "Version {version} applies now.",
    "opp_earlier": "Earlier versions",
    "opp_written_on": "Version {version}, written on {date}",
    "binding_note": "The school's texts are in Dutch. The Dutch text is binding. The "
    "headings are shown in your language.",
    "section_goal": "Goal {number}",
    "section_support": "What support does your child get?",
    "section_arrangement": "Arrangement",
    "section_who_does_what": "Who does what?",
    "section_location": "Where?",
    "section_starts_on": "From",
    "section_ends_on": "Until",
    "section_evaluation_how": "How do we discuss whether it works?",
    "section_evaluation_when": "When do we discuss that?",
    "gd_title": "Your child's support file (groeidocument)",
    "gd_intro": "Here is what the school and you know about your child: what goes well, "
    "what is hard and what support there was. You can add something yourself.",
    "gd_empty": "There is nothing in it yet.",
    "gd_kind_observation": "What the school sees",
    "gd_kind_test_taken": "Test or assessment",
    "gd_kind_previous_support": "Support there was before",
    "gd_kind_parents_view": "What the parents say",
    "gd_kind_pupil_view": "What your child says",
    "gd_test": "{name}, on {date}",
    "gd_on_day": "{date}",
    "day": "{date}",
    "gd_by_staff": "School",
    "gd_by_guardian": "Parent",
    "gd_add": "Add your own words",
    "gd_add_label": "What do you want the school to know about your child?",
    "gd_send": "Send",
    "error_title": "This does not work",
    "error_other": "Something went wrong. Please try again later.",
    "error_no_authority": "Only a parent with parental authority can see this.",
    "error_invalid": "Something is missing, or the text is too long. Please try again.",
    "error_link": "This link does not work (any more). Ask the school for a new link.",
}
