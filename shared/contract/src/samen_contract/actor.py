"""The `actor` extension: who caused an event, as `<role>:<pseudonymous id>` or `system:<job>`.

The id is pseudonymous (a UUID or an opaque subject claim), never a name or an e-mail
address: the pattern leaves no room for `@` or spaces.
"""

from __future__ import annotations

import re

STAFF_ROLES = frozenset(
    {
        "ib",
        "teacher",
        "director",
        "trajectbegeleider",
        "board_admin",
        "swv_admin",
        "inspectie",
        "operator",
        "swv_staff",
        "expert",
        "committee",
    }
)
# `pupil`: a pupil of 16 or older is a party to some consents (issue 3).
PERSON_ROLES = STAFF_ROLES | {"guardian", "pupil"}
SYSTEM = "system"

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_JOB = re.compile(r"[a-z][a-z0-9_.-]{0,63}")


def parse_actor(actor: str) -> tuple[str, str]:
    """Split and check an actor string; raise ValueError when it is not valid."""
    role, sep, ident = actor.partition(":")
    if not sep:
        raise ValueError("actor must be '<role>:<pseudonymous id>' or 'system:<job>'")
    if role == SYSTEM:
        if not _JOB.fullmatch(ident):
            raise ValueError("system actor needs a job name: lowercase letters, digits, _ . -")
        return role, ident
    if role not in PERSON_ROLES:
        raise ValueError(f"unknown actor role {role!r}")
    if not _ID.fullmatch(ident):
        raise ValueError("actor id must be a pseudonymous id: letters, digits, . _ -")
    return role, ident


def person_actor(role: str, pseudonymous_id: object) -> str:
    """`person_actor("ib", staff_id)` -> "ib:<id>", checked."""
    actor = f"{role}:{pseudonymous_id}"
    parse_actor(actor)
    return actor


def system_actor(job: str) -> str:
    """`system_actor("consent.expiry")` -> "system:consent.expiry", checked."""
    actor = f"{SYSTEM}:{job}"
    parse_actor(actor)
    return actor
