"""Every parent message, in each of the six languages, in the reader's own language.

A guardian who reads Arabic, Turkish, Polish or Ukrainian gets every message (requests,
confirmations, reminders, dispute messages, meeting changes, broadcasts) in that
language: nothing falls back to Dutch, the HTML part says which language and which
writing direction it is in, and every variable is filled in.
"""

from __future__ import annotations

import html
import re
import string
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
import pytest
from jinja2 import meta, nodes
from samen_kit.sms import sms_segments
from samen_notifications.domain.dates import format_date
from samen_notifications.domain.rules import RULES
from samen_notifications.rendering import RenderedMessage, default_renderer

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
SIX_LANGUAGES = ("nl", "en", "ar", "tr", "pl", "uk")
RIGHT_TO_LEFT = {"ar"}
RENDERER = default_renderer()
# The packaged template files, read as files (what each one says, apart from rendering).
SOURCES = jinja2.Environment(loader=jinja2.PackageLoader("samen_notifications"), autoescape=True)
SOURCES.filters.update(dict.fromkeys(("date", "time", "ltr"), str))  # parsed, never rendered
PARENT_TEMPLATES = sorted({rule.template for rule in RULES if not rule.for_staff})
# Words only the Dutch templates use: a translation that still carries them is half Dutch.
DUTCH_ONLY = ("Beste ouder", "Met vriendelijke groet", "Vragen of hulp nodig", "Bel de school")
LEFTOVER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}|\[\[|\]\]")

CONTEXT: dict[str, Any] = {
    "pupil_first_name": "Zeynep-Yara",
    "school_name": "Basisschool Het Kompas",
    "school_phone": "030 765 43 21",
    "school_email": "info@hetkompas-school.nl",
    "purpose": "share_file",
    "deadline": date(2026, 3, 18),
    "valid_until": date(2026, 7, 31),
    "action_url": "https://ouders.samen.example.nl/ouders/toestemming/91c2?token=eyJhbGciOiJFZERTQSJ9.e30.c2ln",
    "sms_url": "https://samen.example.nl/k/Q7W2ZP4M",
    "dispute_url": "https://ouders.samen.example.nl/ouders/geschil-starten/91c2?token=eyJhbGciOiJFZERTQSJ9",
    "meeting_kind": "opp_evaluation",
    "starts_at": datetime(2026, 3, 25, 14, 30, tzinfo=AMS),
    "ends_at": datetime(2026, 3, 25, 15, 15, tzinfo=AMS),
    "previous_starts_at": datetime(2026, 3, 24, 9, 0, tzinfo=AMS),
    "location": "Kastanjelaan 7, Amersfoort, lokaal 2",
    "interpreter": True,
    "evaluation_kind": "agreement",
    "version": 3,
    "due_date": date(2026, 4, 15),
    "dispute_subject": "support_or_arrangement",
    "stage": "mediation",
    "private_school": False,
    "item_kind": "meeting_record",
    "sender_name": "Basisschool Het Kompas",
    "broadcast_subject": "Studiedag op vrijdag 20 maart",
    "broadcast_body": "Op vrijdag 20 maart zijn alle kinderen vrij.",
    "broadcast_sms": "Vrijdag 20 maart studiedag: alle kinderen vrij.",
    "unsubscribe_url": "https://samen.example.nl/ouders/voorkeuren?token=eyJhbGciOiJFZERTQSJ9.e30",
    "admission_kind": "arrangement",
    "start_date": date(2026, 8, 1),
    "end_date": date(2027, 7, 31),
    "objection_by": date(2026, 5, 8),
    "objection_outcome": "revised",
    "decided_on": date(2026, 6, 12),
    "home_since": date(2026, 1, 12),
}
# Values the reader must find back, as they are, in the text part of each message.
VERBATIM = (
    "pupil_first_name",
    "school_name",
    "school_email",
    "action_url",
    "location",
    "unsubscribe_url",
)
DATES = {
    "deadline": "deadline",
    "due_date": "due_date",
    "starts_at": "starts_at",
    "end_date": "end_date",
    "objection_by": "objection_by",
    "home_since": "home_since",
}
MOMENTS = ("deadline", "valid_until", "due_date", "starts_at", "ends_at", "previous_starts_at")
# The code tables of `<lang>/_common.j2` the parent messages read (staff words stay Dutch).
CODE_TABLES = (
    "purposes",
    "meeting_kinds",
    "evaluation_kinds",
    "dispute_subjects",
    "stages",
    "stage_options",
    "private_stages",
    "private_stage_options",
    "link_items",
)
# Every translation says so at the top of its words until a native speaker reviewed it.
NOT_REVIEWED = ("en", "ar", "tr", "pl", "uk")


