"""The admissions service's errors as RFC 9457 problems: one table, installed by the kit.

Nothing has changed when one of these is answered: each use case runs in one unit of
work, and the error rolls it back. Misses (another tenant's row, one out of reach, or
none) and refusals of a caller with a valid credential are counted for the audit trail.
"""

from typing import Any

from fastapi import FastAPI
from samen_kit.error_table import (
    Answer,
    ErrorPages,
    Problems,
    back_to_case,
    counted_forbidden,
    install_error_table,
)
from samen_kit.pages import PageRenderer
from samen_kit.problems import Conflict, Forbidden, Invalid

from samen_admissions.domain import errors as domain
from samen_admissions.handlers import errors as service


def _purposes(error: domain.ConsentMissing) -> dict[str, Any]:
    return {"missing_consent": list(error.purposes)}


PROBLEMS = Problems(
    {
        domain.ConsentMissing: Answer(
            Conflict,
            "consent-missing",
            "De ouders hebben (nog) geen toestemming gegeven",
            extra=_purposes,
        ),
        domain.ParentsViewMissing: Answer(
            Conflict, "parents-view-missing", "De mening van de ouders ontbreekt nog"
        ),
        domain.AdviceIncomplete: Answer(
            Conflict, "advice-incomplete", "Er is nog geen advies van twee deskundigen"
        ),
        domain.AdvisoryStepMissing: Answer(
            Conflict, "advisory-step-missing", "Het advies van de landelijke commissie ontbreekt"
        ),
        (domain.NotNow, domain.SameExpertTwice, domain.TermAlreadyExtended): Answer(
            Conflict, "not-now", "Deze stap kan nu niet"
        ),
        (domain.UnknownCategory, domain.InvalidDates, domain.ReasonsRequired): Answer(
            Invalid, "request-incomplete", "Er klopt iets niet in de aanvraag"
        ),
        service.NoParentalAuthority: Answer(
            Forbidden,
            "no-parental-authority",
            "Alleen een ouder met gezag kan dit doen",
            count=counted_forbidden,
        ),
    }
)


def install_error_handlers(app: FastAPI, pages: PageRenderer) -> None:
    """Call after `create_app`: parent pages get a page for the kit's faults too."""
    error_pages = ErrorPages(pages, link_fault="error_link", back=back_to_case("aanvragen"))
    install_error_table(app, PROBLEMS, pages=error_pages)
