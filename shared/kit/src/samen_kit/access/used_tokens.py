"""Which guardian tokens have started a session: each may start only one."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from datetime import datetime


class AbstractUsedTokenStore(ABC):
    @abstractmethod
    async def use(self, jti: str, tenant: str, expires_at: datetime) -> bool:
        """Mark the token used; False when it already was."""


#: Hands the session exchange a store for one use, inside a transaction it owns.
UsedTokenStoreProvider = Callable[[], AbstractAsyncContextManager[AbstractUsedTokenStore]]


class InMemoryUsedTokenStore(AbstractUsedTokenStore):
    """The fake for unit tests."""

    def __init__(self) -> None:
        self.used: dict[str, tuple[str, datetime]] = {}

    async def use(self, jti: str, tenant: str, expires_at: datetime) -> bool:
        if jti in self.used:
            return False
        self.used[jti] = (tenant, expires_at)
        return True


def always(store: AbstractUsedTokenStore) -> UsedTokenStoreProvider:
    """A provider that hands out the same store each time (fakes, single-process tools)."""

    @asynccontextmanager
    async def provide() -> AsyncIterator[AbstractUsedTokenStore]:
        yield store

    return provide
