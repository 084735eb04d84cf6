"""Staff routes: the tenant's purpose catalogue, its versions, revisions and reviews."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, status
from samen_kit.inputs import INT32_MAX

from samen_consent.domain.parties import AgeRule
from samen_consent.domain.validity import ForMonths, UntilSchoolYearEnd, UntilWithdrawn, Validity
from samen_consent.entrypoints import schemas as s
from samen_consent.entrypoints.permissions import CanManagePurposes, CanReadPurposes
from samen_consent.entrypoints.presenters import purpose_out
from samen_consent.entrypoints.wiring import CtxDep
from samen_consent.handlers import purposes
from samen_consent.handlers.errors import NotVisible, ResourceKind

router = APIRouter(prefix="/v1/purposes", tags=["purposes"])
Code = Annotated[str, Path(pattern=r"^[a-z][a-z0-9_]{1,62}$")]
VersionNumber = Annotated[int, Path(ge=1, le=INT32_MAX)]
LanguageTag = Annotated[str, Path(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=16)]


@router.get("", response_model=list[s.PurposeOut])
async def list_purposes(staff: CanReadPurposes, ctx: CtxDep) -> Any:
    """The current version of every purpose in the tenant's catalogue."""
    catalogue = await purposes.catalogue(ctx, staff.tenant)
    return [purpose_out(p) for _, p in sorted(catalogue.purposes.items())]


@router.post("", response_model=s.PurposeOut, status_code=status.HTTP_201_CREATED)
async def add_purpose(body: s.PurposeIn, staff: CanManagePurposes, ctx: CtxDep) -> Any:
    """A purpose of the tenant's own, beside the defaults (version 1)."""
    new = purposes.NewPurpose(
        code=body.code,
        texts=[purposes.TextInput(t.language, t.title, t.body) for t in body.texts],
        rule=body.rule,
        validity=validity_of(body.validity),
        age_rule=AgeRule(body.age_rule.pupil_beside_from, body.age_rule.pupil_alone_from),
    )
    return purpose_out(await purposes.add_purpose(ctx, staff, new))


@router.get("/{code}", response_model=s.PurposeOut)
async def get_purpose(code: Code, staff: CanReadPurposes, ctx: CtxDep) -> Any:
    versions = await purposes.purpose_versions(ctx, staff.tenant, code)
    return purpose_out(versions[-1])


@router.get("/{code}/versions", response_model=list[s.PurposeOut])
async def list_versions(code: Code, staff: CanReadPurposes, ctx: CtxDep) -> Any:
    """Every version: answers point at the version they agreed to."""
    return [purpose_out(p) for p in await purposes.purpose_versions(ctx, staff.tenant, code)]


@router.get("/{code}/versions/{version}", response_model=s.PurposeOut)
async def get_version(
    code: Code, version: VersionNumber, staff: CanReadPurposes, ctx: CtxDep
) -> Any:
    found = [p for p in await purposes.purpose_versions(ctx, staff.tenant, code)]
    match = next((p for p in found if p.version == version), None)
    if match is None:
        raise NotVisible(ResourceKind.PURPOSE, code, staff.tenant)
    return purpose_out(match)


@router.post("/{code}/revisions", response_model=s.PurposeOut)
async def revise_purpose(
    code: Code, body: s.RevisionIn, staff: CanManagePurposes, ctx: CtxDep
) -> Any:
    """New words make a new version (a new Dutch text drops translations not sent with
    it); the same words change nothing. Open requests keep their version."""
    texts = [purposes.TextInput(t.language, t.title, t.body) for t in body.texts]
    return purpose_out(await purposes.revise_texts(ctx, staff, code, texts))


@router.post("/{code}/versions/{version}/reviews/{language}", response_model=s.PurposeOut)
async def review_translation(
    code: Code, version: VersionNumber, language: LanguageTag, staff: CanManagePurposes, ctx: CtxDep
) -> Any:
    """A person checked this translation: it is marked reviewed; the version stays."""
    return purpose_out(await purposes.review_translation(ctx, staff, code, version, language))


def validity_of(body: s.ValidityIn) -> Validity:
    match body.kind:
        case "for_months":
            return ForMonths(body.months or 12)
        case "until_withdrawn":
            return UntilWithdrawn()
        case _:
            return UntilSchoolYearEnd(body.last_month, body.last_day)
