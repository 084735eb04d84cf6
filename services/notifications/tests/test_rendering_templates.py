"""Every template in every language it exists in, rendered with a realistic context."""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
import pytest
from samen_kit.sms import SmsEncoding, sms_encoding, sms_segments
from samen_notifications.domain.rules import RULES, NotificationRule, ParentAction
from samen_notifications.rendering import (
    EDUCATION_CONSULTANTS,
    Renderer,
    TemplateNotFound,
    TemplateRenderError,
    default_renderer,
    render,
)

pytestmark = pytest.mark.unit

AMS = ZoneInfo("Europe/Amsterdam")
ACTION_URL = (
    "https://ouders.samen.example.nl/toestemming/open"
    "?token=eyJhbGciOiJFZERTQSJ9.eyJhdWQiOiJndWFyZGlhbiJ9.c2lnbmF0dXJl&taal=nl"
)
SMS_URL = "https://samen.example.nl/k/4F7QK2XM"
DISPUTE_URL = (
    "https://ouders.samen.example.nl/ouders/geschil-starten/4f1c?token=eyJhbGciOiJFZERTQSJ9"
)
DISPUTE_OFFER = {
    "nl": "Bent u het ergens niet mee eens? Dat kunt u hier melden:",
    "en": "Do you disagree with something? You can tell us here:",
}
REQUIRED_LANGUAGES = {"nl", "en", "ar", "tr", "pl", "uk"}
MEETING_TEMPLATES = {"meeting_invitation", "meeting_rescheduled", "meeting_cancelled"}
RENDERER = default_renderer()
CASES = [(t, lang) for t in RENDERER.templates() for lang in RENDERER.languages_of(t)]
GUARDIAN_RULES = [rule for rule in RULES if not rule.for_staff]
LINK_CASES = [
    (rule.template, lang)
    for rule in GUARDIAN_RULES
    if rule.carries_link
    for lang in RENDERER.languages_of(rule.template)
]


def realistic_context(**overrides: Any) -> dict[str, Any]:
    context: dict[str, Any] = {
        "pupil_first_name": "Mohammed-Amin",
        "school_name": "Openbare Basisschool De Regenboog",
        "school_phone": "010 123 45 67",
        "school_email": "info@obs-deregenboog.nl",
        "purpose": "mdo_request",
        "deadline": date(2025, 3, 18),
        "valid_until": date(2025, 7, 31),
        "action_url": ACTION_URL,
        "sms_url": SMS_URL,
        "dispute_url": DISPUTE_URL,
        "staff_url": "https://samen.example.nl/staf/leerlingen/4f1c",
        "meeting_kind": "mdo",
        "starts_at": datetime(2025, 3, 25, 14, 30, tzinfo=AMS),
        "ends_at": datetime(2025, 3, 25, 15, 30, tzinfo=AMS),
        "previous_starts_at": datetime(2025, 3, 24, 9, 0, tzinfo=AMS),
        "location": "Lindelaan 12, Utrecht, lokaal 4",
        "interpreter": True,
        "evaluation_kind": "opp",
        "version": 2,
        "due_date": date(2025, 4, 15),
        "dispute_subject": "opp_action_part",
        "stage": "objection",
        "private_school": False,
        "item_kind": "consent_request",
        "sender_name": "OBS De Regenboog",
        "broadcast_subject": "Ouderavond op donderdag 20 maart",
        "broadcast_body": "We nodigen u uit voor de ouderavond.\n\nDe koffie staat klaar.",
        "broadcast_sms": "Ouderavond donderdag 20 maart om 19:30. Welkom!",
        "unsubscribe_url": "https://samen.example.nl/ouders/voorkeuren?token=eyJhbGciOiJFZERTQSJ9",
        "admission_kind": "tlv",
        "start_date": date(2025, 8, 1),
        "end_date": date(2027, 7, 31),
        "objection_by": date(2025, 5, 2),
        "objection_outcome": "upheld",
        "decided_on": date(2025, 6, 12),
        "home_since": date(2025, 1, 13),
    }
    return context | overrides


