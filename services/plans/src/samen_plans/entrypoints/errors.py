"""The plans service's errors as RFC 9457 problems: one table, installed by the kit.

Each use case runs in one unit of work, so nothing has changed when one of these is
answered. Misses and refusals of a caller with a valid credential are counted for the
audit trail by the kit's refusal book.
"""

from fastapi import FastAPI, Request, Response
from samen_kit.error_table import (
    Answer,
    ErrorPages,
    Problems,
    counted_forbidden,
    install_error_table,
)
from samen_kit.pages import PageRenderer
from samen_kit.problems import Conflict, Forbidden, Invalid, Problem

from samen_plans.domain import errors as domain
from samen_plans.handlers import errors as service

PROBLEMS = Problems(
    {
        (domain.OppAlreadyOpen, domain.OppIdTaken): Answer(
            Conflict, "opp-exists", "Deze leerling heeft al een open OPP"
        ),
        domain.PupilHasLeft: Answer(Conflict, "pupil-left", "Deze leerling is van school"),
        (domain.NotLatestVersion, domain.AlreadyOffered): Answer(
            Conflict, "version-not-offerable", "Deze versie kan niet worden voorgelegd"
        ),
        domain.NoActionPartSet: Answer(
            Conflict, "no-action-part-set", "Er is nog geen handelingsdeel vastgesteld"
        ),
        (
            domain.ActionPartPeriodInvalid,
            domain.SupportStartInFuture,
            domain.EvaluationInFuture,
            domain.GuardianNotOfPupil,
            domain.EntryInvalid,
            domain.PeriodInvalid,
        ): Answer(Invalid),
        service.NoParentalAuthority: Answer(
            Forbidden,
            "no-parental-authority",
            "Alleen een ouder met gezag kan dit zien",
            count=counted_forbidden,
        ),
    }
)


PAGE_MESSAGES = {403: "error_no_authority", 404: "kit_not_found", 422: "error_invalid"}
PAGES = ("/ouders/opp/", "/ouders/groeidocument/")


def install_error_handlers(app: FastAPI, pages: PageRenderer) -> None:
    """The parent pages answer a fault with a page in the parent's language; the API
    and the consent page's document with problem JSON."""
    on_page = ErrorPages(pages, PAGE_MESSAGES, link_fault="error_link")

    def page(request: Request, status: int, problem: Problem | None) -> Response | None:
        return on_page(request, status, problem) if request.url.path.startswith(PAGES) else None

    install_error_table(app, PROBLEMS, pages=page)
