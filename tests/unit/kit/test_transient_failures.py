"""Which failures the kit waits out (retry, 503) and which it treats as the handler's."""

from __future__ import annotations

import pytest
from samen_kit.transient import is_transient
from sqlalchemy.exc import DBAPIError, IntegrityError

pytestmark = pytest.mark.unit


class DriverError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def wrapped(sqlstate: str, kind: type[DBAPIError] = DBAPIError) -> DBAPIError:
    return kind("statement", {}, DriverError(sqlstate))


@pytest.mark.parametrize(
    "sqlstate",
    ["57P01", "57P03", "08006", "08001", "40001", "40P01"],
    ids=[
        "admin shutdown",
        "starting up",
        "connection failure",
        "cannot connect",
        "serialization failure",
        "deadlock",
    ],
)
def test_a_restarting_or_contended_database_is_waited_out(sqlstate: str) -> None:
    assert is_transient(wrapped(sqlstate))


@pytest.mark.parametrize("sqlstate", ["23505", "42P01", "22P02"])
def test_a_broken_statement_or_constraint_is_the_handlers_failure(sqlstate: str) -> None:
    assert not is_transient(wrapped(sqlstate, IntegrityError))


def test_connection_level_errors_of_the_network_are_transient() -> None:
    assert is_transient(ConnectionResetError())
    assert is_transient(TimeoutError())
    assert not is_transient(ValueError("bad data"))
