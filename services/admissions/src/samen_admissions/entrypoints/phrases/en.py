"""English."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = True
PHRASES: Final[dict[str, str]] = {
    "adm_title": "Request to the school partnership",
    "adm_intro": "The school asks the school partnership for extra help for your child. "
    "Here you can read the request. You can also say what you think of it.",
    "adm_what": "What does the school ask for?",
    "adm_kind_tlv": "An admissibility statement (TLV) for special education",
    "adm_kind_arrangement": "An arrangement: extra help at your child's own school",
    "adm_category_sbo": "Special primary education (SBO)",
    "adm_category_so_low": "Special education, low category",
    "adm_category_so_middle": "Special education, middle category",
    "adm_category_so_high": "Special education, high category",
    "adm_category_light": "Light help",
    "adm_category_medium": "Medium help",
    "adm_category_intensive": "Intensive help",
    "adm_category_other": "Another form",
    "adm_where": "Where is the request now?",
    "adm_status_draft": "The school is preparing the request",
    "adm_status_submitted": "The school partnership is looking at the request",
    "adm_status_granted": "Granted",
    "adm_status_refused": "Refused",
    "adm_advice_count": "Number of experts who gave advice: {count}",
    "adm_school_question": "The school's question",
    "adm_your_view": "What do you think?",
    "adm_no_view": "You have not written anything yet.",
    "adm_view_label": "Write in your own words what you think of the request.",
    "adm_send": "Send",
    "adm_decision": "The decision",
    "adm_granted": "The request is granted. It applies from {start} up to and including {end}.",
    "adm_extension": "Is the help ending soon? The school can ask for an extension in time.",
    "adm_refused": "The request is refused. This is the reason:",
    "adm_rights": "What can you do?",
    "adm_object_until": "Do you disagree with the decision? Then you can object at the "
    "school partnership. You can do so up to and including {date}.",
    "adm_advisory_step": "For an objection about a TLV, a national committee gives advice "
    "first. Then the school partnership decides.",
    "adm_help": "Would you like help? You can ask an education consultant, free of charge.",
    "adm_objection_open": "Your objection has been received. You will hear what happens.",
    "adm_objection_advised": "The national committee has given its advice.",
    "adm_objection_label": "Write why you disagree with the decision.",
    "adm_object": "Object",
    "error_title": "This did not work",
    "error_link": "This link does not work (any more). "
    "Use the link in the school's latest message.",
    "error_not_found": "We cannot find this page.",
    "error_conflict": "This is not possible (any more). See on the page where things stand.",
    "error_input": "Something went wrong with what you filled in. Please try again.",
    "error_no_authority": "Only a parent with parental authority can do this.",
    "error_other": "Something went wrong. Please try again later.",
    "back": "Back to the request",
}
