"""English (unreviewed translation)."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "page_title": "Permission",
    "school_asks": "The school asks for your permission.",
    "document_heading": "The action part of the OPP (version {version})",
    "document_fingerprint": "Fingerprint of this version:",
    "document_unavailable": (
        "We cannot show the action part right now. "
        "Please try again later. "
        "You can answer once you have read it."
    ),
    "dutch_binds": "The Dutch text is the one that counts.",
    "unreviewed": "This translation has not been checked yet. The Dutch text is the one "
    "that counts.",
    "state_open": "The school is waiting for your answer.",
    "state_given": "Permission has been given.",
    "state_refused": "Permission has not been given.",
    "state_withdrawn": "The permission has been taken back.",
    "state_expired": "This question has expired.",
    "state_cancelled": "The school has stopped this question.",
    "valid_until": "The permission is valid up to and including {date}.",
    "answer_by": "You can answer up to and including {date}.",
    "you_agreed": "You said yes on {date}.",
    "you_refused": "You said no on {date}.",
    "you_withdrew": "You took back your permission on {date}.",
    "waiting_for_others": "We are still waiting for the answer of another parent.",
    "agree": "Yes, I give permission",
    "refuse_reason": (
        "Are you saying no? Write here why, if you want. "
        "Then the school can talk with you about it."
    ),
    "refuse": "No, I do not give permission",
    "withdraw": "I take back my permission",
    "withdraw_explain": "You can always take back your permission. Then the school stops.",
    "not_asked": "You do not need to do anything here. The school will keep you informed.",
    "pupil_decides": "Your child decides about this.",
    "no_authority": "You cannot answer this question.",
    "support_heading": "What do you need yourself?",
    "support_intro": "Choose what fits you. You may choose more than one.",
    "support_note": "Would you like to explain something? This is not required.",
    "support_send": "Send",
    "support_saved": "You told us this on {date}. The school will contact you.",
    "receipts_link": "Proof of your answer",
    "overview_link": "All your permission questions",
    "overview_title": "Your permission questions",
    "overview_empty": "There are no permission questions.",
    "open_link": "View",
    "back": "Back",
    "receipt_title": "Proof of permission",
    "receipt_act": "What",
    "receipt_when": "When",
    "receipt_who": "Who",
    "receipt_how": "How",
    "receipt_text": "Text",
    "receipt_version": "Version of the text",
    "receipt_digest": "Check code",
    "act_agree": "Said yes",
    "act_refuse": "Said no",
    "act_withdraw": "Taken back",
    "channel_guardian_page": "Through the link in your message",
    "channel_recorded_by_staff": "In a conversation at school",
    "role_guardian": "Parent",
    "role_pupil": "Pupil",
    "error_title": "This does not work",
    "error_link": "This link does not work (any more). Use the link in the latest message "
    "from the school. Or ask the school for a new link.",
    "error_not_found": "We cannot find this page.",
    "error_conflict": "This is not possible (any more). See the page for how things stand.",
    "error_input": "Something went wrong with what you filled in. Please try again.",
    "error_no_authority": "You may not answer this question.",
    "error_other": "Something went wrong. Please try again later.",
    "need_explanation": "I would like more explanation about what will happen.",
    "need_conversation": "I would like a conversation with the support coordinator.",
    "need_interpreter": "I would like an interpreter at meetings.",
    "need_help_with_forms": "I would like help reading or filling in papers.",
    "need_parenting_support": "I would like help with parenting at home.",
    "need_someone_alongside": "I would like someone to come with me to meetings.",
    "need_other": "Something else, namely:",
    "need_nothing_now": "I do not need help right now.",
}
