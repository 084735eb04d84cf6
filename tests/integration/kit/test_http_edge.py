"""The kit's HTTP edge, over a real socket: the input rules answer 4xx problems before
any handler runs, and an unexpected error answers a 500 problem on a connection that
stays open for the next request."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel, Field
from samen_kit.guards import EdgeGuard
from samen_kit.inputs import Count, LongText, SchoolDate, ShortText, Version
from samen_kit.problems import PROBLEM_JSON, install_problem_handlers, install_problem_openapi
from samen_kit.testing.server import serve

pytestmark = pytest.mark.integration
MAX_BODY = 4096


class NoteIn(BaseModel):
    title: ShortText
    text: LongText
    version: Version
    size: Count
    on: SchoolDate


def edge_app(stored: list[NoteIn]) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    install_problem_openapi(app)
    app.add_middleware(EdgeGuard, max_body_bytes=MAX_BODY)

    @app.post("/notes", status_code=201)
    async def add(note: NoteIn) -> dict[str, int]:
        stored.append(note)
        return {"count": len(stored)}

    @app.get("/notes/{code}")
    async def get(code: Annotated[str, Field(max_length=64)]) -> dict[str, str]:
        return {"code": code}

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a bug")

    return app


@pytest.fixture
async def edge() -> AsyncIterator[tuple[httpx.AsyncClient, list[NoteIn]]]:
    stored: list[NoteIn] = []
    async with (
        serve(edge_app(stored)) as url,
        httpx.AsyncClient(base_url=url, timeout=10) as client,
    ):
        yield client, stored


def note(**changes: object) -> dict[str, object]:
    return {
        "title": "Gesprek",
        "text": "Regel een\nregel twee",
        "version": 1,
        "size": 0,
        "on": "2026-03-02",
        **changes,
    }


async def test_a_valid_note_is_taken(edge: tuple[httpx.AsyncClient, list[NoteIn]]) -> None:
    client, stored = edge
    answer = await client.post("/notes", json=note())
    assert answer.status_code == 201
    assert stored[0].on == date(2026, 3, 2)


@pytest.mark.parametrize(
    "changes",
    [
        {"title": "Ge\x00sprek"},
        {"text": "nul \x00 teken"},
        {"title": "twee\nregels"},
        {"text": "bel \x07"},
        {"version": 2**31},
        {"version": 0},
        {"size": 2**63},
        {"size": 10**30},
        {"on": "9999-12-31"},
        {"on": "0001-01-01"},
    ],
    ids=str,
)
async def test_text_integers_and_dates_outside_the_rule_are_a_422_problem_and_nothing_is_stored(
    edge: tuple[httpx.AsyncClient, list[NoteIn]], changes: dict[str, object]
) -> None:
    client, stored = edge
    answer = await client.post("/notes", json=note(**changes))
    assert answer.status_code == 422
    assert answer.headers["content-type"] == PROBLEM_JSON
    assert answer.json()["type"] == "urn:samen:problem:invalid"
    assert stored == []


@pytest.mark.parametrize("path", ["/notes/a%00b", "/notes/%00", "/notes/a%1Fb", "/l/%00"])
async def test_a_control_character_in_the_path_is_a_404_problem(
    edge: tuple[httpx.AsyncClient, list[NoteIn]], path: str
) -> None:
    client, _ = edge
    answer = await client.get(path)
    assert answer.status_code == 404
    assert answer.headers["content-type"] == PROBLEM_JSON


async def test_a_control_character_in_the_query_is_a_400_problem(
    edge: tuple[httpx.AsyncClient, list[NoteIn]],
) -> None:
    client, _ = edge
    answer = await client.get("/notes/abc", params={"q": "a\x00b"})
    assert answer.status_code == 400
    assert answer.json()["type"] == "urn:samen:problem:bad-request"


async def test_a_body_over_the_limit_is_a_413_problem_with_or_without_a_length(
    edge: tuple[httpx.AsyncClient, list[NoteIn]],
) -> None:
    client, stored = edge
    big = note(text="x" * (MAX_BODY + 1))
    with_length = await client.post("/notes", json=big)

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: chunked
        yield b'{"title": "a", "text": "'
        yield b"x" * (MAX_BODY + 1)
        yield b'"}'

    streamed = await client.post(
        "/notes", content=chunks(), headers={"content-type": "application/json"}
    )

    assert with_length.status_code == streamed.status_code == 413
    assert streamed.json()["type"] == "urn:samen:problem:too-large"
    assert stored == []


async def test_after_a_500_the_same_connection_serves_the_next_request(
    edge: tuple[httpx.AsyncClient, list[NoteIn]],
) -> None:
    client, _ = edge
    peers: list[object] = []

    async def remember_peer(response: httpx.Response) -> None:
        stream = response.extensions["network_stream"]
        peers.append(stream.get_extra_info("client_addr"))

    client.event_hooks["response"] = [remember_peer]
    failed = await client.get("/boom")
    following = await client.get("/notes/abc")

    assert failed.status_code == 500
    assert failed.headers["content-type"] == PROBLEM_JSON
    assert failed.json()["type"] == "urn:samen:problem:internal-error"
    assert "a bug" not in failed.text
    assert following.status_code == 200
    assert peers[0] == peers[1], "the connection was closed after the 500"


def test_the_openapi_document_declares_the_problem_answers() -> None:
    document = edge_app([]).openapi()
    post = document["paths"]["/notes"]["post"]["responses"]
    get = document["paths"]["/notes/{code}"]["get"]["responses"]

    assert {"400", "404", "409", "413", "422"} <= set(post)
    assert {"400", "404", "409", "422"} <= set(get) and "413" not in get
    problem = document["components"]["responses"]["Problem422"]["content"][PROBLEM_JSON]
    assert problem["schema"] == {"$ref": "#/components/schemas/Problem"}
