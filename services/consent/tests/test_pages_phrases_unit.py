"""What parent pages say: every phrase in every language, Dutch first, the right direction."""

from __future__ import annotations

import pytest
from samen_consent.domain.support_needs import SupportNeedKind
from samen_consent.entrypoints.phrases import PHRASES, Phrases, pick_language
from samen_consent.entrypoints.rendering import PageRenderer

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_every_language_has_every_dutch_phrase_with_the_same_placeholders(language: str) -> None:
    dutch, other = PHRASES["nl"], PHRASES[language]
    assert set(other) == set(dutch)
    for key, text in dutch.items():
        assert ("{date}" in text) == ("{date}" in other[key]), key


def test_every_support_need_has_a_phrase() -> None:
    assert {f"need_{kind.value}" for kind in SupportNeedKind} <= set(PHRASES["nl"])


def test_dutch_comes_first_and_the_parents_language_stands_beside_it() -> None:
    said = Phrases("ar").say("agree")
    assert said.index('lang="nl"') < said.index('lang="ar"')
    assert 'dir="rtl"' in said and "نعم" in said


def test_a_dutch_reader_sees_one_text() -> None:
    assert Phrases("nl").say("agree") == '<span lang="nl">Ja, ik geef toestemming</span>'


@pytest.mark.parametrize(
    ("asked", "browser", "chosen"),
    [
        ("tr", None, "tr"),
        (None, "pl-PL,pl;q=0.9,en;q=0.5", "pl"),
        ("xx", "en;q=0.4, uk;q=0.8", "uk"),
        (None, None, "nl"),
        ("fr", "fr-FR", "nl"),  # no phrases yet: Dutch only
    ],
)
def test_the_page_language_is_the_links_then_the_browsers_then_dutch(
    asked: str | None, browser: str | None, chosen: str
) -> None:
    assert pick_language(asked, browser) == chosen


def test_values_typed_by_nobody_are_still_escaped() -> None:
    html = Phrases("nl").say("valid_until", date="<b>31-07-2026</b>")
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_the_problem_page_renders_in_both_languages_and_is_never_cached() -> None:
    page = PageRenderer().render(
        "problem.html",
        Phrases("uk"),
        status_code=401,
        title_key="error_title",
        message_key="error_link",
        back=None,
    )
    body = bytes(page.body).decode()
    assert page.status_code == 401 and page.headers["cache-control"] == "no-store"
    assert "Deze link werkt niet" in body and "Це посилання не працює" in body
