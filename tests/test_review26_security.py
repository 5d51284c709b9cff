"""Review 26: hostile input meeting storydiff where earlier reviews did not look (an embedded web
app's Host names, quadratic regexes on attacker-written fields, ...)."""

from __future__ import annotations

import pytest

from storydiff.store import open_store

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from storydiff.serve.api import create_app


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "s.db")
    open_store(path).close()
    return path


def test_an_embedded_app_answers_only_loopback_names_by_default(db):
    # create_app without `storydiff serve` answered any Host: a user serving it with their own
    # uvicorn on 127.0.0.1 could have the database read by a page rebinding its name to loopback
    with TestClient(create_app(db)) as client:
        for host, status in (("rebind.attacker.example:8000", 400), ("testserver", 400),
                             ("127.0.0.1:8000", 200), ("localhost", 200), ("[::1]:8000", 200),
                             ("localhost.", 200)):
            assert client.get("/api/stories", headers={"host": host}).status_code == status, host


def test_an_embedded_app_answers_the_names_it_is_given_or_any_when_told(db):
    with TestClient(create_app(db, allowed_hosts="news.lan")) as client:  # one name, not its letters
        assert client.get("/api/stories", headers={"host": "news.lan:80"}).status_code == 200
        assert client.get("/api/stories", headers={"host": "n"}).status_code == 400
        assert client.get("/api/stories", headers={"host": "localhost"}).status_code == 400
    with TestClient(create_app(db, allowed_hosts=["*"])) as client:
        assert client.get("/api/stories", headers={"host": "news.example.org"}).status_code == 200
