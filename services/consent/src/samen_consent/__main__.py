"""`python -m samen_consent`: run the migrations, then serve on the configured port."""

from __future__ import annotations

import logging

import uvicorn
from samen_kit.logging import configure_logging

from samen_consent.bootstrap import create_consent_app
from samen_consent.migrate import migrate
from samen_consent.settings import ConsentSettings


def main() -> None:
    settings = ConsentSettings()
    configure_logging(json=settings.log_json, level=settings.log_level)
    # APScheduler reports every run at INFO; the sweep logs what it did itself.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    migrate(settings.database_url)
    app = create_consent_app(settings)
    uvicorn.run(app, host=settings.http_host, port=settings.http_port, log_config=None)


if __name__ == "__main__":
    main()
