"""The fetch stage's HTTP client on its own, against the loopback outlets (tests/outlets.py)."""

from __future__ import annotations

import asyncio
import gzip
import sys
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from storydiff.fetch import Fetcher, FetchError, Validators
from storydiff.fetch.sources import read_listing, web_url
from storydiff.settings import FetchSettings

sys.path.insert(0, str(Path(__file__).parent))
from outlets import Outlets, Page, sitemap

HTML = b"<!doctype html><html><body><article><p>" + b"Words of an article. " * 50 + b"</p></article></body></html>"
FAST = replace(FetchSettings(), delay=0.0, read_timeout=0.5, connect_timeout=0.5, total_timeout=2.0, backoff=0.05)


@pytest.fixture
def web():
    o = Outlets()
    yield o
    o.close()


def fetch(o: Outlets, url: str, settings: FetchSettings = FAST, **kw):
    async def go():
        async with Fetcher(settings, resolve=o.resolve_map()) as f:
            return await f.get(url, **kw)

    return asyncio.run(go())


def reason(o: Outlets, url: str, **kw) -> str:
    with pytest.raises(FetchError) as e:
        fetch(o, url, **kw)
    return str(e.value)


def test_compressed_pages_are_inflated(web):
    raw_deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    web.set("a.test", "/gz", Page(gzip.compress(HTML), headers={"Content-Encoding": "gzip"}))
    web.set("a.test", "/zlib", Page(zlib.compress(HTML), headers={"Content-Encoding": "deflate"}))
    web.set("a.test", "/raw", Page(raw_deflate.compress(HTML) + raw_deflate.flush(), headers={"Content-Encoding": "deflate"}))
    web.set("a.test", "/br", Page(b"xx", headers={"Content-Encoding": "br"}))
    web.start()
    for path in ("/gz", "/zlib", "/raw"):
        assert fetch(web, f"http://a.test{path}").body == HTML
    assert reason(web, "http://a.test/br") == "unsupported Content-Encoding 'br'"
    assert all(h.headers["accept-encoding"] == "gzip, deflate" for h in web.log)


def test_sizes_are_capped_before_and_while_reading(web):
    small = replace(FAST, max_bytes=1000)
    web.set("a.test", "/declared", Page(HTML))  # Content-Length says too much: refused before the body
    web.set("a.test", "/stream", Page(chunked_bytes=5000))
    web.start()
    assert reason(web, "http://a.test/declared", settings=small) == "1 KB declared, over the 1 KB limit"
    assert not web.hits("a.test", "/declared")[0].complete or len(HTML) < 64_000  # (small: sent before the refusal)
    assert reason(web, "http://a.test/stream", settings=small) == "body over the 1 KB limit"


def test_retry_after_robots_errors_and_crawl_delay(web):
    web.set("a.test", "/busy", Page(HTML, fail_first=[429], headers={}))
    web.set("b.test", "/robots.txt", Page(status=503, content_type="text/plain"))
    web.set("b.test", "/x", Page(HTML))
    web.set("c.test", "/robots.txt", Page(b"User-agent: storydiff\nCrawl-delay: 0.4\nDisallow: /no\n\nUser-agent: *\nDisallow: /",
                                         content_type="text/plain"))
    web.set("c.test", "/a", Page(HTML))
    web.set("c.test", "/b", Page(HTML))
    web.start()
    assert fetch(web, "http://a.test/busy").status == 200
    assert [h.status for h in web.hits("a.test", "/busy")] == [429, 200]
    assert reason(web, "http://b.test/x").startswith("robots.txt could not be read (HTTP 503)")
    assert web.hits("b.test", "/x") == []
    # a host nothing answers on is named unreachable, not a robots.txt problem (second QA pass)
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]
    assert reason(web, f"http://127.0.0.1:{closed}/x").startswith("host unreachable (connection failed")
    # one that accepts the connection and then says nothing is slow, not unreachable (QA pass 20a)
    web.set("d.test", "/robots.txt", Page(hang=True))
    assert reason(web, "http://d.test/x").startswith("host not answering (timed out")

    async def two():
        async with Fetcher(FAST, resolve=web.resolve_map()) as f:
            await f.get("http://c.test/a")
            await f.get("http://c.test/b")
            with pytest.raises(FetchError, match="disallowed by robots.txt"):
                await f.get("http://c.test/no/such")

    asyncio.run(two())
    a, b = web.hits("c.test", "/a")[0], web.hits("c.test", "/b")[0]
    assert b.start >= a.end + 0.4 * 0.9  # our group's Crawl-delay, though our own delay is 0


