"""What an export's report counts: consents, meetings, OPP evaluations, disputes, messages."""

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
    return view("meetings.OppRegistered", school, opp_id=opp_id, evaluation_due_on=due)


def evaluated(opp_id: str, school: str, held: str) -> EntryView:
    return view(
        "meetings.MeetingRecorded",
        school,
        kind="opp_evaluation",
        evaluated_opp_id=opp_id,
        held_on=held,
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
        view(
            "meetings.EvaluationOverdue", SCHOOL_B, kind="opp", subject_id="o5", due_on="2026-05-01"
        ),
        view(
            "meetings.EvaluationOverdue",
            SCHOOL_B,
            kind="agreement",
            subject_id="x",
            due_on="2026-05-01",
        ),
    )
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
        unreadable=2,
    )
    csv_text = summary_csv(result).decode()
    assert csv_text.splitlines()[0] == "onderdeel,soort,school,aantal,procent"
    assert "toestemming,gevraagd,,1," in csv_text
    assert "berichten,mislukt,,1," in csv_text
    assert "opp-evaluaties,ontbreekt,<school>,1,100.0" in csv_text
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
