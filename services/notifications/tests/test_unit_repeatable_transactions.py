"""Which database failures make the roster import run its transaction again."""

from __future__ import annotations

import pytest
from samen_notifications.adapters.transactions import should_repeat
from sqlalchemy.exc import DBAPIError, IntegrityError

pytestmark = pytest.mark.unit


class DriverError(Exception):
    def __init__(self, sqlstate: str | None) -> None:
        super().__init__("driver error")
        self.sqlstate = sqlstate


def _failure(sqlstate: str | None) -> DBAPIError:
    return DBAPIError("INSERT ...", {}, DriverError(sqlstate))


@pytest.mark.parametrize("sqlstate", ["40P01", "40001"], ids=["deadlock", "serialization"])
def test_a_deadlock_victim_or_serialization_failure_is_run_again(sqlstate: str) -> None:
    assert should_repeat(_failure(sqlstate))


@pytest.mark.parametrize("sqlstate", ["23505", "42P01", None])
def test_other_database_failures_are_not_repeated(sqlstate: str | None) -> None:
    assert not should_repeat(_failure(sqlstate))


def test_a_constraint_violation_or_a_plain_error_is_not_repeated() -> None:
    assert not should_repeat(IntegrityError("INSERT ...", {}, DriverError("23505")))
    assert not should_repeat(ValueError("40P01"))
