"""Request and response bodies of the staff API. Addresses come in; none go out."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field
from samen_kit.inputs import INT32_MAX, FreeText, OneLine

Line = Annotated[int, Field(ge=0, le=INT32_MAX)]
Text = Annotated[OneLine, Field(min_length=1, max_length=200)]


class GuardianContactIn(BaseModel):
    guardian_id: UUID
    email: Annotated[OneLine, Field(max_length=320)] | None = None
    mobile: Annotated[OneLine, Field(max_length=40)] | None = None
    language: Annotated[OneLine, Field(max_length=35)] | None = None  # None: Dutch
    do_not_contact: bool = False


class RosterRowIn(BaseModel):
    line: Line
    pupil_id: UUID
    pupil_first_name: Annotated[OneLine, Field(max_length=100)] = ""  # empty: "your child"
    guardians: list[GuardianContactIn] = Field(max_length=10)


class RosterContactsIn(BaseModel):
    school_id: UUID
    rows: list[RosterRowIn] = Field(max_length=20_000)


class LineError(BaseModel):
    line: int
    detail: str


class ImportOut(BaseModel):
    imported: int
    unchanged: int
    errors: list[LineError]


class StaffContactIn(BaseModel):
    line: Line | None = None
    staff_id: UUID
    role: Literal["ib", "teacher", "director", "trajectbegeleider", "board_admin", "swv_admin"]
    school_ids: list[UUID] = Field(max_length=200)
    email: Annotated[OneLine, Field(max_length=320)]
    name: Annotated[OneLine, Field(min_length=1, max_length=120)] | None = None


class StaffContactsIn(BaseModel):
    staff: list[StaffContactIn] = Field(max_length=5000)


class StaffNameOut(BaseModel):
    """A colleague as a planner chooses them: name and role, never an address."""

    staff_id: UUID
    role: str
    name: str | None


class SchoolIn(BaseModel):
    board_id: UUID | None = None
    name: Text
    phone: Annotated[OneLine, Field(max_length=40)] | None = None
    email: Annotated[OneLine, Field(max_length=254)] | None = None
    address: Annotated[OneLine, Field(max_length=300)] | None = None


class SchoolOut(SchoolIn):
    school_id: UUID


class SchoolNameOut(BaseModel):
    """How pages name a school (its public name), never its contact details."""

    school_id: UUID
    name: str


class BroadcastText(BaseModel):
    subject: Annotated[OneLine, Field(min_length=1, max_length=150)]
    body: Annotated[FreeText, Field(min_length=1, max_length=5000)]
    sms: Annotated[FreeText, Field(min_length=1, max_length=300)] | None = None


class BroadcastEventIn(BaseModel):
    """The event the broadcast invites to; the e-mail carries it as a calendar file.
    `event_id` is the caller's: an invitation sent again with it updates the entry."""

    event_id: UUID
    title: Annotated[OneLine, Field(min_length=1, max_length=150)]
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    place: Annotated[OneLine, Field(min_length=1, max_length=200)]


class BroadcastIn(BaseModel):
    """Dutch (`nl`) always; other languages where staff wish. `group`: only the guardians
    of the pupils in this class group of the school (scope `school`)."""

    model_config = ConfigDict(json_schema_extra={"examples": []})

    broadcast_id: UUID | None = None  # the caller's id: sending it twice sends once
    scope: Literal["school", "board", "tenant"]
    scope_id: UUID | None = None
    group: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$")] | None = None
    sender_name: Text
    texts: dict[str, BroadcastText]
    event: BroadcastEventIn | None = None


class BroadcastOut(BaseModel):
    broadcast_id: UUID
    recipients: int
    messages: dict[str, int] = Field(default_factory=dict)  # by status


class MessageOut(BaseModel):
    message_id: UUID
    channel: str
    status: str
    attempts: int
    language: str | None
    fell_back: bool | None
    not_before: datetime
    sent_at: datetime | None
    delivered_at: datetime | None
    failed_at: datetime | None
    failure_reason: str | None


class NotificationOut(BaseModel):
    notification_id: UUID
    recipient_kind: str
    recipient_id: UUID
    template: str
    status: str
    caused_by: UUID
    caused_by_type: str | None
    command: str | None
    created_at: datetime
    messages: list[MessageOut]


class PreferencesLinkOut(BaseModel):
    planned: int
    waiting: int
    unreachable: int


class StatsOut(BaseModel):
    counters: dict[str, dict[str, int]]
    messages: dict[str, dict[str, int]]  # channel -> status -> count