def test_redirects_across_hosts_check_robots_and_are_bounded(web):
    web.set("a.test", "/moved", Page(status=301, headers={"Location": "http://b.test/here"}))
    web.set("b.test", "/here", Page(HTML))
    web.set("a.test", "/to-private", Page(status=302, headers={"Location": "http://c.test/private/x"}))
    web.set("c.test", "/robots.txt", Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    for i in range(8):
        web.set("a.test", f"/hop{i}", Page(status=307, headers={"Location": f"/hop{i + 1}"}))
    web.set("a.test", "/js", Page(status=302, headers={"Location": "javascript:alert(1)"}))
    web.set("a.test", "/mail", Page(status=302, headers={"Location": "mailto:desk@a.test"}))
    web.start()
    got = fetch(web, "http://a.test/moved")
    assert got.final_url == "http://b.test/here" and got.url == "http://a.test/moved" and got.body == HTML
    assert reason(web, "http://a.test/to-private") == "disallowed by robots.txt"
    assert web.hits("c.test", "/private/x") == []
    assert reason(web, "http://a.test/hop0").startswith("more than 5 redirects")
    # refused with our own reason, not httpx's parse error of the Location (review 23a, F6)
    assert reason(web, "http://a.test/js") == "redirect to a non-web address: javascript:alert(1)"
    assert reason(web, "http://a.test/mail") == "redirect to a non-web address: mailto:desk@a.test"


def test_a_redirect_to_a_name_idna_refuses_is_a_failure_of_that_url(web):
    """httpx parses a Location for its own use even when it follows no redirect: an IDNA name it
    refuses raised idna's error out of the round (review 23a, F7)."""
    web.set("a.test", "/idna", Page(status=302, headers={"Location": "http://xn--a.example/x"}))
    web.set("a.test", "/v6", Page(status=302, headers={"Location": "http://[::1/x"}))
    web.start()
    assert reason(web, "http://a.test/idna").startswith("redirect to an invalid address: http://xn--a.example/x")
    assert reason(web, "http://a.test/v6").startswith("redirect to an invalid address: 'http://[::1/x'")


def test_a_public_source_never_reaches_a_private_address_however_spelled(web):
    """The address connected to decides, not the URL's spelling: inet_aton's forms of 127.0.0.1 and a
    name resolving to loopback were fetched from a public feed's links and redirects (review 23a, F1)."""
    import socket

    forms = ["2130706433", "127.1", "0x7f000001"]  # (httpx itself refuses "0177.0.0.1")
    try:
        if socket.gethostbyname(socket.gethostname()).startswith("127."):
            forms.append(socket.gethostname())  # a name that resolves to loopback
    except OSError:
        pass
    for host in forms:
        web.set(host, "/secret", Page(HTML))
    web.set("pub.test", "/moved", lambda: Page(status=301, headers={"Location": f"http://127.1:{web.port}/secret"}))
    web.start()
    for host in forms:
        url = f"http://{host}:{web.port}/secret"
        assert reason(web, url, listed_by="http://pub.test/feed.xml") == (
            f"http://pub.test led to a private address (127.0.0.1 via {host}): not fetched")
    assert reason(web, "http://pub.test/moved") == (
        "http://pub.test led to a private address (127.0.0.1 via 127.1): not fetched")
    assert web.hits(path="/secret") == []
    # named by the operator, such an address is fetched; and what a listing there names may be too
    assert fetch(web, f"http://127.1:{web.port}/secret").body == HTML

    async def staging():
        async with Fetcher(FAST, resolve=web.resolve_map()) as f:
            await f.get(f"http://0x7f000001:{web.port}/secret", expect="listing")
            return await f.get(f"http://2130706433:{web.port}/secret", listed_by=f"http://0x7f000001:{web.port}/secret")

    assert asyncio.run(staging()).body == HTML


def test_content_types_and_conditional_requests(web):
    web.set("a.test", "/img", Page(b"\x89PNG....", content_type="image/png"))
    web.set("a.test", "/untyped", Page(HTML, content_type=""))
    web.set("a.test", "/untyped-binary", Page(b"\x00\x01binary", content_type=""))
    web.set("a.test", "/page", Page(HTML, etag='"v1"'))
    web.start()
    assert reason(web, "http://a.test/img") == "not an HTML page (Content-Type: image/png)"
    assert reason(web, "http://a.test/img", expect="listing") == "not a feed, sitemap or page (Content-Type: image/png)"
    assert fetch(web, "http://a.test/untyped").body == HTML  # no type, but it starts like a page
    assert reason(web, "http://a.test/untyped-binary") == "no Content-Type and the body does not look like HTML"
    first = fetch(web, "http://a.test/page")
    assert first.validators.etag == '"v1"'
    again = fetch(web, "http://a.test/page", validators=first.validators)
    assert again.not_modified and again.body == b""
    assert fetch(web, "http://a.test/page", validators=Validators(etag='"v0"')).status == 200


@pytest.mark.parametrize("host", ["news.test", "127.0.0.1:8080", "intranet"])
def test_listings_are_read_from_the_bytes_given(host):
    sm = read_listing(f"http://{host}/sitemap.xml", sitemap([f"http://{host}/a/1", f"http://{host}/a/2#x",
                                                             f"http://{host}/more.xml", "http://elsewhere.test/a/9"]))
    assert sm.kind == "sitemap" and [e.url for e in sm.entries] == [f"http://{host}/a/1", f"http://{host}/a/2"]
    index = read_listing(f"http://{host}/i.xml", b"<?xml version='1.0'?><sitemapindex xmlns="
                         b"'http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>http://"
                         + host.encode() + b"/news.xml</loc></sitemap></sitemapindex>")
    assert index.kind == "sitemapindex" and index.sources == [f"http://{host}/news.xml"]
    assert read_listing("http://n.test/a", HTML).kind == "page"
    with pytest.raises(ValueError, match="not a feed"):
        read_listing("http://n.test/x", b"just some words")
    assert web_url("HTTP://N.test/a?utm_source=x#top") == "http://n.test/a"
    assert web_url("javascript:alert(1)") is None and web_url("ftp://n.test/f") is None


def test_a_news_sitemap_gives_its_pages_their_date():
    # second QA pass: a news sitemap's pages were stored undated (grouped by arrival order)
    from storydiff.fetch.sources import _sitemap

    body = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://veyra.example/a/sm1</loc><lastmod>2024-04-01</lastmod><news:news>
<news:publication_date>2024-03-11T10:00:00Z</news:publication_date><news:title>Storm  closes piers</news:title>
</news:news></url>
<url><loc>https://veyra.example/a/sm2</loc><lastmod>2024-04-01</lastmod></url>
</urlset>"""
    listing = _sitemap("https://veyra.example/sitemap.xml", body, "urlset")
    meta = {e.url: e.meta for e in listing.entries}
    assert meta["https://veyra.example/a/sm1"] == {"published": "2024-03-11T10:00:00Z", "lastmod": "2024-04-01"}
    # lastmod is when a page changed, not its date: kept apart, never as "published"
    assert meta["https://veyra.example/a/sm2"] == {"lastmod": "2024-04-01"}
    # a lastmod most pages share is the sitemap's generation time, no page's change: not kept
    stamped = "".join(f"<url><loc>https://veyra.example/a/{i}</loc><lastmod>2026-12-07T12:00:00Z</lastmod></url>"
                      for i in range(12))
    generated = _sitemap("https://veyra.example/s.xml", f"<?xml version='1.0'?><urlset xmlns="
                         f"'http://www.sitemaps.org/schemas/sitemap/0.9'>{stamped}</urlset>".encode(), "urlset")
    assert [e.meta for e in generated.entries] == [{}] * 12
