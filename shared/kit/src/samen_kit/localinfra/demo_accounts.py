"""The demo region's staff as Keycloak accounts: the same tenant, board, school and staff
ids as `samen_cli.demo_region` (a unit test holds the two together), so a demo sign-in
gets a token that fits the demo data `samen up` loads.

The kit cannot import the CLI (the CLI depends on the kit), hence the few names below;
every id is derived from them with `pseudonymous_id` exactly as the demo region does.
"""

from __future__ import annotations

from dataclasses import dataclass

from samen_contract import pseudonymous_id

from samen_kit.access.roles import Role
from samen_kit.localinfra.realm import StaffAccount

TENANT = "swv-demo-regio"
#: board slug -> its schools' numbers (demo_region.region()).
BOARDS = {
    "samen-leren": ("brede-school-de-linde", "obs-het-kompas"),
    "de-brug": ("sbo-de-brug",),
}
#: The class group each school's demo teacher teaches.
TEACHER_GROUPS = {"brede-school-de-linde": "5a", "obs-het-kompas": "6b", "sbo-de-brug": "4c"}
SCHOOL_ROLES = (Role.IB, Role.TEACHER, Role.DIRECTOR)
#: The samenwerkingsverband's own people: no school of their own.
SWV_ROLES = (
    Role.TRAJECTBEGELEIDER,
    Role.SWV_STAFF,
    Role.SWV_ADMIN,
    Role.EXPERT,
    Role.COMMITTEE,
    Role.INSPECTIE,
    Role.OPERATOR,
)


@dataclass(frozen=True)
class DemoSchool:
    number: str
    board: str  # the board's slug

    @property
    def school_id(self) -> str:
        return str(pseudonymous_id("school", TENANT, self.number))

    @property
    def board_id(self) -> str:
        return board_id(self.board)


def board_id(slug: str) -> str:
    return str(pseudonymous_id("board", TENANT, slug))


def demo_schools() -> tuple[DemoSchool, ...]:
    return tuple(DemoSchool(n, board) for board, numbers in BOARDS.items() for n in numbers)


def demo_accounts() -> tuple[StaffAccount, ...]:
    """Per school an IB, a teacher (with a group) and a director; a board admin per board;
    the samenwerkingsverband's roles once. Usernames: `<role>.<school>`, `<role>.<board>`,
    `<role>`; every password is the development password `realm.DEV_PASSWORD`."""
    schools = demo_schools()
    at_schools = tuple(
        StaffAccount(
            username=f"{role.value}.{school.number}",
            user_id=str(pseudonymous_id("staff", TENANT, school.number, role.value)),
            role=role,
            tenant=TENANT,
            boards=(school.board_id,),
            schools=(school.school_id,),
            groups=(TEACHER_GROUPS[school.number],) if role is Role.TEACHER else (),
            email=f"{role.value}.{school.number}@demo-scholen.invalid",
        )
        for school in schools
        for role in SCHOOL_ROLES
    )
    board_admins = tuple(
        StaffAccount(
            username=f"{Role.BOARD_ADMIN.value}.{slug}",
            user_id=str(pseudonymous_id("staff", TENANT, slug, Role.BOARD_ADMIN.value)),
            role=Role.BOARD_ADMIN,
            tenant=TENANT,
            boards=(board_id(slug),),
            email=f"{Role.BOARD_ADMIN.value}.{slug}@demo-scholen.invalid",
        )
        for slug in BOARDS
    )
    # The trajectbegeleider works with every school of the region; the others are
    # tenant-wide roles (roles.TENANT_WIDE_ROLES) and need no list.
    swv = tuple(
        StaffAccount(
            username=role.value,
            user_id=_swv_person(role),
            role=role,
            tenant=TENANT,
            schools=tuple(s.school_id for s in schools) if role is Role.TRAJECTBEGELEIDER else (),
            email=f"{role.value}@demo-swv.invalid",
        )
        for role in SWV_ROLES
    )
    return at_schools + board_admins + swv


def _swv_person(role: Role) -> str:
    """As the demo region names them; the journey's inspectie badge has an id of its own."""
    if role is Role.INSPECTIE:
        return str(pseudonymous_id("staff", TENANT, "inspectie"))
    return str(pseudonymous_id("staff", TENANT, "swv", role.value))


def demo_account(username: str) -> StaffAccount:
    return next(account for account in demo_accounts() if account.username == username)
