"""Fixtures of the disputes integration tests: one running service per test session
(each test uses its own random tenant), a roster publisher and a tap on the topic."""

from __future__ import annotations

from samen_kit.testing.roster import publisher_fixture

from services.disputes.tests.disputes_harness import DISPUTES, Plans, Roster

globals().update(DISPUTES.fixtures())


consent_roster = publisher_fixture("consent_roster", Roster)
plans_facts = publisher_fixture("plans_facts", Plans)
