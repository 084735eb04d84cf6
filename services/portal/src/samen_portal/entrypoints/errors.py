"""Pages for what goes wrong: not signed in (to sign-in), a pupil out of reach (a clear
Dutch page, counted as a refusal), an unknown pupil, a post without its CSRF token."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from samen_kit.problems import Forbidden, problem_response

from samen_portal.adapters.services import ServiceUnavailable
from samen_portal.entrypoints.inspectie import InspectieRefused, SchoolUnknown
from samen_portal.entrypoints.overview import OverviewRefused
from samen_portal.entrypoints.pages import PupilRefused, PupilUnknown
from samen_portal.entrypoints.parents_evening import InvitingRefused
from samen_portal.entrypoints.render import Pages
from samen_portal.entrypoints.signin import CsrfRefused, SignInNeeded, current_user

_BACK = {"href": "/leerlingen", "text": "Naar de leerlingen"}


def install_error_handlers(app: FastAPI, pages: Pages) -> None:
    async def sign_in_needed(request: Request, _exc: Exception) -> Response:
        if request.headers.get("HX-Request"):  # htmx: send the whole page to sign-in
            return Response(status_code=401, headers={"HX-Redirect": "/aanmelden"})
        if request.method != "GET":
            return problem_response(Forbidden("U bent niet (meer) aangemeld."))
        return RedirectResponse("/aanmelden", status_code=303)

    async def refused(request: Request, _exc: Exception) -> Response:
        user = await current_user(request)
        return pages.page(
            "message.html",
            user,
            status=403,
            title="Geen toegang",
            text=(
                "U mag het dossier van deze leerling niet zien. U ziet alleen leerlingen "
                "van uw eigen groep, school of bestuur. Denkt u dat dit niet klopt? "
                "Vraag het de intern begeleider of de beheerder."
            ),
            link=_BACK,
        )

    async def inviting_refused(request: Request, _exc: Exception) -> Response:
        user = await current_user(request)
        return pages.page(
            "message.html",
            user,
            status=403,
            title="Geen toegang",
            text="Alle ouders van een school uitnodigen kan de intern begeleider of de directeur.",
            link={"href": "/te-doen", "text": "Naar Te doen"},
        )

    async def overview_refused(request: Request, _exc: Exception) -> Response:
        user = await current_user(request)
        return pages.page(
            "message.html",
            user,
            status=403,
            title="Geen toegang",
            text="Het overzicht per school is voor het samenwerkingsverband en de besturen.",
            link={"href": "/te-doen", "text": "Naar Te doen"},
        )

    async def unknown(request: Request, _exc: Exception) -> Response:
        user = await current_user(request)
        return pages.page(
            "message.html",
            user,
            status=404,
            title="Leerling niet gevonden",
            text="Deze leerling staat niet in Samen, of nog niet. Kijk of het nummer klopt.",
            link=_BACK,
        )

    async def inspectie_refused(request: Request, _exc: Exception) -> Response:
        user = await current_user(request)
        return pages.page(
            "message.html",
            user,
            status=403,
            title="Geen toegang",
            text="Deze pagina's zijn voor de inspectie.",
            link={"href": "/te-doen", "text": "Naar Te doen"},
        )

    async def school_unknown(request: Request, _exc: Exception) -> Response:
        user = await current_user(request)
        return pages.page(
            "message.html",
            user,
            status=404,
            title="School niet gevonden",
            text="Van deze school zijn er in Samen geen gegevens. Kijk of het nummer klopt.",
            link={"href": "/inspectie", "text": "Naar het samenwerkingsverband"},
        )

    async def unavailable(request: Request, _exc: Exception) -> Response:
        user = await current_user(request)
        return pages.page(
            "message.html",
            user,
            status=503,
            title="Even niet beschikbaar",
            text="Een onderdeel van Samen geeft nu geen antwoord. Probeer het later nog eens.",
            link={"href": "/te-doen", "text": "Naar Te doen"},
        )

    async def csrf(_request: Request, _exc: Exception) -> Response:
        return problem_response(
            Forbidden("Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.")
        )

    app.add_exception_handler(SignInNeeded, sign_in_needed)
    app.add_exception_handler(PupilRefused, refused)
    app.add_exception_handler(PupilUnknown, unknown)
    app.add_exception_handler(OverviewRefused, overview_refused)
    app.add_exception_handler(InvitingRefused, inviting_refused)
    app.add_exception_handler(CsrfRefused, csrf)
    app.add_exception_handler(InspectieRefused, inspectie_refused)
    app.add_exception_handler(SchoolUnknown, school_unknown)
    app.add_exception_handler(ServiceUnavailable, unavailable)
