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
}
