"""Server-rendered HTML for the parent pages (Jinja2, escaped, no JavaScript)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from samen_consent.entrypoints.phrases import LANGUAGE_NAMES, Phrases

# The pages show personal matters: never cached by a proxy, never framed by another site.
_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; "
    "form-action 'self'; frame-ancestors 'none'",
}


class PageRenderer:
    def __init__(self) -> None:
        self._env = Environment(
            loader=PackageLoader("samen_consent", "templates"),
            autoescape=select_autoescape(["html"]),
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def render(
        self,
        template: str,
        phrases: Phrases,
        *,
        token: str | None = None,
        status_code: int = 200,
        title_key: str = "page_title",
        language_choice: bool = True,
        **values: Any,
    ) -> HTMLResponse:
        link = {"token": token} if token else {}

        def switch_query(language: str) -> str:
            return urlencode({**link, "taal": language})

        html = self._env.get_template(template).render(
            phrases=phrases,
            say=phrases.say,
            token=token,
            title_key=title_key,
            languages=list(LANGUAGE_NAMES.items()) if language_choice else [],
            switch_query=switch_query,
            link_query=urlencode({**link, "taal": phrases.language}),
            **values,
        )
        return HTMLResponse(html, status_code=status_code, headers=_HEADERS)
