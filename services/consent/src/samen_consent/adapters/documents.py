"""The words of a request's document: fetched from their owner, kept as shown.

The owner (the plans service for an OPP's action part) serves one version with labels in
the reader's language and the free text verbatim, for the guardian's own link token and
their step-up proof (reading an OPP's words asks for one, ADR 0017).
Only a copy whose hash is the request's is kept and shown; the first copy per language
stays, so the page and the receipt show the words that were read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

import httpx
import structlog
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlmodel import col, select

from samen_consent.adapters.tables import ShownDocumentRow
from samen_consent.domain.subject import Subject

log = structlog.get_logger(__name__)

FETCH_TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class DocumentSection:
    label: str
    text: str


@dataclass(frozen=True)
class ShownWords:
    """One version's words as shown in `language` (labels translated, text verbatim)."""

    sha256: str
    language: str
    sections: tuple[DocumentSection, ...]
    binding_note: str


class DocumentOwners:
    """Fetches a document's words from the service that owns its kind."""

    def __init__(self, base_urls: dict[str, str], client: httpx.AsyncClient) -> None:
        self._bases = {kind: url.rstrip("/") for kind, url in base_urls.items()}
        self._client = client

    async def fetch(
        self, subject: Subject, token: str, language: str, proof: Mapping[str, str]
    ) -> ShownWords | None:
        """The words, or None when the owner cannot serve them now or they are other words
        than the request's (a page then shows no answer buttons). `proof`: the guardian's
        step-up proof as headers, which the owner asks before it serves the words."""
        base = self._bases.get(subject.kind)
        if base is None:
            return None
        url = f"{base}/ouders/documenten/{subject.kind}/{subject.subject_id}/{subject.version}"
        try:
            response = await self._client.get(
                url,
                params={"taal": language},
                # JSON: an owner's missing-proof answer is then a problem, not a redirect.
                headers={"Authorization": f"Bearer {token}", "Accept": "application/json", **proof},
                timeout=FETCH_TIMEOUT_SECONDS,
            )
            response.raise_for_status()
            words = words_of(response.json())
        except (httpx.HTTPError, ValueError, KeyError, TypeError) as error:
            log.warning(
                "consent.document_unavailable", kind=subject.kind, error=type(error).__name__
            )
            return None
        if words.sha256 != subject.sha256:
            log.warning("consent.document_other_version", kind=subject.kind)
            return None
        return words


def words_of(body: Any) -> ShownWords:
    sections = tuple(
        DocumentSection(label=str(item["label"]), text=str(item["text"]))
        for item in body["sections"]
    )
    return ShownWords(
        sha256=str(body["sha256"]),
        language=str(body["language"]),
        sections=sections,
        binding_note=str(body.get("binding_note", "")),
    )


class SqlShownDocuments:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, tenant: str, request_id: UUID, language: str) -> ShownWords | None:
        row = await self._session.get(ShownDocumentRow, (tenant, request_id, language))
        if row is None:
            return None
        return ShownWords(
            sha256=row.sha256,
            language=row.language,
            sections=tuple(DocumentSection(s["label"], s["text"]) for s in row.sections),
            binding_note=row.binding_note,
        )

    async def keep(
        self, tenant: str, request_id: UUID, words: ShownWords, at: datetime
    ) -> ShownWords:
        """Keep the first copy per language (two pages opened at once keep one)."""
        values = {
            "tenant": tenant,
            "request_id": request_id,
            "language": words.language,
            "sha256": words.sha256,
            "sections": [{"label": s.label, "text": s.text} for s in words.sections],
            "binding_note": words.binding_note,
            "fetched_at": at,
        }
        table = ShownDocumentRow.__table__  # type: ignore[attr-defined]
        await self._session.execute(insert(table).values(values).on_conflict_do_nothing())
        kept = await self.get(tenant, request_id, words.language)
        return words if kept is None else kept

    async def any_of(self, tenant: str, request_id: UUID, language: str) -> ShownWords | None:
        """The copy in `language`, else the Dutch one, else any kept copy."""
        stmt = select(ShownDocumentRow.language).where(
            col(ShownDocumentRow.tenant) == tenant, col(ShownDocumentRow.request_id) == request_id
        )
        kept = set((await self._session.execute(stmt)).scalars())
        for choice in (language, "nl", *sorted(kept)):
            if choice in kept:
                return await self.get(tenant, request_id, choice)
        return None
