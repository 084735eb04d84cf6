"""RFC 9457 problem documents: one shape for every error, and no internals leaked."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel
from samen_kit.problems import (
    PROBLEM_JSON,
    Conflict,
    Gone,
    Invalid,
    NotFound,
    Problem,
    install_problem_handlers,
)

pytestmark = pytest.mark.unit


class Answer(BaseModel):
    choice: str
    guardian_count: int


def build_app() -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/requests/{request_id}")
    async def missing(request_id: str) -> None:
        raise NotFound(f"Verzoek {request_id} bestaat niet.")

    @app.post("/requests/{request_id}/withdraw")
    async def conflict(request_id: str) -> None:
        raise Conflict("Het verzoek is al ingetrokken.", allowed_moves=["renew"])

    @app.post("/answers")
    async def answer(body: Answer) -> Answer:
        return body

    @app.get("/gone")
    async def gone() -> None:
        raise Gone()

    @app.get("/crash")
    async def crash() -> None:
        raise RuntimeError("password=hunter2 at db-internal-7")

    return app


@pytest.fixture
def client() -> TestClient:
    return TestClient(build_app(), raise_server_exceptions=False)


def test_not_found_is_a_problem_document(client: TestClient) -> None:
    response = client.get("/requests/r-1")

    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json() == {
        "type": "urn:samen:problem:not-found",
        "title": "Niet gevonden",
        "status": 404,
        "detail": "Verzoek r-1 bestaat niet.",
        "instance": "/requests/r-1",
    }


def test_a_conflict_says_which_moves_are_allowed(client: TestClient) -> None:
    body = client.post("/requests/r-1/withdraw").json()

    assert (body["status"], body["type"]) == (409, "urn:samen:problem:conflict")
    assert body["allowed_moves"] == ["renew"]


def test_a_malformed_payload_is_a_422_naming_the_fields_but_not_their_values(
    client: TestClient,
) -> None:
    response = client.post("/answers", json={"choice": "ja", "guardian_count": "Jansen"})

    body = response.json()
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM_JSON
    assert body["type"] == "urn:samen:problem:invalid"
    assert [error["loc"] for error in body["errors"]] == [["body", "guardian_count"]]
    assert "Jansen" not in response.text


def test_an_unknown_route_is_a_problem_too(client: TestClient) -> None:
    response = client.get("/nowhere")

    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["type"] == "urn:samen:problem:not-found"


def test_a_wrong_method_is_a_problem_with_its_own_type(client: TestClient) -> None:
    response = client.delete("/gone")

    assert response.status_code == 405
    assert response.json()["type"] == "urn:samen:problem:method-not-allowed"


def test_gone_is_410(client: TestClient) -> None:
    assert client.get("/gone").json()["type"] == "urn:samen:problem:gone"


def test_an_unexpected_error_is_a_500_that_tells_nothing_inside(client: TestClient) -> None:
    response = client.get("/crash")

    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["type"] == "urn:samen:problem:internal-error"
    assert "hunter2" not in response.text
    assert "RuntimeError" not in response.text


def test_extension_members_cannot_replace_standard_ones() -> None:
    with pytest.raises(ValueError):
        Invalid(extra={"status": 200})


def test_a_problem_without_detail_leaves_it_out() -> None:
    assert Problem().body("/x") == {
        "type": "urn:samen:problem:internal-error",
        "title": "Er ging iets mis aan onze kant",
        "status": 500,
        "instance": "/x",
    }
