"""What the meetings service erases when a retention period runs out (docs/retention.md).

Meeting records and agreements lose their free text — the guardians' view and support
needs, strengths, concerns, goals, next steps, who attended, what was agreed — and the
guardians' notes on invitations and comments on records go. Kept: ids, kinds, dates,
answers, statuses and acknowledgements, which the inspectie's figures count.
"""

from __future__ import annotations

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import erasing, pupils_left
from samen_kit.retention.sweep import Eraser
from sqlalchemy import text

_MEETINGS = "SELECT meeting_id FROM meeting WHERE tenant = :t AND pupil_id = :p"
_RECORDS = "SELECT record_id FROM meeting_record WHERE tenant = :t AND pupil_id = :p"
_EMPTY = "'[]'::jsonb"
STATEMENTS = (
    text(
        f"UPDATE meeting_record SET guardian_view = '', guardian_support_needs = '',"
        f" strengths = {_EMPTY}, concerns = {_EMPTY}, goals = {_EMPTY},"
        f" next_steps = {_EMPTY}, attended = {_EMPTY}"
        " WHERE tenant = :t AND pupil_id = :p AND (guardian_view <> ''"
        f" OR guardian_support_needs <> '' OR strengths <> {_EMPTY} OR concerns <> {_EMPTY}"
        f" OR goals <> {_EMPTY} OR next_steps <> {_EMPTY} OR attended <> {_EMPTY})"
    ),
    text("UPDATE agreement SET what = '' WHERE tenant = :t AND pupil_id = :p AND what <> ''"),
    text(
        "UPDATE invitation_answer SET note = ''"
        f" WHERE tenant = :t AND meeting_id IN ({_MEETINGS}) AND note <> ''"
    ),
    text(
        "UPDATE parent_comment SET text = ''"
        f" WHERE tenant = :t AND record_id IN ({_RECORDS}) AND text <> ''"
    ),
    text(
        "UPDATE meeting SET interpreter_language = NULL"
        " WHERE tenant = :t AND pupil_id = :p AND interpreter_language IS NOT NULL"
    ),
)


_KIND = DataKind.MEETING_RECORDS
ERASERS = (Eraser(_KIND, pupils_left(_KIND), erasing(*STATEMENTS)),)
