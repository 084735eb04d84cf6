"""`python -m samen_plans`: run the migrations to head, then serve on `http_port`."""

from samen_kit.serve import serve

from samen_plans.bootstrap import MIGRATIONS, build_service
from samen_plans.settings import PlansSettings


def main() -> None:
    serve(PlansSettings(), build_service, MIGRATIONS)


if __name__ == "__main__":
    main()
