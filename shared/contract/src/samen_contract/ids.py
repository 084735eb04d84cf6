"""Deterministic identifiers: the same inputs give the same UUID on every machine, forever.

Schedulers derive event ids from what is due, so two instances or a restart never
double-fire (the inbox drops the second copy). Roster imports derive pseudonymous ids of
pupils and guardians from the school's own numbers, so a re-import is idempotent and no
school number travels. The namespaces below are fixed: changing one would change every
id already stored.
"""

from __future__ import annotations

import json
from uuid import NAMESPACE_URL, UUID, uuid5

SAMEN_EVENT_NAMESPACE = uuid5(NAMESPACE_URL, "urn:samen:event-id")
SAMEN_ENTITY_NAMESPACE = uuid5(NAMESPACE_URL, "urn:samen:entity-id")


def _name(parts: tuple[str, ...]) -> str:
    if not parts or any(not isinstance(part, str) or not part for part in parts):
        raise ValueError("deterministic ids need one or more non-empty string parts")
    # JSON keeps the parts apart: ("a:b", "c") and ("a", "b:c") must not collide.
    return json.dumps(list(parts), ensure_ascii=False, separators=(",", ":"))


def deterministic_event_id(*parts: str) -> UUID:
    """The id of an event that is due, e.g. from ("ConsentExpired", consent_id, day)."""
    return uuid5(SAMEN_EVENT_NAMESPACE, _name(parts))


def pseudonymous_id(kind: str, *parts: str) -> UUID:
    """A pseudonymous entity id, e.g. `pseudonymous_id("pupil", tenant, school, number)`.

    Its namespace differs from event ids', so an entity id never equals an event id.
    """
    return uuid5(SAMEN_ENTITY_NAMESPACE, _name((kind, *parts)))
