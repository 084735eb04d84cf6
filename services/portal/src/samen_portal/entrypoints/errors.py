"""Pages for what goes wrong: not signed in (to sign-in), a pupil out of reach (a clear
Dutch page, counted as a refusal), an unknown pupil, a post without its CSRF token."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from samen_kit.problems import Forbidden, problem_response

from samen_portal.adapters.services import ServiceUnavailable
from samen_portal.domain.corrections import CorrectionAlreadyAnswered, CorrectionUnknown
from samen_portal.entrypoints.corrections import AnsweringRefused
from samen_portal.entrypoints.inspectie import InspectieRefused, SchoolUnknown
from samen_portal.entrypoints.overview import OverviewRefused
from samen_portal.entrypoints.pages import PupilRefused, PupilUnknown
from samen_portal.entrypoints.parents_evening import InvitingRefused
from samen_portal.entrypoints.render import Pages
from samen_portal.entrypoints.signin import CsrfRefused, SignInNeeded, current_user

_BACK = {"href": "/leerlingen", "text": "Naar de leerlingen"}
_TO_DO = {"href": "/te-doen", "text": "Naar Te doen"}


@dataclass(frozen=True)
class Message:
    """What the message page says for one kind of failure."""

    status: int
    title: str
    text: str
    link: dict[str, str]


MESSAGES: dict[type[Exception], Message] = {
    PupilRefused: Message(
        403,
        "Geen toegang",
        "U mag het dossier van deze leerling niet zien. U ziet alleen leerlingen "
        "van uw eigen groep, school of bestuur. Denkt u dat dit niet klopt? "
        "Vraag het de intern begeleider of de beheerder.",
        _BACK,
    ),
    InvitingRefused: Message(
        403,
        "Geen toegang",
        "Alle ouders van een school uitnodigen kan de intern begeleider of de directeur.",
        _TO_DO,
    ),
    OverviewRefused: Message(
        403,
        "Geen toegang",
        "Het overzicht per school is voor het samenwerkingsverband en de besturen.",
        _TO_DO,
    ),
    PupilUnknown: Message(
        404,
        "Leerling niet gevonden",
        "Deze leerling staat niet in Samen, of nog niet. Kijk of het nummer klopt.",
        _BACK,
    ),
    InspectieRefused: Message(403, "Geen toegang", "Deze pagina's zijn voor de inspectie.", _TO_DO),
    SchoolUnknown: Message(
        404,
        "School niet gevonden",
        "Van deze school zijn er in Samen geen gegevens. Kijk of het nummer klopt.",
        {"href": "/inspectie", "text": "Naar het samenwerkingsverband"},
    ),
    CorrectionUnknown: Message(
        404,
        "Vraag niet gevonden",
        "Deze vraag om een correctie is er niet (meer) bij deze leerling.",
        _TO_DO,
    ),
    CorrectionAlreadyAnswered: Message(
        409,
        "Al beantwoord",
        "Deze vraag om een correctie is al beantwoord. Een antwoord verandert niet meer.",
        _TO_DO,
    ),
    AnsweringRefused: Message(
        403,
        "Geen toegang",
        "Een vraag om een correctie beantwoordt de intern begeleider of de directeur.",
        _TO_DO,
    ),
    ServiceUnavailable: Message(
        503,
        "Even niet beschikbaar",
        "Een onderdeel van Samen geeft nu geen antwoord. Probeer het later nog eens.",
        _TO_DO,
    ),
}


def install_error_handlers(app: FastAPI, pages: Pages) -> None:
    async def sign_in_needed(request: Request, _exc: Exception) -> Response:
        if request.headers.get("HX-Request"):  # htmx: send the whole page to sign-in
            return Response(status_code=401, headers={"HX-Redirect": "/aanmelden"})
        if request.method != "GET":
            return problem_response(Forbidden("U bent niet (meer) aangemeld."))
        return RedirectResponse("/aanmelden", status_code=303)

    def message_page(message: Message) -> Callable[[Request, Exception], Awaitable[Response]]:
        async def answer(request: Request, _exc: Exception) -> Response:
            user = await current_user(request)
            return pages.page(
                "message.html",
                user,
                status=message.status,
                title=message.title,
                text=message.text,
                link=message.link,
            )

        return answer

    async def csrf(_request: Request, _exc: Exception) -> Response:
        return problem_response(
            Forbidden("Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.")
        )

    app.add_exception_handler(SignInNeeded, sign_in_needed)
    app.add_exception_handler(CsrfRefused, csrf)
    for failure, message in MESSAGES.items():
        app.add_exception_handler(failure, message_page(message))
