"""How pages name schools: the public names the notifications service keeps (a school's
director saves them there for the signature of its messages), read now with the user's
own token. Without an answer the pages name a school by its id (`presenting.school_name`)."""

from __future__ import annotations

from collections.abc import Collection
from uuid import UUID

from samen_portal.adapters.services import Services, ServiceUnavailable

MAX_PER_CALL = 500  # the notifications route's limit


async def school_names(
    services: Services, token: str, school_ids: Collection[UUID]
) -> dict[UUID, str]:
    """Name per school, for those that have one; empty when the service is away."""
    ids = sorted(set(school_ids))[:MAX_PER_CALL]
    if not ids:
        return {}
    query = "&".join(f"school_id={school_id}" for school_id in ids)
    try:
        answer = await services.call("notifications", "GET", f"/v1/schools?{query}", token)
    except ServiceUnavailable:
        return {}
    if not answer.ok or not isinstance(answer.body, list):
        return {}
    return {UUID(str(found["school_id"])): str(found["name"]) for found in answer.body}
