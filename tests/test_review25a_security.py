"""Review 25a: hostile input at the web app's and the watcher's edges (search words, ...)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storydiff.records import Article
from storydiff.serve.api import create_app
from storydiff.settings import FetchSettings

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # SQLite, and PostgreSQL when STORYDIFF_TEST_PG_URL is set
FAST = FetchSettings(delay=0.0, read_timeout=2.0, connect_timeout=2.0, total_timeout=5.0, backoff=0.05, retries=0)

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


# -- the watcher: DNS rebinding of a watched public name -------------------------------------------


def _feed_server(address: str, port: int):
    """A server at ``address`` answering every GET with an RSS feed (the attacker's public host)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Feed(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            body = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer((address, port), Feed)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_watched_name_that_once_resolved_privately_gives_its_feed_no_private_reach(monkeypatch):
    """A feed's own name answering 127.0.0.1 once (for robots.txt, then closing) and its public
    address after: what the feed, served from the public address, links to on a private address
    was fetched, as if an intranet listing had named it. The listing's own answer decides."""
    import asyncio
    import socket

    from outlets import Outlets, Page

    from storydiff.fetch import Fetcher, FetchError
    from storydiff.fetch import client as fetch_client

    intranet = Outlets()
    intranet.set("rebind.test", "/robots.txt", Page(b"", status=404, headers={"Connection": "close"}))
    intranet.set("127.0.0.1", "/secret", Page(b"<html><body><p>internal</p></body></html>"))
    intranet.start()
    try:
        attacker = _feed_server("127.0.0.3", intranet.port)
    except OSError:
        intranet.close()
        pytest.skip("127.0.0.3 cannot be bound here")
    public = "127.0.0.3"  # plays a public address
    real_non_public = fetch_client._non_public
    monkeypatch.setattr(fetch_client, "_non_public", lambda a: a != public and real_non_public(a))
    answers = iter(["127.0.0.1"])  # the first lookup rebinds to loopback, every later one is public

    async def getaddrinfo(self, host, port, **kw):
        address = next(answers, public) if host == "rebind.test" else host  # (an address: itself)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    monkeypatch.setattr(asyncio.base_events.BaseEventLoop, "getaddrinfo", getaddrinfo)
    feed = f"http://rebind.test:{intranet.port}/feed.xml"
    secret = f"http://127.0.0.1:{intranet.port}/secret"

    async def follow():
        async with Fetcher(FAST) as f:
            await f.get(feed, expect="listing")  # the operator's source: robots.txt from loopback, the feed not
            return await f.get(secret, listed_by=feed)

    try:
        with pytest.raises(FetchError, match="led to a private address"):
            asyncio.run(follow())
        assert intranet.hits(path="/secret") == []
    finally:
        attacker.shutdown()
        attacker.server_close()
        intranet.close()


# -- storydiff serve on a shared machine ------------------------------------------------------------


@pytest.mark.parametrize(("argv", "warned"), [
    (["storydiff", "serve", "--token", "s3cret"], True),
    (["storydiff", "serve", "--token=s3cret"], True),
    (["storydiff", "serve"], False),  # from STORYDIFF_TOKEN: in the server's own environment only
])
def test_serve_says_a_token_on_the_command_line_is_readable_by_other_users(tmp_path, monkeypatch, capsys, argv, warned):
    import uvicorn

    from storydiff.serve.cli_serve import serve
    from storydiff.store import open_store

    monkeypatch.setenv("STORYDIFF_TOKEN", "s3cret")
    monkeypatch.setattr(sys, "argv", argv)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: None)
    open_store(str(tmp_path / "s.db")).close()
    serve(host="127.0.0.1", port=8123, db=str(tmp_path / "s.db"), token="s3cret")
    err = capsys.readouterr().err
    assert ("--token is readable by every user of this machine" in err) is warned
    assert "s3cret" not in err  # the warning never prints the token itself


# -- a page that names a codec no text is in -------------------------------------------------------

ARTICLE_TEXT = b"The ferry ran aground off Cape Lorn - all 212 passengers are safe, officials said. " * 8


def page_declaring(charset: str, body: bytes = ARTICLE_TEXT) -> bytes:
    return (b'<html><head><meta charset="' + charset.encode() + b'"><title>Ferry aground</title></head>'
            b"<body><article><h1>Ferry aground</h1><p>" + body + b"</p></article></body></html>")


@pytest.mark.parametrize("charset", ["punycode", "undefined"])
def test_a_page_declaring_a_codec_that_raises_unicode_error_is_read_as_utf8(charset):
    # Python's punycode and undefined codecs raise UnicodeError, not UnicodeDecodeError: it escaped
    # decode_bytes, and one such page (its <meta charset> is the outlet's to write) ended the whole
    # watch round, nothing stored, and `ingest` of the file with a traceback
    from storydiff.ingest.decode import decode_bytes

    assert "all 212 passengers are safe" in decode_bytes(page_declaring(charset))


def test_a_watch_round_stores_the_other_pages_beside_such_a_page(tmp_path):
    from dataclasses import replace

    from outlets import Outlets, Page, rss

    from storydiff.store import open_store
    from storydiff.watcher import watch_round

    web = Outlets()
    items = [{"title": "p", "link": "http://a.test/puny"}, {"title": "g", "link": "http://a.test/good"}]
    web.set("a.test", "/feed.xml", Page(rss("A", "http://a.test/", items), content_type="application/rss+xml"))
    web.set("a.test", "/puny", Page(page_declaring("punycode"), content_type="text/html"))
    web.set("a.test", "/good", Page(page_declaring("utf-8", b"A calm report of the harbour and its boats today. " * 8)))
    web.start()
    try:
        with open_store(str(tmp_path / "w.db")) as s:
            watch_round(s, ["http://a.test/feed.xml"], settings=replace(FAST, retries=0), resolve=web.resolve_map())
            assert sorted(a.url for a in s.articles()) == ["http://a.test/good", "http://a.test/puny"]
    finally:
        web.close()



def test_a_listing_is_read_off_the_event_loop_that_fetches_the_other_hosts(tmp_path, monkeypatch):
    # a 10 MB feed of empty elements takes feedparser minutes (200,000 of them: 13-18 s); read on
    # the loop, it stalled every other request of the round past its total timeout
    import asyncio

    from outlets import Outlets, Page, rss

    from storydiff.fetch import round as watch_round_module
    from storydiff.store import open_store
    from storydiff.watcher import watch_round

    on_the_loop: list[bool] = []
    real_read = watch_round_module.read_listing

    def read_listing(*args, **kw):
        try:
            asyncio.get_running_loop()
            on_the_loop.append(True)
        except RuntimeError:  # no loop runs in this thread
            on_the_loop.append(False)
        return real_read(*args, **kw)

    monkeypatch.setattr(watch_round_module, "read_listing", read_listing)
    web = Outlets()
    web.set("a.test", "/feed.xml", Page(rss("A", "http://a.test/", []), content_type="application/rss+xml"))
    web.start()
    try:
        with open_store(str(tmp_path / "w.db")) as s:
            watch_round(s, ["http://a.test/feed.xml"], settings=FAST, resolve=web.resolve_map())
    finally:
        web.close()
    assert on_the_loop == [False]
