"""What a watched source lists: a feed's entries, a sitemap's pages, an OPML export's feeds, or
(an HTML page) itself. Parsers are given the bytes this package fetched; none of them makes a
request of its own (feedparser for feeds, trafilatura's sitemap reader for sitemaps, lxml for OPML,
courlan for the URLs they yield)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from storydiff.records import Failure

__all__ = ["Entry", "Listing", "read_listing", "read_source_file", "shown_failure", "web_url", "without_passwords"]


@dataclass
class Entry:
    """A page a listing points to, with what the listing says of it."""

    url: str
    summary: str | None = None  # a feed entry's content or summary (HTML), the fallback text
    meta: dict[str, Any] = field(default_factory=dict)  # title, published, updated, authors, site_name


@dataclass
class Listing:
    kind: str  # "feed" | "sitemap" | "sitemapindex" | "opml" | "page"
    entries: list[Entry] = field(default_factory=list)  # pages (feed, sitemap)
    sources: list[str] = field(default_factory=list)  # further listings (a sitemap index, OPML)
    # why the listing was read only in part (a feed cut off mid-download): its entries are those before
    problem: str | None = None
    # links no URL parser reads ("http://[::1/x"): each named, the others read (review 23a, F2)
    malformed: list[str] = field(default_factory=list)
    # links to no web page ("file:///etc/passwd", "javascript:", "ftp:"): not followed, and each
    # named (QA pass 27b, 11: skipped without a word)
    not_web: list[str] = field(default_factory=list)


def web_url(url: str) -> str | None:
    """``url`` normalised (courlan: lower-case host, no fragment, no tracking parameters), or
    None when it is no http(s) address."""
    from courlan import normalize_url

    from storydiff.ingest.formats import split_url

    url = (url or "").strip()
    parts = split_url(url)
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    try:
        url = normalize_url(url, strict=False)
    except (ValueError, AttributeError):
        pass
    return url.split("#", 1)[0]  # a fragment names a place on the page, not another page


# a password in a URL's userinfo ("http://user:s3cret@host/feed"): kept for the fetch, never shown
_PASSWORD = re.compile(r"(?i)\b(https?://[^\s/?#@:]*):[^\s/?#]*@")  # up to the last "@": "pa@ss" whole


def without_passwords(text: str | None) -> str | None:
    """``text`` (a URL, or a line naming URLs) with each URL's password masked
    ("http://user:***@host/feed"): the open /sources page, /api/sources and `storydiff sources`
    showed a watched feed's password (review 23a, F9)."""
    return _PASSWORD.sub(r"\1:***@", text) if text else text


def shown_failure(f: Failure) -> Failure:
    """A quarantined item as it is shown (``storydiff errors``, /errors, /api/errors): a watched
    URL's password masked in its source and reason (the sources views masked it, the quarantine's
    did not: r23-f's note on review 23a, F9)."""
    return Failure(source=without_passwords(f.source) or "", reason=without_passwords(f.reason) or "", stage=f.stage)


_XML_HEAD = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*|<\?[^>]*>\s*)*<([\w:.-]+)", re.S)


def _root_tag(body: bytes) -> str:
    m = _XML_HEAD.match(body[:4096].lstrip(b"\xef\xbb\xbf"))
    return m.group(1).decode("ascii", "ignore").split(":")[-1].lower() if m else ""


def read_listing(url: str, body: bytes, content_type: str = "") -> Listing:
    """What the document fetched from ``url`` lists. ValueError when it is none of a feed, a
    sitemap, an OPML export or an HTML page."""
    root = _root_tag(body)
    if root in ("urlset", "sitemapindex"):
        return _sitemap(url, body, root)
    if root == "opml":
        return Listing("opml", sources=_opml(body))
    if root in ("rss", "feed", "rdf"):
        return _feed(url, body)
    from storydiff.ingest.formats import _looks_like_html

    if root == "html" or _looks_like_html(body) or "html" in content_type.lower():
        return Listing("page", entries=[Entry(url)])
    listing = _feed(url, body)  # a feed with an unusual start (a stylesheet, whitespace)
    if listing.entries:
        return listing
    raise ValueError("not a feed, sitemap, OPML export or HTML page")


