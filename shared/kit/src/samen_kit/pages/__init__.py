"""Parent pages, once: one renderer, one base layout, one phrase mechanism, one
language picker, for every service's pages under `/ouders/`."""

from samen_kit.pages.catalogue import Catalogue, IncompleteCatalogue, MissingPhrase, Phrases
from samen_kit.pages.dates import TimeSpan, day_in
from samen_kit.pages.languages import (
    COOKIE_NAME,
    DUTCH,
    LANGUAGES,
    NAMES,
    QUERY_PARAMETER,
    RIGHT_TO_LEFT,
    choose_language,
    direction,
    known,
)
from samen_kit.pages.render import HEADERS, PageRenderer, language_of

__all__ = [
    "COOKIE_NAME",
    "DUTCH",
    "HEADERS",
    "LANGUAGES",
    "NAMES",
    "QUERY_PARAMETER",
    "RIGHT_TO_LEFT",
    "Catalogue",
    "IncompleteCatalogue",
    "MissingPhrase",
    "PageRenderer",
    "Phrases",
    "TimeSpan",
    "choose_language",
    "day_in",
    "direction",
    "known",
    "language_of",
]
