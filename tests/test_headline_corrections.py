"""An outlet's correction of the headline alone (the same URL and body) is a revision, by file
ingest, by the REST API and by ``compare``'s versions (review 21a, R1: "1 already stored" with no
word, the API skipped it unread, and the wrong toll stayed current and "disputed" the other
outlets'). A page read again with its headline unchanged is still a repeat, and a page's <title>
that adds the outlet's name is the same headline. On SQLite and, when STORYDIFF_TEST_PG_URL is
set, PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said, write_jsonl

from storydiff.records import Article
from storydiff.store import open_store
from storydiff.versions.batch import dedupe_ids

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

URL = "https://dzien.example/kraj/atak-na-lwow"
BODY = ("W nocy Rosja zaatakowała Lwów dronami i rakietami, poinformował gubernator Maksym Kozycki.\n"
        "Pięć osób zginęło, a siedem zostało rannych, w tym dwoje dzieci.\n"
        "Uszkodzone zostały dwa budynki mieszkalne i szkoła w dzielnicy Sychów.")
FIRST = {"outlet": "Dzień", "url": URL, "title": "Atak na Lwów: nie żyje pięć osób",
         "published": "2026-12-06T07:00:00Z", "text": BODY}
CORRECTED = {**FIRST, "title": "Atak na Lwów: nie żyją trzy osoby", "modified": "2026-12-06T09:00:00Z"}


def test_a_headline_only_correction_is_a_revision_and_a_reread_is_not(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "v1.jsonl", FIRST))
    said = ingest_said(db_url, write_jsonl(tmp_path, "v2.jsonl", CORRECTED))
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert a.title == CORRECTED["title"]
        assert [r.article.title for r in s.revisions(a.id)] == [FIRST["title"], CORRECTED["title"]]
    # either version read again from another file is a repeat, not one more revision
    for name, row in (("again1.jsonl", FIRST), ("again2.jsonl", CORRECTED)):
        said = ingest_said(db_url, write_jsonl(tmp_path, name, row))
        assert "1 already stored" in said and "new revision" not in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert len(s.revisions(a.id)) == 2 and a.title == CORRECTED["title"]


def test_an_export_written_over_with_the_corrected_headline_is_read_again(db_url, tmp_path):
    path = write_jsonl(tmp_path, "latest.jsonl", FIRST)
    ingest_said(db_url, path)
    write_jsonl(tmp_path, "latest.jsonl", CORRECTED)  # the same path, the same body
    said = ingest_said(db_url, path)
    assert "1 new revision" in said, said


def test_the_api_stores_a_headline_only_correction(db_url):
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    auth = {"Authorization": "Bearer t"}
    with TestClient(create_app(db_url, token="t")) as c:
        assert c.post("/api/articles", json=FIRST, headers=auth).json()["items"][0]["status"] == "stored"
        item = c.post("/api/articles", json=CORRECTED, headers=auth).json()["items"][0]
        assert item["status"] == "stored", item
        item = c.post("/api/articles", json=CORRECTED, headers=auth).json()["items"][0]
        assert item["status"] == "skipped", item  # sent again: a repeat
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert a.title == CORRECTED["title"] and len(s.revisions(a.id)) == 2


def _art(title: str, outlet: str = "Wire") -> Article:
    return Article(id="a1", source="a.jsonl#1", text=BODY, url=URL, outlet=outlet, title=title)


def test_compare_reads_the_two_headlines_as_two_versions():
    versions: dict = {}
    kept = dedupe_ids([(0, _art("Attack on Lviv kills five")), (1, _art("Attack on Lviv kills three"))], versions)
    assert len(kept) == 1 and [v.title for v in versions["a1"]] == ["Attack on Lviv kills five", "Attack on Lviv kills three"]


def test_the_outlet_name_a_title_tag_adds_and_a_missing_title_are_no_headline_change():
    from storydiff.records import same_headline

    assert same_headline(_art("Attack on Lviv kills five"), _art("Attack on Lviv kills five - Wire"))
    assert same_headline(_art("Attack on Lviv kills five"), _art("WIRE | Attack on Lviv: kills five"))
    assert same_headline(_art("Attack on Lviv kills five"), _art(""))
    assert not same_headline(_art("Attack on Lviv kills five"), _art("Attack on Lviv kills three"))
