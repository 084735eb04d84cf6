"""Words the templates get from code: where a meeting is, and the child when no first
name is on file. Per language that has templates; Dutch is the fallback."""

from __future__ import annotations

from collections.abc import Mapping

FALLBACK = "nl"

# fmt: off
LOCATION_WORDS: Mapping[str, Mapping[str, str]] = {
    "nl": {"school": "Op school", "online": "Online, via een videogesprek", "phone": "Telefonisch"},
    "en": {"school": "At school", "online": "Online, by video call", "phone": "By phone"},
    "ar": {"school": "في المدرسة", "online": "عبر الإنترنت، بمكالمة فيديو", "phone": "عبر الهاتف"},
    "tr": {"school": "Okulda", "online": "Çevrim içi, görüntülü görüşme ile", "phone": "Telefonla"},
    "pl": {"school": "W szkole", "online": "Online, przez rozmowę wideo", "phone": "Telefonicznie"},
    "uk": {"school": "У школі", "online": "Онлайн, відеодзвінком", "phone": "Телефоном"},
}

CHILD_WORDS: Mapping[str, str] = {
    "nl": "uw kind", "en": "your child", "ar": "طفلك", "tr": "çocuğunuz",
    "pl": "Państwa dziecko", "uk": "вашу дитину",
}
# fmt: on


def location_words(kind: str, lang: str, address: str | None = None) -> str:
    """`Op school (Lindelaan 12, Utrecht)`; an unknown kind reads as the school."""
    words = LOCATION_WORDS.get(lang, LOCATION_WORDS[FALLBACK])
    text = words.get(kind, words["school"])
    return f"{text} ({address})" if kind == "school" and address else text


def child_words(lang: str) -> str:
    return CHILD_WORDS.get(lang, CHILD_WORDS[FALLBACK])
