"""Retention in the meetings service on a real PostgreSQL: two years after the pupil
left, the free text of their meeting records, agreements, invitation notes and parent
comments is gone while ids, dates and statuses stay; two sweeps at once erase once and
say so once; a legal hold keeps everything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_kit.testing.retention import RetentionWorld, run
from samen_meetings.adapters.retention import ERASERS
from samen_meetings.adapters.tables import (
    AgreementRow,
    InvitationAnswerRow,
    MeetingRecordRow,
    MeetingRow,
    ParentCommentRow,
)
from samen_meetings.bootstrap import MIGRATIONS

pytestmark = pytest.mark.integration

LEFT = date(2026, 7, 17)
AT = datetime(2026, 5, 4, 9, tzinfo=UTC)
VIEW = "Thuis leest hij graag met zijn oma."


@dataclass
class World(RetentionWorld):
    service = "meetings"
    erasers = ERASERS


async def _meeting_with_a_record(world: World, school: UUID) -> None:
    meeting, record, guardian = uuid4(), uuid4(), uuid4()
    common = {"tenant": world.tenant, "pupil_id": world.pupil, "school_id": school}
    rows = [
        MeetingRow(
            meeting_id=meeting, kind="mdo", status="held", planned=True, starts_at=AT,
            ends_at=AT + timedelta(hours=1), location_kind="school", interpreter_needed=True,
            interpreter_language="tr", scheduled_at=AT, created_by="ib:1", **common,
        ),
        MeetingRecordRow(
            record_id=record, meeting_id=meeting, recorded_by=uuid4(), recorded_at=AT,
            guardian_view=VIEW, strengths=["rekenen"], concerns=["lezen"], goals=["AVI E4"],
            next_steps=["leesmaatje"], attended=[{"role": "ib"}], **common,
        ),
        AgreementRow(
            agreement_id=uuid4(), meeting_id=meeting, record_id=record,
            what="Elke dag tien minuten lezen", responsible_id=guardian,
            responsible_role="guardian", due_on=AT.date(), evaluate_on=AT.date(), **common,
        ),
        InvitationAnswerRow(
            answer_id=uuid4(), meeting_id=meeting, tenant=world.tenant, guardian_id=guardian,
            answer="accepted", note="Ik neem mijn zus mee.", revision=1, answered_at=AT,
        ),
        ParentCommentRow(
            comment_id=uuid4(), record_id=record, tenant=world.tenant, guardian_id=guardian,
            text="Wij zien dat anders.", added_at=AT,
        ),
    ]  # fmt: skip
    await world.add(*rows)


world = World.fixture(MIGRATIONS, LEFT, _meeting_with_a_record)


async def _texts(world: World) -> list[object]:
    rows = await run(
        world.sessions,
        "SELECT r.guardian_view, r.strengths, r.goals, a.what, i.note, c.text,"
        " m.interpreter_language, m.status, i.answer, a.due_on FROM meeting m"
        " JOIN meeting_record r USING (meeting_id) JOIN agreement a USING (meeting_id)"
        " JOIN invitation_answer i USING (meeting_id)"
        " JOIN parent_comment c ON c.record_id = r.record_id",
    )
    return list(rows[0])


async def test_two_years_after_leaving_the_records_free_text_goes_once(world: World) -> None:
    today, later = await world.swept_today_and_two_years_on(lambda: _texts(world))

    assert today[0] == VIEW
    assert later == ["", [], [], "", "", "", None, "held", "accepted", AT.date()]
    assert await world.erased("kind", "count", "basis") == [
        ("meeting_records", 5, "avg_5_1_e_leerlingdossier")
    ]


async def test_a_legal_hold_keeps_the_records(world: World) -> None:
    await world.swept_two_years_on_under_a_hold("inspectie:x", LEFT)
    assert (await _texts(world))[0] == VIEW
    assert await world.erased() == []
