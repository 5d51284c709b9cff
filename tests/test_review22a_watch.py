"""`storydiff watch` keeping what it could not store in view (review 22a, R6, R7) and a wire's update
at a new slug (QA pass 22a, 01), against a real HTTP server on loopback (tests/outlets.py). On
SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from outlets import Outlets, Page, article_html, rss

runner = CliRunner()
db_url = test_store.db_url  # SQLite, and PostgreSQL when set
H = "harbor-wire.test"
QUAKE = ["An earthquake of magnitude 6.1 killed 14 people in the mountain town of Berovac on Monday, "
         "the regional governor said.",
         "\"We are searching every house, and we will not stop tonight,\" governor Anton Brel told reporters.",
         "Rescue teams from the capital arrived in the evening with sniffer dogs and heavy lifting equipment.",
         "\"The school held, and no children were hurt,\" Brel said of the primary school on Market Street."]


def listing(*items: tuple[str, str]) -> Page:
    return Page(rss("Harbor Wire", f"http://{H}/", [
        {"title": t, "link": f"http://{H}{path}", "published": "Mon, 11 Mar 2024 10:00:00 GMT"} for t, path in items]),
        content_type="application/rss+xml; charset=utf-8")


def watch(o: Outlets, db: str):
    result = runner.invoke(app, ["watch", "--once", "--db", db, "--delay", "0.1", "--timeout", "2",
                                 "--recheck-after", "0", f"http://{H}/feed.xml", *o.resolve_args()])
    assert result.exit_code == 0, result.output
    return result


def failures(db: str) -> dict[str, str]:
    with open_store(db) as s:
        return {f.source: f.reason for f in s.failures()}


@pytest.fixture
def web():
    o = Outlets()
    yield o
    o.close()


def test_a_page_that_could_not_be_extracted_stays_quarantined_after_a_304(db_url, web):
    """review 22a, R6: the page's ETag was saved although nothing was stored, and the next round's
    304 cleared its entry: the page was never read again and `errors` forgot it."""
    gallery = f"http://{H}/news/gallery"
    web.set(H, "/feed.xml", listing(("Quake kills 14", "/news/quake"), ("Gallery", "/news/gallery")))
    web.set(H, "/news/quake", Page(article_html("Quake kills 14", QUAKE, outlet="Harbor Wire",
                                                published="2024-03-11T10:00:00Z"), etag='"q1"'))
    web.set(H, "/news/gallery", Page(b"<html><head><title>Gallery</title></head><body><div id=app></div>"
                                     b"<script>load()</script></body></html>", etag='"g1"'))
    web.start()
    watch(web, db_url)
    assert gallery in failures(db_url)
    watch(web, db_url)
    assert gallery in failures(db_url)  # still listed
    # fetched whole again (no validators saved for it), while the stored page is asked conditionally
    assert [h.status for h in web.hits(H, "/news/gallery")] == [200, 200]
    assert [h.status for h in web.hits(H, "/news/quake")] == [200, 304]
    # once the page can be read, it is stored and its entry leaves
    web.set(H, "/news/gallery", Page(article_html("Gallery: the quake", QUAKE[:3], outlet="Harbor Wire",
                                                  published="2024-03-11T11:00:00Z"), etag='"g2"'))
    watch(web, db_url)
    assert gallery not in failures(db_url)
