"""A parent's browser: opens a link from a message, reads the page, sends one of its
forms. It keeps cookies, so after the first form (which spends the link's token on a
session) the parent carries on in that session, as in a real browser."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import Self
from urllib.parse import urljoin

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


class Browser:
    def __init__(self, label: str) -> None:
        self.label = label
        self._client = httpx.AsyncClient(follow_redirects=True, timeout=30.0)

    async def open(self, url: str) -> Page:
        return _page(await self._client.get(url), f"{self.label} opens")

    async def send(
        self, page: Page, form: Form, answers: dict[str, str], button: str | None = None
    ) -> Page:
        """Post the form as the browser would (urlencoded) and follow the redirect."""
        target = urljoin(page.url, form.action or page.url)
        fields = form.filled(answers, button)
        response = await self._client.post(target, data=fields)
        return _page(response, f"{self.label} sends a form to")

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self._client.aclose()


def _page(response: httpx.Response, doing: str) -> Page:
    url = str(response.url)
    if response.is_error:
        detail = response.text[:300].replace("\n", " ")
        raise JourneyError(f"{doing} {_without_query(url)}: {response.status_code} {detail}")
    return Page(url, response.status_code, response.text)


def _without_query(url: str) -> str:
    """Links carry tokens: never print them."""
    return url.split("?", 1)[0]
