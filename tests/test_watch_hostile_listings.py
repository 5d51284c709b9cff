"""Listings that are hostile or just large, read by `storydiff watch` against a real HTTP server on
loopback (tests/outlets.py): a malformed link among good ones, more pages than a round reads, a
page listed by two sources, an edit announced only by a sitemap's <lastmod> (review 23a, QA pass 23a)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from outlets import Outlets, Page, rss
from test_watch import FERRY, QUAKE, articles, errors, page, rows, runner, watch

from storydiff.serve.cli import app

SITE = "pub.test"


def url(path: str) -> str:
    return f"http://{SITE}{path}"


@pytest.fixture
def site():
    o = Outlets()
    o.set(SITE, "/robots.txt", Page(b"User-agent: *\nAllow: /\n", content_type="text/plain"))
    o.set(SITE, "/a/quake", page("Quake kills 14 in Berovac", QUAKE, "Pub News"))
    o.set(SITE, "/a/ferry", page("Ferry runs aground off Cape Lorn", FERRY, "Pub News"))
    o.start()
    yield o
    o.close()


def _rss(links: list[str]) -> Page:
    return Page(rss("Pub News", url("/"), [{"title": f"t{i}", "link": link} for i, link in enumerate(links)]),
                content_type="application/rss+xml; charset=utf-8")


def _urlset(urls: list[str], extra: str = "") -> Page:
    locs = "".join(f"<url><loc>{u}</loc>{extra}</url>" for u in urls)
    return Page(f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{locs}</urlset>".encode(),
                content_type="application/xml")


def test_one_malformed_link_is_named_and_the_listing_is_read(site, tmp_path):
    """``http://[::1/x`` (an unclosed IPv6 bracket) made urlsplit raise: the whole feed or sitemap
    failed as "Invalid IPv6 URL", every good entry lost, every round (review 23a, F2)."""
    site.set(SITE, "/feed.xml", _rss([url("/a/quake"), "http://[::1/broken"]))
    site.set(SITE, "/sitemap.xml", _urlset([url("/a/ferry"), "http://[::1/other"]))
    db = str(tmp_path / "w.db")
    result = watch(site, db, sources=[url("/feed.xml"), url("/sitemap.xml")])
    assert result.exit_code == 0, result.stderr
    assert set(articles(db)) == {url("/a/quake"), url("/a/ferry")}
    failed = errors(db)
    assert "malformed link 'http://[::1/broken'" in failed[url("/feed.xml")]
    assert "malformed link 'http://[::1/other'" in failed[url("/sitemap.xml")]


def test_ingest_of_a_saved_feed_with_a_malformed_link_names_that_entry_and_goes_on(tmp_path):
    body = ("The council met on Monday in Springfield to vote on the budget of the city, said mayor Jane Roe, "
            "who called it historic. The vote passed 7 to 2 after a long debate about roads and schools.")
    items = [{"title": "Council votes", "link": url("/good"), "summary": body},
             {"title": "Broken", "link": "http://[::1/broken", "summary": body.replace("council", "board")}]
    (tmp_path / "a_feed.xml").write_bytes(rss("Pub News", url("/"), items))
    (tmp_path / "b.jsonl").write_text('{"id": "b1", "title": "Bridge opens", "outlet": "Other", "text": "'
                                      + "A bridge in Shelbyville opened on Tuesday after years of work by the county. " * 3
                                      + '"}\n')
    db = str(tmp_path / "i.db")
    result = runner.invoke(app, ["ingest", "--workers", "0", "--db", db, str(tmp_path / "a_feed.xml"),
                                 str(tmp_path / "b.jsonl")])
    assert result.exception is None, result.output
    titles = {json.loads(d)["title"] for (d,) in rows(db, "select data from articles")}
    assert {"Council votes", "Bridge opens"} <= titles
    assert any("malformed link 'http://[::1/broken'" in r for r in errors(db).values())
