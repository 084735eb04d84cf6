"""The tenant's purpose catalogue: read it, add a purpose, revise a text, review one.

A revision writes a new version; requests already made keep pointing at the version
they asked about, and so do their answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from samen_contract.events.consent import ConsentAction
from samen_kit.access import StaffPrincipal
from samen_kit.db import unit_of_work

from samen_consent.adapters.purposes import SqlPurposes
from samen_consent.domain.errors import InvalidPurpose
from samen_consent.domain.parties import AgeRule
from samen_consent.domain.purposes import Catalogue, Purpose, mark_reviewed, revise
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.texts import DUTCH, PurposeText, translation
from samen_consent.domain.validity import Validity
from samen_consent.handlers.actors import Acting
from samen_consent.handlers.context import Context
from samen_consent.handlers.errors import ConcurrentChange, NotVisible, PurposeExists, ResourceKind
from samen_consent.handlers.refused import Attempt, refusals_recorded


@dataclass(frozen=True)
class TextInput:
    language: str
    title: str
    body: str


@dataclass(frozen=True)
class NewPurpose:
    code: str
    texts: Sequence[TextInput]
    rule: ConsentRule
    validity: Validity
    age_rule: AgeRule


def texts_of(texts: Sequence[TextInput]) -> list[PurposeText]:
    """Staff write the Dutch text (so it is reviewed); a translation is not, until a review."""
    return [
        PurposeText(DUTCH, t.title, t.body, reviewed=True)
        if t.language == DUTCH
        else translation(t.language, t.title, t.body)
        for t in texts
    ]


async def catalogue(ctx: Context, tenant: str) -> Catalogue:
    async with unit_of_work(ctx.sessions) as session:
        return await SqlPurposes(session).catalogue(tenant, ctx.now())


async def purpose_versions(ctx: Context, tenant: str, code: str) -> list[Purpose]:
    async with unit_of_work(ctx.sessions) as session:
        await SqlPurposes(session).catalogue(tenant, ctx.now())
        versions = await SqlPurposes(session).versions(tenant, code)
    if not versions:
        raise NotVisible(ResourceKind.PURPOSE, code, tenant)
    return versions


async def add_purpose(ctx: Context, staff: StaffPrincipal, new: NewPurpose) -> Purpose:
    acting = Acting.staff(staff)
    attempt = Attempt(acting.tenant, acting.actor, ConsentAction.REVISE_PURPOSE, purpose=new.code)
    async with refusals_recorded(ctx, attempt), unit_of_work(ctx.sessions) as session:
        purposes = SqlPurposes(session)
        if new.code in (await purposes.catalogue(staff.tenant, ctx.now())).purposes:
            raise PurposeExists(new.code)
        texts = texts_of(new.texts)
        dutch = next((t for t in texts if t.language == DUTCH), None)
        if dutch is None:
            raise InvalidPurpose("a purpose needs its Dutch text: it is the binding one")
        purpose = Purpose(
            code=new.code,
            version=1,
            dutch=dutch,
            translations=tuple(
                sorted((t for t in texts if t.language != DUTCH), key=lambda t: t.language)
            ),
            rule=new.rule,
            validity=new.validity,
            age_rule=new.age_rule,
        )
        if not await purposes.add(staff.tenant, purpose, ctx.now()):
            raise PurposeExists(new.code)
        return purpose


async def revise_texts(
    ctx: Context, staff: StaffPrincipal, code: str, texts: Sequence[TextInput]
) -> Purpose:
    """New words make a new version; the same words change nothing."""
    acting = Acting.staff(staff)
    attempt = Attempt(acting.tenant, acting.actor, ConsentAction.REVISE_PURPOSE, purpose=code)
    async with refusals_recorded(ctx, attempt), unit_of_work(ctx.sessions) as session:
        purposes = SqlPurposes(session)
        await purposes.catalogue(staff.tenant, ctx.now())
        current = await purposes.current(staff.tenant, code, lock=True)
        if current is None:
            raise NotVisible(ResourceKind.PURPOSE, code, staff.tenant)
        revised = revise(current, texts_of(texts))
        if revised.version != current.version and not await purposes.add(
            staff.tenant, revised, ctx.now()
        ):
            raise ConcurrentChange(f"purpose {code} changed meanwhile")
        return revised


async def review_translation(
    ctx: Context, staff: StaffPrincipal, code: str, version: int, language: str
) -> Purpose:
    async with unit_of_work(ctx.sessions) as session:
        purposes = SqlPurposes(session)
        await purposes.catalogue(staff.tenant, ctx.now())
        purpose = await purposes.version(staff.tenant, code, version)
        if purpose is None:
            raise NotVisible(ResourceKind.PURPOSE, code, staff.tenant)
        reviewed = mark_reviewed(purpose, language)
        await purposes.replace_texts(staff.tenant, reviewed)
        return reviewed
