"""One page renderer for every service's parent pages.

A service builds one `PageRenderer` with its templates and its phrases; every template
extends the kit's `_layout.html` (header with the language picker, main, footer that
says when a translation is not yet reviewed). The pages are server-rendered, need no
JavaScript, and are never cached, framed or given a referrer. Their one stylesheet is
inline and allowed by its hash in the Content-Security-Policy; nothing else loads.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from importlib.resources import files
from typing import Any
from urllib.parse import urlencode

from fastapi.responses import HTMLResponse
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from starlette.requests import Request

from samen_kit.pages.catalogue import Catalogue, Phrases
from samen_kit.pages.languages import (
    COOKIE_NAME,
    LANGUAGES,
    NAMES,
    QUERY_PARAMETER,
    choose_language,
    direction,
    known,
)

COOKIE_MAX_AGE = 365 * 24 * 3600
CSS: Markup = Markup(files("samen_kit.pages").joinpath("static/pages.css").read_text("utf-8"))
CSS_HASH = base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Content-Security-Policy": f"default-src 'none'; style-src 'sha256-{CSS_HASH}'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}


@dataclass(frozen=True)
class LanguageChoice:
    language: str
    name: str
    href: str
    current: bool

    @property
    def direction(self) -> str:
        return direction(self.language)


@dataclass(frozen=True)
class PageFrame:
    """What the base layout needs: the language, the picker, the stylesheet."""

    phrases: Phrases
    choices: tuple[LanguageChoice, ...]
    css: Markup = CSS

    @property
    def language(self) -> str:
        return self.phrases.language

    @property
    def direction(self) -> str:
        return self.phrases.direction

    @property
    def reviewed(self) -> bool:
        return self.phrases.reviewed


def language_of(request: Request, *, asked: str | None = None, on_file: str | None = None) -> str:
    """`?taal=` (or `asked`, e.g. a form's field), the cookie, `on_file`, the browser."""
    return choose_language(
        asked if asked is not None else request.query_params.get(QUERY_PARAMETER),
        request.cookies.get(COOKIE_NAME),
        on_file,
        request.headers.get("accept-language"),
    )


def language_choices(request: Request, current: str) -> tuple[LanguageChoice, ...]:
    """A link per language to this same page (its query kept, `taal` set)."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != QUERY_PARAMETER]
    return tuple(
        LanguageChoice(
            language,
            NAMES[language],
            f"{request.url.path}?{urlencode([*kept, (QUERY_PARAMETER, language)])}",
            language == current,
        )
        for language in LANGUAGES
    )


class PageRenderer:
    """Templates from `package`/`folder` first, then the kit's; phrases from `phrases`."""

    def __init__(self, package: str, folder: str, *phrases: str) -> None:
        self.catalogue = Catalogue.of(*phrases)
        self._env = Environment(
            loader=ChoiceLoader(
                [PackageLoader(package, folder), PackageLoader("samen_kit.pages", "templates")]
            ),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def phrases(self, language: str) -> Phrases:
        return self.catalogue.phrases(language)

    def language(self, request: Request, *, on_file: str | None = None) -> str:
        return language_of(request, on_file=on_file)

    def html(
        self,
        template: str,
        phrases: Phrases,
        *,
        choices: tuple[LanguageChoice, ...] = (),
        **values: Any,
    ) -> str:
        frame = PageFrame(phrases, choices)
        return self._env.get_template(template).render(
            frame=frame,
            say=phrases.say,
            plain=phrases.plain,
            own=phrases.own,
            language=phrases.language,
            **values,
        )

    def render(
        self,
        request: Request,
        template: str,
        *,
        language: str | None = None,
        status_code: int = 200,
        picker: bool | None = None,
        **values: Any,
    ) -> HTMLResponse:
        """The page in `language` (default: `language_of(request)`).

        The picker links to this page in each language; by default only for a GET (a
        form's answer is no page to link to)."""
        chosen = language or language_of(request)
        phrases = self.phrases(chosen)
        show_picker = request.method == "GET" if picker is None else picker
        choices = language_choices(request, chosen) if show_picker else ()
        body = self.html(template, phrases, choices=choices, **values)
        response = HTMLResponse(body, status_code=status_code, headers=HEADERS)
        asked = known(request.query_params.get(QUERY_PARAMETER))
        if asked is not None and asked == chosen:
            response.set_cookie(
                COOKIE_NAME, asked, max_age=COOKIE_MAX_AGE, path="/", httponly=True, samesite="lax"
            )
        return response

    def message(
        self,
        request: Request,
        heading: str,
        body: str,
        *,
        status_code: int = 200,
        back: str | None = None,
        back_phrase: str = "kit_back",
        alert: bool = False,
        language: str | None = None,
        picker: bool | None = None,
        **values: Any,
    ) -> HTMLResponse:
        """A page that only says something: a heading, a sentence, maybe a way back."""
        return self.render(
            request,
            "_message.html",
            language=language,
            status_code=status_code,
            picker=picker,
            heading=heading,
            body=body,
            back=back,
            back_phrase=back_phrase,
            alert=alert,
            values=values,
        )
