"""`python -m samen_disputes`: run the migrations to head, then serve on `http_port`."""

import uvicorn
from samen_kit.logging import configure_logging
from samen_kit.migrations import upgrade

from samen_disputes.bootstrap import MIGRATIONS, build_service
from samen_disputes.settings import DisputesSettings


def main() -> None:
    settings = DisputesSettings()
    configure_logging(json=settings.log_json, level=settings.log_level)
    upgrade(settings.database_url, MIGRATIONS)
    service = build_service(settings)
    uvicorn.run(service.app, host=settings.http_host, port=settings.http_port, log_config=None)


if __name__ == "__main__":
    main()
