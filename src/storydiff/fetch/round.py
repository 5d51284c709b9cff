"""One round of watching: every source fetched (conditionally), what it lists read, and the
pages that are new, or due a check for edits, fetched; out come ``RawItem`` for the ingest stage,
``Failure`` for the quarantine, and records of what was fetched (``FetchedUrl``, ``SourceReport``)
for the next round. No database here: what is known of URLs is asked of ``lookup``, a callable
the caller gives (the watcher passes the store's). A listing's record keeps what it listed, so that
a listing that answers 304 still has its pages checked (and those that failed tried again).
"""

from __future__ import annotations

import asyncio
import queue
import re
import sys
import threading
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from storydiff.fetch.client import Fetcher, FetchError, Validators
from storydiff.fetch.sources import Entry, Listing, read_listing
from storydiff.ingest.decode import DecodeError, decode_bytes
from storydiff.records import FEED_SUMMARY, Failure, FetchedUrl, RawItem
from storydiff.settings import FetchSettings, WatchSettings

__all__ = ["DONE", "EventQueue", "FINAL_URL", "Gone", "Round", "SourceReport", "SUMMARY_SUFFIX"]

DROPPED = "dropped_by_listing"  # an entry's meta key: a page its listing no longer names (``Round._dropped``)

# The source name of an article whose text is a feed entry's summary (its page could not be read):
# apart from the page's own, so the page's fetch failure stays quarantined beside it.
SUMMARY_SUFFIX = "#feed-summary"
DONE = object()  # the last event of a round
MALFORMED_NAMED = 20  # a listing's malformed links named one by one in the quarantine; the rest counted
_HEAD_CHARS = 200_000  # of a page kept to read its site's name from (its <head>, or its start)
# Listings that name further listings (a sitemap index's sitemaps, an OPML export's feeds; a sitemap
# may name sitemaps too): their record keeps those names, so that a 304 still has each checked
# (data loss, QA round 14: an unchanged index hid every new URL of its changed news sitemap).
LISTS_LISTINGS = ("sitemapindex", "sitemap", "opml")


@dataclass
class SourceReport:
    """How one watched source fared this round."""

    url: str
    ok: bool
    status: str  # "ok", "not modified", or why it failed
    kind: str | None = None
    items_listed: int | None = None  # None: not read this round (not modified, or failed)
    pages: list[str] = field(default_factory=list)  # the page URLs it listed (stored articles are credited to it)


# What an address of a page read before answers when its outlet took the page down: an event of
# the article (shown on it), not only a failed fetch (QA pass 23b, 03)
GONE_STATUS = (404, 410)
FINAL_URL = "final_url"  # a page record's meta: where its listed address redirected when last read
# a page record's meta: the site's name its own <head> gives (og:site_name...), or None: the name a
# page of the host that gives none is stored under (QA pass 27b, 12)
PAGE_SITE = "page_site"


@dataclass
class Gone:
    """A page read before that now answers 404 or 410: its outlet took it down."""

    url: str
    status: int
    reason: str  # the fetch's, "HTTP 410 Gone"
    # where the listed address redirected when the page was last read: its article is stored under
    # that URL (a short link, a slug made canonical; review 23c, F2)
    final_url: str | None = None
    dropped: bool = False  # its listing no longer names it (checked as a page it dropped)


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def _each_page_once(entries: list[Entry]) -> list[Entry]:
    """A listing's entries, a page listed twice taken at its first entry."""
    seen: set[str] = set()
    return [e for e in entries if not (e.url in seen or seen.add(e.url))]


def _instant(value: str | None) -> datetime | None:
    """An ISO (sitemap, Atom) or RFC 822 (RSS) date as an aware datetime, or None."""
    from storydiff.dates import parse_iso_utc

    if not value:
        return None
    when = parse_iso_utc(value)
    if when is None:
        from email.utils import parsedate_to_datetime

        try:
            when = parse_iso_utc(parsedate_to_datetime(value))
        except (TypeError, ValueError, IndexError):
            return None
    return when


