"""The kit's parent pages: which language a page speaks, phrases that never fall back,
and one base layout with `lang`, `dir`, a language picker and a stylesheet the CSP allows."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import UTC, date, datetime

import pytest
from samen_kit.pages import (
    LANGUAGES,
    Catalogue,
    IncompleteCatalogue,
    MissingPhrase,
    PageRenderer,
    TimeSpan,
    choose_language,
)
from samen_kit.pages.render import HEADERS
from starlette.requests import Request

pytestmark = pytest.mark.unit


def _texts(**per_language: dict[str, str]) -> dict[str, dict[str, str]]:
    return {language: per_language.get(language, {"hi": "x"}) for language in LANGUAGES}


def _request(query: str = "", cookie: str = "", accept: str = "", method: str = "GET") -> Request:
    headers = [(b"accept-language", accept.encode()), (b"cookie", cookie.encode())]
    scope = {
        "type": "http",
        "method": method,
        "path": "/ouders/toestemming/1",
        "query_string": query.encode(),
        "headers": headers,
        "scheme": "http",
        "server": ("testserver", 80),
    }
    return Request(scope)


def test_the_asked_language_wins_then_the_remembered_then_the_one_on_file_then_the_browser():
    assert choose_language("ar", "tr", "pl", "uk") == "ar"
    assert choose_language(None, "tr", "pl", "uk") == "tr"
    assert choose_language("xx", None, "pl", "uk") == "pl"
    assert choose_language(None, None, None, "fr;q=0.9, uk-UA, en;q=0.8") == "uk"
    assert choose_language(None, None, None, "de, fr") == "nl"
    assert choose_language("EN-gb") == "en"


def test_a_browser_that_refuses_a_language_with_q_zero_does_not_get_it():
    assert choose_language(accept_language="ar;q=0, tr;q=0.5") == "tr"


def test_a_language_without_all_of_dutchs_phrases_stops_the_catalogue_loading():
    with pytest.raises(IncompleteCatalogue, match="pl: missing"):
        Catalogue(
            _texts(nl={"hi": "x", "bye": "y"}, pl={"hi": "x"}), dict.fromkeys(LANGUAGES, True)
        )


def test_a_translation_with_other_placeholders_than_dutch_stops_the_catalogue_loading():
    texts = _texts(nl={"hi": "Dag {name}"}, en={"hi": "Hi {naam}"})
    for language in ("ar", "tr", "pl", "uk"):
        texts[language] = {"hi": "{name}"}
    with pytest.raises(IncompleteCatalogue, match="en:hi"):
        Catalogue(texts, dict.fromkeys(LANGUAGES, True))


def test_a_phrase_that_no_language_has_raises_instead_of_showing_a_key():
    phrases = Catalogue.of().phrases("tr")
    with pytest.raises(MissingPhrase):
        phrases.say("no_such_phrase")


def test_say_gives_dutch_and_the_parents_language_beside_it_each_marked():
    phrases = Catalogue.of().phrases("ar")
    said = str(phrases.say("kit_skip"))
    assert said.startswith('<span class="nl" lang="nl" dir="ltr">Naar de inhoud</span>')
    assert '<span class="beside" lang="ar" dir="rtl">انتقل إلى المحتوى</span>' in said
    assert str(Catalogue.of().phrases("nl").say("kit_skip")) == "Naar de inhoud"


def test_dates_and_meeting_times_are_written_in_each_language():
    catalogue = Catalogue(
        {lang: {"on": "{day}"} for lang in LANGUAGES}, dict.fromkeys(LANGUAGES, True)
    )
    assert catalogue.text("nl", "on", {"day": date(2026, 3, 3)}) == "3 maart 2026"
    assert catalogue.text("pl", "on", {"day": date(2026, 3, 3)}) == "3 marca 2026"
    span = TimeSpan(datetime(2026, 3, 3, 13, tzinfo=UTC), datetime(2026, 3, 3, 14, tzinfo=UTC))
    assert catalogue.text("tr", "on", {"day": span}) == "Salı 3 Mart 2026, 14:00 – 15:00"


def _page(language: str, query: str = "") -> str:
    renderer = PageRenderer("samen_kit.pages", "templates")
    response = renderer.message(
        _request(query), "kit_not_found_title", "kit_not_found", language=language
    )
    return bytes(response.body).decode()


def test_the_layout_speaks_the_chosen_language_right_to_left_for_arabic():
    html = _page("ar", "token=abc&taal=ar")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<html lang="tr" dir="ltr">' in _page("tr")


def test_the_language_picker_links_to_the_same_page_keeping_the_token():
    html = _page("en", "token=abc&taal=en")
    links = re.findall(r'<a href="([^"]+)" lang="(\w+)"', html)
    assert [lang for _, lang in links] == list(LANGUAGES)
    assert ("/ouders/toestemming/1?token=abc&amp;taal=uk", "uk") in links
    assert 'hreflang="en" dir="ltr" aria-current="true">English</a>' in html


def test_an_unreviewed_translation_says_so_and_dutch_does_not_need_to():
    assert "nog niet gecontroleerd" in _page("uk")
    assert "Цей переклад ще не перевірила" in _page("uk")
    assert "nog niet gecontroleerd" not in _page("nl")


def test_the_inline_stylesheet_is_exactly_what_the_content_security_policy_allows():
    html = _page("nl")
    css = re.search(r"<style>(.*?)</style>", html, re.S)
    assert css is not None
    digest = base64.b64encode(hashlib.sha256(css.group(1).encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in HEADERS["Content-Security-Policy"]
    assert "script-src" not in HEADERS["Content-Security-Policy"]  # default-src 'none'


def test_asking_a_language_in_the_link_remembers_it_in_a_cookie():
    renderer = PageRenderer("samen_kit.pages", "templates")
    response = renderer.message(_request("taal=pl"), "kit_not_found_title", "kit_not_found")
    assert 'lang="pl"' in bytes(response.body).decode()
    assert response.headers["set-cookie"].startswith("samen_taal=pl;")
    remembered = renderer.language(_request(cookie="samen_taal=uk", accept="en"))
    assert remembered == "uk"
