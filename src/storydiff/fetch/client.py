"""HTTP as a good citizen: one ``Fetcher`` per round of ``storydiff watch``.

- robots.txt is read (protego) before anything else on a host, and obeyed, its Crawl-delay too;
- a clear User-Agent says who is asking and where to read about it;
- conditional requests (If-None-Match / If-Modified-Since) let an unchanged page answer 304;
- each host gets at most ``per_host`` requests at once, and ``delay`` seconds between the end of
  a response and its next request (and between two request starts), while other hosts go on at
  the same time (asyncio): a host that hangs holds only its own requests, each ended by the
  connect / read / total timeouts;
- 5xx, 429 and timeouts are tried again with exponential backoff (Retry-After honoured); a host
  that keeps timing out is left alone for the rest of the round;
- bodies are streamed and cut off past ``max_bytes``, counted on the wire and again after
  decompression (this client inflates gzip/deflate itself, in bounded steps: a gzip bomb stops at
  the cap); redirects are followed by hand, at most ``max_redirects``, loops named;
- a page must be HTML (by Content-Type, or by its first bytes when there is none).

Every refusal is a ``FetchError`` whose message is the one-line reason the quarantine shows.
"""

from __future__ import annotations

import asyncio
import contextvars
import ipaddress
import random
import socket
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpx

from storydiff.settings import PROJECT_URL, FetchSettings

__all__ = ["FetchError", "Fetched", "Fetcher", "Validators", "user_agent"]

REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUS = (429, 500, 502, 503, 504)
PAGE_TYPES = ("text/html", "application/xhtml+xml")
# what a feed, a sitemap or an OPML list is served as (and HTML: a page given as a source)
LISTING_TYPES = ("xml", "rss", "atom", "html", "text/plain", "opml")
# a listing served as a gzip file (sitemaps.org allows ``sitemap.xml.gz``): inflated within the body limit
GZIP_TYPES = ("application/gzip", "application/x-gzip", "application/x-gunzip", "application/gzip-compressed")
GZIP_MAGIC = b"\x1f\x8b"
ROBOTS_MAX_BYTES = 500_000  # Google reads the first 500 KiB of a robots.txt
ROBOTS_AGENT = "storydiff"  # the product token robots.txt groups are matched against


def user_agent(settings: FetchSettings | None = None) -> str:
    settings = settings or FetchSettings()
    if settings.user_agent:
        return settings.user_agent
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("storydiff")
    except PackageNotFoundError:  # running from a source tree
        v = "dev"
    return f"storydiff/{v} (+{PROJECT_URL})"


class FetchError(Exception):
    """A URL that could not be fetched; ``str(e)`` is the reason, one line."""

    def __init__(self, reason: str, *, network: bool = False, status: int | None = None):
        super().__init__(reason)
        self.network = network  # a timeout or refused connection (counts towards giving up on a host)
        self.status = status  # the HTTP status that refused it (404, 410...), when one did


class PrivateAddressError(FetchError):
    """A public source led to a private, loopback or link-local address (see ``private_address``)."""


# The public URL whose link or redirect the request being made follows, while that request may not
# connect to a non-public address; None while it may (a source the operator named, or what a listing
# on a private address led to). Set by ``Fetcher.get``, read where the connection is made
# (``_transport``'s backend), where the address actually connected to is known: the URL's spelling
# ("2130706433", "127.1", "0x7f000001", a DNS name) is no guide to it (review 23a, F1).
_LED_BY: contextvars.ContextVar[str | None] = contextvars.ContextVar("storydiff_led_by", default=None)


