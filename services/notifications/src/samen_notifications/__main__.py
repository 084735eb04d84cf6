"""`python -m samen_notifications`: run the migrations, then serve on `http_port`."""

from __future__ import annotations

from samen_kit.serve import serve

from samen_notifications.bootstrap import build_service
from samen_notifications.migrations import MIGRATIONS
from samen_notifications.settings import NotificationsSettings


def main() -> None:
    # No access log: paths may carry tokens; the app logs what matters.
    serve(NotificationsSettings(), build_service, MIGRATIONS, access_log=False)


if __name__ == "__main__":
    main()
