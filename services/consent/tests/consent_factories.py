"""Consent requests and answers the domain tests start from: a request asked of a family,
and an act on it through the guardian page. Each test says only what differs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from uuid import UUID, uuid4

from samen_consent.domain.evidence import Act, Channel, Evidence
from samen_consent.domain.parties import Guardianship, Pupil, Standing
from samen_consent.domain.purposes import Purpose
from samen_consent.domain.request import ConsentRequest, evidence_for, open_request
from samen_consent.domain.subject import Subject


def with_authority(*guardians: UUID) -> tuple[Guardianship, ...]:
    """The guardians, each with parental authority."""
    return tuple(Guardianship(g, Standing.PARENTAL_AUTHORITY) for g in guardians)


def asked(
    purpose: Purpose,
    guardianships: Iterable[Guardianship],
    *,
    at: datetime,
    pupil: Pupil | None = None,
    by: UUID | None = None,
    existing: Iterable[ConsentRequest] = (),
    subject: Subject | None = None,
) -> ConsentRequest:
    """The open request for `purpose` (a new pupil and a new member of staff unless
    given)."""
    return open_request(
        request_id=uuid4(),
        pupil=pupil or Pupil(uuid4(), date(2016, 4, 12)),
        purpose=purpose,
        guardianships=guardianships,
        requested_by=by or uuid4(),
        now=at,
        existing=existing,
        subject=subject,
    ).request


def on_the_page(
    request: ConsentRequest,
    party: UUID,
    act: Act,
    at: datetime,
    *,
    language: str = "nl",
    token_id: str = "t",
    **more: Any,
) -> Evidence:
    """Evidence of `act` by `party` on the guardian page, through a link's token."""
    return evidence_for(
        request,
        party_id=party,
        act=act,
        at=at,
        channel=Channel.GUARDIAN_PAGE,
        language=language,
        token_id=token_id,
        **more,
    )
