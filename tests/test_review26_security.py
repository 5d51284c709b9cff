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


def _in_a_child(script: str, timeout: int = 60) -> str:
    """``script``'s output, run in a child process: a regression fails on the timeout instead of
    hanging the suite (the convention of test_origins.py and test_update_stamp_claims.py)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", script], timeout=timeout, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_feed_author_padded_with_blanks_is_read_in_linear_time():
    # "^\s*(.+?)\s*\(\S+@\S+\)" split a run of spaces every way (40,000 in one RSS <author>: 14 s
    # for `storydiff extract feed.rss`; 400,000 would take over 20 minutes)
    script = ("from storydiff.ingest.formats import _feed_author\n"
              "print(repr(_feed_author('Jane' + ' ' * 400_000 + 'Doe!')))\n"
              "print(repr(_feed_author('a (' + ' ' * 400_000 + 'x@y)')))\n")
    assert _in_a_child(script, timeout=30).splitlines() == [repr("Jane" + " " * 400_000 + "Doe!"), "None"]


@pytest.mark.parametrize(("value", "name"), [
    ("desk@site.com (Jane Doe)", "Jane Doe"), ("Jane Doe (jane@x.org)", "Jane Doe"), ("jane@x.org", None),
    ("Jane (Reuters)", "Jane (Reuters)"), ("desk@site(Jane)", "Jane"), ("  Jane  ", "Jane"), ("(x@y)", None),
])
def test_a_feed_author_names_the_person_not_the_address(value, name):
    from storydiff.ingest.formats import _feed_author

    assert _feed_author(value) == name
