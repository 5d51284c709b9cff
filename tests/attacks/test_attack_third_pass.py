"""Issue 22, the helpers' second pass of attacks (as a user would): what it found, each as a
failing-before test. A feed of thousands of near-identical entries makes one story of thousands of
articles; comparing all of them pairwise took minutes and then 5 GB on one story page (a 500)."""

from __future__ import annotations

import json

import attack_inputs as inputs
import pytest
from attack_cli import cli, no_traceback

import storydiff.compare as compare
from storydiff.compare import compared_articles
from storydiff.records import Article
from storydiff.settings import CompareSettings

SMALL_LIMIT = 3


def reprint(n: int, outlet: str) -> dict:
    """One wire report as many outlets carry it: the same story, a line of its own each."""
    row = inputs.good_row(1, outlet)
    return dict(row, id=f"{outlet[:4]}{n}", url=f"https://{outlet[:4].lower()}.example/{n}",
                text=row["text"] + f" Edition {n} of {outlet}.", published=f"2024-03-{n + 1:02d}T10:00:00Z")


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(compare, "CompareSettings", lambda: CompareSettings(max_story_articles=SMALL_LIMIT))


def test_a_story_past_the_limit_compares_the_first_of_each_outlet_then_the_earliest():
    arts = [Article(id=f"a{n}", source="s", text="t", outlet=o, published=f"2024-03-{n + 1:02d}")
            for n, o in enumerate(["Wire", "Wire", "Wire", "Gazette", "Wire", "Post"])]
    chosen = compared_articles(list(reversed(arts)), limit=4)
    assert [a.id for a in chosen] == ["a0", "a1", "a3", "a5"]  # every outlet, then the earliest, in story order
    assert compared_articles(arts, limit=10) == arts


def test_show_and_the_story_page_of_a_story_past_the_limit_say_what_was_left_out(small_limit, tmp_path):
    rows = [reprint(n, outlet) for n in range(4) for outlet in ("Velm Gazette", "Harbor Wire")]
    db = tmp_path / "news.db"
    assert cli("ingest", inputs.write_jsonl(tmp_path / "rows.jsonl", rows), "--db", db, "--workers", "0").exit_code == 0
    stories = [json.loads(line) for line in cli("stories", "--db", db, "--json").stdout.splitlines()]
    assert [s["n_articles"] for s in stories] == [len(rows)]  # one story of all of them
    story_id = stories[0]["id"]

    shown = cli("show", story_id, "--db", db)
    assert shown.exit_code == 0 and no_traceback(shown), shown.output
    assert f"{len(rows) - SMALL_LIMIT} more articles not compared" in " ".join(shown.stdout.split())

    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    client = TestClient(create_app(str(db)), raise_server_exceptions=False)
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200 and f"{len(rows) - SMALL_LIMIT} more articles not compared</span>" in page.text
    story = client.get(f"/api/stories/{story_id}").json()
    assert story["not_compared"] == len(rows) - SMALL_LIMIT and len(story["article_ids"]) == SMALL_LIMIT
    assert {"Velm Gazette", "Harbor Wire"} <= {t["outlet"] for t in story["timeline"]}


def test_a_public_feed_never_leads_watch_to_a_private_address(tmp_path):
    """A hostile feed lists an internal service and redirects a page to a cloud's metadata
    address: what they answer would be stored and shown by the web app (server-side request forgery)."""
    import sqlite3
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from outlets import Outlets, Page, article_html, rss  # tests/outlets.py

    host = "hostile-gazette.test"
    o = Outlets().start()
    try:
        inside = f"http://127.0.0.1:{o.port}/secret"
        o.set("127.0.0.1", "/robots.txt", Page(b"User-agent: *\n", content_type="text/plain"))
        o.set("127.0.0.1", "/secret", Page(article_html("Internal", [inputs.PARAGRAPH, "SECRET KEY 1234 of the intranet."],
                                                         outlet="Intranet", published="2024-03-11T10:00:00Z")))
        o.set(host, "/robots.txt", Page(b"User-agent: *\n", content_type="text/plain"))
        o.set(host, "/moved", Page(status=302, headers={"Location": inside}))
        entries = [{"title": "Listed", "link": inside, "description": "Listed summary, a sentence long enough."},
                   {"title": "Moved", "link": f"http://{host}/moved"},
                   {"title": "Good", "link": f"http://{host}/news/1"}]
        o.set(host, "/feed.xml", Page(rss("Hostile Gazette", f"http://{host}/", entries),
                                      content_type="application/rss+xml; charset=utf-8"))
        o.set(host, "/news/1", Page(article_html("Breakwater report 1", [inputs.good_row(1)["text"]],
                                                 outlet="Hostile Gazette", published="2024-03-11T10:00:00Z")))
        db = tmp_path / "watch.db"
        result = cli("watch", "--once", "--db", db, "--delay", "0.1", "--timeout", "2", f"http://{host}/feed.xml",
                     *o.resolve_args())
        assert no_traceback(result), result.output
        assert o.hits(host="127.0.0.1") == []
        assert f"{host}/moved: http://{host} led to a private address (127.0.0.1): not fetched" in result.stderr
        assert "led to a private address (127.0.0.1)" in result.stderr.replace(f"{host}/moved", "")
        with sqlite3.connect(db) as conn:
            texts = " ".join(d for (d,) in conn.execute("SELECT data FROM articles"))
        assert "SECRET" not in texts and "Breakwater report 1" in texts
    finally:
        o.close()


def test_an_html_fragment_of_one_paragraph_is_read_not_called_unparseable(tmp_path):
    """An export's (or a POST's) ``html`` field holding only "<p>...</p>" failed as "unparseable HTML"."""
    body = f"<p>{inputs.good_row(1)['text']}</p>"
    rows = inputs.write_jsonl(tmp_path / "rows.jsonl", [{"id": "f1", "html": body}])
    page = tmp_path / "fragment.html"
    page.write_text(body, encoding="utf-8")
    result = cli("extract", rows, page, "--json")
    assert result.exit_code == 0 and no_traceback(result), result.output
    articles = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(articles) == 2 and all("harbour authority of Port Velm" in a["text"] for a in articles)


def test_a_warc_header_line_past_the_item_limit_fails_by_name_and_the_records_before_it_are_read():
    """A 200 MB WARC header line was read whole by concatenation: 290 MB and over ten minutes,
    deaf to a stop, and then named 'empty response body'."""
    import io

    from storydiff.ingest.formats import read_warc
    from storydiff.records import Failure, RawItem
    from storydiff.settings import IngestSettings

    settings = IngestSettings(max_item_bytes=1_000_000)
    huge = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/\r\nX-Big: " + b"a" * 2_000_000
            + b"\r\nContent-Length: 10\r\n\r\n0123456789\r\n\r\n")
    for data in (inputs.warc_bytes([("http://g.example/1", inputs.page(1))]) + huge,):
        results = list(read_warc("big.warc", io.BytesIO(data), settings))
        assert isinstance(results[0], RawItem) and results[0].url == "http://g.example/1"
        assert isinstance(results[1], Failure) and results[1].source == "big.warc#record2"
        assert "without a line break" in results[1].reason
