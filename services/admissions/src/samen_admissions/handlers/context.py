"""What every use case needs (the kit's context), and who is acting."""

from samen_kit.acting import GuardianActing as GuardianActing
from samen_kit.acting import StaffActing as StaffActing
from samen_kit.context import Context

Deps = Context

Acting = StaffActing | GuardianActing
