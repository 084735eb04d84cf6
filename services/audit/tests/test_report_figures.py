"""What an export's report counts: consents, meetings, OPPs set and evaluated (from the
plans service's facts), disputes, messages."""

from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from samen_archive import ExportScope
from samen_audit.domain.disputes_timeline import dispute_totals
from samen_audit.domain.entry_view import EntryView
from samen_audit.domain.figures import Figures, figures
from samen_audit.summary.report_page import ReportHeading, report_html
from samen_audit.summary.summary_csv import summary_csv

pytestmark = pytest.mark.unit

ZONE = ZoneInfo("Europe/Amsterdam")
AS_OF = date(2026, 6, 30)
SCHOOL_A, SCHOOL_B = "school-a", "school-b"


def view(
    name: str, school: str | None = None, at: str = "2026-03-02T09:00:00Z", **data: Any
) -> EntryView:
    """An entry of type ``samen.<name>.v1``."""
    return EntryView(f"samen.{name}.v1", datetime.fromisoformat(at), school, data)


def counted(*views: EntryView, unreadable: int = 0, erased: int = 0) -> Figures:
    return figures(views, unreadable=unreadable, erased=erased, as_of=AS_OF, zone=ZONE)


def opp(opp_id: str, school: str, due: str) -> EntryView:
    """The OPP's action part is set; its evaluation with the parents is due by ``due``."""
    return view(
        "plans.ActionPartSet", school, opp_id=opp_id, set_on="2025-03-01", evaluation_due_on=due
    )


def evaluated(
    opp_id: str, school: str, held: str, *, with_parents: bool = True, next_due: str | None = None
) -> EntryView:
    return view(
        "plans.EvaluationHeld",
        school,
        opp_id=opp_id,
        held_on=held,
        with_parents=with_parents,
        next_due_on=next_due,
    )


def started(opp_id: str, school: str, due: str) -> EntryView:
    return view(
        "plans.SupportStarted", school, opp_id=opp_id, started_on="2026-01-05", opp_due_on=due
    )


def set_on(opp_id: str, school: str, day: str, version: int = 1) -> EntryView:
    return view(
        "plans.ActionPartSet",
        school,
        opp_id=opp_id,
        version=version,
        set_on=day,
        evaluation_due_on="2027-03-01",
    )


def test_consents_are_counted_by_what_happened_and_missing_types_count_zero() -> None:
    result = counted(
        view("consent.ConsentRequested"),
        view("consent.ConsentRequested"),
        view("consent.ConsentGiven"),
        view("consent.ConsentWithdrawn"),
    )
    assert result.consents == {"asked": 2, "given": 1, "refused": 0, "withdrawn": 1, "expired": 0}
    assert result.messages == {"sent": 0, "delivered": 0, "failed": 0, "unreachable": 0}
    assert result.disputes == [] and result.evaluations == [] and result.meetings == {}
    assert result.opps == []


def test_meetings_are_counted_per_kind_as_planned_held_and_cancelled() -> None:
    result = counted(
        view("meetings.MeetingScheduled", kind="mdo"),
        view("meetings.MeetingRecorded", kind="mdo"),
        view("meetings.MeetingScheduled", kind="intake"),
        view("meetings.MeetingCancelled", kind="intake"),
    )
    assert {k: (c.scheduled, c.held, c.cancelled) for k, c in result.meetings.items()} == {
        "intake": (1, 0, 1),
        "mdo": (1, 1, 0),
    }


def test_opp_evaluations_are_on_time_late_or_missing_per_school_with_percentages() -> None:
    result = counted(
        opp("o1", SCHOOL_A, "2026-03-01"),
        evaluated("o1", SCHOOL_A, "2026-02-20"),  # on time
        opp("o2", SCHOOL_A, "2026-03-01"),
        evaluated("o2", SCHOOL_A, "2026-03-09"),  # late
        opp("o3", SCHOOL_A, "2026-04-01"),  # missing: the day passed without one
        opp("o4", SCHOOL_A, "2026-09-01"),  # still running: counts nowhere
        view("plans.EvaluationOverdue", SCHOOL_B, opp_id="o5", due_on="2026-05-01"),
        view("plans.EvaluationDue", SCHOOL_B, opp_id="o6", due_on="2026-08-01"),  # running
        # An agreement's evaluation (meetings) is no OPP evaluation.
        view(
            "meetings.EvaluationOverdue", SCHOOL_B, kind="agreement", subject_id="x",
            due_on="2026-05-01",
        ),
    )  # fmt: skip
    [school_a, school_b] = result.evaluations
    assert (school_a.school, school_a.on_time, school_a.late, school_a.missing) == (
        SCHOOL_A,
        1,
        1,
        1,
    )
    assert school_a.percentage(school_a.on_time) == 33.3
    assert (school_b.school, school_b.missing, school_b.percentage(school_b.missing)) == (
        SCHOOL_B,
        1,
        100.0,
    )


