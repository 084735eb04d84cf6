"""Every parent page of every service, opened in Chromium in each of the six languages
and checked with axe-core against WCAG 2.1 AA: no violations. The page declares its
language and direction (right to left for Arabic), and its stylesheet is applied, so
the Content-Security-Policy lets it through.

One browser and one tab for the whole walk. Chromium is Debian's (`/usr/bin/chromium`,
installed by `make setup`); axe-core comes from npm (`tests/browser/package.json`,
installed by `make setup` with `npm ci`). Playwright never downloads a browser here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from playwright.async_api import Page, Response
from samen_kit.pages import LANGUAGES, direction

from tests.browser.axe import axe_violations, chromium, described
from tests.parent_pages.site import ParentPage, Site

pytestmark = pytest.mark.e2e

LAYOUT = """() => ({
  lang: document.documentElement.lang,
  dir: document.documentElement.dir,
  fontSize: getComputedStyle(document.body).fontSize,
})"""


@pytest.fixture(scope="module")
async def tab(axe_source: str) -> AsyncIterator[Page]:
    async with chromium(viewport={"width": 390, "height": 844}) as context:
        yield await context.new_page()


def _in(url: str, language: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}taal={language}"


async def _open(tab: Page, page: ParentPage, language: str) -> Response | None:
    """The page as its guardian sees it: with the step-up proof a sensitive page needs."""
    proofs = [{"name": k, "value": v, "url": page.url} for k, v in page.cookies.items()]
    if proofs:
        await tab.context.add_cookies(proofs)
    return await tab.goto(_in(page.url, language))


async def _check(tab: Page, axe: str, page: ParentPage, language: str) -> list[str]:
    status = page.status
    response = await _open(tab, page, language)
    assert response is not None
    if response.status != status:
        return [f"status {response.status}"]
    found: list[str] = []
    layout: dict[str, Any] = await tab.evaluate(LAYOUT)
    if (layout["lang"], layout["dir"]) != (language, direction(language)):
        found.append(f"lang/dir {layout['lang']}/{layout['dir']}")
    if layout["fontSize"] != "18px":
        found.append(f"the stylesheet was not applied (font size {layout['fontSize']})")
    found += described(await axe_violations(tab, axe))
    return found


async def test_every_parent_page_passes_axe_wcag_21_aa_in_all_six_languages(
    site: Site, tab: Page, axe_source: str
) -> None:
    failures = []
    for page in site.pages:
        for language in LANGUAGES:
            found = await _check(tab, axe_source, page, language)
            failures += [f"{page} {language}: {problem}" for problem in found]
    assert not failures, "\n".join(failures)


async def test_arabic_pages_read_right_to_left_in_the_browser(site: Site, tab: Page) -> None:
    for page in site.pages:
        await _open(tab, page, "ar")
        seen = await tab.evaluate(
            "() => [document.documentElement.dir, getComputedStyle(document.body).direction]"
        )
        assert seen == ["rtl", "rtl"], page


async def test_the_check_finds_what_a_page_without_language_or_labels_gets_wrong(
    tab: Page, axe_source: str
) -> None:
    await tab.set_content('<html><body><img src="x.png"><input type="text"></body></html>')
    violations = await axe_violations(tab, axe_source)
    assert {"html-has-lang", "image-alt", "label"} <= {v["id"] for v in violations}
