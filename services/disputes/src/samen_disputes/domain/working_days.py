"""Working days under the Algemene termijnenwet: the kit's one copy (`samen_kit.deadlines`),
with Good Friday and the days equated by decree."""

from samen_kit.deadlines import (
    easter_sunday,
    is_working_day,
    on_or_after_working_day,
    public_holidays,
)

__all__ = ["easter_sunday", "is_working_day", "on_or_after_working_day", "public_holidays"]
