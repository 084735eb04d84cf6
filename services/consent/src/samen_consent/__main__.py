"""`python -m samen_consent`: run the migrations, then serve on the configured port."""

from __future__ import annotations

from samen_kit.serve import serve

from samen_consent.bootstrap import create_consent_app
from samen_consent.migrate import MIGRATIONS
from samen_consent.settings import ConsentSettings


def main() -> None:
    serve(ConsentSettings(), create_consent_app, MIGRATIONS)


if __name__ == "__main__":
    main()
