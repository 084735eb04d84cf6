"""`python -m samen_portal`: run the migrations to head, then serve on `http_port`."""

from samen_kit.serve import serve

from samen_portal.bootstrap import MIGRATIONS, build_service
from samen_portal.settings import PortalSettings


def main() -> None:
    serve(PortalSettings(), build_service, MIGRATIONS)


if __name__ == "__main__":
    main()
