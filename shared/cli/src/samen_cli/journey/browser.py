"""A parent's browser: opens a link from a message, reads the page, sends one of its
forms. It keeps cookies, so after the first form (which spends the link's token on a
session) the parent carries on in that session, as in a real browser.

Before a sensitive page or action the platform asks for a one-time code (ADR 0012): the
browser asks for it, reads it where it arrived (`codes`: the SMS simulator's log or the
mail folder), types it, and is sent back to the page; an action is then sent again."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Self
from urllib.parse import urljoin, urlsplit
from uuid import UUID

import httpx

from samen_cli.journey.forms import Form, forms_in
from samen_cli.journey.polling import JourneyError


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    html: str

    @property
    def forms(self) -> list[Form]:
        return forms_in(self.html)

    def form(self, which: Callable[[Form], bool], what: str) -> Form:
        found = [form for form in self.forms if which(form)]
        if not found:
            raise JourneyError(f"no form to {what} on {_without_query(self.url)}")
        return found[0]


STEP_UP_PAGE = "/ouders/bevestigen"
StepUpCodes = Callable[[UUID], Awaitable[str]]


class Browser:
    def __init__(self, label: str, codes: StepUpCodes | None = None) -> None:
        self.label = label
        self._codes = codes
        self._client = httpx.AsyncClient(follow_redirects=True, timeout=30.0)

    async def open(self, url: str) -> Page:
        page = _page(await self._client.get(url), f"{self.label} opens")
        return await self._step_up(page) if _asks_for_a_code(page) else page

    async def send(
        self, page: Page, form: Form, answers: dict[str, str], button: str | None = None
    ) -> Page:
        """Post the form as the browser would (urlencoded) and follow the redirect; when
        the platform asks for a code first, confirm and send the form once more."""
        target = urljoin(page.url, form.action or page.url)
        fields = form.filled(answers, button)
        sent = _page(await self._client.post(target, data=fields), f"{self.label} sends to")
        if not _asks_for_a_code(sent):
            return sent
        await self._step_up(sent)
        again = await self._client.post(target, data=fields)
        return _page(again, f"{self.label} sends again to")

    async def _step_up(self, asking: Page) -> Page:
        """Ask for the code, read it where it arrived, type it: back on the page."""
        if self._codes is None:
            raise JourneyError(f"{self.label} is asked for a one-time code and cannot read it")
        asked = await self._post(asking, asking.form(lambda f: "terug" in f.values, "ask"), {})
        typing = asked.form(lambda f: "challenge" in f.values, "type the code")
        code = await self._codes(UUID(typing.values["challenge"]))
        return await self._post(asked, typing, {"code": code})

    async def _post(self, page: Page, form: Form, answers: dict[str, str]) -> Page:
        target = urljoin(page.url, form.action or page.url)
        response = await self._client.post(target, data=form.filled(answers))
        return _page(response, f"{self.label} confirms at")

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *_exc_info: object) -> None:
        await self._client.aclose()


def _page(response: httpx.Response, doing: str) -> Page:
    url = str(response.url)
    if response.is_error:
        detail = response.text[:300].replace("\n", " ")
        raise JourneyError(f"{doing} {_without_query(url)}: {response.status_code} {detail}")
    return Page(url, response.status_code, response.text)


def _asks_for_a_code(page: Page) -> bool:
    return urlsplit(page.url).path == STEP_UP_PAGE


def _without_query(url: str) -> str:
    """Links carry tokens: never print them."""
    return url.split("?", 1)[0]
