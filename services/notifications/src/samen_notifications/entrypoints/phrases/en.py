"""English: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "title": "How do you want to get messages?",
    "intro": "Here you choose how the school sends you messages. You can always change this.",
    "language": "In which language do you want messages?",
    "email": "Your e-mail address",
    "mobile": "Your mobile number (for text messages)",
    "channels": "How do you want to get messages?",
    "channels_both": "By e-mail and by text message",
    "channels_email": "Only by e-mail",
    "channels_sms": "Only by text message",
    "quiet": "When do you not want text messages?",
    "quiet_start": "No text messages from",
    "quiet_end": "Text messages again from",
    "save": "Save",
    "saved_title": "Saved",
    "saved_body": "Thank you. We now send messages the way you chose.",
    "invalid_email": "This e-mail address is not right. Please check it.",
    "invalid_mobile": "This number is not right. Fill in a mobile number, for example 06 12345678.",
    "invalid_language": "Choose a language from the list.",
    "invalid_time": "Fill in a time, for example 21:00.",
    "no_channel": "Fill in an e-mail address or a mobile number.",
    "renew_title": "Ask for a new link",
    "renew_intro": "Does your link not work any more? Ask for a new one. We send it to the "
    "e-mail address and number the school has for you.",
    "renew_button": "Send me a new link",
    "renewed_title": "We are sending you a new link",
    "renewed_body": "Look in your e-mail or text messages soon. Nothing there? Call the school.",
    "gone_title": "This link does not work",
    "gone_body": "This link does not exist or is too old. Ask the school for a new link.",
    "refused_title": "This link does not work",
    "refused_body": "This link is not valid for this page. Ask the school for help.",
    "bulk_title": "Messages to all parents",
    "bulk_intro": "Sometimes the school sends a message to all parents, for example about a "
    "parents' evening or a day off. Here you choose if you want to get those "
    "messages.",
    "bulk_note": "You always get messages about your child, for example a request for permission "
    "or an invitation to a meeting.",
    "bulk_now_on": "You now get messages to all parents.",
    "bulk_now_off": "You now get no messages to all parents.",
    "bulk_stop": "Stop messages to all parents",
    "bulk_resume": "Get messages to all parents again",
    "bulk_stopped_title": "You no longer get messages to all parents",
    "bulk_stopped_body": "You still get messages about your child. Do you want "
    "messages to all parents "
    "again? Then open the link in the message again.",
    "bulk_resumed_title": "You get messages to all parents again",
    "bulk_resumed_body": "Thank you. You get the messages the school sends to all parents again.",
    # The step-up page (ADR 0012).
    "step_up_title": "Confirm it is you",
    "step_up_why": "This is about your child's information. So we first send you a code. "
    "That way we know for sure it is you.",
    "step_up_send": "Send me a code",
    "step_up_sent_sms": "We have sent a code to your mobile number.",
    "step_up_sent_email": "We have sent a code to your e-mail address.",
    "step_up_code_label": "Code (6 digits)",
    "step_up_confirm": "Confirm",
    "step_up_wrong": "This code is not right. Please try again.",
    "step_up_expired": "This code no longer works. Ask for a new code.",
    "step_up_locked_title": "A wrong code too often",
    "step_up_locked_body": "You entered a wrong code three times. So this is not possible for a "
    "while. Try again in an hour, or call the school.",
    "step_up_too_many_title": "Please wait",
    "step_up_too_many_body": "You have just asked for several codes. Wait a quarter of an hour and "
    "then try again.",
    "step_up_nowhere_title": "We cannot send you a code",
    "step_up_nowhere_body": "We have no mobile number or e-mail address for you. Please call the "
    "school.",
    "step_up_message": "Your code for Samen is {code}. The code works for 10 minutes. Do not "
    "give it to anyone.",
    "step_up_subject": "Your code",
}
