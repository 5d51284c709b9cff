"""A loopback HTTP server that plays several news outlets, for the watch tests and bench/watch.py.

One real ``ThreadingHTTPServer`` on 127.0.0.1 (an ephemeral port) answers for every outlet: it
routes on the Host header, so ``http://harbor-wire.test/feed.xml`` reaches it when the client
connects that name there (``storydiff watch --resolve harbor-wire.test:80:127.0.0.1:PORT``; the
request and its Host header are the real ones). Each outlet's paths are scripted (``Page``), and
every request is logged with its headers and when it started and ended, so tests can check what a
client did to each site: robots.txt first, one request at a time, the delay, conditional
requests, the User-Agent.
"""

from __future__ import annotations

import email.utils
import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None  # answers 304 to a matching If-None-Match
    last_modified: float | None = None  # epoch seconds; answers 304 to If-Modified-Since at or after it
    fail_first: list[int] = field(default_factory=list)  # statuses of the first requests, then the page
    hang: bool = False  # accepts the request, then says nothing until the server is closed
    chunked_bytes: int = 0  # stream this many bytes (a huge page), no Content-Length
    slow: float = 0.0  # seconds to wait before answering
    wait_for_host: str | None = None  # answer only once a request for this host has arrived (or 10 s)


@dataclass
class Hit:
    host: str
    path: str
    headers: dict[str, str]
    start: float
    end: float | None = None
    status: int | None = None
    sent: int = 0
    complete: bool = False


class Outlets:
    def __init__(self) -> None:
        self.pages: dict[tuple[str, str], Page | Callable[[], Page]] = {}
        self.log: list[Hit] = []
        self.lock = threading.Lock()
        self.arrived = threading.Condition(self.lock)
        self.closing = threading.Event()
        self.server: ThreadingHTTPServer | None = None
        self.port = 0

    # -- scripting ------------------------------------------------------------------------------
    def set(self, host: str, path: str, page: Page | Callable[[], Page]) -> None:
        self.pages[(host, path)] = page

    def url(self, host: str, path: str) -> str:
        return f"http://{host}{path}"

    def hosts(self) -> list[str]:
        return sorted({h for h, _ in self.pages})

    def resolve_args(self) -> list[str]:
        return [a for h in self.hosts() for a in ("--resolve", f"{h}:80:127.0.0.1:{self.port}")]

    def resolve_map(self) -> dict[str, str]:
        return {f"{h}:80": f"127.0.0.1:{self.port}" for h in self.hosts()}

    def hits(self, host: str | None = None, path: str | None = None) -> list[Hit]:
        with self.lock:
            return [h for h in self.log if (host is None or h.host == host) and (path is None or h.path == path)]

    # -- serving --------------------------------------------------------------------------------
    def start(self) -> Outlets:
        outlets = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").split(":")[0].lower()
                hit = Hit(host, self.path, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
                with outlets.arrived:
                    outlets.log.append(hit)
                    outlets.arrived.notify_all()
                try:
                    outlets._answer(self, hit)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client hung up (a size cap, a timeout): logged as incomplete
                finally:
                    hit.end = hit.end or time.monotonic()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, name="outlets", daemon=True).start()
        return self

    def close(self) -> None:
        self.closing.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def _answer(self, h: BaseHTTPRequestHandler, hit: Hit) -> None:
        page = self.pages.get((hit.host, hit.path))
        if callable(page):
            page = page()
        if page is None:
            return self._send(h, hit, 404, {"Content-Type": "text/plain"}, b"not found")
        if page.wait_for_host:
            with self.arrived:
                self.arrived.wait_for(lambda: any(x.host == page.wait_for_host for x in self.log), timeout=10)
        if page.hang:
            self.closing.wait(60)
            return
        if page.slow:
            time.sleep(page.slow)
        if page.fail_first:
            served = sum(1 for x in self.hits(hit.host, hit.path) if x is not hit)
            if served < len(page.fail_first):
                return self._send(h, hit, page.fail_first[served], {"Content-Type": "text/plain"}, b"try later")
        headers = {"Content-Type": page.content_type, **page.headers}
        if page.etag:
            headers["ETag"] = page.etag
            if hit.headers.get("if-none-match") == page.etag:
                return self._send(h, hit, 304, {"ETag": page.etag}, b"")
        if page.last_modified is not None:
            headers["Last-Modified"] = email.utils.formatdate(page.last_modified, usegmt=True)
            since = hit.headers.get("if-modified-since")
            if since and email.utils.parsedate_to_datetime(since).timestamp() >= int(page.last_modified):
                return self._send(h, hit, 304, {}, b"")
        if page.chunked_bytes:
            return self._stream(h, hit, page.status, headers, page.chunked_bytes)
        return self._send(h, hit, page.status, headers, page.body)

    def _send(self, h, hit: Hit, status: int, headers: dict, body: bytes) -> None:
        hit.status = status
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if body:
            h.wfile.write(body)
            hit.sent = len(body)
        hit.end = time.monotonic()  # before anything else: a client's next request comes after this
        hit.complete = True

    def _stream(self, h, hit: Hit, status: int, headers: dict, n: int) -> None:
        hit.status = status
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        h.send_header("Connection", "close")
        h.end_headers()
        chunk = (b"<p>" + b"filler text of a page that never ends " * 1600 + b"</p>\n")[:65536]
        while hit.sent < n:
            h.wfile.write(chunk)
            hit.sent += len(chunk)
        hit.complete = True
        h.close_connection = True


# -- content --------------------------------------------------------------------------------------

def gzip_bomb(size: int = 60_000_000) -> bytes:
    """A small gzip body that inflates to ``size`` bytes of one repeated HTML line."""
    line = b"<p>" + b"a" * 1000 + b"</p>\n"
    return gzip.compress(line * (size // len(line)), compresslevel=9)


def article_html(title: str, paragraphs: list[str], *, outlet: str, published: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | {outlet}</title><meta property='og:site_name' content='{outlet}'>"
        f"<meta property='article:published_time' content='{published}'></head><body>"
        f"<nav><a href='/'>Home</a> | <a href='/news'>News</a> | <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<footer>© 2024 {outlet}. All rights reserved. Contact us · Privacy · Terms</footer></body></html>"
    ).encode()


def rss(title: str, link: str, items: list[dict]) -> bytes:
    """An RSS 2.0 feed: items {title, link, summary?, published? (RFC 822), guid?}."""
    parts = [f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{title}</title>"
             f"<link>{link}</link><description>{title}</description>"]
    for it in items:
        parts.append(
            f"<item><title>{it['title']}</title><link>{it['link']}</link>"
            + (f"<description><![CDATA[{it['summary']}]]></description>" if it.get("summary") else "")
            + (f"<pubDate>{it['published']}</pubDate>" if it.get("published") else "")
            + f"<guid>{it.get('guid', it['link'])}</guid></item>"
        )
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def sitemap(urls: list[str]) -> bytes:
    locs = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return (f"<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"{locs}</urlset>").encode()
