"""Calendar days in Europe/Amsterdam; instants stored and compared in UTC (the kit's copy)."""

from samen_kit.deadlines import AMSTERDAM, end_of_day, local_date, require_aware

__all__ = ["AMSTERDAM", "end_of_day", "local_date", "require_aware"]
