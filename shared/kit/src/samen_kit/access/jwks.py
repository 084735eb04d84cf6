"""Where verification keys come from: a JWKS document, local or fetched.

A source answers `find(kid)`. When a token names a key it does not know, the source
reloads once (the identity provider may have rotated its keys), but not more often
than `min_refresh` so that a flood of made-up key ids cannot hammer the provider.
"""

from __future__ import annotations

import asyncio
import json
from abc import ABC, abstractmethod
from collections.abc import Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import structlog
from joserfc.errors import JoseError
from joserfc.jwk import Key, KeySet

from samen_kit.clock import Clock, SystemClock
from samen_kit.problems import Unavailable

_log = structlog.get_logger(__name__)


class JwksUnavailable(Unavailable):
    slug = "keys-unavailable"


def key_set_from(document: Mapping[str, Any]) -> KeySet:
    """Public keys only: private members are dropped before import."""
    keys = [
        {name: value for name, value in key.items() if name != "d"}
        for key in document.get("keys", [])
    ]
    return KeySet.import_key_set({"keys": keys})


class JwksSource(ABC):
    def __init__(
        self, *, clock: Clock | None = None, min_refresh: timedelta = timedelta(seconds=30)
    ) -> None:
        self._clock = clock or SystemClock()
        self._min_refresh = min_refresh
        self._keys: KeySet | None = None
        self._loaded_at: datetime | None = None
        self._lock = asyncio.Lock()

    @abstractmethod
    async def load(self) -> KeySet:
        """Read the whole key set from its origin."""

    async def find(self, kid: str) -> Key | None:
        keys = await self._current()
        found = _by_kid(keys, kid)
        if found is None and self._may_refresh():
            found = _by_kid(await self._reload(), kid)
        return found

    def _stale(self) -> bool:
        """Sources that expire their cache override this."""
        return False

    async def _current(self) -> KeySet:
        if self._keys is None or self._stale():
            return await self._reload()
        return self._keys

    def _may_refresh(self) -> bool:
        return self._loaded_at is None or self._clock.now() - self._loaded_at >= self._min_refresh

    async def _reload(self) -> KeySet:
        async with self._lock:
            try:
                self._keys = await self.load()
            except (OSError, ValueError, JoseError, httpx.HTTPError) as error:
                if self._keys is None:
                    raise JwksUnavailable() from error
                _log.warning("access.jwks.reload_failed", error=type(error).__name__)
            self._loaded_at = self._clock.now()
            return self._keys


def _by_kid(keys: KeySet, kid: str) -> Key | None:
    return next((key for key in keys if key.kid == kid), None)


class StaticJwks(JwksSource):
    """A key set given in full, e.g. from settings or a test."""

    def __init__(self, document: Mapping[str, Any] | KeySet) -> None:
        super().__init__()
        self._document = document

    async def load(self) -> KeySet:
        if isinstance(self._document, KeySet):
            return key_set_from(self._document.as_dict(private=False))
        return key_set_from(self._document)


class FileJwks(JwksSource):
    """A JWKS file on disk, read again when a token names an unknown key."""

    def __init__(self, path: Path, *, clock: Clock | None = None) -> None:
        super().__init__(clock=clock)
        self._path = path

    async def load(self) -> KeySet:
        text = await asyncio.to_thread(self._path.read_text, encoding="utf-8")
        return key_set_from(json.loads(text))


class HttpJwks(JwksSource):
    """The identity provider's published keys, cached for `max_age`."""

    def __init__(
        self,
        url: str,
        client: httpx.AsyncClient,
        *,
        max_age: timedelta = timedelta(minutes=10),
        min_refresh: timedelta = timedelta(seconds=30),
        clock: Clock | None = None,
    ) -> None:
        super().__init__(clock=clock, min_refresh=min_refresh)
        self._url = url
        self._client = client
        self._max_age = max_age

    async def load(self) -> KeySet:
        response = await self._client.get(self._url, timeout=5.0)
        response.raise_for_status()
        return key_set_from(response.json())

    def _stale(self) -> bool:
        return self._loaded_at is not None and self._clock.now() - self._loaded_at >= self._max_age
