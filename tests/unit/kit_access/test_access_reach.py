"""How far a guardian's credential reaches (ADR 0017): a link token opens the item it
names; the session it started opens every item about a child of whom the guardian has
parental authority today, and nothing about another child."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_kit.access import GuardianGrant, GuardianItem, GuardianSession
from samen_kit.access.guardian import GuardianClaims
from samen_kit.access.reach import names, reaches

pytestmark = pytest.mark.unit

TENANT = "swv-reach"
GUARDIAN, OWN_CHILD, SIBLING, OTHER_CHILD = uuid4(), uuid4(), uuid4(), uuid4()
CONSENT = GuardianItem.of("consent_request", uuid4())
RECORD = GuardianItem.of("meeting_record", uuid4())
AT = datetime(2026, 3, 2, 9, tzinfo=UTC)

# Authority as a roster would know it: (tenant, pupil, guardian).
AUTHORITY = {(TENANT, OWN_CHILD, GUARDIAN), (TENANT, SIBLING, GUARDIAN)}


async def has_authority(tenant: str, pupil_id: UUID, guardian_id: UUID) -> bool:
    return (tenant, pupil_id, guardian_id) in AUTHORITY


def _claims(kind: type[GuardianClaims], tenant: str = TENANT) -> GuardianClaims:
    return kind(GUARDIAN, OWN_CHILD, CONSENT, tenant, "jti", AT + timedelta(hours=1))


async def test_a_link_token_opens_only_the_item_it_names() -> None:
    token = _claims(GuardianGrant)

    assert await reaches(token, OWN_CHILD, (CONSENT,), has_authority)
    assert not await reaches(token, OWN_CHILD, (RECORD,), has_authority)


async def test_a_guardian_session_opens_every_item_about_their_children() -> None:
    session = _claims(GuardianSession)

    assert await reaches(session, OWN_CHILD, (RECORD,), has_authority)
    assert await reaches(session, SIBLING, (RECORD,), has_authority)


async def test_a_guardian_session_does_not_open_another_childs_item() -> None:
    session = _claims(GuardianSession)

    assert not await reaches(session, OTHER_CHILD, (RECORD,), has_authority)


async def test_a_guardian_session_of_another_tenant_opens_nothing_beyond_its_link() -> None:
    elsewhere = _claims(GuardianSession, tenant="swv-elders")

    assert not await reaches(elsewhere, OWN_CHILD, (RECORD,), has_authority)
    assert not await reaches(elsewhere, SIBLING, (RECORD,), has_authority)


async def test_a_guardian_whose_authority_ended_keeps_to_the_item_of_their_link() -> None:
    session = _claims(GuardianSession)

    async def ended(tenant: str, pupil_id: UUID, guardian_id: UUID) -> bool:
        return False

    assert await reaches(session, OWN_CHILD, (CONSENT,), ended)
    assert not await reaches(session, OWN_CHILD, (RECORD,), ended)


def test_a_link_names_an_item_only_of_its_own_pupil() -> None:
    token = _claims(GuardianGrant)

    assert names(token, OWN_CHILD, RECORD, CONSENT)
    assert not names(token, SIBLING, CONSENT)