def _newest_first(entries: list[Entry]) -> list[Entry]:
    """Entries by their latest date (published, updated, lastmod), newest first, undated ones after
    in the listing's order: a listing longer than a round reads is read from its newest end (an
    oldest-first sitemap lost its newest pages every round, review 23a, F3)."""
    def latest(e: Entry) -> float | None:
        times = [t.timestamp() for t in map(_instant, (e.meta.get(k) for k in ("published", "updated", "lastmod"))) if t]
        return max(times) if times else None

    stamped = [(latest(e), i, e) for i, e in enumerate(entries)]
    if all(t is None for t, _, _ in stamped):
        return entries
    return [e for _, _, e in sorted(stamped, key=lambda x: (x[0] is None, -(x[0] or 0.0), x[1]))]


def _validators(got, known: FetchedUrl | None) -> tuple[str | None, str | None]:
    """The validators to send next time: a 304 need not repeat them, and then the old ones hold."""
    etag, modified = got.validators.etag, got.validators.last_modified
    if got.not_modified and known is not None:
        etag, modified = etag or known.etag, modified or known.last_modified
    return etag, modified


class Round:
    """``await Round(...).run(emit)``: ``emit`` (async) receives each RawItem, Failure,
    FetchedUrl (before the item fetched with it) and SourceReport, in the order they happen."""

    def __init__(
        self,
        sources: list[str],
        *,
        lookup: Callable[[list[str]], Mapping[str, FetchedUrl]],
        now: datetime,
        listed_since: Callable[[str, str], list[FetchedUrl]] | None = None,
        recorded_site_of_host: Callable[[str], str | None] | None = None,
        settings: FetchSettings | None = None,
        watch: WatchSettings | None = None,
        resolve: Mapping[str, str] | None = None,
        robots_cache: dict | None = None,
    ):
        self.sources = list(dict.fromkeys(sources))
        self.lookup, self.now = lookup, now
        # the pages a source listed that were first seen since a time (source URL, ISO time): those
        # its listing dropped are checked too while in the recheck window; a page taken down leaves
        # its feed as it goes (QA pass 23b, 03: its 410 was never seen)
        self.listed_since = listed_since
        self.settings, self.watch = settings or FetchSettings(), watch or WatchSettings()
        self.resolve, self.robots_cache = resolve, robots_cache
        self.emit: Callable[[object], Awaitable[None]] | None = None
        self.seen_sources: set[str] = set()
        self.listed_by: dict[str, str] = {}  # a child listing → the listing that named it
        self.pages_taken: set[str] = set()  # pages fetched this round (or being fetched), by any source
        # a host → the <head> of its first page read this round, where its site's name is read when
        # a feed summary of the host needs one (``_named``); then the name (or None) in its place
        self.head_of_host: dict[str, str] = {}
        self.site_of_host: dict[str, str | None] = {}
        # a host → the site's name its pages give (read this round, else recorded in an earlier
        # one: ``recorded_site_of_host``, the caller's lookup), for its pages that give none
        self.recorded_site_of_host = recorded_site_of_host
        self.named_host: dict[str, str | None] = {}
        self.unnamed: list[tuple[str, RawItem]] = []  # (host, item) waiting for a page of the host to name it
        self.unnamed_bytes = 0

    async def run(self, emit: Callable[[object], Awaitable[None]]) -> None:
        self.emit = emit
        async with Fetcher(self.settings, resolve=self.resolve, robots_cache=self.robots_cache) as fetcher:
            await asyncio.gather(*(self._source(fetcher, url) for url in self.sources))
        for host, item in self.unnamed:  # the round's pages read: what their hosts' other pages name them
            name = self.named_host.get(host)
            await self.emit(replace(item, meta={**item.meta, "outlet": name}) if name else item)
        self.unnamed.clear()

    async def _known(self, urls: list[str]) -> Mapping[str, FetchedUrl]:
        return await asyncio.to_thread(self.lookup, urls) if urls else {}

    async def _source(self, fetcher: Fetcher, url: str, depth: int = 0) -> None:
        if url in self.seen_sources:
            return
        if depth and len(self.seen_sources) >= self.watch.max_listings_per_round:
            await self.emit(Failure(url, f"listed by {self.listed_by.get(url)}: over the {self.watch.max_listings_per_round} "
                                    "listings one round reads: not followed this round", stage="fetch"))
            return
        self.seen_sources.add(url)
        known = (await self._known([url])).get(url)
        validators = Validators(known.etag, known.last_modified) if known else None
        if known is not None and known.meta.get("kind") in LISTS_LISTINGS and "sources" not in known.meta:
            validators = None  # recorded before a listing kept its children: a 304 could not name them
        try:
            got = await fetcher.get(url, validators, expect="listing", listed_by=self.listed_by.get(url))
            if got.not_modified and known is None:
                raise FetchError("HTTP 304 to a request that was not conditional")
            if got.not_modified:  # as it was last time: its children are checked again, each by its own validators
                listing = Listing(known.meta.get("kind", "feed"), sources=list(known.meta.get("sources", [])))
            else:
                # off the event loop: feedparser reads ~15,000 elements a second, so a hostile 10 MB
                # feed held the loop for minutes, and every other host's request timed out meanwhile
                listing = await asyncio.to_thread(read_listing, url, got.body, got.content_type)
        except Exception as e:  # one source, whatever went wrong, never ends the round
            reason = str(e) if isinstance(e, (FetchError, ValueError)) else f"{type(e).__name__}: {str(e)[:100]}"
            await self.emit(Failure(url, reason, stage="fetch"))
            await self.emit(SourceReport(url, ok=False, status=reason))
            return
        # a listing longer than a round fetches is read newest first, a round's worth at a time: a few
        # rounds' worth is kept (and asked of the store), what lies beyond is named, not dropped unsaid
        cap = self.watch.max_pages_per_source
        listed = _newest_first(_each_page_once(listing.entries))
        entries = listed[: cap * self.watch.rounds_of_pages_kept]
        if got.not_modified:  # the listing is as it was last time: what it listed then
            entries = [Entry(e["url"], e.get("summary"), e.get("meta", {})) for e in known.meta.get("entries", [])]
            listed = entries
        etag, modified = _validators(got, known)
        if listing.problem:
            etag = modified = None  # a cut-off download is fetched whole next time, not answered 304
        meta = {"kind": listing.kind, "entries": [{"url": e.url, "summary": e.summary, "meta": e.meta} for e in entries]}
        if listing.kind in LISTS_LISTINGS:
            meta["sources"] = listing.sources[: self.watch.max_child_listings]
        record = FetchedUrl(url=url, etag=etag, last_modified=modified, last_checked=_iso(self.now), meta=meta)
        if listing.kind == "page":  # the source is an article page itself, already fetched
            own = self._own_site(got) if not got.not_modified else known.meta.get(PAGE_SITE)
            if own:
                meta[PAGE_SITE] = own
            self.pages_taken.add(url)
            await self.emit(SourceReport(url, ok=True, status="not modified" if got.not_modified else "ok",
                                         kind="page", items_listed=1, pages=[url]))
            await self.emit(record)
            if not got.not_modified:
                await self._page_item(url, got, {PAGE_SITE: own})
            return
        window_start = _iso(self.now - timedelta(hours=self.watch.recheck_hours))
        kept = len(entries)  # the listing's own pages this round; then the ones it dropped since
        entries = entries + await self._dropped(url, entries, window_start)
        pages = [e.url for e in entries]
        if listing.problem:  # what it lists up to the cut is read; the source failed, and says why
            await self.emit(SourceReport(url, ok=False, status=listing.problem, kind=listing.kind,
                                         items_listed=len(listed), pages=pages))
        else:
            await self.emit(SourceReport(url, ok=True, status="not modified" if got.not_modified else "ok",
                                         kind=listing.kind, items_listed=None if got.not_modified else len(listed),
                                         pages=pages))
        await self.emit(record)
        if listing.problem:  # after its record, whose arrival clears the source's earlier failures
            await self.emit(Failure(url, listing.problem, stage="fetch"))
        for link in listing.malformed[:MALFORMED_NAMED]:  # each named; the listing's other entries are read
            await self.emit(Failure(url, f"lists a malformed link {link[:200]!r}: not followed", stage="fetch"))
        if len(listing.malformed) > MALFORMED_NAMED:
            await self.emit(Failure(url, f"lists {len(listing.malformed)} malformed links: the first "
                                    f"{MALFORMED_NAMED} are named", stage="fetch"))
        for link in listing.not_web[:MALFORMED_NAMED]:
            scheme = link.split(":", 1)[0].lower()
            await self.emit(Failure(url, f"lists a link to no web page ({scheme}:) {link[:200]!r}: not followed",
                                    stage="fetch"))
        if len(listing.not_web) > MALFORMED_NAMED:
            await self.emit(Failure(url, f"lists {len(listing.not_web)} links to no web page: the first "
                                    f"{MALFORMED_NAMED} are named", stage="fetch"))
        unseen = [u for u in listing.sources if u not in self.seen_sources]
        children = unseen[: self.watch.max_child_listings]
        if len(unseen) > len(children):  # named, not dropped without a word (a review)
            await self.emit(Failure(url, f"lists {len(unseen)} feeds or sitemaps; the first {len(children)} are read "
                                    f"(max_child_listings), {len(unseen) - len(children)} not", stage="fetch"))
        if depth >= self.watch.max_listing_depth:  # named, not silently dropped (QA round 14: "ok", nothing stored)
            for child in children:
                await self.emit(Failure(child, f"listed by {url}, {depth + 1} levels below the watched source "
                                        f"(the limit is {self.watch.max_listing_depth}): not followed", stage="fetch"))
            children = []
        self.listed_by.update((child, url) for child in children)
        records = await self._known(pages)
        due = [e for e in entries if e.url not in self.pages_taken and self._due(e, records.get(e.url), window_start)]
        due.sort(key=lambda e: e.url in records)  # pages never read before a re-check (stable: newest first within)
        left = len(due) - cap
        due = due[:cap]
        self.pages_taken.update(e.url for e in due)  # a page listed by two sources is fetched once a round (QA pass 23a, 02)
        if left > 0 or len(listed) > kept:
            await self.emit(Failure(url, _over_cap(len(listed), cap, max(0, left), len(listed) - kept),
                                    stage="fetch"))
        done = await asyncio.gather(
            *(self._page(fetcher, e, records.get(e.url), url) for e in due),
            *(self._source(fetcher, child, depth + 1) for child in children),
        )
        for stand_in in done[: len(due)]:  # after the listing's pages: they name their site
            if stand_in is not None:
                await self.emit(self._named(stand_in))

    async def _dropped(self, url: str, entries: list[Entry], window_start: str) -> list[Entry]:
        """Pages ``url`` listed in an earlier round, first seen in the recheck window, that its
        listing no longer names: checked as its listed pages are (a page's own record keeps what
        the listing said of it)."""
        if self.listed_since is None:
            return []
        listed = {e.url for e in entries}
        earlier = await asyncio.to_thread(self.listed_since, url, window_start)
        room = max(0, self.watch.max_pages_per_source - len(entries))
        return [Entry(r.url, None, {DROPPED: True}) for r in earlier if r.url not in listed][:room]

    def _due(self, entry: Entry, known: FetchedUrl | None, window_start: str) -> bool:
        """A page is fetched when new; a known one when its listing says it changed (a feed's
        updated, a sitemap's lastmod) since we last fetched it, whatever its age, or while younger
        than the recheck window when that date moved or its last check is ``recheck_after`` old."""
        if known is None:
            return True
        young = (known.first_seen or "") >= window_start
        for key in ("updated", "lastmod"):
            said = entry.meta.get(key)
            if not said or said == known.meta.get(key):
                continue
            if young:
                return True
            when, last = _instant(said), _instant(known.last_checked)
            if when is not None and last is not None and when > last:
                return True  # an old page edited since (QA pass 23a, 07: a sitemap's lastmod was not read)
        if not young:
            return False
        last = known.last_checked or ""
        every = self.watch.recheck_after * (self.watch.dropped_recheck_factor if entry.meta.get(DROPPED) else 1)
        return last <= _iso(self.now - timedelta(seconds=every))

    async def _page(self, fetcher: Fetcher, entry: Entry, known: FetchedUrl | None, source_url: str) -> RawItem | None:
        """Fetch a listed page and emit it; a page never read before that cannot be read is
        returned as its entry's summary standing in for it, to be named (``_named``) and emitted
        once the listing's other pages are read."""
        validators = Validators(known.etag, known.last_modified) if known else None
        try:
            got = await fetcher.get(entry.url, validators, expect="page", listed_by=source_url)
        except Exception as e:  # one page, whatever went wrong, never ends the round (review 23a, F7)
            if isinstance(e, FetchError) and known is not None and e.status in GONE_STATUS:
                await self.emit(Gone(entry.url, e.status, str(e), known.meta.get(FINAL_URL),
                                     dropped=bool(entry.meta.get(DROPPED))))  # quarantined, saying so
                return None
            reason = str(e) if isinstance(e, FetchError) else f"{type(e).__name__}: {str(e)[:100]}"
            await self.emit(Failure(entry.url, reason, stage="fetch"))
            if known is None and entry.summary:  # never read before: the feed's summary stands in
                meta = {k: v for k, v in entry.meta.items() if k in ("title", "published", "authors", "site_name")}
                return RawItem(source=entry.url + SUMMARY_SUFFIX, kind="html", content=entry.summary,
                               url=entry.url, meta={**meta, "fragment": True, "text_from": FEED_SUMMARY})
            return None
        meta = {k: v for k, v in {**(known.meta if known else {}), **entry.meta}.items()
                if k not in (DROPPED, FINAL_URL, PAGE_SITE)}
        final = got.final_url if not got.not_modified else (known.meta.get(FINAL_URL) if known else None)
        if final and final != entry.url:
            meta[FINAL_URL] = final  # the address its article is stored under
        own = self._own_site(got) if not got.not_modified else (known.meta.get(PAGE_SITE) if known else None)
        if own:
            meta[PAGE_SITE] = own
        etag, modified = _validators(got, known)
        await self.emit(FetchedUrl(url=entry.url, source_url=source_url, etag=etag, last_modified=modified,
                                   last_checked=_iso(self.now), meta=meta))
        if not got.not_modified:
            await self._page_item(entry.url, got, meta)
        return None

    def _named(self, stand_in: RawItem) -> RawItem:
        """A feed summary standing in for its page, under its site's name as a page of the site
        read this round gives it (og:site_name), when one does: the feed's title is a desk's
        ("PAP - Kraj" beside the pages' "Polska Agencja Prasowa" was a second outlet, QA pass 18)."""
        site = self._site_name(urlsplit(stand_in.url or "").netloc.lower())
        return replace(stand_in, meta={**stand_in.meta, "site_name": site}) if site else stand_in

    def _note_head(self, url: str, html: str) -> None:
        host = urlsplit(url).netloc.lower()
        if host not in self.head_of_host:
            end = html.find("</head>")
            self.head_of_host[host] = html[: end if end > 0 else _HEAD_CHARS][:_HEAD_CHARS]

    def _site_name(self, host: str) -> str | None:
        """The name the host's first page read this round gives its site (its <head>'s tags), read
        once, when first asked (most rounds never ask: no page of theirs failed)."""
        if host not in self.site_of_host:
            import lxml.html
            from lxml import etree

            from storydiff.extract.html import page_meta

            head = self.head_of_host.get(host)
            try:
                self.site_of_host[host] = page_meta(lxml.html.document_fromstring(head)).site_name if head else None
            except (ValueError, etree.LxmlError):
                self.site_of_host[host] = None
        return self.site_of_host[host]

    def _own_site(self, got) -> str | None:
        """The site's name the page's own <head> gives (og:site_name, application-name, publisher),
        noted as its host's."""
        import lxml.html
        from lxml import etree

        from storydiff.extract.html import page_meta

        head = got.body[:_HEAD_CHARS]
        end = head.find(b"</head>")
        try:
            text = head[: end if end > 0 else len(head)].decode(got.charset or "utf-8", "replace")
            own = page_meta(lxml.html.document_fromstring(text)).site_name if text.strip() else None
        except (LookupError, ValueError, etree.LxmlError):
            own = None
        host = urlsplit(got.final_url).netloc.lower()
        if own and not self.named_host.get(host):  # the first name read this round stands
            self.named_host[host] = own
        return own

    async def _host_name(self, url: str) -> str | None:
        """The site's name other pages of ``url``'s host give: read this round, else recorded."""
        host = urlsplit(url).netloc.lower()
        if host not in self.named_host and self.recorded_site_of_host is not None:
            recorded = await asyncio.to_thread(self.recorded_site_of_host, host)
            # a page of the host read while the lookup ran may have named the site: its name stands
            self.named_host[host] = self.named_host.get(host) or recorded
        return self.named_host.get(host)

    async def _page_item(self, url: str, got, meta: dict) -> None:
        too_large = _too_large_to_extract(got.body)
        if too_large:  # said now, not after the page waited, decoded, in the queue (review 23a, F4)
            await self.emit(Failure(url, too_large, stage="extract"))
            return
        try:
            html = decode_bytes(got.body, declared=got.charset)
        except DecodeError as e:
            await self.emit(Failure(url, str(e), stage="fetch"))
            return
        if got.final_url and _to_site_root(url, got.final_url):
            # an article redirected to the site's home page (removed, or behind a paywall) is no
            # item: its home page was stored as an article credited to the source (review 22a, R7)
            await self.emit(Failure(url, f"redirected to the site's home page {got.final_url}: no article",
                                    stage="extract"))
            return
        self._note_head(got.final_url or url, html)
        # the listing's date: a page's own markup often shows when it was last changed instead;
        # but where the page's own publication time is the earlier, the listing dates the entry
        # by its update (a wire's feed: Reuters' pubDate 07:42 for an UPDATE of the 05:10 story,
        # whose page keeps article:published_time 05:10; QA pass 22a, 01): the earlier one stands
        keep = {k: meta[k] for k in ("published", "site_name") if meta.get(k)}
        if keep.get("published") and _published_earlier(html, keep["published"]):
            del keep["published"]
        item = RawItem(source=url, kind="html", content=html, url=got.final_url, meta=keep)
        if not meta.get(PAGE_SITE):
            # a page whose <head> names no site is of the outlet its host's other pages name, not
            # an outlet of its own named by its host ("127.0.0.1:18105"; QA pass 27b, 12)
            host = urlsplit(got.final_url or url).netloc.lower()
            if host_name := await self._host_name(got.final_url or url):
                item = replace(item, meta={**keep, "outlet": host_name})
            elif self.unnamed_bytes + len(got.body) <= self.watch.unnamed_pages_held_bytes:
                self.unnamed.append((host, item))  # until the round's other pages of its host are read
                self.unnamed_bytes += len(got.body)
                return
        await self.emit(item)