def context_for(template: str, **overrides: Any) -> dict[str, Any]:
    """Exactly the variables the template declares, nothing more."""
    full = realistic_context(**overrides)
    return {name: full[name] for name in RENDERER.variables_of(template)}


@pytest.mark.parametrize(("template", "lang"), CASES)
def test_every_template_renders_in_every_language_from_its_declared_variables(
    template: str, lang: str
) -> None:
    message = render(template, lang, context_for(template))
    assert (message.lang_used, message.fell_back) == (lang, False)
    assert message.subject and "\n" not in message.subject
    assert message.html.startswith("<!DOCTYPE html>")
    assert f'lang="{lang}"' in message.html
    if "pupil_first_name" in RENDERER.variables_of(template):
        assert "Mohammed-Amin" in message.text


@pytest.mark.parametrize(
    ("template", "variable"),
    [(t, v) for t in RENDERER.templates() for v in sorted(RENDERER.variables_of(t))],
)
def test_a_missing_variable_is_an_error_never_a_blank(template: str, variable: str) -> None:
    context = context_for(template)
    del context[variable]
    with pytest.raises(TemplateRenderError):
        render(template, "nl", context)


@pytest.mark.parametrize(("template", "lang"), LINK_CASES)
def test_a_message_that_offers_an_action_carries_the_link_in_every_part(
    template: str, lang: str
) -> None:
    message = render(template, lang, context_for(template))
    assert ACTION_URL in message.text
    assert html.escape(ACTION_URL) in message.html
    assert message.sms is not None and SMS_URL in message.sms


@pytest.mark.parametrize(
    "rule", [r for r in GUARDIAN_RULES if r.action is ParentAction.NONE], ids=lambda r: r.template
)
def test_a_message_that_asks_nothing_carries_no_action_link(rule: NotificationRule) -> None:
    assert not {"action_url", "sms_url"} & RENDERER.variables_of(rule.template)


@pytest.mark.parametrize(
    ("template", "lang"),
    [(r.template, lang) for r in GUARDIAN_RULES if r.offers_dispute for lang in DISPUTE_OFFER],
)
def test_a_message_that_offers_a_dispute_says_so_first_and_carries_the_link(
    template: str, lang: str
) -> None:
    message = render(template, lang, context_for(template))
    assert f"{DISPUTE_OFFER[lang]}\n{DISPUTE_URL}" in message.text
    assert html.escape(DISPUTE_URL) in message.html
    assert html.escape(DISPUTE_OFFER[lang]) in message.html


@pytest.mark.parametrize("template", [r.template for r in GUARDIAN_RULES if r.offers_dispute])
def test_without_a_dispute_link_the_offer_is_left_out(template: str) -> None:
    message = render(template, "nl", context_for(template, dispute_url=None))
    assert DISPUTE_OFFER["nl"] not in message.text
    assert DISPUTE_OFFER["nl"] not in message.html


@pytest.mark.parametrize(
    "rule", [r for r in RULES if not r.offers_dispute], ids=lambda r: r.template
)
def test_only_the_rules_that_offer_a_dispute_read_its_link(rule: NotificationRule) -> None:
    assert "dispute_url" not in RENDERER.variables_of(rule.template)


@pytest.mark.parametrize("rule", GUARDIAN_RULES, ids=lambda r: r.template)
def test_every_guardian_message_exists_in_dutch_and_english_with_an_sms(
    rule: NotificationRule,
) -> None:
    assert {"nl", "en"} <= set(RENDERER.languages_of(rule.template))
    assert "sms.txt" in RENDERER.parts_of(rule.template)


@pytest.mark.parametrize("template", ["consent_request", "meeting_invitation"])
def test_the_consent_request_and_the_invitation_exist_in_six_languages(template: str) -> None:
    assert set(RENDERER.languages_of(template)) >= REQUIRED_LANGUAGES


