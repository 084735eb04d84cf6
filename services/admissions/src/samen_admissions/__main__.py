"""`python -m samen_admissions`: run the migrations to head, then serve on `http_port`."""

from samen_kit.serve import serve

from samen_admissions.bootstrap import MIGRATIONS, build_service
from samen_admissions.settings import AdmissionsSettings


def main() -> None:
    serve(AdmissionsSettings(), build_service, MIGRATIONS)


if __name__ == "__main__":
    main()
