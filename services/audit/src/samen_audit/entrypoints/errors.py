"""The audit service's errors as problems: one table, installed by the kit.

A leaf of another tenant gets the same 404 as a leaf that does not exist; the attempt
is counted for the trail as `other_tenant` (a plain miss as `not_found`).
"""

from fastapi import FastAPI, Request
from samen_kit.access.refusal_book import Hidden, HiddenReason
from samen_kit.error_table import Answer, Problems, counted_hidden, install_error_table
from samen_kit.problems import Conflict, Invalid, NotFound

from samen_audit.domain.errors import (
    BadPeriod,
    BadSizes,
    LeafNotFound,
    LeafOutsideTree,
    TreeTooLarge,
)


def _hidden(request: Request, error: LeafNotFound) -> Hidden:
    why = HiddenReason.OTHER_TENANT if error.elsewhere else HiddenReason.NOT_FOUND
    return Hidden("leaf", why, tenant=error.tenant)


PROBLEMS = Problems(
    {
        LeafNotFound: Answer(
            NotFound,
            detail=lambda _: "Deze vermelding staat niet in het logboek.",
            count=counted_hidden(_hidden),
        ),
        TreeTooLarge: Answer(
            Conflict,
            detail=lambda e: f"Het logboek telt {e.size} vermeldingen, niet {e.asked}.",
            extra=lambda e: {"tree_size": e.size},
        ),
        LeafOutsideTree: Answer(
            Conflict,
            detail=lambda e: f"Vermelding {e.index} valt buiten de boom van grootte {e.size}.",
            extra=lambda e: {"leaf_index": e.index, "tree_size": e.size},
        ),
        (BadSizes, BadPeriod): Answer(Invalid),
    }
)


def install_error_handlers(app: FastAPI) -> None:
    install_error_table(app, PROBLEMS)