def _too_large_to_extract(body: bytes) -> str | None:
    """Extraction's refusal of a page too large for one article, when it would refuse ``body``
    (its markup without scripts over ``max_markup_bytes``): a 10 MB page fetched, decoded (4 bytes a
    character with one emoji) and queued only to be refused took watch to 3.8 GB (review 23a, F4)."""
    from storydiff.settings import ExtractSettings

    if len(body) <= ExtractSettings().max_markup_bytes:
        return None
    from storydiff.extract.html import _check_size

    try:
        _check_size(body)
    except ValueError as e:
        return str(e)
    return None


def _over_cap(listed: int, cap: int, left: int, beyond: int) -> str:
    """Why a long listing's pages are not all fetched this round (review 23a, F3: 20 of 520 dropped unsaid)."""
    said = f"lists {listed} pages; at most {cap} are fetched a round (max_pages_per_source), newest first"
    if left:
        said += f": {left} more due, left for later rounds"
    if beyond:
        said += f"; the {beyond} oldest are not read"
    return said


def _to_site_root(url: str, final_url: str) -> bool:
    """Whether ``url``, a page with a path, was redirected to its site's root ("/", "/en/")."""
    try:
        asked, got = urlsplit(url), urlsplit(final_url)
    except ValueError:
        return False
    def root(path: str) -> bool:
        parts = [p for p in path.split("/") if p]
        return not parts or (len(parts) == 1 and len(parts[0]) == 2)  # "/", or a language's "/en/"
    return not root(asked.path) and root(got.path)


