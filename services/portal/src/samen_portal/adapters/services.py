"""The owning services' APIs, called with the signed-in user's own token (the portal
holds no token of its own: each service applies its own rules to the user)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx


class ServiceUnavailable(Exception):
    """The service did not answer (or answered with a server error)."""


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class Services:
    def __init__(self, base_urls: dict[str, str], *, timeout: float = 5.0) -> None:
        self._base_urls = base_urls
        self._client = httpx.AsyncClient(timeout=timeout)

    async def call(
        self, service: str, method: str, path: str, token: str, body: Any = None
    ) -> Answer:
        url = self._base_urls[service] + path
        headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        try:
            response = await self._client.request(method, url, headers=headers, json=body)
        except httpx.HTTPError as error:
            raise ServiceUnavailable(service) from error
        if response.status_code >= 500:
            raise ServiceUnavailable(service)
        is_json = response.headers.get("content-type", "").split(";")[0].endswith("json")
        return Answer(response.status_code, response.json() if is_json else None)

    async def close(self) -> None:
        await self._client.aclose()
