"""A service's committed API documents: `openapi.json` and `asyncapi.json` beside its code.

Each service names one `ApiDocuments` in `samen_<svc>.docs`, so everywhere:

    uv run python -m samen_<svc>.docs write   # regenerate both after changing the API
    uv run python -m samen_<svc>.docs check   # exit 1 when a committed one is stale

The documents come from an app built with canonical settings (no topic prefix) and never
started, so they do not depend on the environment that writes them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from fastapi import FastAPI

from samen_kit.service import ServiceRuntime, asyncapi_document

# What a service builds for its documents: the app (OpenAPI) and its runtime (AsyncAPI).
Built = tuple[FastAPI, ServiceRuntime]


def render(document: Any) -> str:
    """Canonical text: sorted keys so a diff shows only real changes."""
    return json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class ApiDocuments:
    module: str  # `samen_<svc>.docs`, named in the hint for a stale document
    service_dir: Path
    title: str
    build: Callable[[], Built]

    @property
    def openapi(self) -> Path:
        return self.service_dir / "openapi.json"

    @property
    def asyncapi(self) -> Path:
        return self.service_dir / "asyncapi.json"

    @property
    def regenerate(self) -> str:
        return f"uv run python -m {self.module} write"

    def documents(self) -> dict[Path, Any]:
        app, runtime = self.build()
        return {self.openapi: app.openapi(), self.asyncapi: asyncapi_document(runtime, self.title)}

    def stale(self) -> list[Path]:
        return [
            path
            for path, document in self.documents().items()
            if not path.exists() or path.read_text("utf-8") != render(document)
        ]

    def write(self) -> list[Path]:
        written = []
        for path, document in self.documents().items():
            path.write_text(render(document), "utf-8")
            written.append(path)
        return written

    def main(self, argv: Sequence[str] | None = None) -> int:
        parser = argparse.ArgumentParser(prog=f"python -m {self.module}")
        parser.add_argument("command", choices=("write", "check"))
        if parser.parse_args(argv).command == "write":
            for path in self.write():
                print(f"wrote {path}")
            return 0
        outdated = self.stale()
        for path in outdated:
            print(f"{path} is stale; run `{self.regenerate}`")
        return 1 if outdated else 0


class Composed(Protocol):
    """A service as its composition root builds it (a `BuiltService` or its like)."""

    @property
    def app(self) -> FastAPI: ...

    @property
    def runtime(self) -> ServiceRuntime: ...


def service_documents(
    module: str, file: str, title: str, build: Callable[[], Composed]
) -> ApiDocuments:
    """The documents of the service whose `docs` module (`__spec__.name`, `__file__`)
    calls this; they sit two folders above it, beside the service's code."""

    def built() -> Built:
        service = build()
        return service.app, service.runtime

    return ApiDocuments(module, Path(file).resolve().parents[2], title, built)


def every_service() -> list[ApiDocuments]:
    """Each service's `samen_<svc>.docs.DOCS`, for every service on the bus that has one."""
    import importlib
    import importlib.util

    from samen_contract.topics import SERVICES

    modules = [f"samen_{s}.docs" for s in SERVICES]
    found = [m for m in modules if importlib.util.find_spec(m) is not None]
    return [importlib.import_module(m).DOCS for m in found]


if __name__ == "__main__":
    # `python -m samen_kit.apidocs write|check`: every service's documents at once.
    import sys

    sys.exit(max((docs.main(sys.argv[1:]) for docs in every_service()), default=0))