def context_for(template: str) -> dict[str, Any]:
    return {name: CONTEXT[name] for name in RENDERER.variables_of(template)}


def parts(message: RenderedMessage) -> dict[str, str]:
    found = {"subject": message.subject, "text": message.text, "html": message.html}
    if message.sms is not None:
        found["sms"] = message.sms
    if message.calendar_summary is not None:
        found["calendar"] = message.calendar_summary
    return found


def test_there_are_twenty_seven_parent_messages() -> None:
    assert len(PARENT_TEMPLATES) == 27


@pytest.mark.parametrize("lang", SIX_LANGUAGES)
@pytest.mark.parametrize("template", PARENT_TEMPLATES)
def test_every_parent_message_is_written_in_the_readers_language(template: str, lang: str) -> None:
    message = RENDERER.render(template, lang, context_for(template))

    assert (message.lang_used, message.fell_back) == (lang, False)
    assert set(RENDERER.parts_of(template, lang)) == set(RENDERER.parts_of(template, "nl"))
    direction = "rtl" if lang in RIGHT_TO_LEFT else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in message.html
    assert f'<div dir="{direction}"' in message.html
    if lang != "nl":
        for words in DUTCH_ONLY:
            assert words not in message.text and words not in message.html


@pytest.mark.parametrize("lang", SIX_LANGUAGES)
@pytest.mark.parametrize("template", PARENT_TEMPLATES)
def test_every_variable_is_filled_in_and_no_template_syntax_is_left(
    template: str, lang: str
) -> None:
    variables = RENDERER.variables_of(template)
    message = RENDERER.render(template, lang, context_for(template))

    for name, part in parts(message).items():
        assert not LEFTOVER.search(part), f"{name} of {lang}/{template} keeps template syntax"
    for name in VERBATIM:
        if name in variables:
            assert str(CONTEXT[name]) in message.text, name
            assert html.escape(str(CONTEXT[name])) in message.html, name
    for name, key in DATES.items():
        if name in variables:
            value = CONTEXT[key]
            day = value.date() if isinstance(value, datetime) else value
            assert format_date(day, lang) in message.text, name
    if "school_phone" in variables:
        assert "030 765 43 21" in message.text
    if "sms_url" in variables:
        assert message.sms is not None and CONTEXT["sms_url"] in message.sms
    if "dispute_url" in variables:
        assert CONTEXT["dispute_url"] in message.text


@pytest.mark.parametrize("template", PARENT_TEMPLATES)
def test_arabic_keeps_phone_numbers_and_links_left_to_right(template: str) -> None:
    message = RENDERER.render(template, "ar", context_for(template))
    if "school_phone" in RENDERER.variables_of(template):
        assert "\u2066030 765 43 21\u2069" in message.text
        assert '<span dir="ltr">030 765 43 21</span>' in message.html
    if "action_url" in RENDERER.variables_of(template):
        assert 'dir="ltr"' in message.html


def test_a_guardian_of_each_language_gets_no_fallback_for_any_message() -> None:
    """The demo's fallback counter, in small: what it would count over all messages."""
    fallbacks = [
        (template, lang)
        for template in PARENT_TEMPLATES
        for lang in SIX_LANGUAGES
        if RENDERER.render(template, lang, context_for(template)).fell_back
    ]
    assert fallbacks == []


def _source(name: str) -> str:
    assert SOURCES.loader is not None
    return SOURCES.loader.get_source(SOURCES, name)[0]


def _names_read(source_name: str) -> set[str]:
    """The context variables a template file reads, and the shared words (`c.x`) it uses."""
    ast = SOURCES.parse(_source(source_name))
    imported = {node.target for node in ast.find_all(nodes.Import)}
    shared = {
        f"c.{node.attr}"
        for node in ast.find_all(nodes.Getattr)
        if isinstance(node.node, nodes.Name) and node.node.name in imported
    }
    return (meta.find_undeclared_variables(ast) - imported) | shared


