"""The action part of one OPP version as a document for the consent service's page:
headings in the parent's language, the Dutch words verbatim (they bind), and the hash
the consent binds to. The guardian's token comes as `Authorization: Bearer` or
`?token=`: the consent page fetches it server-side with the parent's own link, and
sends the parent's step-up proof along: reading an OPP's words asks for one (ADR 0017).
"""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel
from samen_kit.access import GuardianGrant
from samen_kit.access.dependencies import current_guardian_grant
from samen_kit.access.step_up_gate import require_step_up
from samen_kit.pages import DUTCH, PageRenderer, choose_language

from samen_plans.entrypoints.sections import action_part_sections
from samen_plans.handlers import views
from samen_plans.handlers.consent_facts import SUBJECT_KIND
from samen_plans.handlers.context import Context

DOCUMENTS = "/ouders/documenten"
_bearer = HTTPBearer(auto_error=False, description="Guardian token (audience `guardian`)")


class DocumentSection(BaseModel):
    label: str
    text: str


class ActionPartDocument(BaseModel):
    kind: str
    subject_id: UUID
    version: int
    sha256: str
    language: str
    binding_language: str
    binding_note: str
    sections: list[DocumentSection]


async def guardian_bearer_or_link(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    token: Annotated[str | None, Query(description="Guardian link token")] = None,
) -> GuardianGrant:
    """The guardian's token from the Authorization header or the query, verified as the
    kit verifies a link's (refusals counted); never used up."""
    given = credentials.credentials if credentials else token
    return await current_guardian_grant(request, given)


Guardian = Annotated[GuardianGrant, Depends(guardian_bearer_or_link)]


def documents_router(deps: Context, pages: PageRenderer) -> APIRouter:
    router = APIRouter(tags=["parent documents"])

    @router.get(DOCUMENTS + "/" + SUBJECT_KIND + "/{opp_id}/{version}")
    async def action_part_document(
        request: Request, grant: Guardian, opp_id: UUID, version: int, taal: str | None = None
    ) -> ActionPartDocument:
        """One version's action part for the consent page (`opp:` link, or the
        `consent_request:` link of the request about this version), for a guardian who
        confirmed a step-up code: the page sends their proof along (ADR 0017)."""
        file = await views.guardian_version_file(deps, grant, opp_id, version)
        require_step_up(request, grant)  # after the owner's checks: no code for a stranger
        language = choose_language(taal)
        catalogue = pages.catalogue
        sections = [
            DocumentSection(label=catalogue.text(language, s.key, s.values), text=s.text)
            for s in action_part_sections(file.version.action_part)
        ]
        return ActionPartDocument(
            kind=SUBJECT_KIND,
            subject_id=opp_id,
            version=version,
            sha256=file.version.action_part_sha256,
            language=language,
            binding_language=DUTCH,
            binding_note=catalogue.text(language, "binding_note", {}),
            sections=sections,
        )

    return router