@pytest.mark.parametrize("rule", [r for r in RULES if r.for_staff], ids=lambda r: r.template)
def test_staff_notices_are_dutch_email_without_sms(rule: NotificationRule) -> None:
    assert RENDERER.languages_of(rule.template) == ("nl",)
    assert "sms.txt" not in RENDERER.parts_of(rule.template)


def test_every_template_belongs_to_a_rule() -> None:
    assert set(RENDERER.templates()) == {rule.template for rule in RULES}


@pytest.mark.parametrize("template", ["consent_request", "meeting_invitation"])
def test_arabic_html_is_laid_out_right_to_left(template: str) -> None:
    message = render(template, "ar", context_for(template))
    assert 'lang="ar"' in message.html and 'dir="rtl"' in message.html
    assert 'dir="ltr"' in message.html  # the link and phone number stay left to right


@pytest.mark.parametrize("lang", ["nl", "en", "tr", "pl", "uk"])
def test_other_languages_are_laid_out_left_to_right(lang: str) -> None:
    message = render("consent_request", lang, context_for("consent_request"))
    assert 'dir="ltr"' in message.html and 'dir="rtl"' not in message.html


def test_an_arabic_phone_number_is_isolated_so_its_digits_keep_their_order() -> None:
    message = render("consent_request", "ar", context_for("consent_request"))
    assert "\u2066010 123 45 67\u2069" in message.text


@pytest.mark.parametrize(
    ("template", "lang"), [c for c in CASES if "sms.txt" in RENDERER.parts_of(*c)]
)
def test_an_sms_fits_in_three_segments(template: str, lang: str) -> None:
    sms = render(template, lang, context_for(template)).sms
    assert sms is not None and sms_segments(sms) <= 3


@pytest.mark.parametrize(
    ("template", "lang"),
    [c for c in CASES if c[1] in {"nl", "en"} and "sms.txt" in RENDERER.parts_of(*c)],
)
def test_dutch_and_english_sms_use_the_cheaper_gsm7_alphabet(template: str, lang: str) -> None:
    sms = render(template, lang, context_for(template)).sms
    assert sms is not None and sms_encoding(sms) is SmsEncoding.GSM7


def test_a_missing_translation_falls_back_to_dutch_and_says_so() -> None:
    message = render("consent_reminder", "fr", context_for("consent_reminder"))
    assert (message.lang_used, message.fell_back) == ("nl", True)
    assert 'lang="nl"' in message.html and 'dir="ltr"' in message.html


def test_a_fallback_writes_its_dates_in_dutch() -> None:
    message = render("meeting_reminder", "fr", context_for("meeting_reminder"))
    assert "dinsdag 25 maart 2025" in message.text


def test_a_translation_writes_dates_in_its_own_language() -> None:
    message = render("meeting_invitation", "pl", context_for("meeting_invitation"))
    assert "wtorek, 25 marca 2025" in message.text


@pytest.mark.parametrize(("requested", "used"), [("en-GB", "en"), ("nl-BE", "nl"), ("AR", "ar")])
def test_a_regional_variant_uses_its_language_without_a_fallback(requested: str, used: str) -> None:
    message = render("consent_request", requested, context_for("consent_request"))
    assert (message.lang_used, message.fell_back) == (used, False)


@pytest.mark.parametrize("requested", ["??", "", "fr"])
def test_an_unusable_or_untranslated_language_falls_back_to_dutch(requested: str) -> None:
    message = render("consent_request", requested, context_for("consent_request"))
    assert (message.lang_used, message.fell_back) == ("nl", True)


def test_an_unknown_template_is_an_error() -> None:
    with pytest.raises(TemplateNotFound):
        render("birthday_wishes", "nl", {})


def test_values_are_escaped_in_html_and_kept_as_they_are_in_text() -> None:
    context = context_for("consent_request", school_name="De Regenboog <Noord> & Zuid")
    message = render("consent_request", "nl", context)
    assert "De Regenboog &lt;Noord&gt; &amp; Zuid" in message.html
    assert "De Regenboog <Noord> & Zuid" in message.text