@pytest.mark.parametrize("lang", [lang for lang in SIX_LANGUAGES if lang != "nl"])
@pytest.mark.parametrize("template", PARENT_TEMPLATES)
def test_each_part_reads_the_same_variables_as_the_dutch_one(template: str, lang: str) -> None:
    for part in sorted(RENDERER.parts_of(template, "nl")):
        dutch = _names_read(f"nl/{template}.{part}")
        assert _names_read(f"{lang}/{template}.{part}") == dutch, f"{lang}/{template}.{part}"


@pytest.mark.parametrize("lang", [lang for lang in SIX_LANGUAGES if lang != "nl"])
def test_every_code_a_message_can_name_has_words_in_each_language(lang: str) -> None:
    """A purpose, meeting kind or dispute stage without words of its own would show a
    general phrase (or the bare code) instead."""
    dutch = SOURCES.get_template("nl/_common.j2").module
    words = SOURCES.get_template(f"{lang}/_common.j2").module
    for table in CODE_TABLES:
        assert getattr(words, table).keys() == getattr(dutch, table).keys(), table
    for table in ("stage_options", "private_stage_options"):
        translated = getattr(words, table)
        for stage, options in getattr(dutch, table).items():
            assert len(translated[stage]) == len(options), (table, stage)


@pytest.mark.parametrize("lang", NOT_REVIEWED)
def test_a_translation_is_marked_as_not_reviewed_by_a_native_speaker(lang: str) -> None:
    for words in ("_common.j2", "_letters.j2"):
        first_line = _source(f"{lang}/{words}").splitlines()[0]
        assert "not yet reviewed by a native speaker" in first_line, words


def _letter_words(lang: str) -> dict[str, Any]:
    module = SOURCES.get_template(f"{lang}/_letters.j2").module
    return {name: words for name, words in vars(module).items() if isinstance(words, dict)}


def _shape(words: Any) -> Any:
    """Keys, list lengths and the values in braces of a language's letter words."""
    if isinstance(words, dict):
        return {key: _shape(value) for key, value in words.items()}
    if isinstance(words, list):
        return [_shape(item) for item in words]
    return sorted(field for _, field, _, _ in string.Formatter().parse(words) if field)


def test_the_dutch_letters_have_words_for_every_parent_message() -> None:
    broadcast_is_written_by_staff = {"broadcast"}
    assert set(_letter_words("nl")) >= set(PARENT_TEMPLATES) - broadcast_is_written_by_staff


@pytest.mark.parametrize("lang", [lang for lang in SIX_LANGUAGES if lang != "nl"])
def test_a_translation_gives_every_word_of_the_letters_with_the_same_values(lang: str) -> None:
    """Each letter is laid out once for all languages; a translation gives all its words,
    each phrase with the values in braces that the Dutch one has (in its own order)."""
    assert _shape(_letter_words(lang)) == _shape(_letter_words("nl"))


@pytest.mark.parametrize("lang", SIX_LANGUAGES)
@pytest.mark.parametrize("template", PARENT_TEMPLATES)
def test_no_sentence_ends_twice(template: str, lang: str) -> None:
    """A date that ends in an abbreviation ("2026 р.") takes no second full stop."""
    message = RENDERER.render(template, lang, context_for(template))
    for name, part in parts(message).items():
        assert not re.search(r"(?<!\.)\.\.(?!\.)", part), f"{name} of {lang}/{template}"


@pytest.mark.parametrize("lang", SIX_LANGUAGES)
@pytest.mark.parametrize(
    "template", [t for t in PARENT_TEMPLATES if "sms.txt" in RENDERER.parts_of(t)]
)
def test_an_sms_fits_in_three_segments_whatever_the_weekday(template: str, lang: str) -> None:
    """Weekday names differ in length ("wtorek", "poniedziałek"): every one must fit."""
    for days in range(7):
        context = context_for(template)
        for name in MOMENTS:
            if name in context:
                context[name] = context[name] + timedelta(days=days)
        sms = RENDERER.render(template, lang, context).sms
        assert sms is not None and sms_segments(sms) <= 3, (days, sms)