# a time of day with its offset or zone: "2026-12-06T05:10:00Z", "...T05:10:00+02:00"
_ZONED_TIME = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$", re.IGNORECASE)


def _published_earlier(html: str, listed: str) -> bool:
    """Whether the page's own publication time (its <head>'s tags, with a time of day) is an
    instant before ``listed``, the date its listing gives it."""
    import lxml.html
    from lxml import etree

    from storydiff.dates import parse_iso_utc
    from storydiff.extract.html import page_meta

    end = html.find("</head>")
    head = html[: end if end > 0 else _HEAD_CHARS][:_HEAD_CHARS]
    try:
        own = page_meta(lxml.html.document_fromstring(head)).published_time if head.strip() else None
    except (ValueError, etree.LxmlError):
        return False
    if not own or not _ZONED_TIME.search(own):
        return False  # a day, or a local time without its zone, is no instant to set against the feed's (review 22c, r6)
    mine, theirs = parse_iso_utc(own), parse_iso_utc(listed)
    if theirs is None:  # a feed's RFC 822 date ("Sun, 06 Dec 2026 07:42:00 +0000")
        from email.utils import parsedate_to_datetime

        try:
            theirs = parse_iso_utc(parsedate_to_datetime(listed))
        except (TypeError, ValueError, IndexError):
            theirs = None
    return mine is not None and theirs is not None and mine < theirs