def _feed(url: str, body: bytes) -> Listing:
    import feedparser

    from storydiff.ingest.formats import _entry_url, _feed_author, _feed_outlet, _feed_text, malformed_link
    from storydiff.ingest.sanitize import clean_references

    parsed = feedparser.parse(clean_references(body))  # feedparser crashes on &#xD800; and the like
    if not parsed.get("version") and not parsed.entries:
        raise ValueError("not a feed, sitemap, OPML export or HTML page")
    channel = parsed.get("feed", {})
    site = _feed_outlet(channel.get("title"))
    base = channel.get("link") or url
    listing = Listing("feed", problem=_cut_off(body, parsed))
    for entry in parsed.entries:
        if malformed_link(entry):
            listing.malformed.append(entry["link"].strip())
            continue
        link = _entry_url(entry, base)
        page = web_url(link) if link else None
        if page is None:
            if _other_scheme(entry):
                listing.not_web.append(entry["link"].strip())
            continue  # an entry without a page: its summary alone is read by `ingest` of the feed
        summary = None
        if entry.get("content"):
            summary = max((c.get("value", "") for c in entry["content"]), key=len)
        summary = summary or entry.get("summary") or entry.get("description")
        meta: dict[str, Any] = {}
        if entry.get("title"):
            meta["title"] = _feed_text(entry.get("title_detail"), entry["title"])
        if entry.get("published") or entry.get("updated"):
            meta["published"] = entry.get("published") or entry.get("updated")
        updated = dict.get(entry, "updated")  # feedparser's own get falls back to "published", warning
        if updated:
            meta["updated"] = updated
        author = _feed_author(entry.get("author"))
        if author:
            meta["authors"] = [author]
        if site:
            meta["site_name"] = site
        listing.entries.append(Entry(page, summary if summary and summary.strip() else None, meta))
    return listing


_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def _other_scheme(entry: Any) -> bool:
    """Whether a feed entry links to an address of a scheme other than http(s) ("file:",
    "javascript:", "ftp:"): a link the feed gives (not its id, an "urn:" feedparser copied)."""
    link = entry.get("link")
    if not isinstance(link, str) or not (m := _SCHEME.match(link.strip())):
        return False
    return m.group(1).lower() not in ("http", "https") and any(
        isinstance(x, dict) and x.get("href") == link for x in entry.get("links") or [])


# a feed's root element closed at its end (comments and whitespace may follow)
_FEED_END = re.compile(rb"</(?:[\w.-]+:)?(?:rss|feed|rdf)\s*>(?:\s|<!--.*?-->)*\Z", re.IGNORECASE | re.S)


def _cut_off(body: bytes, parsed) -> str | None:
    """Why the feed ``body`` was read only in part, or None: an XML error and no closing root tag
    at the end, as a download cut off leaves it (QA pass 18: `watch` said "ok" and the entries after
    the cut were gone unsaid). A whole feed that is not quite XML (an HTML entity) feedparser reads
    in full: no problem."""
    if not getattr(parsed, "bozo", False) or _FEED_END.search(body[-4096:]):
        return None
    return (f"the feed is cut off or malformed: {str(parsed.get('bozo_exception', ''))[:80]}; "
            f"{len(parsed.entries)} entries read up to it")


def _sitemap(url: str, body: bytes, root: str) -> Listing:
    from courlan import extract_domain
    from trafilatura.sitemaps import SitemapObject

    from storydiff.ingest.formats import split_url

    text = body.decode("utf-8", "replace")
    domain = extract_domain(url, fast=True) or urlsplit(url).hostname or ""
    sitemap = SitemapObject(url, domain, [])
    sitemap.current_url, sitemap.content = url, text  # given our bytes: it fetches nothing itself
    sitemap.process()
    found_pages, found_children = sitemap.urls, sitemap.sitemap_urls
    if not found_pages and not found_children:
        # trafilatura keeps only URLs whose registered domain it can read (courlan): none on an
        # intranet name or an IP address; there every <loc> on the sitemap's own host counts
        found_pages, found_children = _locs(body, urlsplit(url).netloc.lower())
    pages = [u for u in (web_url(x) for x in found_pages) if u]
    children = [u for u in (web_url(x) for x in found_children) if u]
    malformed = [x for x in found_pages + found_children if web_url(x) is None and split_url(x.strip()) is None]
    if root == "sitemapindex":
        return Listing("sitemapindex", sources=list(dict.fromkeys(children + pages)), malformed=malformed)
    news = _news_meta(body)
    entries = [Entry(u, meta=news.get(u, {})) for u in dict.fromkeys(pages)]
    return Listing("sitemap", entries=entries, sources=children, malformed=malformed)


