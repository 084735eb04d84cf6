"""The kit's error table: a service declares error class → answer, the kit answers."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from samen_kit.error_table import (
    Absent,
    Answer,
    ErrorTable,
    Problems,
    Unusable,
    install_error_table,
    own_slug,
)
from samen_kit.problems import Conflict, Forbidden, Invalid, NotFound, install_problem_handlers
from starlette.responses import PlainTextResponse, Response

pytestmark = pytest.mark.unit


class Refused(Exception):
    slug: ClassVar[str] = "refused"


class TooLate(Refused):
    slug = "too-late"

    def __init__(self, at: int) -> None:
        super().__init__(f"too late at {at}")
        self.at = at


class Plain(Exception):
    pass


class OneOf(Exception):
    pass


class OtherOf(Exception):
    pass


COUNTED: list[str] = []


async def _count(request: Request, error: Exception) -> None:
    COUNTED.append(type(error).__name__)


TABLE: ErrorTable = {
    Refused: Answer(Conflict, own_slug()),
    TooLate: Answer(Conflict, own_slug(), extra=lambda e: {"at": e.at}),
    Plain: Answer(Forbidden, "plain-no", title="Nee", count=_count),
    (OneOf, OtherOf): Answer(NotFound, detail=lambda _: None),
}

CASES: list[tuple[Exception, int, dict[str, Any]]] = [
    (Refused("no"), 409, {"type": "urn:samen:problem:refused", "detail": "no"}),
    (TooLate(3), 409, {"type": "urn:samen:problem:too-late", "at": 3, "title": Conflict.title}),
    (Plain("x"), 403, {"type": "urn:samen:problem:plain-no", "title": "Nee", "detail": "x"}),
    (OneOf(), 404, {"type": "urn:samen:problem:not-found", "title": NotFound.title}),
    (OtherOf(), 404, {"type": "urn:samen:problem:not-found"}),
    (Absent(), 404, {"type": "urn:samen:problem:not-found", "title": NotFound.title}),
    (Absent("weg"), 404, {"type": "urn:samen:problem:not-found", "detail": "weg"}),
    (Unusable("kapot", extra={"f": [1]}), 422, {"type": "urn:samen:problem:invalid", "f": [1]}),
]


def _app(**install: Any) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/{path:path}")
    async def fail(path: str, case: int = 0) -> None:
        raise CASES[case][0]

    install_error_table(app, TABLE, **install)
    return app


@pytest.mark.parametrize(("index", "case"), list(enumerate(CASES)))
def test_each_row_answers_its_problem(index: int, case: tuple[Exception, int, Any]) -> None:
    _, status, members = case
    response = TestClient(_app()).get(f"/v1/x?case={index}")
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["instance"] == "/v1/x"
    assert members.items() <= body.items()
    if members.get("detail") is None and "detail" in members:
        assert "detail" not in body


def test_a_row_counts_before_it_answers() -> None:
    COUNTED.clear()
    TestClient(_app()).get("/v1/x?case=2")
    TestClient(_app()).get("/v1/x?case=0")
    assert COUNTED == ["Plain"]


def test_the_most_specific_row_and_unknown_classes() -> None:
    problems = Problems(TABLE)
    assert problems.problem_class(TooLate).slug == "too-late"
    assert problems.problem_class(OneOf) is NotFound
    assert problems.problem_class(Unusable) is Invalid
    assert problems.problem_class(Plain) is problems.problem_class(Plain)
    with pytest.raises(LookupError):
        problems.answer(KeyError)


def _page(request: Request, status: int, problem: object) -> Response | None:
    if request.url.path.startswith("/ouders"):
        return PlainTextResponse(f"page {status}", status_code=status)
    return None


@pytest.mark.parametrize("everywhere", [True, False])
def test_pages_replace_json_where_they_answer(everywhere: bool) -> None:
    client = TestClient(_app(pages=_page, everywhere=everywhere))
    assert client.get("/ouders/x?case=0").text == "page 409"
    assert client.get("/v1/x?case=0").json()["status"] == 409
    unknown_method = client.post("/ouders/x")
    assert unknown_method.status_code == 405
    assert (unknown_method.text == "page 405") is everywhere
