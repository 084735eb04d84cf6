"""The facts the admissions service owns: the samenwerkingsverband's own work.

A school asks the samenwerkingsverband for an arrangement or an admissibility statement
(*toelaatbaarheidsverklaring*, TLV); two experts advise; the samenwerkingsverband
decides; the parents may object. Beside it the duty-of-care timers (*zorgplicht*): a
registration (*aanmelding*) decided within its term, and a pupil at home longer than
four weeks reported as a *thuiszitter*.

Ids, dates and codes only. The request's motivation, the parents' view, the experts'
advice texts and the reasons of a refusal stay in the admissions service; the OPP and
groeidocument are named by id (the plans service keeps their words). Codes:

- kind: `arrangement`, `tlv`
- category (the samenwerkingsverband's catalogue): e.g. `sbo`, `so_low`, `so_middle`,
  `so_high` for a TLV, `light`, `medium`, `intensive` for an arrangement
- discipline (expert): `orthopedagoog`, `psychologist`, `other` (then `field` names it)
- advice: `positive`, `negative`
- objection advice (national advisory committee): `well_founded`, `unfounded`,
  `inadmissible`; objection outcome: `revised`, `upheld`, `inadmissible`
- registration outcome: `placed`, `placed_elsewhere`, `not_placed`
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import CODE, Event

Code = Annotated[str, Field(pattern=CODE)]


class RequestFact(Event):
    """A fact about one request for an arrangement or a TLV (abstract)."""

    request_id: UUID
    pupil_id: UUID
    school_id: UUID


class AdmissionRequestDrafted(RequestFact):
    """A school drafted a request for `kind` / `category`, on the OPP `opp_id` if named."""

    __service__ = "admissions"

    kind: Code
    category: Code
    opp_id: UUID | None = None


class ParentsViewAdded(RequestFact):
    """A guardian added the parents' view to the request (the words stay in the service)."""

    __service__ = "admissions"

    guardian_id: UUID


class AdmissionRequested(RequestFact):
    """The school submitted the request to the samenwerkingsverband, with the parents'
    consent for `engage_swv` and `share_file` on record."""

    __service__ = "admissions"

    kind: Code
    category: Code
    submitted_on: date
    opp_id: UUID | None = None


class ExpertAdviceGiven(RequestFact):
    """An expert advised on the request (`positive` / `negative`)."""

    __service__ = "admissions"

    advice_id: UUID
    discipline: Code
    advice: Code


class AdmissionGranted(RequestFact):
    """The samenwerkingsverband granted the request from `start_date` to `end_date`;
    the parents may object until `objection_by` (6 weeks, Awb art. 6:7)."""

    __service__ = "admissions"

    kind: Code
    category: Code
    decided_on: date
    start_date: date
    end_date: date
    objection_by: date


class AdmissionRefused(RequestFact):
    """The samenwerkingsverband refused the request (its reasons stay in the service);
    the parents may object until `objection_by`."""

    __service__ = "admissions"

    kind: Code
    category: Code
    decided_on: date
    objection_by: date


class AdmissionEndApproaching(RequestFact):
    """A granted TLV or arrangement ends on `end_date`: time for the school to ask for
    an extension. The id derives from the request and `end_date` (one warning each)."""

    __service__ = "admissions"

    kind: Code
    end_date: date


class AdmissionExtended(RequestFact):
    """The samenwerkingsverband extended a granted request to `end_date`."""

    __service__ = "admissions"

    kind: Code
    previous_end_date: date
    end_date: date
    objection_by: date


class AdmissionObjectionLodged(RequestFact):
    """The parents objected to the decision on `lodged_on` (Awb art. 6:4). For a TLV the
    national advisory committee advises before the decision on the objection."""

    __service__ = "admissions"

    kind: Code
    lodged_on: date
    in_time: bool
    advisory_step: bool


class AdmissionObjectionAdvised(RequestFact):
    """The national advisory committee (TLV objections) gave its advice."""

    __service__ = "admissions"

    advice: Code
    advised_on: date


class AdmissionObjectionDecided(RequestFact):
    """The samenwerkingsverband decided on the objection (`revised`, `upheld`,
    `inadmissible`); the parents may go to court (appeal: 6 weeks)."""

    __service__ = "admissions"

    outcome: Code
    decided_on: date


class RegistrationFact(Event):
    """A fact about one registration with a school, *aanmelding* (abstract)."""

    registration_id: UUID
    pupil_id: UUID
    school_id: UUID


class RegistrationRecorded(RegistrationFact):
    """A pupil was registered with a school (*aanmelding*, duty of care): the school
    decides on a suitable place by `decide_by` (6 weeks, Wpo art. 40 lid 4)."""

    __service__ = "admissions"

    registered_on: date
    decide_by: date


class RegistrationTermExtended(RegistrationFact):
    """The school extended its term once, by 4 weeks, to `decide_by`."""

    __service__ = "admissions"

    decide_by: date


class RegistrationDecided(RegistrationFact):
    """The school decided on the registration (`placed`, `placed_elsewhere`,
    `not_placed`); `in_time` when within the term."""

    __service__ = "admissions"

    outcome: Code
    decided_on: date
    in_time: bool


class RegistrationOverdue(RegistrationFact):
    """`decide_by` passed without a decision; the id derives from the registration."""

    __service__ = "admissions"

    decide_by: date


class AbsenceFact(Event):
    """A fact about one spell of a pupil at home (abstract)."""

    absence_id: UUID
    pupil_id: UUID
    school_id: UUID


class AbsenceRecorded(AbsenceFact):
    """A pupil has been at home (no school place, or not attending) since `home_since`."""

    __service__ = "admissions"

    home_since: date


class ThuiszitterReported(AbsenceFact):
    """The pupil has been at home longer than 4 weeks: a *thuiszitter*, reported to the
    samenwerkingsverband. The id derives from the absence (one report each)."""

    __service__ = "admissions"

    home_since: date
    reported_on: date


class AbsenceEnded(AbsenceFact):
    """The pupil is back at school (or placed) from `ended_on`."""

    __service__ = "admissions"

    ended_on: date