def test_only_an_evaluation_with_the_parents_counts_as_held() -> None:
    result = counted(
        opp("o1", SCHOOL_A, "2026-03-01"),
        evaluated("o1", SCHOOL_A, "2026-02-20", with_parents=False),  # without: not held
        opp("o2", SCHOOL_A, "2026-03-01"),
        evaluated("o2", SCHOOL_A, "2026-02-20"),
    )
    [school_a] = result.evaluations
    assert (school_a.on_time, school_a.late, school_a.missing) == (1, 0, 1)


def test_meetings_records_of_an_opp_evaluation_no_longer_count_as_held() -> None:
    """The plans service says whether an OPP was evaluated with the parents."""
    result = counted(
        opp("o1", SCHOOL_A, "2026-03-01"),
        view(
            "meetings.MeetingRecorded", SCHOOL_A, kind="opp_evaluation", evaluated_opp_id="o1",
            held_on="2026-02-20",
        ),
        view("meetings.OppRegistered", SCHOOL_A, opp_id="o9", evaluation_due_on="2026-03-01"),
    )  # fmt: skip
    [school_a] = result.evaluations
    assert (school_a.on_time, school_a.late, school_a.missing) == (0, 0, 1)


def test_an_evaluation_with_the_parents_starts_the_next_cycle() -> None:
    result = counted(
        opp("o1", SCHOOL_A, "2025-03-01"),
        evaluated("o1", SCHOOL_A, "2025-02-20", next_due="2026-02-20"),  # on time
        # The next cycle's day passed without an evaluation: missing.
    )
    [school_a] = result.evaluations
    assert (school_a.on_time, school_a.late, school_a.missing) == (1, 0, 1)


def test_opps_are_set_within_6_weeks_later_or_not_yet_per_school() -> None:
    result = counted(
        started("o1", SCHOOL_A, "2026-02-16"),
        set_on("o1", SCHOOL_A, "2026-02-16"),  # on the last day: on time
        set_on("o1", SCHOOL_A, "2026-05-04", version=2),  # a later version: still on time
        started("o2", SCHOOL_A, "2026-02-16"),
        set_on("o2", SCHOOL_A, "2026-02-17"),  # late
        started("o3", SCHOOL_A, "2026-04-01"),  # missing: the 6 weeks passed
        started("o4", SCHOOL_B, "2026-08-01"),  # still within its term: counts nowhere
        set_on("o5", SCHOOL_B, "2026-03-01"),  # started before the export: not judged
    )
    [school_a, school_b] = result.opps
    assert (school_a.started, school_a.on_time, school_a.late, school_a.missing) == (3, 1, 1, 1)
    assert school_a.percentage(school_a.on_time) == 33.3
    assert (school_b.started, school_b.counted, school_b.percentage(0)) == (1, 0, None)


def test_disputes_run_from_opening_to_their_end_in_calendar_days() -> None:
    result = counted(
        view("disputes.DisputeOpened", at="2026-03-01T23:30:00Z", dispute_id="d1", subject="opp"),
        view("disputes.DisputeResolved", at="2026-03-11T08:00:00Z", dispute_id="d1"),
        view(
            "disputes.DisputeOpened",
            at="2026-06-20T10:00:00Z",
            dispute_id="d2",
            subject="admission",
        ),
    )
    [first, second] = result.disputes
    # 23:30 UTC on 1 March is 2 March in Amsterdam.
    assert (first.opened_on, first.ending, first.days) == (date(2026, 3, 2), "resolved", 9)
    assert (second.ending, second.days) == (None, 10)
    totals = dispute_totals(result.disputes)
    assert (totals.count, totals.still_open, totals.median_days) == (2, 1, 9.0)


def test_the_summary_and_the_report_show_the_figures_in_dutch() -> None:
    result = counted(
        view("consent.ConsentRequested"),
        view("notifications.NotificationFailed"),
        opp("o1", "<school>", "2026-03-01"),
        started("o2", "<school>", "2026-02-16"),
        set_on("o2", "<school>", "2026-02-10"),
        unreadable=2,
    )
    csv_text = summary_csv(result).decode()
    assert csv_text.splitlines()[0] == "onderdeel,soort,school,aantal,procent"
    assert "toestemming,gevraagd,,1," in csv_text
    assert "berichten,mislukt,,1," in csv_text
    assert "opp-evaluaties,ontbreekt,<school>,1,100.0" in csv_text
    assert "opp-vaststelling,gestart,<school>,1," in csv_text
    assert "opp-vaststelling,binnen 6 weken vastgesteld,<school>,1,100.0" in csv_text
    heading = ReportHeading(
        ExportScope("swv-1", date(2026, 3, 1), date(2026, 6, 30)),
        tree_size=12,
        root_hash="ab" * 32,
        key_id="cd" * 32,
        exported_at=datetime(2026, 7, 1, 10, 0, tzinfo=UTC),
        zone=ZONE,
    )
    page = report_html(result, heading).decode()
    assert '<html lang="nl">' in page and "Toestemming" in page
    assert "01-07-2026 12:00" in page  # Amsterdam summer time
    assert "&lt;school&gt;" in page and "<school>" not in page
    assert 'Onleesbaar, maar wel bewaard</td><td class="n">2' in page
    assert "Het OPP vastgesteld" in page and "1 (100,0%)" in page
