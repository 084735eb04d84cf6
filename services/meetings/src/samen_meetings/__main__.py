"""`python -m samen_meetings`: run the migrations, then serve HTTP and Kafka."""

from __future__ import annotations

import asyncio

import uvicorn
from samen_kit.db import ensure_database
from samen_kit.logging import configure_logging
from samen_kit.migrations import upgrade

from samen_meetings.bootstrap import MIGRATIONS, build
from samen_meetings.settings import MeetingsSettings


def main() -> None:
    settings = MeetingsSettings()
    configure_logging(json=settings.log_json, level=settings.log_level)
    asyncio.run(ensure_database(settings.database_url))
    upgrade(settings.database_url, MIGRATIONS)
    service = build(settings)
    uvicorn.run(service.app, host=settings.http_host, port=settings.http_port, log_config=None)


if __name__ == "__main__":
    main()
