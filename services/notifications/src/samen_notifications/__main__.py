"""`python -m samen_notifications`: run the migrations, then serve on `http_port`."""

from __future__ import annotations

import uvicorn
from samen_kit.logging import configure_logging
from samen_kit.migrations import upgrade

from samen_notifications.bootstrap import build_service
from samen_notifications.migrations import MIGRATIONS
from samen_notifications.settings import NotificationsSettings


def main() -> None:
    settings = NotificationsSettings()
    configure_logging(json=settings.log_json, level=settings.log_level)
    upgrade(settings.database_url, MIGRATIONS)
    service = build_service(settings)
    uvicorn.run(
        service.app,
        host=settings.http_host,
        port=settings.http_port,
        log_level=settings.log_level.lower(),
        access_log=False,  # paths may carry tokens; the app logs what matters
    )


if __name__ == "__main__":
    main()