@dataclass(frozen=True)
class Validators:
    """What the last response said to send back for a conditional request."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int  # 200, or 304 when ``not_modified``
    content_type: str = ""
    body: bytes = b""
    validators: Validators = field(default_factory=Validators)
    retry_after: float | None = None  # a 429's or 503's Retry-After, in seconds
    # answered over a connection this client made to a non-public address it resolved itself (not
    # one --resolve or a proxy chose): only such an answer may lead to another private address
    private: bool = False

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset":
                return value.strip().strip("\"'") or None
        return None


def host_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.netloc or '').lower()}"


class _Host:
    """One host's share of the round: how many requests may run at once, when the next may
    start, its robots.txt, and how many network failures it has had in a row."""

    def __init__(self, settings: FetchSettings):
        self.slots = asyncio.Semaphore(max(1, settings.per_host))
        self.delay = max(0.0, settings.delay)
        self.next_start = 0.0
        self.lock = asyncio.Lock()
        self.robots = None  # protego.Protego, or a reason string when it could not be read
        self.robots_task: asyncio.Task | None = None
        self.failures_in_a_row = 0

    async def wait_turn(self) -> None:
        async with self.lock:
            now = time.monotonic()
            start = max(now, self.next_start)
            self.next_start = start + self.delay
        if start > now:
            await asyncio.sleep(start - now)

    def finished(self) -> None:
        """A response has ended: the host's next request waits ``delay`` from now (a slow answer
        does not use up the pause it is owed)."""
        self.next_start = max(self.next_start, time.monotonic() + self.delay)


class _Inflater:
    """Content-Encoding undone in bounded steps: never more than ``limit`` bytes out."""

    def __init__(self, encoding: str, limit: int):
        enc = encoding.strip().lower()
        if enc in ("", "identity"):
            self.d = None
        elif enc in ("gzip", "x-gzip"):
            self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self.d = zlib.decompressobj(zlib.MAX_WBITS)
            self.raw_deflate_tried = False
        else:
            raise FetchError(f"unsupported Content-Encoding {encoding!r}")
        self.encoding, self.limit, self.size = enc, limit, 0
        self.parts: list[bytes] = []

    def feed(self, chunk: bytes) -> None:
        if self.d is None:
            self._take(chunk)
            return
        data = chunk
        while data:
            try:
                out = self.d.decompress(data, self.limit - self.size + 1)
            except zlib.error as e:
                if self.encoding == "deflate" and not self.raw_deflate_tried and self.size == 0:
                    # many servers send raw deflate, without the zlib header the name promises
                    self.raw_deflate_tried = True
                    self.d = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchError(f"corrupt {self.encoding} body: {e}") from None
            self._take(out)
            data = self.d.unconsumed_tail
            if self.d.eof and self.d.unused_data:  # a second gzip member
                data = self.d.unused_data
                self.d = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def _take(self, out: bytes) -> None:
        self.size += len(out)
        if self.size > self.limit:
            raise FetchError(
                f"decompresses to over {_size(self.limit)} (the body limit; a compression bomb?)"
                if self.d is not None else f"body over the {_size(self.limit)} limit"
            )
        self.parts.append(out)

    def body(self) -> bytes:
        if self.d is not None:
            self._take(self.d.flush())
        return b"".join(self.parts)


def _retry_after(value: str | None, cap: float) -> float | None:
    if not value:
        return None
    try:
        return min(cap, max(0.0, float(value)))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return min(cap, max(0.0, when.timestamp() - time.time()))


def _size(n: float) -> str:
    return f"{n / 1e6:.0f} MB" if n >= 1e6 else f"{n / 1e3:.0f} KB"


def _type_of(content_type: str) -> str:
    return content_type.split(";")[0].strip().lower()


def _looks_like_html(body: bytes) -> bool:
    from storydiff.ingest.formats import _looks_like_html as looks

    return looks(body)


class Fetcher:
    """An async HTTP client for one round: ``async with Fetcher(settings) as f: await f.get(url)``.

    ``resolve`` maps "host:port" to "address:port" for the connection only (the Host header and
    the URL stay): the tests' loopback outlets, or a staging server (curl's --resolve)."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        resolve: Mapping[str, str] | None = None,
        robots_cache: dict | None = None,
    ):
        self.settings = settings or FetchSettings()
        self.user_agent = user_agent(self.settings)
        self.resolve = dict(resolve or {})
        self.hosts: dict[str, _Host] = {}
        # robots.txt outlives a round (``robots_ttl``): host → (time read, Protego)
        self.robots_cache = robots_cache if robots_cache is not None else {}
        self._client: httpx.AsyncClient | None = None
        self._all: asyncio.Semaphore | None = None
        # "host:port" → the non-public address a connection to it went to (a source the operator
        # named there): what it lists may be private too; a public source's links may not reuse it
        self.private_origins: dict[str, str] = {}
        # URLs (as asked) whose answer came from a non-public address: listings whose links may go
        # there too. The answer decides, not the name: a watched name that resolved to 127.0.0.1
        # once (DNS rebinding) gave the feed its public address served the reach of an intranet one
        self.served_privately: set[str] = set()

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        timeout = httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout,
                                pool=s.total_timeout)
        limits = httpx.Limits(max_connections=max(1, s.max_connections), max_keepalive_connections=max(1, s.max_connections))
        transport = _transport(limits, self.resolve, self.private_origins)
        self._client = httpx.AsyncClient(
            timeout=timeout,
            follow_redirects=False,  # followed by hand: robots, loops and the count are ours to check
            # a Location is judged before httpx parses it for its own use (an IDNA name it refuses
            # raised out of the round, a javascript: one gave httpx's parse error: review 23a, F6/F7)
            event_hooks={"response": [_check_location]},
            headers={"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"},
            transport=transport,
            trust_env=not self.resolve,  # a proxy from the environment would bypass --resolve
        )
        self._all = asyncio.Semaphore(max(1, s.max_connections))
        return self

    async def __aexit__(self, *exc) -> None:
        if self._client is not None:
            await self._client.aclose()

    def host(self, url: str) -> _Host:
        key = host_of(url)
        if key not in self.hosts:
            self.hosts[key] = _Host(self.settings)
        return self.hosts[key]

    # -- robots.txt ---------------------------------------------------------------------------
    async def allowed(self, url: str) -> None:
        """Raise FetchError when robots.txt forbids ``url`` (or could not be read: a host whose
        robots.txt answers 5xx or not at all is left alone, as search engines do)."""
        host = self.host(url)
        if host.robots is None:
            if host.robots_task is None:
                host.robots_task = asyncio.ensure_future(self._read_robots(url, host))
            await host.robots_task
        if isinstance(host.robots, str):
            raise FetchError(host.robots)
        if host.robots is not False and not host.robots.can_fetch(url, ROBOTS_AGENT):
            raise FetchError("disallowed by robots.txt")

    async def _read_robots(self, url: str, host: _Host) -> None:
        from protego import Protego

        key = host_of(url)
        cached = self.robots_cache.get(key)
        if cached is not None and time.monotonic() - cached[0] < self.settings.robots_ttl:
            host.robots = cached[1]
        else:
            robots_url = key + "/robots.txt"
            try:
                got = await self._get(robots_url, None, expect="robots", host=host, limit=ROBOTS_MAX_BYTES)
                for _hop in range(self.settings.max_redirects):  # robots.txt may move (http → https)
                    if got.status not in REDIRECTS:
                        break
                    got = await self._get(got.final_url, None, expect="robots", host=self.host(got.final_url),
                                          limit=ROBOTS_MAX_BYTES)
                if got.status >= 500 or got.status == 429 or got.status in REDIRECTS:
                    raise FetchError(f"HTTP {got.status}")
            except PrivateAddressError:
                host.robots_task = None  # the refusal is this request's: a request that may go there asks again
                raise
            except FetchError as e:
                # a host that cannot be reached at all is named so: "robots.txt could not be read"
                # sent the reader looking at a file when the server was down (second QA pass)
                # and a host that accepts the connection but does not answer in time is slow, not
                # unreachable (QA pass 20a: a slow outlet read as down)
                silent = "host not answering" if str(e).startswith("timed out") else "host unreachable"
                host.robots = (f"{silent} ({e}): left alone this round" if e.network else
                               f"robots.txt could not be read ({e}): the host is left alone this round")
                return
            if got.status >= 400:  # 4xx: no robots.txt, nothing is forbidden
                host.robots = False
            else:
                host.robots = Protego.parse(got.body.decode("utf-8", "replace"))
            self.robots_cache[key] = (time.monotonic(), host.robots)
        if host.robots is not False:
            delay = host.robots.crawl_delay(ROBOTS_AGENT)
            if delay:
                host.delay = max(host.delay, min(float(delay), self.settings.max_crawl_delay))

    # -- requests -----------------------------------------------------------------------------
    async def get(self, url: str, validators: Validators | None = None, *, expect: str = "page",
                  listed_by: str | None = None) -> Fetched:
        """GET ``url`` (``expect``: "page" must be HTML; "listing" a feed, sitemap, OPML or page).
        Redirects followed, robots.txt obeyed at every hop; 304 when ``validators`` still hold.
        ``listed_by``: the listing that named ``url``, whose trust it has (see ``private_address``).
        FetchError with the reason otherwise."""
        seen = [url]
        current = url
        trusted = listed_by or url
        # the operator's own source may be anywhere; a link or a redirect may lead to a private
        # address only from an answer served from one (a listing's; the hop that redirected)
        may_be_private = listed_by is None or listed_by in self.served_privately or private_address(listed_by) is not None
        for _hop in range(self.settings.max_redirects + 1):
            if not may_be_private:
                private = private_address(current) or self._reached_privately(current)
                if private:
                    raise PrivateAddressError(f"{host_of(trusted)} led to a private address ({private}): not fetched")
            token = _LED_BY.set(None if may_be_private else host_of(trusted))
            try:
                await self.allowed(current)
                got = await self._with_retries(current, validators if current == url else None, expect)
            finally:
                _LED_BY.reset(token)
            if got.status not in REDIRECTS:
                got.url = url
                if got.private:
                    self.served_privately.add(url)
                return got
            may_be_private = got.private or private_address(current) is not None  # (spelled: via a proxy)
            target = got.final_url
            if target in seen:
                raise FetchError("redirect loop: " + " → ".join([*seen[seen.index(target):], target]))
            seen.append(target)
            current = target
        raise FetchError(f"more than {self.settings.max_redirects} redirects (last: {current})")

    def _reached_privately(self, url: str) -> str | None:
        """The non-public address ``url`` is spelled as, or its host was connected to this round
        (a pooled connection is no new lookup for the connection check to judge)."""
        spelled = private_address(url)
        if spelled:
            return spelled
        key = _origin(url)
        return self.private_origins.get(key) if key else None

    async def _with_retries(self, url: str, validators: Validators | None, expect: str) -> Fetched:
        s = self.settings
        host = self.host(url)
        for attempt in range(s.retries + 1):
            if host.failures_in_a_row >= s.host_give_up_after:
                raise FetchError(
                    f"host not answering ({host.failures_in_a_row} timeouts or refused connections in a row): "
                    "skipped for the rest of this round", network=True)
            wait = None
            try:
                got = await self._get(url, validators, expect=expect, host=host, limit=s.max_bytes)
                host.failures_in_a_row = 0
                if got.status not in RETRY_STATUS:
                    return got
                reason, wait = f"HTTP {got.status}", got.retry_after
            except FetchError as e:
                if not e.network:
                    raise
                host.failures_in_a_row += 1
                reason = str(e)
            if attempt == s.retries:
                raise FetchError(reason if attempt == 0 else f"{reason} (tried {attempt + 1} times)")
            backoff = s.backoff * (2 ** attempt) * (1 + 0.1 * random.random())  # jitter: hosts not in step
            await asyncio.sleep(wait if wait is not None else backoff)
        raise AssertionError("unreachable")

    async def _get(self, url: str, validators: Validators | None, *, expect: str, host: _Host, limit: int) -> Fetched:
        """One request, no retry: through the host's slots and delay, within the total timeout."""
        assert self._client is not None and self._all is not None, "use Fetcher in 'async with'"
        headers = {}
        if validators is not None:
            if validators.etag:
                headers["If-None-Match"] = validators.etag
            if validators.last_modified:
                headers["If-Modified-Since"] = validators.last_modified
        async with host.slots:
            await host.wait_turn()
            async with self._all:
                try:
                    async with asyncio.timeout(self.settings.total_timeout):
                        return await self._exchange(url, headers, expect, limit)
                except TimeoutError:
                    raise FetchError(f"timed out after {self.settings.total_timeout:g} s in all", network=True) from None
                except httpx.TimeoutException as e:
                    kind = {httpx.ConnectTimeout: "connecting", httpx.ReadTimeout: "waiting for data",
                            httpx.PoolTimeout: "waiting for a connection"}.get(type(e), "")
                    raise FetchError(f"timed out {kind}".strip(), network=True) from None
                except httpx.ConnectError as e:
                    raise FetchError(f"connection failed: {str(e)[:100] or type(e).__name__}", network=True) from None
                except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as e:
                    raise FetchError(f"connection broken: {str(e)[:100] or type(e).__name__}", network=True) from None
                except httpx.InvalidURL as e:
                    raise FetchError(f"invalid URL: {e}") from None
                except httpx.HTTPError as e:
                    raise FetchError(f"{type(e).__name__}: {str(e)[:100]}") from None
                except (UnicodeError, ValueError) as e:  # an address httpx or idna cannot read
                    raise FetchError(f"invalid address: {str(e)[:100] or type(e).__name__}") from None
                finally:
                    host.finished()

    async def _exchange(self, url: str, headers: dict, expect: str, limit: int) -> Fetched:
        async with self._client.stream("GET", url, headers=headers) as resp:
            status = resp.status_code
            ctype = resp.headers.get("content-type", "")
            got = Fetched(url=url, final_url=url, status=status, content_type=ctype,
                          validators=Validators(resp.headers.get("etag"), resp.headers.get("last-modified")),
                          private=getattr(resp.extensions.get("network_stream"), "private", False))
            if status in REDIRECTS:
                location = resp.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location")
                got.final_url = _redirect_target(url, location)
                return got
            if status == 304 or (expect == "robots" and status >= 400):
                return got
            if status in RETRY_STATUS:  # tried again by _with_retries
                got.retry_after = _retry_after(resp.headers.get("retry-after"), self.settings.max_retry_after)
                return got
            if status >= 400 or status < 200:
                raise FetchError(f"HTTP {status} {resp.reason_phrase}".strip(), status=status)
            kind = _type_of(ctype)
            if kind and expect == "page" and kind not in PAGE_TYPES:
                raise FetchError(f"not an HTML page (Content-Type: {kind})")
            gzipped_listing = expect == "listing" and (kind in GZIP_TYPES or (
                kind == "application/octet-stream" and urlsplit(url).path.lower().endswith(".gz")))
            if kind and expect == "listing" and not gzipped_listing and not any(t in kind for t in LISTING_TYPES):
                raise FetchError(f"not a feed, sitemap or page (Content-Type: {kind})")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise FetchError(f"{_size(int(declared))} declared, over the {_size(limit)} limit")
            inflater = _Inflater(resp.headers.get("content-encoding", ""), limit)
            wire = 0
            async for chunk in resp.aiter_raw():
                wire += len(chunk)
                if wire > limit:
                    raise FetchError(f"body over the {_size(limit)} limit")
                inflater.feed(chunk)
            got.body = inflater.body()
            if expect == "listing" and got.body[:2] == GZIP_MAGIC:
                # the file itself is gzip (not only its transfer; whatever its Content-Type says: no
                # feed or sitemap starts with these bytes): inflated in the same bounded steps
                inflater = _Inflater("gzip", limit)
                inflater.feed(got.body)
                got.body = inflater.body()
            if not kind and expect == "page" and not _looks_like_html(got.body):
                raise FetchError("no Content-Type and the body does not look like HTML")
            return got


