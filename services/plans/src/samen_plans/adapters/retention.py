"""What the plans service erases when a retention period runs out (docs/retention.md).

The OPP versions lose their content (basis and action part) and the groeidocument its
entries' words and test names. Kept: ids, versions, the action part's hash (what the
parents' consent and the audit log point at), dates, statuses and evaluations — the
figures the inspectie reads (OPPs set on time, evaluations held).
"""

from __future__ import annotations

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import erasing, pupils_left
from samen_kit.retention.sweep import Eraser
from sqlalchemy import text

_OPPS = "SELECT opp_id FROM opp WHERE tenant = :t AND pupil_id = :p"
STATEMENTS = (
    text(
        "UPDATE opp_version SET basis = '{}'::jsonb, action_part = '{}'::jsonb"
        f" WHERE tenant = :t AND opp_id IN ({_OPPS})"
        " AND (basis <> '{}'::jsonb OR action_part <> '{}'::jsonb)"
    ),
    text(
        "UPDATE groeidocument_entry SET text = '', test_name = NULL"
        " WHERE tenant = :t AND pupil_id = :p AND (text <> '' OR test_name IS NOT NULL)"
    ),
)


_KIND = DataKind.OPP_VERSIONS
ERASERS = (Eraser(_KIND, pupils_left(_KIND), erasing(*STATEMENTS)),)
