"""What a guardian's overview shows first, and what it leaves out: the pure rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID, uuid4

from samen_kit.pages import PageRenderer
from samen_kit.pages.languages import LANGUAGES
from samen_portal.domain.facts import PupilFact
from samen_portal.parents.overview import THEMES, Ask, Theme, open_questions, timeline
from samen_portal.parents.presenting import question_lines, theme_lines
from samen_portal.parents.routes import renderer

PUPIL, SCHOOL, ME, OTHER = uuid4(), uuid4(), uuid4(), uuid4()
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BASES = {s: f"http://{s}" for s in ("consent", "meetings", "plans", "admissions", "disputes")}


def fact(
    kind: str,
    ref: UUID,
    minutes: int,
    *,
    source: str = "consent",
    due_on: date | None = None,
    **details: Any,
) -> PupilFact:
    return PupilFact(
        event_id=uuid4(),
        tenant="swv-test",
        pupil_id=PUPIL,
        school_id=SCHOOL,
        source=source,
        kind=kind,
        at=START + timedelta(minutes=minutes),
        ref_id=ref,
        due_on=due_on,
        details={k: str(v) for k, v in details.items()},
    )


def test_questions_come_soonest_date_first_and_undated_last() -> None:
    consent, opp, meeting, record = uuid4(), uuid4(), uuid4(), uuid4()
    facts = [
        fact("ConsentRequested", consent, 1, due_on=date(2026, 3, 20)),
        fact("ActionPartOffered", opp, 2, source="plans", due_on=date(2026, 3, 9)),
        fact("MeetingScheduled", meeting, 3, source="meetings"),
        fact("MeetingRecorded", meeting, 4, source="meetings", record_id=record),
    ]
    found = open_questions(facts, ME)
    assert [(q.ask, q.ref) for q in found] == [
        (Ask.ACTION_PART, opp),
        (Ask.CONSENT, consent),
        (Ask.RECORD, record),  # the meeting was held: the invitation is no question now
    ]
    lines = question_lines(found, BASES)
    assert [line.href for line in lines] == [
        f"http://plans/ouders/opp/{opp}",
        f"http://consent/ouders/toestemming/{consent}",
        f"http://meetings/ouders/verslagen/{record}",
    ]


def test_an_answer_settles_only_the_guardian_who_gave_it() -> None:
    consent, meeting = uuid4(), uuid4()
    facts = [
        fact("ConsentRequested", consent, 1),
        fact("ConsentAnswered", consent, 2, party_id=OTHER),
        fact("MeetingScheduled", meeting, 3, source="meetings"),
        fact("InvitationAnswered", meeting, 4, source="meetings", guardian_id=OTHER),
    ]
    assert {q.ask for q in open_questions(facts, ME)} == {Ask.CONSENT, Ask.INVITATION}
    assert {q.ask for q in open_questions(facts, OTHER)} == set()
    mine = [
        fact("ConsentAnswered", consent, 5, party_id=ME),
        fact("InvitationAnswered", meeting, 6, source="meetings", guardian_id=ME),
    ]
    assert open_questions(facts + mine, ME) == []


def test_a_settled_request_and_a_record_read_are_no_questions() -> None:
    consent, opp, meeting, record = uuid4(), uuid4(), uuid4(), uuid4()
    facts = [
        fact("ConsentRequested", consent, 1),
        fact("ConsentRequestCancelled", consent, 2),
        fact("ActionPartOffered", opp, 3, source="plans"),
        fact("ActionPartSet", opp, 4, source="plans"),
        fact("MeetingRecorded", meeting, 5, source="meetings", record_id=record),
        fact("RecordAcknowledged", meeting, 6, source="meetings", record_id=record, guardian_id=ME),
    ]
    assert open_questions(facts, ME) == []
    assert [q.ask for q in open_questions(facts, OTHER)] == [Ask.RECORD]


def test_a_new_offer_asks_again_after_a_settled_one() -> None:
    opp = uuid4()
    facts = [
        fact("ActionPartOffered", opp, 1, source="plans", version=1),
        fact("ActionPartNotSet", opp, 2, source="plans", version=1),
        fact("ActionPartOffered", opp, 3, source="plans", version=2),
    ]
    # One OPP has one open action-part question at most; its page shows the version.
    assert [(q.ask, q.asked_at) for q in open_questions(facts, ME)] == [
        (Ask.ACTION_PART, START + timedelta(minutes=3))
    ]
    rescheduled = [
        fact("MeetingScheduled", opp, 4, source="meetings"),
        fact("InvitationAnswered", opp, 5, source="meetings", guardian_id=ME),
        fact("MeetingRescheduled", opp, 6, source="meetings"),
    ]
    assert Ask.INVITATION in {q.ask for q in open_questions(rescheduled, ME)}


def test_the_timeline_is_newest_first_by_theme_and_leaves_out_other_guardians() -> None:
    consent, meeting = uuid4(), uuid4()
    facts = [
        fact("ConsentGiven", consent, 1),
        fact("MeetingScheduled", meeting, 2, source="meetings"),
        fact("NotificationSent", uuid4(), 3, source="notifications", recipient_id=ME),
        fact("NotificationSent", uuid4(), 4, source="notifications", recipient_id=OTHER),
        fact("ParentCommentAdded", meeting, 5, source="meetings"),  # staff's worklist only
        fact("PupilEnrolled", PUPIL, 0),
    ]
    entries = timeline(facts, ME)
    assert [e.kind for e in entries] == ["NotificationSent", "MeetingScheduled", "ConsentGiven"]
    themes = dict(theme_lines(entries, BASES))
    assert list(themes) == list(Theme)
    assert themes[Theme.CONSENT][0].href == f"http://consent/ouders/toestemming/{consent}/bewijs"
    assert themes[Theme.MESSAGES][0].href is None
    assert themes[Theme.DISPUTES] == []


def test_every_phrase_the_page_can_ask_for_is_there_in_all_six_languages() -> None:
    pages: PageRenderer = renderer()  # the catalogue refuses to load when one lacks a key
    keys = pages.catalogue.keys
    needed = {f"ask_{a}" for a in Ask} | {f"theme_{t}" for t in Theme}
    needed |= {f"ev_{kind}" for kind in THEMES}
    assert needed <= keys
    for language in LANGUAGES:
        assert pages.phrases(language).own("ui_title")
