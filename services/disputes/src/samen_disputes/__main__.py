"""`python -m samen_disputes`: run the migrations to head, then serve on `http_port`."""

from samen_kit.serve import serve

from samen_disputes.bootstrap import MIGRATIONS, build_service
from samen_disputes.settings import DisputesSettings


def main() -> None:
    serve(DisputesSettings(), build_service, MIGRATIONS)


if __name__ == "__main__":
    main()
