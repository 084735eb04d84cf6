"""Every service's declared error table: each of its error classes is answered, and a
slug names one problem (one status, one title) across the service."""

from __future__ import annotations

import pytest
import samen_meetings.domain.settings  # noqa: F401 - more subclasses of the base
import samen_notifications.adapters.sms  # noqa: F401 - its report errors subclass the port's
from samen_audit.domain.errors import AuditError
from samen_audit.entrypoints.errors import PROBLEMS as AUDIT
from samen_consent.domain.errors import ConsentError
from samen_consent.entrypoints.errors import PROBLEMS as CONSENT
from samen_disputes.domain import DisputeError
from samen_disputes.entrypoints.errors import PROBLEMS as DISPUTES
from samen_disputes.handlers.errors import ServiceError
from samen_kit.error_table import Problems
from samen_meetings.domain.errors import MeetingsError
from samen_meetings.entrypoints.errors import PROBLEMS as MEETINGS
from samen_notifications.adapters.ports import InvalidReport
from samen_notifications.entrypoints.errors import PROBLEMS as NOTIFICATIONS
from samen_plans.domain.errors import PlansError
from samen_plans.entrypoints.errors import PROBLEMS as PLANS
from samen_plans.handlers.errors import ServiceError as PlansServiceError

pytestmark = pytest.mark.unit

#: The bases whose every subclass a route may raise (the bases themselves are abstract).
ROOTS: dict[str, tuple[Problems, tuple[type[Exception], ...]]] = {
    "consent": (CONSENT, (ConsentError,)),
    "meetings": (MEETINGS, (MeetingsError,)),
    "disputes": (DISPUTES, (DisputeError, ServiceError)),
    "audit": (AUDIT, (AuditError,)),
    "notifications": (NOTIFICATIONS, (InvalidReport,)),
    "plans": (PLANS, (PlansError, PlansServiceError)),
}


def _below(cls: type[Exception]) -> set[type[Exception]]:
    found: set[type[Exception]] = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_below(sub)}
    return found


@pytest.mark.parametrize("service", sorted(ROOTS))
def test_every_error_class_maps_to_a_problem_with_its_own_slug(service: str) -> None:
    problems, roots = ROOTS[service]
    classes = set(problems.rows).union(*(_below(root) for root in roots))
    assert len(classes) > len(problems.rows) / 2
    named: dict[str, set[tuple[int, str]]] = {}
    for cls in sorted(classes, key=lambda c: c.__qualname__):
        problem = problems.problem_class(cls)  # LookupError: not in the table
        assert problem.status in (400, 403, 404, 409, 422), cls
        named.setdefault(problem.slug, set()).add((problem.status, problem.title))
    clashes = {slug: answers for slug, answers in named.items() if len(answers) > 1}
    assert not clashes, f"{service}: one slug, several problems: {clashes}"