def private_address(url: str) -> str | None:
    """The host of ``url`` when it is spelled as a private, loopback, link-local or otherwise
    non-public IP address (or localhost), else None. A source the operator named may be one (a
    staging server); a public feed or page may not lead there, by a link or a redirect: the answer
    of an internal service or of a cloud's metadata address (169.254.169.254) would be stored and
    shown. Other spellings ("127.1", "2130706433") and names are judged by the address connected
    to (``_transport``'s backend)."""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    if host == "localhost" or host.endswith(".localhost"):
        return host
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return None
    return host if _non_public(host) else None


def _non_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") apart
    if ip.version == 6 and ip.ipv4_mapped is not None:  # ::ffff:127.0.0.1 is 127.0.0.1
        ip = ip.ipv4_mapped
    return not ip.is_global


def _origin(url: str) -> str | None:
    """"host:port" as the connection to ``url`` is asked for (httpx's ASCII host, default port)."""
    try:
        u = httpx.URL(url)
    except (httpx.InvalidURL, UnicodeError, ValueError):
        return None
    return f"{u.raw_host.decode('ascii')}:{u.port or (443 if u.scheme == 'https' else 80)}"


def _redirect_target(url: str, location: str) -> str:
    """Where a redirect from ``url`` leads, or FetchError saying why it leads nowhere we go."""
    try:
        target = urljoin(url, location.strip())
        scheme = urlsplit(target).scheme.lower()
    except ValueError as e:
        raise FetchError(f"redirect to an invalid address: {location.strip()[:100]!r} ({e})") from None
    if scheme not in ("http", "https"):
        raise FetchError(f"redirect to a non-web address: {target[:100]}")
    try:
        _ = httpx.URL(target).host  # what httpx itself will make of it (it decodes an IDNA name)
    except (httpx.InvalidURL, UnicodeError, ValueError) as e:
        raise FetchError(f"redirect to an invalid address: {target[:100]} ({str(e)[:80]})") from None
    return target


