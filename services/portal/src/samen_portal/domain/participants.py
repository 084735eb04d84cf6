"""Who takes part in a meeting besides the parents, as the planner chooses them: which
staff roles each kind needs (the meetings service's rules, said again here so the form
can ask for them in Dutch), and the people to choose from, by name where the
notifications service knows it. Pure: the directory and the names come in as values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from uuid import UUID

# Who plans meetings (meetings' `meetings.plan`), and so reads whom to invite.
PLANNERS = frozenset({"ib", "teacher", "director"})
# The roles the form offers a choice for, in the order the form shows them.
CHOOSABLE_ROLES: tuple[str, ...] = ("teacher", "ib", "trajectbegeleider")
ROLE_NAMES: Mapping[str, str] = {
    "teacher": "leerkracht",
    "ib": "intern begeleider",
    "director": "directeur",
    "trajectbegeleider": "trajectbegeleider",
}
# Besides the parents, who are always invited (meetings' `KIND_RULES`).
NEEDED_ROLES: Mapping[str, tuple[str, ...]] = {
    "mdo": ("teacher", "ib", "trajectbegeleider"),
    "support_team": ("ib",),
}


@dataclass(frozen=True)
class Person:
    person_id: UUID
    role: str
    label: str


def field_name(role: str) -> str:
    return f"deelnemer_{role}"


def needs_text(kind: str) -> str:
    """What the form says a kind of meeting needs (B1 Dutch)."""
    roles = NEEDED_ROLES.get(kind, ())
    people = ["de ouders", *(f"de {ROLE_NAMES[r]}" for r in roles)]
    listed = people[0] if len(people) == 1 else f"{', '.join(people[:-1])} en {people[-1]}"
    return f"Hierbij zijn nodig: {listed}."


def missing_roles(kind: str, chosen: Iterable[str], my_role: str) -> list[str]:
    """The roles the kind needs that nobody fills: the planner fills their own."""
    filled = {*chosen, my_role}
    return [role for role in NEEDED_ROLES.get(kind, ()) if role not in filled]


def choices(
    directory: Iterable[tuple[UUID, str]], names: Mapping[UUID, str | None]
) -> dict[str, list[Person]]:
    """Per choosable role, the people of the directory, by name (or, unnamed, by role
    and a short id), sorted by what the form shows."""
    found: dict[str, list[Person]] = {role: [] for role in CHOOSABLE_ROLES}
    for person_id, role in directory:
        if role not in found:
            continue
        label = names.get(person_id) or f"{ROLE_NAMES[role].capitalize()} {str(person_id)[:8]}"
        found[role].append(Person(person_id, role, label))
    return {role: sorted(people, key=lambda p: p.label) for role, people in found.items()}
