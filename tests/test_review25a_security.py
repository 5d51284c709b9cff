"""Review 25a: hostile input at the web app's and the watcher's edges (search words, ...)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storydiff.records import Article
from storydiff.serve.api import create_app

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # SQLite, and PostgreSQL when STORYDIFF_TEST_PG_URL is set

FERRY = Article(id="f1", source="x#1", url="https://harbor.example/1", outlet="Harbor Wire", title="Ferry aground",
                published="2024-01-01", text="A ferry ran aground off Cape Lorn; all 212 passengers were brought ashore.")


@pytest.fixture
def filled(store):
    assert store.add_article(FERRY, story_id="ferry")
    return store


@pytest.mark.parametrize("query", ["ferry\x00aground", "__*", "-_-*", "ferry __*"])
def test_a_query_of_odd_characters_finds_nothing_or_its_words_never_fails(filled, query):
    # a NUL ended FTS5's quoted string ("unterminated string") on SQLite and is refused in a
    # PostgreSQL parameter; a prefix of underscores alone made PostgreSQL's tsquery ":*", a syntax
    # error: each was a 500 from /search and /api/search for anyone
    hits = filled.search(query)
    assert {h.article_id for h in hits} <= {"f1"}


def test_the_search_page_and_api_answer_a_nul_in_the_query(db_url, filled):
    with TestClient(create_app(db_url), raise_server_exceptions=False) as client:
        api = client.get("/api/search", params={"q": "ferry\x00aground"})
        assert api.status_code == 200
        assert [a["article_id"] for a in api.json()["articles"]] == ["f1"]  # the NUL separates two words
        assert client.get("/search", params={"q": "__*"}).status_code == 200
