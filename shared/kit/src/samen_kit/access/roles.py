"""Staff roles and the audiences that keep staff and guardian tokens apart."""

from enum import StrEnum


class Role(StrEnum):
    IB = "ib"
    TEACHER = "teacher"
    DIRECTOR = "director"
    TRAJECTBEGELEIDER = "trajectbegeleider"
    BOARD_ADMIN = "board_admin"
    SWV_ADMIN = "swv_admin"
    INSPECTIE = "inspectie"
    OPERATOR = "operator"
    # The samenwerkingsverband's own people: its staff, the experts who advise on a
    # request (orthopedagoog, psychologist, ...) and the committee that decides.
    SWV_STAFF = "swv_staff"
    EXPERT = "expert"
    COMMITTEE = "committee"


#: Roles that see every school of their tenant; the others see the schools they cover.
TENANT_WIDE_ROLES: frozenset[Role] = frozenset(
    {Role.SWV_ADMIN, Role.INSPECTIE, Role.OPERATOR, Role.SWV_STAFF, Role.EXPERT, Role.COMMITTEE}
)

#: Roles that see every school of the boards their token lists.
BOARD_WIDE_ROLES: frozenset[Role] = frozenset({Role.BOARD_ADMIN})


class Audience(StrEnum):
    STAFF = "staff"
    GUARDIAN = "guardian"
