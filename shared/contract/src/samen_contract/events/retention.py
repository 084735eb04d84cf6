"""Keeping and forgetting: `PersonalDataErased` from every service that erases, and the
legal holds the inspectie places and lifts (owned by audit).

`PersonalDataErased` follows `AccessRefused`: one abstract class holds the payload and
each erasing service has its own concrete subclass of the same name, so the type is
`samen.<service>.PersonalDataErased.v1`. Get it with `PersonalDataErased.for_service`.
Ids, codes and a count only: what was erased never travels, nor who asked.

- `PersonalDataErased`: the service erased or pseudonymised the `kind` of data it held
  about `pupil_id` (`count` records), because `reason`, under the policy's `basis`.
  The audit service erases the bodies of that service's entries about the pupil.
- `LegalHoldPlaced` / `LegalHoldLifted`: a hold (`hold_id`) on erasing anything about
  the pupil, asked by the inspectie or the samenwerkingsverband; an open dispute holds
  too, from the disputes service's own facts.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import CODE, Event, concrete_per_service
from samen_contract.topics import check_service


class DataKind(StrEnum):
    """The kinds of data a retention period applies to (docs/retention.md)."""

    ROSTER_CONTACT = "roster_contact"
    CONSENT_EVIDENCE = "consent_evidence"
    MEETING_RECORDS = "meeting_records"
    OPP_VERSIONS = "opp_versions"
    DISPUTE_FILES = "dispute_files"
    ADMISSION_FILES = "admission_files"
    MESSAGES = "messages"
    ACCESS_RECORDS = "access_records"


class ErasureReason(StrEnum):
    RETENTION_PERIOD = "retention_period"  # the period ran out
    GUARDIAN_REQUEST = "guardian_request"  # AVG art. 17, carried out by staff


class PersonalDataErased(Event):
    """One kind of data about one pupil was erased; the count says how many records."""

    pupil_id: UUID
    kind: DataKind
    count: Annotated[int, Field(ge=0)]
    basis: Annotated[str, Field(pattern=CODE)]
    reason: ErasureReason
    erased_on: date

    @classmethod
    def for_service(cls, service: str) -> type[PersonalDataErased]:
        """The concrete class whose type is `samen.<service>.PersonalDataErased.v1`."""
        return _BY_SERVICE[check_service(service)]


ERASING_SERVICES = ("consent", "notifications", "meetings", "disputes", "plans", "admissions")
_BY_SERVICE = concrete_per_service(PersonalDataErased, ERASING_SERVICES)


class LegalHoldPlaced(Event):
    """Nothing about the pupil may be erased from `placed_on` until the hold is lifted."""

    __service__ = "audit"

    pupil_id: UUID
    hold_id: UUID
    placed_on: date


class LegalHoldLifted(Event):
    """The hold `hold_id` ended on `lifted_on`; the retention clocks run as before."""

    __service__ = "audit"

    pupil_id: UUID
    hold_id: UUID
    lifted_on: date
