"""Listings that are hostile or just large, read by `storydiff watch` against a real HTTP server on
loopback (tests/outlets.py): a malformed link among good ones, more pages than a round reads, a
page listed by two sources, an edit announced only by a sitemap's <lastmod> (review 23a, QA pass 23a)."""

from __future__ import annotations

import asyncio
import json
import queue
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from outlets import Outlets, Page, rss
from test_watch import QUAKE, articles, errors, page, rows, runner, two_page_site, watch

from storydiff.fetch.round import Round, SourceReport
from storydiff.records import Failure, FetchedUrl, RawItem
from storydiff.serve.cli import app
from storydiff.settings import FetchSettings, WatchSettings

SITE = "pub.test"


def url(path: str) -> str:
    return f"http://{SITE}{path}"


@pytest.fixture
def site():
    o = two_page_site(SITE, "Pub News")
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


# -- one round on its own (fetch/round.py), its events collected, what the store knows a dict ---------------------

FAST = replace(FetchSettings(), delay=0.0, read_timeout=1.0, connect_timeout=1.0, total_timeout=3.0, backoff=0.05)
NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def one_round(site: Outlets, sources: list[str], known: dict[str, FetchedUrl], now: datetime = NOW, **watch_kw) -> list:
    """The round's events; ``known`` gains its FetchedUrl records, as the store would."""
    events: list = []

    async def emit(ev) -> None:
        events.append(ev)
        if isinstance(ev, FetchedUrl):
            old = known.get(ev.url)
            known[ev.url] = replace(ev, first_seen=old.first_seen if old else ev.last_checked)

    rnd = Round(sources, lookup=lambda urls: {u: known[u] for u in urls if u in known}, now=now, settings=FAST,
                watch=replace(WatchSettings(), **watch_kw), resolve=site.resolve_map())
    asyncio.run(rnd.run(emit))
    return events


def fetched_pages(events: list) -> list[str]:
    return [ev.source for ev in events if isinstance(ev, RawItem)]


def _dated_sitemap(pages: dict[str, str]) -> Page:
    return Page(
        ("<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
         + "".join(f"<url><loc>{u}</loc><lastmod>{d}</lastmod></url>" for u, d in pages.items())
         + "</urlset>").encode(), content_type="application/xml")


def test_a_listing_longer_than_a_round_reads_is_read_newest_first_and_the_rest_named_and_read_later(site):
    """Past max_pages_per_source the rest was dropped unsaid, every round, from the end of the document:
    an oldest-first sitemap never had its newest pages read (review 23a, F3)."""
    oldest_first = {url(f"/p/{d}"): f"2026-12-0{d}T08:00:00Z" for d in range(1, 9)}
    for u in oldest_first:
        site.set(SITE, u.removeprefix(url("")), page(f"Page {u[-1]}", QUAKE, "Pub News"))
    site.set(SITE, "/sitemap.xml", _dated_sitemap(oldest_first))
    known: dict[str, FetchedUrl] = {}
    first = one_round(site, [url("/sitemap.xml")], known, max_pages_per_source=5)
    assert sorted(fetched_pages(first)) == sorted(url(f"/p/{d}") for d in (8, 7, 6, 5, 4))
    said = [ev.reason for ev in first if isinstance(ev, Failure) and ev.source == url("/sitemap.xml")]
    assert said == ["lists 8 pages; at most 5 are fetched a round (max_pages_per_source), newest first: "
                    "3 more due, left for later rounds"]
    second = one_round(site, [url("/sitemap.xml")], known, now=NOW + timedelta(minutes=5), max_pages_per_source=5)
    assert sorted(fetched_pages(second)) == sorted(url(f"/p/{d}") for d in (1, 2, 3))
    assert not [ev for ev in second if isinstance(ev, Failure)]


def test_a_page_whose_sitemap_lastmod_moves_past_our_fetch_is_fetched_again_whatever_its_age(site):
    """QA pass 23a, 07: an edit announced by <lastmod> was never fetched once the page was 48 h old."""
    site.set(SITE, "/sitemap.xml", _dated_sitemap({url("/a/quake"): "2026-12-07T11:00:00Z",
                                                   url("/a/ferry"): "2026-12-01T09:00:00Z"}))
    long_ago, checked = "2026-12-01T10:00:00+00:00", "2026-12-03T10:00:00+00:00"
    known = {u: FetchedUrl(url=u, first_seen=long_ago, last_checked=checked, meta={"lastmod": "2026-12-01T09:00:00Z"})
             for u in (url("/a/quake"), url("/a/ferry"))}
    known[url("/a/ferry")].meta = {}  # recorded before lastmod was read: an old lastmod is no edit
    events = one_round(site, [url("/sitemap.xml")], known)
    assert fetched_pages(events) == [url("/a/quake")]
    assert known[url("/a/quake")].meta["lastmod"] == "2026-12-07T11:00:00Z"
    assert fetched_pages(one_round(site, [url("/sitemap.xml")], known, now=NOW + timedelta(minutes=5))) == []


