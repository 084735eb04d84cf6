"""The notifications service's errors as problems: one table, installed by the kit.

Beside the kit's own rows (`Absent` → 404, `Unusable` → 422): an SMS delivery report
that cannot be read or verified is a 400, saying no more than that.
"""

from fastapi import FastAPI
from samen_kit.error_table import Answer, Problems, install_error_table
from samen_kit.problems import BadRequest

from samen_notifications.adapters.ports import InvalidReport

PROBLEMS = Problems({InvalidReport: Answer(BadRequest, detail=lambda _: "invalid report")})


def install_error_handlers(app: FastAPI) -> None:
    install_error_table(app, PROBLEMS)
