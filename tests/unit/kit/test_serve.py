"""`serve` takes the app, or the service a composition root builds around it, and hands
uvicorn the app (logging, tracing, migrations and uvicorn stubbed: nothing is started
and the test run's logging stays as it is)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from samen_kit import serve as serving
from samen_kit.settings import ServiceSettings


@dataclass(frozen=True)
class _Service:
    app: FastAPI


@pytest.mark.parametrize("wrapped", [False, True], ids=["app", "service"])
def test_serve_runs_the_app_built_from_the_settings(
    monkeypatch: pytest.MonkeyPatch, wrapped: bool
) -> None:
    app = FastAPI()
    served: list[Any] = []
    for step in ("configure_logging", "configure_tracing", "upgrade", "freeze_start_up_heap"):
        monkeypatch.setattr(serving, step, lambda *args, **options: None)
    monkeypatch.setattr(serving.uvicorn, "run", lambda app, **options: served.append(app))

    serving.serve(ServiceSettings(), lambda _: _Service(app) if wrapped else app, Path("."))

    assert served == [app]


def test_serve_freezes_the_start_up_heap_once_the_app_is_built_and_before_serving(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    steps: list[str] = []
    for step in ("configure_logging", "configure_tracing", "upgrade"):
        monkeypatch.setattr(serving, step, lambda *args, **options: None)
    monkeypatch.setattr(serving, "freeze_start_up_heap", lambda: steps.append("freeze"))
    monkeypatch.setattr(serving.uvicorn, "run", lambda app, **options: steps.append("serve"))

    serving.serve(ServiceSettings(), lambda _: steps.append("build") or FastAPI(), Path("."))

    assert steps == ["build", "freeze", "serve"]