def test_a_render_error_names_the_template_but_never_the_values() -> None:
    context = context_for("consent_request")
    del context["school_phone"]
    with pytest.raises(TemplateRenderError) as failed:
        render("consent_request", "nl", context)
    assert "nl/consent_request" in str(failed.value)
    assert "Mohammed-Amin" not in str(failed.value)


def test_a_naive_datetime_in_the_context_is_a_render_error() -> None:
    context = context_for("meeting_invitation", starts_at=datetime(2025, 3, 25, 14, 30))
    with pytest.raises(TemplateRenderError):
        render("meeting_invitation", "nl", context)


def test_an_optional_deadline_may_be_left_empty() -> None:
    message = render("meeting_invitation", "en", context_for("meeting_invitation", deadline=None))
    assert "Let us know if you can come. " in message.text


@pytest.mark.parametrize(("template", "lang"), [c for c in CASES if c[0] in MEETING_TEMPLATES])
def test_a_meeting_message_has_a_one_line_calendar_title_with_the_first_name(
    template: str, lang: str
) -> None:
    summary = render(template, lang, context_for(template)).calendar_summary
    assert summary is not None and "\n" not in summary and "Mohammed-Amin" in summary


def test_other_messages_have_no_calendar_title() -> None:
    assert render("consent_request", "nl", context_for("consent_request")).calendar_summary is None


