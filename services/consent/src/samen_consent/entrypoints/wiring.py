"""What routes need from the composition root, kept on `app.state`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from samen_kit.access import GuardianDep
from samen_kit.access.dependencies import TokenText
from samen_kit.access.guardian import GuardianClaims
from samen_kit.pages import PageRenderer, language_of

from samen_consent.handlers.context import Context


@dataclass(frozen=True)
class Wiring:
    ctx: Context
    pages: PageRenderer


def install_wiring(state: object, wiring: Wiring) -> None:
    state.consent = wiring  # type: ignore[attr-defined]


def wiring_of(request: Request) -> Wiring:
    wiring = getattr(request.app.state, "consent", None)
    if not isinstance(wiring, Wiring):
        raise RuntimeError("the consent app was not wired (bootstrap.create_consent_app)")
    return wiring


def context_of(request: Request) -> Context:
    return wiring_of(request).ctx


def pages_of(request: Request) -> PageRenderer:
    return wiring_of(request).pages


CtxDep = Annotated[Context, Depends(context_of)]
PagesDep = Annotated[PageRenderer, Depends(pages_of)]


@dataclass(frozen=True)
class ParentPage:
    """What every parent page reads: the request, whose link or session it is, the
    link's token (carried on to the next page), and the language to answer in."""

    request: Request
    claims: GuardianClaims
    token: str | None
    ctx: Context
    pages: PageRenderer
    language: str


async def parent_page(
    request: Request,
    claims: GuardianDep,
    token: TokenText,
    ctx: CtxDep,
    pages: PagesDep,
    taal: str | None = None,  # read by `language_of`; declared for the API document
) -> ParentPage:
    return ParentPage(request, claims, token, ctx, pages, language_of(request))


ParentPageDep = Annotated[ParentPage, Depends(parent_page)]
