"""Every parent page of every service renders in all six languages: the page says its
language and direction, every Dutch phrase has its translation beside it (nothing falls
back to Dutch alone), no phrase key shows, the picker offers the six and marks the one
shown, and an unreviewed translation says so."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import httpx
import pytest
from samen_kit.pages import LANGUAGES, Catalogue

from tests.parent_pages.checks import problems, read
from tests.parent_pages.site import PHRASES, ParentPage, Site

pytestmark = pytest.mark.integration


def _in(url: str, language: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}taal={language}"


def _failures(
    page: ParentPage, language: str, response: httpx.Response, keys: frozenset[str]
) -> list[str]:
    """What is wrong with `page` as it came in `language`: its status, else its text."""
    if response.status_code != page.status:
        return [f"{page} {language}: status {response.status_code}"]
    return [f"{page} {language}: {p}" for p in problems(response.text, language, keys)]


async def test_every_parent_page_of_every_service_renders_in_all_six_languages(
    site: Site,
) -> None:
    assert {page.service for page in site.pages} == set(PHRASES)
    failures = []
    async with httpx.AsyncClient(timeout=30) as browser:
        for page in site.pages:
            keys = Catalogue.of(PHRASES[page.service]).keys
            for language in LANGUAGES:
                browser.cookies.clear()
                browser.cookies.update(page.cookies)
                response = await browser.get(_in(page.url, language))
                failures += _failures(page, language, response, keys)
    assert not failures, "\n".join(failures)


async def test_pages_that_answer_a_form_speak_the_language_the_form_was_read_in(
    site: Site,
) -> None:
    failures = []
    for page, fields in site.answers:
        keys = Catalogue.of(PHRASES[page.service]).keys
        action = urlsplit(page.url)
        token = dict(p.split("=", 1) for p in action.query.split("&"))["token"]
        async with httpx.AsyncClient(base_url=f"{action.scheme}://{action.netloc}") as browser:
            for number, language in enumerate(LANGUAGES):
                form = {k: v.replace("{taal}", language) for k, v in fields.items()}
                form["taal"] = language
                if number == 0:
                    form["token"] = token  # the first form starts the session
                response = await browser.post(action.path, data=form)
                failures += _failures(page, language, response, keys)
    assert not failures, "\n".join(failures)


async def test_a_language_chosen_once_is_remembered_and_the_browsers_counts_before_dutch(
    site: Site,
) -> None:
    page = next(p for p in site.pages if p.name == "invitation")
    async with httpx.AsyncClient(timeout=30) as browser:
        chosen = await browser.get(_in(page.url, "ar"))
        again = await browser.get(page.url)  # no ?taal=: the cookie
    async with httpx.AsyncClient(timeout=30, headers={"Accept-Language": "pl-PL, en;q=0.5"}) as b:
        polish = await b.get(page.url)
    assert "samen_taal=ar" in chosen.headers["set-cookie"]
    assert (read(again.text).lang, read(again.text).dir) == ("ar", "rtl")
    assert read(polish.text).lang == "pl"


async def test_the_walk_leaves_no_parent_page_of_any_service_out(site: Site) -> None:
    """Every HTML page a service serves under /ouders/ (its OpenAPI says which) is walked."""
    walked = [urlsplit(page.url) for page in site.pages]
    bases = {f"{u.scheme}://{u.netloc}" for u in walked}
    missing = []
    async with httpx.AsyncClient(timeout=30) as client:
        for base in bases:
            paths = (await client.get(f"{base}/openapi.json")).json()["paths"]
            for path, operations in paths.items():
                if not path.startswith("/ouders/") or "get" not in operations:
                    continue
                if path.endswith((".ics", ".json")):
                    continue  # a calendar file and the receipts' JSON: no pages
                answers = operations["get"].get("responses", {}).get("200", {})
                if "text/html" not in answers.get("content", {"text/html": {}}):
                    continue  # a document for another service (plans' action part JSON)
                pattern = re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path))
                if not any(
                    f"{u.scheme}://{u.netloc}" == base and re.fullmatch(pattern, u.path)
                    for u in walked
                ):
                    missing.append(f"{base}{path}")
    assert not missing, missing