_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def _news_meta(body: bytes) -> dict[str, dict[str, str]]:
    """What a sitemap says of each page: a Google News sitemap's ``<news:publication_date>`` (its
    date: without it its pages were stored undated and grouped by arrival order, second QA pass),
    and any sitemap's ``<lastmod>``, when the page last changed: not its date, but a page whose
    lastmod moves past our last fetch of it is fetched again (an outlet's correction on day 3 was
    lost for good, QA pass 23a, 07), and a listing too long for one round is read newest first.
    (Its ``<news:title>`` is not read: the page's own headline is what extraction reads.)"""
    if b"lastmod" not in body and _NEWS_NS.encode() not in body[:200_000]:
        return {}
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return {}
    found: dict[str, dict[str, str]] = {}
    for url_el in root.iter("{*}url") if root is not None else ():
        loc = url_el.findtext("{*}loc")
        u = web_url(loc.strip()) if loc else None
        if u is None:
            continue
        meta = {}
        published = url_el.findtext(f".//{{{_NEWS_NS}}}publication_date")
        if published and published.strip():
            meta["published"] = published.strip()[:64]
        lastmod = url_el.findtext("{*}lastmod")
        if lastmod and lastmod.strip():
            meta["lastmod"] = lastmod.strip()[:64]
        if meta:
            found[u] = meta
    stamps = Counter(m["lastmod"] for m in found.values() if "lastmod" in m)
    if stamps and len(found) >= 10 and stamps.most_common(1)[0][1] * 2 > len(found):
        # most pages "changed" at one instant: the sitemap's own generation time, written on every
        # page, says nothing of any of them (else a whole archive would be fetched again each round)
        for m in found.values():
            m.pop("lastmod", None)
    return found


def _locs(body: bytes, host: str) -> tuple[list[str], list[str]]:
    """(pages, sitemaps) of a sitemap's <loc> elements on ``host``."""
    from lxml import etree
    from trafilatura.sitemaps import DETECT_SITEMAP_LINK

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return [], []
    if root is None:
        return [], []
    from storydiff.ingest.formats import split_url

    pages, maps = [], []
    for loc in root.iter("{*}loc", "loc"):
        u = (loc.text or "").strip()
        parts = split_url(u)
        if parts is None and u.lower().startswith(("http://", "https://")):
            pages.append(u)  # named as malformed by the caller, not dropped unsaid
        elif parts is not None and parts.netloc.lower() == host:  # as trafilatura tells a sitemap from a page
            (maps if DETECT_SITEMAP_LINK.search(u) else pages).append(u)
    return pages, maps


def _opml(body: bytes) -> list[str]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as e:
        raise ValueError(f"unreadable OPML: {e}") from None
    if root is None:
        raise ValueError("unreadable OPML")
    urls = []
    for outline in root.iter("outline"):
        u = web_url(outline.get("xmlUrl") or outline.get("xmlurl") or "")
        if u:
            urls.append(u)
    return list(dict.fromkeys(urls))


def read_source_file(path: str, bad: list[str] | None = None) -> list[str]:
    """The sources a local file names: an OPML export's feeds, or one URL a line (blank lines and
    ``#`` comments skipped). A line that is no web address is named in ``bad`` ("path:N: reason")
    and the rest is read; without ``bad``, ValueError on the first."""
    with open(path, "rb") as f:
        data = f.read(20_000_000)
    if _root_tag(data) == "opml":
        return _opml(data)
    urls = []
    for n, line in enumerate(data.decode("utf-8-sig", "replace").splitlines(), start=1):
        # a comment: a whole line, or after a blank ("https://x.example/feed  # the desk's feed"); a '#'
        # inside an address is its fragment
        line = "" if line.lstrip().startswith("#") else re.split(r"\s#", line, maxsplit=1)[0].strip()
        if not line:
            continue
        u = web_url(line)
        if u is None:
            reason = f"{path}:{n}: not an http(s) address: {line[:80]!r}"
            if bad is None:
                raise ValueError(reason)
            bad.append(reason)
            continue
        urls.append(u)
    return list(dict.fromkeys(urls))
