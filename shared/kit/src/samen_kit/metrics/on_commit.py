"""Run a callback when a session's transaction commits, and forget it on rollback.

Counters for facts (a message sent, a tree head signed) move only when the fact is
kept: a unit of work that rolls back and is tried again must not count twice.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

_CALLBACKS = "samen_on_commit"


def on_commit(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Call `callback` after the session's current transaction commits."""
    session.sync_session.info.setdefault(_CALLBACKS, []).append(callback)


@event.listens_for(Session, "after_commit")
def _run(session: Session) -> None:
    for callback in session.info.pop(_CALLBACKS, []):
        callback()


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_CALLBACKS, None)
