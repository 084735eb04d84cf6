"""`python -m samen_meetings`: run the migrations, then serve HTTP and Kafka."""

from __future__ import annotations

from samen_kit.serve import serve

from samen_meetings.bootstrap import MIGRATIONS, build
from samen_meetings.settings import MeetingsSettings


def main() -> None:
    serve(MeetingsSettings(), build, MIGRATIONS, create_database=True)


if __name__ == "__main__":
    main()
