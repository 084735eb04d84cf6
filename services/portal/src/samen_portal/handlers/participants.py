"""The colleagues a planner can invite to a meeting about a pupil: ids and roles from
the meetings service's staff directory, names from the notifications service, both read
now with the user's own token (names are never kept here nor put on the bus)."""

from __future__ import annotations

import asyncio
from uuid import UUID

from samen_portal.adapters.services import Services, ServiceUnavailable
from samen_portal.domain.participants import PLANNERS, Person, choices


async def staff_choices(
    services: Services, token: str, school_id: UUID, role: str
) -> dict[str, list[Person]]:
    """Per role, who can be chosen; empty lists when the directory is away (the form
    then says nobody can be chosen), people without a name when the names are. Those who
    plan no meetings cost the services nothing."""
    if role not in PLANNERS:
        return choices([], {})
    query = f"?school_id={school_id}"
    directory, names = await asyncio.gather(
        services.call("meetings", "GET", f"/staff{query}", token),
        services.call("notifications", "GET", f"/v1/staff{query}", token),
        return_exceptions=True,
    )
    if isinstance(directory, BaseException):
        if not isinstance(directory, ServiceUnavailable):
            raise directory
        return choices([], {})
    if isinstance(names, BaseException) and not isinstance(names, ServiceUnavailable):
        raise names
    people = directory.body if directory.ok and isinstance(directory.body, list) else []
    named = names.body if not isinstance(names, BaseException) and names.ok else []
    return choices(
        [(UUID(p["person_id"]), str(p["role"])) for p in people],
        {UUID(n["staff_id"]): n.get("name") for n in named if isinstance(n, dict)},
    )
