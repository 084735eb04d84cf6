"""The service's tables. Free text (the school's motivation, the parents' view, the
experts' advice, a refusal's reasons) lives here and nowhere else.

Every row carries its `tenant`; rows about a pupil carry `school_id` and `board_id`, so
`samen_kit.tenancy.scoped` narrows any query to what a staff member may see.
"""

from datetime import date, datetime
from uuid import UUID

from samen_kit.fields import instant_field, text_field
from samen_kit.retention.tables import attach_retention_tables
from samen_kit.roster import attach_roster_tables
from sqlmodel import Field

from samen_admissions.adapters.base import AdmissionsTable

# Pupils and their guardians: the kit's roster projection, in this database too.
ROSTER_TABLES = attach_roster_tables(AdmissionsTable.metadata)


class ConsentFactRow(AdmissionsTable, table=True):
    """The consent service's latest fact per pupil and purpose."""

    __tablename__ = "consent_fact"

    tenant: str = Field(primary_key=True, max_length=128)
    pupil_id: UUID = Field(primary_key=True)
    purpose: str = Field(primary_key=True, max_length=64)
    status: str = Field(max_length=16)
    at: datetime = instant_field()
    valid_until: datetime | None = instant_field(nullable=True)


class AboutAPupil(AdmissionsTable):
    """The columns a row about a pupil opens with (not a table of its own): its id, then
    what `scoped` narrows by and the pupil."""

    id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=128, index=True)
    school_id: UUID = Field(index=True)
    board_id: str | None = Field(default=None, max_length=128)
    pupil_id: UUID = Field(index=True)


class RequestRow(AboutAPupil, table=True):
    __tablename__ = "admission_request"

    kind: str = Field(max_length=16)
    category: str = Field(max_length=64)
    status: str = Field(max_length=16)
    opp_id: UUID | None = None
    motivation: str = text_field()
    parents_view: str | None = text_field(nullable=True)
    parents_view_by: UUID | None = None
    drafted_at: datetime = instant_field()
    submitted_on: date | None = None
    decided_on: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    refusal_reasons: str | None = text_field(nullable=True)
    objection_lodged_on: date | None = None
    objection_in_time: bool | None = None
    objection_advisory_step: bool | None = None
    objection_stage: str | None = Field(default=None, max_length=16)
    objection_advice: str | None = Field(default=None, max_length=16)
    objection_outcome: str | None = Field(default=None, max_length=16)
    objection_grounds: str | None = text_field(nullable=True)


class AdviceRow(AdmissionsTable, table=True):
    __tablename__ = "expert_advice"

    id: UUID = Field(primary_key=True)
    tenant: str = Field(max_length=128)
    request_id: UUID = Field(index=True, foreign_key="admission_request.id")
    expert: str = Field(max_length=128)
    discipline: str = Field(max_length=32)
    field_of_expertise: str | None = Field(default=None, max_length=128)
    advice: str = Field(max_length=16)
    text: str = text_field()
    given_at: datetime = instant_field()


class RegistrationRow(AboutAPupil, table=True):
    """A registration (*aanmelding*) with a school, under the duty of care."""

    __tablename__ = "registration"

    registered_on: date
    extended: bool = False
    decide_by: date
    outcome: str | None = Field(default=None, max_length=32)
    decided_on: date | None = None


class AbsenceRow(AboutAPupil, table=True):
    """A pupil at home (no place, or not attending) since `home_since`."""

    __tablename__ = "absence"

    home_since: date
    ended_on: date | None = None
    reported_on: date | None = None


# The kit's retention tables, created by this service's revision 0002.
RETENTION_TABLES = attach_retention_tables(AdmissionsTable.metadata)