class EventQueue:
    """The round's events on their way to the consumer, bounded by count and by the memory of the
    pages waiting in it (a page is up to 10 MB, 40 MB decoded: 64 of them took watch to gigabytes,
    review 23a, F4). One page larger than the budget still passes, alone."""

    def __init__(self, items: int, max_bytes: int):
        self.events: queue.Queue = queue.Queue(maxsize=items)
        self.max_bytes, self.bytes = max_bytes, 0
        self.lock = threading.Lock()

    @staticmethod
    def _size(ev: object) -> int:
        return sys.getsizeof(ev.content) if isinstance(ev, RawItem) and isinstance(ev.content, (str, bytes)) else 0

    def put_nowait(self, ev: object) -> None:
        size = self._size(ev)
        with self.lock:
            if size and self.bytes and self.bytes + size > self.max_bytes:
                raise queue.Full
            self.events.put_nowait(ev)
            self.bytes += size

    def put(self, ev: object, timeout: float | None = None) -> None:
        self.events.put(ev, timeout=timeout)  # the end marker: no page, no bytes

    def get(self) -> object:
        return self._taken(self.events.get())

    def get_nowait(self) -> object:
        return self._taken(self.events.get_nowait())

    def _taken(self, ev: object) -> object:
        size = self._size(ev)
        if size:
            with self.lock:
                self.bytes -= size
        return ev


def run_in_thread(rnd: Round, events: queue.Queue | EventQueue, stop: Callable[[], bool]) -> None:
    """Run a round on its own event loop (call in a thread), putting its events on ``events``
    (bounded: a slow consumer holds the fetches back) and DONE last (with the exception, if the
    round itself failed). ``stop`` is polled: once it says yes the round's requests are cancelled."""

    async def emit(ev: object) -> None:
        while True:
            try:
                events.put_nowait(ev)
                return
            except queue.Full:
                await asyncio.sleep(0.02)

    async def main() -> None:
        work = asyncio.ensure_future(rnd.run(emit))
        while not work.done():
            if stop():
                work.cancel()
                break
            await asyncio.wait({work}, timeout=0.1)
        try:
            await work
        except asyncio.CancelledError:
            pass

    error: BaseException | None = None
    try:
        asyncio.run(main())
    except BaseException as e:  # handed to the consumer, which raises it in its own thread
        error = e
    while True:
        try:
            events.put((DONE, error), timeout=0.5)
            return
        except queue.Full:
            if stop():
                try:
                    events.get_nowait()  # the consumer has gone: make room for the end marker
                except queue.Empty:
                    pass
