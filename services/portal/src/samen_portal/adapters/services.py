"""The owning services' APIs, called with the signed-in user's own token (the portal
holds no token of its own: each service applies its own rules to the user)."""

from __future__ import annotations

from collections.abc import Mapping
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


@dataclass(frozen=True)
class Download:
    """A file a service hands over as it is (an archive, a key), with its headers."""

    status: int
    content: bytes
    headers: Mapping[str, str]

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass(frozen=True)
class GuardianCredential:
    """What a guardian's request proved itself with: a link's token or the session
    cookie, passed on as it came (each service checks it against its own data)."""

    token: str | None
    cookies: Mapping[str, str]


class Services:
    def __init__(self, base_urls: dict[str, str], *, timeout: float = 5.0) -> None:
        self._base_urls = base_urls
        self._client = httpx.AsyncClient(timeout=timeout)

    async def call(
        self, service: str, method: str, path: str, token: str, body: Any = None
    ) -> Answer:
        response = await self._send(service, method, path, token, body, "application/json")
        is_json = response.headers.get("content-type", "").split(";")[0].endswith("json")
        return Answer(response.status_code, response.json() if is_json else None)

    async def download(
        self, service: str, method: str, path: str, token: str, body: Any = None
    ) -> Download:
        response = await self._send(service, method, path, token, body, "*/*")
        return Download(response.status_code, response.content, response.headers)

    async def guardian_get(self, service: str, path: str, guardian: GuardianCredential) -> Answer:
        """A guardian route of `service`, as the guardian themselves would call it."""
        params = {"token": guardian.token} if guardian.token else {}
        url = self._base_urls[service] + path
        headers = {"Accept": "application/json"}
        if guardian.cookies:  # a header, not the client's jar: nothing kept between guardians
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in guardian.cookies.items())
        try:
            response = await self._client.get(url, params=params, headers=headers)
        except httpx.HTTPError as error:
            raise ServiceUnavailable(service) from error
        if response.status_code >= 500:
            raise ServiceUnavailable(service)
        return Answer(response.status_code, response.json() if response.is_success else None)

    async def _send(
        self, service: str, method: str, path: str, token: str, body: Any, accept: str
    ) -> httpx.Response:
        url = self._base_urls[service] + path
        headers = {"Authorization": f"Bearer {token}", "Accept": accept}
        try:
            response = await self._client.request(method, url, headers=headers, json=body)
        except httpx.HTTPError as error:
            raise ServiceUnavailable(service) from error
        if response.status_code >= 500:
            raise ServiceUnavailable(service)
        return response

    async def close(self) -> None:
        await self._client.aclose()
