"""Is this failure the infrastructure's, and will it pass by itself?

Consumers retry such failures for as long as they last instead of parking the event;
the HTTP API answers 503 with Retry-After instead of 500. PostgreSQL says so with its
SQLSTATE: class 08 (connection), 57 (operator intervention: shutting down, starting
up), and the two that a retry resolves (40001 serialization failure, 40P01 deadlock).
SQLAlchemy wraps several of them as a plain `DBAPIError` without marking the
connection invalid, so the code is read from the driver's error.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError

_RETRYABLE_STATES = frozenset({"40001", "40P01"})


def sqlstate(exc: BaseException) -> str | None:
    original = getattr(exc, "orig", None)
    state = getattr(original, "sqlstate", None) or getattr(original, "pgcode", None)
    return str(state) if state else None


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError | InterfaceError | OSError | TimeoutError):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    state = sqlstate(exc)
    return state is not None and (state[:2] in {"08", "57"} or state in _RETRYABLE_STATES)
