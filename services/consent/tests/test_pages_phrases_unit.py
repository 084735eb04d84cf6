"""What the consent pages say: every phrase in every language, Dutch first."""

from __future__ import annotations

import pytest
from samen_consent.bootstrap import PHRASES
from samen_consent.domain.support_needs import SupportNeedKind
from samen_kit.pages import LANGUAGES, Catalogue, PageRenderer
from starlette.requests import Request

pytestmark = pytest.mark.unit


def test_the_catalogue_loads_complete_in_all_six_languages() -> None:
    catalogue = Catalogue.of(PHRASES)  # refuses to load with a phrase missing anywhere
    assert set(catalogue.texts) == set(LANGUAGES)
    assert not catalogue.reviewed["ar"] and catalogue.reviewed["nl"]


def test_every_support_need_has_a_phrase() -> None:
    assert {f"need_{kind.value}" for kind in SupportNeedKind} <= Catalogue.of(PHRASES).keys


def test_dutch_comes_first_and_the_parents_language_stands_beside_it() -> None:
    said = Catalogue.of(PHRASES).phrases("ar").say("agree")
    assert said.index('lang="nl"') < said.index('lang="ar"')
    assert 'dir="rtl"' in said and "نعم" in said


def test_a_dutch_reader_sees_one_text() -> None:
    assert Catalogue.of(PHRASES).phrases("nl").say("agree") == "Ja, ik geef toestemming"


def test_values_typed_by_nobody_are_still_escaped() -> None:
    html = Catalogue.of(PHRASES).phrases("nl").say("valid_until", date="<b>31-07-2026</b>")
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_the_problem_page_renders_in_both_languages_and_is_never_cached() -> None:
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/ouders/x",
        "headers": [],
        "query_string": b"",
    }
    request = Request(scope)
    page = PageRenderer("samen_consent", "templates", PHRASES).message(
        request, "error_title", "error_link", status_code=401, language="uk", alert=True
    )
    body = bytes(page.body).decode()
    assert page.status_code == 401 and page.headers["cache-control"] == "no-store"
    assert "Deze link werkt niet" in body and "Це посилання не працює" in body