async def _check_location(response: httpx.Response) -> None:
    if response.status_code in REDIRECTS and response.headers.get("location"):
        _redirect_target(str(response.request.url), response.headers["location"])


def _transport(limits: httpx.Limits, resolve: Mapping[str, str], private_origins: dict[str, str]) -> httpx.AsyncHTTPTransport:
    import httpcore

    transport = httpx.AsyncHTTPTransport(limits=limits)

    class Checked(httpcore.AsyncNetworkBackend):
        """Resolves a host itself and connects to the address it checked (no second lookup that
        could answer otherwise): a non-public one only when the request may go there
        (``_LED_BY``). "host:port" in ``resolve`` (the operator's --resolve) connects where that
        says, as told; the request is unchanged."""

        def __init__(self) -> None:
            self.inner = httpcore.AnyIOBackend()

        async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
            kw = {"timeout": timeout, "local_address": local_address, "socket_options": socket_options}
            target = resolve.get(f"{host}:{port}")
            if target is not None:
                address, _, p = target.rpartition(":")
                return await self.inner.connect_tcp(address.strip("[]"), int(p), **kw)
            led_by = _LED_BY.get()
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except OSError as e:
                raise httpcore.ConnectError(e.strerror or str(e)) from e
            addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
            if led_by is not None:
                public = [a for a in addresses if not _non_public(a)]
                if not public:
                    shown = addresses[0] if addresses[0] == host else f"{addresses[0]} via {host}"
                    raise PrivateAddressError(f"{led_by} led to a private address ({shown}): not fetched")
                addresses = public
            error: Exception | None = None
            for address in addresses:
                try:
                    stream = await self.inner.connect_tcp(address, port, **kw)
                except httpcore.ConnectError as e:
                    error = e
                    continue
                if _non_public(address):
                    private_origins[f"{host}:{port}"] = address if address == host else f"{address} via {host}"
                    return _PrivateStream(stream)
                return stream
            raise error or httpcore.ConnectError(f"no address for {host}")

        async def connect_unix_socket(self, path, timeout=None, socket_options=None):
            return await self.inner.connect_unix_socket(path, timeout=timeout, socket_options=socket_options)

        async def sleep(self, seconds):
            await self.inner.sleep(seconds)

    class _PrivateStream(httpcore.AsyncNetworkStream):
        """A connection to a non-public address, marked so (``Fetched.private``); after TLS too."""

        private = True

        def __init__(self, inner: httpcore.AsyncNetworkStream) -> None:
            self.inner = inner

        async def read(self, max_bytes, timeout=None):
            return await self.inner.read(max_bytes, timeout)

        async def write(self, buffer, timeout=None):
            await self.inner.write(buffer, timeout)

        async def aclose(self):
            await self.inner.aclose()

        async def start_tls(self, ssl_context, server_hostname=None, timeout=None):
            return _PrivateStream(await self.inner.start_tls(ssl_context, server_hostname, timeout))

        def get_extra_info(self, info):
            return self.inner.get_extra_info(info)

    # httpx builds its connection pool without a way to pass a network backend: swap the pool
    transport._pool = httpcore.AsyncConnectionPool(
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=Checked(),
    )
    return transport