def test_a_page_listed_by_a_sitemap_and_a_feed_is_fetched_once_a_round(site):
    """QA pass 23a, 02: each of 80 pages was requested twice a round (a round 2x as long)."""
    site.set(SITE, "/feed.xml", _rss([url("/a/quake"), url("/a/ferry")]))
    site.set(SITE, "/sitemap.xml", _urlset([url("/a/ferry"), url("/a/quake")]))
    events = one_round(site, [url("/feed.xml"), url("/sitemap.xml")], {})
    assert sorted(fetched_pages(events)) == [url("/a/ferry"), url("/a/quake")]
    assert len(site.hits(SITE, "/a/quake")) == 1 and len(site.hits(SITE, "/a/ferry")) == 1
    reports = {ev.url: ev for ev in events if isinstance(ev, SourceReport)}
    assert set(reports[url("/sitemap.xml")].pages) == {url("/a/quake"), url("/a/ferry")}  # still listed by both


def test_a_page_extraction_would_refuse_is_refused_before_it_waits_in_the_queue(site):
    """100 pages of 9.5 MB (one emoji: 38 MB each decoded) queued for an extraction that refuses them
    all took watch to 3.8 GB (review 23a, F4)."""
    big = b"<html><head><title>Big \xf0\x9f\x98\x80</title></head><body><article><p>" + b"word " * 800_000 + b"</p></article></body></html>"
    site.set(SITE, "/a/big", Page(big))
    site.set(SITE, "/feed.xml", _rss([url("/a/big"), url("/a/quake")]))
    events = one_round(site, [url("/feed.xml")], {})
    assert fetched_pages(events) == [url("/a/quake")]
    refused = [ev for ev in events if isinstance(ev, Failure) and ev.source == url("/a/big")]
    assert len(refused) == 1 and refused[0].reason.startswith("page too large for one article: 4000")


def test_the_queue_to_extraction_is_bounded_by_the_bytes_of_its_pages():
    from storydiff.fetch.round import EventQueue

    q = EventQueue(items=64, max_bytes=2_500_000)
    pages = [RawItem(source=f"p{i}", kind="html", content="x" * 1_000_000) for i in range(3)]
    q.put_nowait(pages[0])
    q.put_nowait(pages[1])
    with pytest.raises(queue.Full):
        q.put_nowait(pages[2])
    q.put_nowait(Failure("f", "no page: no bytes"))
    assert q.get() is pages[0]
    q.put_nowait(pages[2])
    lone = EventQueue(items=64, max_bytes=10)
    lone.put_nowait(pages[0])  # one page over the budget still passes, alone


def test_a_source_password_is_never_shown(site, tmp_path):
    """A feed watched as http://user:s3cret@host/feed.xml showed its password on the open /sources page,
    /api/sources and `storydiff sources` (review 23a, F9): masked there, kept for the fetch."""
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    site.set(SITE, "/feed.xml", _rss([url("/a/quake")]))
    site.set(SITE, "/gone.xml", Page(status=404))
    db = str(tmp_path / "w.db")
    result = watch(site, db, sources=[f"http://desk:s3cret@{SITE}/feed.xml", f"http://desk:s3cret@{SITE}/gone.xml"])
    assert result.exit_code == 0 and "s3cret" not in result.stderr and f"http://desk:***@{SITE}/gone.xml" in result.stderr
    assert set(articles(db)) == {url("/a/quake")}  # the credentials still reach the feed
    with TestClient(create_app(db)) as client:
        shown = {path: client.get(path).text for path in ("/sources", "/api/sources")}
    shown["cli"] = runner.invoke(app, ["sources", "--db", db]).stdout
    shown["cli --json"] = runner.invoke(app, ["sources", "--db", db, "--json"]).stdout
    for where, text in shown.items():
        assert "s3cret" not in text and "desk:***@" in text, where


def test_a_page_its_listing_dropped_is_re_checked_less_often_than_a_listed_one():
    # review 23c, F7: every page a feed dropped in the last 48 h was re-fetched at each re-check
    # (10, 20, 30 ... requests); it is re-checked dropped_recheck_factor times less often
    from storydiff.fetch.round import DROPPED
    from storydiff.fetch.sources import Entry

    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    rnd = Round([], lookup=lambda urls: {}, now=now, watch=WatchSettings())
    known = FetchedUrl(url=url("/a/quake"), first_seen=(now - timedelta(hours=3)).isoformat(),
                       last_checked=(now - timedelta(minutes=20)).isoformat())
    window_start = (now - timedelta(hours=48)).isoformat()
    assert rnd._due(Entry(url("/a/quake"), None, {}), known, window_start)  # listed: 15 min passed
    assert not rnd._due(Entry(url("/a/quake"), None, {DROPPED: True}), known, window_start)  # dropped: an hour
    older = replace(known, last_checked=(now - timedelta(minutes=61)).isoformat())
    assert rnd._due(Entry(url("/a/quake"), None, {DROPPED: True}), older, window_start)