@pytest.mark.parametrize("template", ["dispute_opened", "dispute_stage_changed"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_dispute_message_gives_the_next_options_and_the_consultants_contact(
    template: str, lang: str
) -> None:
    message = render(template, lang, context_for(template, stage="objection"))
    assert EDUCATION_CONSULTANTS.phone in message.text
    assert EDUCATION_CONSULTANTS.url in message.html
    assert {"nl": "binnen 4 weken", "en": "within 4 weeks"}[lang] in message.text


ROUTE_WORDS = {"nl": ("herziening", "bezwaar"), "en": ("review", "object")}


@pytest.mark.parametrize("template", ["dispute_opened", "dispute_stage_changed"])
@pytest.mark.parametrize("lang", sorted(REQUIRED_LANGUAGES))
@pytest.mark.parametrize("stage", ["conversation", "objection"])
def test_at_a_private_school_the_route_is_a_request_for_review_not_an_objection(
    template: str, lang: str, stage: str
) -> None:
    """A private (bijzondere) school's board takes no Awb decision: the guardians ask it
    to review its decision (ADR 9). Same stage code, other words, in every language."""
    public = render(template, lang, context_for(template, stage=stage, private_school=False))
    private = render(template, lang, context_for(template, stage=stage, private_school=True))
    assert private.text != public.text and private.html != public.html
    if lang in ROUTE_WORDS:
        review, objection = ROUTE_WORDS[lang]
        assert review in private.text and review not in public.text
        assert objection in public.text.lower() and objection not in private.text.lower()


@pytest.mark.parametrize(
    ("lang", "may_refuse", "may_withdraw"),
    [("nl", "U mag ook nee zeggen", "intrekken"), ("en", "You may also say no", "take it back")],
)
def test_a_consent_request_says_parents_may_refuse_and_withdraw_later(
    lang: str, may_refuse: str, may_withdraw: str
) -> None:
    text = render("consent_request", lang, context_for("consent_request")).text
    assert may_refuse in text and may_withdraw in text


def _renderer_with(templates: dict[str, str]) -> Renderer:
    return Renderer(jinja2.DictLoader(templates))


def test_a_translation_missing_a_part_is_not_used() -> None:
    renderer = _renderer_with(
        {
            "nl/hello.subject.txt": "Hallo",
            "nl/hello.txt": "Hallo {{ name }}",
            "nl/hello.html": "<p>Hallo {{ name }}</p>",
            "nl/hello.sms.txt": "Hallo",
            "de/hello.subject.txt": "Hallo",
            "de/hello.txt": "Guten Tag {{ name }}",
            "de/hello.html": "<p>Guten Tag {{ name }}</p>",
        }
    )
    message = renderer.render("hello", "de", {"name": "Noor"})
    assert (message.lang_used, message.fell_back, message.text) == ("nl", True, "Hallo Noor\n")


def _dutch_hello(txt: str, html: str, shared: dict[str, str]) -> Renderer:
    """A message `hello` in Dutch only, beside the shared files it uses."""
    parts = {"nl/hello.subject.txt": "Hallo", "nl/hello.txt": txt, "nl/hello.html": html}
    return _renderer_with(parts | shared)


def test_a_shared_letter_reads_what_its_frame_and_words_read() -> None:
    """A letter laid out once for all languages still declares every value it shows."""
    frames = {
        "_frame.html": "<p>{% block body %}{% endblock %} {{ school_name }}</p>",
        "_hello.html": '{% extends "_frame.html" %}{% block body %}{{ name }}{% endblock %}',
    }
    renderer = _dutch_hello("Hallo {{ name }}", '{% extends "_hello.html" %}', frames)
    assert renderer.variables_of("hello") == {"name", "school_name"}


def test_a_phrase_puts_each_value_where_the_translation_wants_it() -> None:
    """The words say where a value goes ("{name}"); in HTML the words and the values are
    escaped, but markup a shared macro built around a value (bold) stays."""
    words = '{% import "nl/_words.j2" as w %}{% from "_bold.html" import bold %}'
    renderer = _dutch_hello(
        words + "{{ w.hello|fill(name=name, school=s) }}",
        words + "{{ w.hello|fill(name=bold(name), school=s) }}",
        {
            "_bold.html": "{% macro bold(text) %}<b>{{ text }}</b>{% endmacro %}",
            "nl/_words.j2": '{% set hello = "{name} & {school}: hallo {name}" %}',
        },
    )
    message = renderer.render("hello", "nl", {"name": "Noor <3", "s": "A&B"})
    assert message.text == "Noor <3 & A&B: hallo Noor <3\n"
    assert message.html == "<b>Noor &lt;3</b> &amp; A&amp;B: hallo <b>Noor &lt;3</b>"


# The codes the owning services put on the bus (consent purposes, meeting kinds, dispute
# subjects and stages, evaluation subjects); each needs its own words, not the fallback.
DISPUTE_SUBJECTS = [
    "opp",
    "opp_action_part",
    "support_or_arrangement",
    "admission",
    "removal",
    "other",
]
CODES = {
    ("consent_request", "purpose"): [
        "engage_swv",
        "mdo_request",
        "preventive_support",
        "share_file",
        "arrangement",
        "opp_action_part",
        "assessment",
    ],
    ("meeting_invitation", "meeting_kind"): [
        "intake",
        "progress_talk",
        "support_team",
        "mdo",
        "opp_evaluation",
        "agreement_evaluation",
    ],
    ("dispute_opened", "dispute_subject"): DISPUTE_SUBJECTS,
    ("dispute_opened", "stage"): [
        "conversation",
        "mediation",
        "education_consultant",
        "objection",
        "disputes_committee",
    ],
    ("evaluation_due", "evaluation_kind"): ["opp", "agreement"],
    ("staff_dispute_opened", "dispute_subject"): DISPUTE_SUBJECTS,
    ("staff_evaluation_due", "evaluation_kind"): ["opp", "agreement"],
    ("admission_granted", "admission_kind"): ["tlv", "arrangement"],
    ("admission_objection_decided", "objection_outcome"): ["revised", "upheld", "inadmissible"],
    ("staff_admission_granted", "admission_kind"): ["tlv", "arrangement"],
}
CODE_CASES = [
    (template, variable, code, lang)
    for (template, variable), codes in CODES.items()
    for code in codes
    for lang in RENDERER.languages_of(template)
]


@pytest.mark.parametrize(("template", "variable", "code", "lang"), CODE_CASES)
def test_every_known_code_has_its_own_words_in_every_language(
    template: str, variable: str, code: str, lang: str
) -> None:
    def text_for(value: str) -> str:
        return render(template, lang, context_for(template, **{variable: value})).text

    assert text_for(code) != text_for("not_a_known_code")
