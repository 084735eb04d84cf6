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


#: Roles that see every school of their tenant; the others see the schools they cover.
TENANT_WIDE_ROLES: frozenset[Role] = frozenset({Role.SWV_ADMIN, Role.INSPECTIE, Role.OPERATOR})

#: Roles that see every school of the boards their token lists.
BOARD_WIDE_ROLES: frozenset[Role] = frozenset({Role.BOARD_ADMIN})


class Audience(StrEnum):
    STAFF = "staff"
    GUARDIAN = "guardian"
