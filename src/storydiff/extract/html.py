"""Article body and metadata from one HTML page.

trafilatura finds the body; we parse the page once, hand the tree to it, and take the
publication date from htmldate with executable scripts removed (dates inside JavaScript are
build stamps and ad configs, not publication dates; JSON-LD metadata is kept).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from itertools import islice

import htmldate
import trafilatura
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HTMLParser, HtmlProcessingInstruction, fromstring
from trafilatura.utils import decode_file, is_dubious_html, repair_faulty_html

from storydiff.dates import EARLIEST_YEAR, parse_iso_utc
from storydiff.extract.attribute_work import attribute_work
from storydiff.extract.date_parser import page_languages
from storydiff.extract.heavy_markup import strip_heavy_markup
from storydiff.extract.html_authors import byline_from_dom
from storydiff.extract.htmldate_patterns import install as _install_date_patterns
from storydiff.extract.joined_blocks import split_joined_blocks
from storydiff.extract.line_cleanup import clean_body
from storydiff.extract.metadata import byline_names, headline, leading_byline
from storydiff.extract.page_prose import page_prose
from storydiff.extract.page_region import region_text
from storydiff.extract.page_type import declares_article, teaser_headlines
from storydiff.extract.pass_gaps import fill_from_paragraphs, fill_gaps, page_paragraphs, shows_gap
from storydiff.extract.precise_pass import install as _install_precise_headings
from storydiff.extract.precise_pass import linked_headings_kept
from storydiff.extract.split_body import split_body_text
from storydiff.extract.trafilatura_paths import install as _install_python_paths
from storydiff.settings import ExtractSettings

# trafilatura and htmldate log every refused page at ERROR; a refused page is a normal outcome here.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

SETTINGS = ExtractSettings()

# trafilatura's costliest pruning expressions, evaluated in Python to the same elements: a quarter
# of extract_html's CPU (trafilatura_paths)
_install_python_paths()
# htmldate's page-wide date patterns tried only where a match can start (htmldate_patterns): 60% of
# its search on pages without a date tag
_install_date_patterns()
# the precise pass's heading link-density test, skipped where storydiff asks for it (precise_pass)
_install_precise_headings()


@dataclass
class HtmlExtraction:
    text: str  # article body, paragraphs separated by "\n"; no headline/byline/captions
    title: str | None = None
    published: str | None = None  # ISO date
    authors: list[str] = field(default_factory=list)
    site_name: str | None = None
    url: str | None = None
    language: str | None = None
    modified: str | None = None  # the page's last-modified timestamp (PageMeta.modified)
    # on a page that declares no article type: how many headline links to other pages its text is
    # made of (page_type.teaser_headlines), when it is a listing (a section front, an index); else 0
    teasers: int = 0
    # the page's visible text, a block a line, when its date has no time of day (or none was found):
    # a regional site prints its time only in a text line ("05.12.2026 09:15", "Сьогодні, 09:15"),
    # which extract_item reads as page text's date lines are read (QA pass 20b, 02); also when no
    # tag gives its modified time (its visible last-update stamp gives it); else empty
    page_lines: list[str] = field(default_factory=list)
    # the date the page's tags give when it lies after now (dropped: no publication date yet), for
    # extract_item to say so as it says a record's (QA pass 27a, 11: dropped without a word)
    future_published: str | None = None


def extract_html(html: str | bytes, url: str | None = None, *, fast: bool = False) -> HtmlExtraction:
    """Extract the article of one page; ``ValueError`` with a reason when there is none.

    Default: on a page that declares itself an article (``page_type``), trafilatura's precise
    pass, re-checked against its balanced pass when it reads little; on any other page its balanced
    pass; then line cleanup (``line_cleanup``). On a page that is no article, the content region of
    what the pass kept (``page_region``), or else the page's prose (``page_prose``), replaces the
    pass when the pass keeps a small share of it. ``fast`` (and any page with over
    ``one_pass_markup_bytes`` of markup or ``one_pass_elements`` elements): one balanced pass without trafilatura's fallback
    extractors, and the date from the page's date tags first.
    """
    # One parse. No pass reads trafilatura's metadata (its text does not depend on it): the
    # default path reads title, byline, site and URL once (page_info), not once per pass.
    markup = _check_size(html)  # what trafilatura will walk: a heavy page without its scripts
    tree = _parse_markup(markup)
    elements = int(tree.xpath("count(//*)"))  # in C: a tenth of a Python walk over the tree
    if elements > SETTINGS.max_elements:
        raise ValueError(f"page too large for one article: {elements} elements (limit {SETTINGS.max_elements})")
    one_pass = elements > SETTINGS.one_pass_elements or len(markup) > SETTINGS.one_pass_markup_bytes
    if one_pass:
        fast = True  # one pass keeps a very large page within the time budget per page
    meta: PageMeta | None = None
    balanced: str | None = None  # the re-check's balanced pass's text, when the precise pass was kept
    precise = False  # whether the body is the precise pass's (whose gaps the balanced pass may fill)
    declared = True  # whether the page declares itself an article (the default path reads it)
    if fast:
        # The page's own <meta> tags stand in for trafilatura's metadata pass, which costs a
        # third of its time: the body's headline, site and date are read off them.
        meta = page_meta(tree)
        doc = _trafilatura(tree, url, fast=True)
    else:
        declared = declares_article(tree)
        doc, balanced, precise = _body_pass(tree, url, declared)
    if doc is None or not (doc.text or "").strip():
        # Every pass can refuse a short page that a recall pass still reads.
        doc = _trafilatura(tree, url, fast=fast, favor_recall=True)
        precise = False
    found = doc is not None and bool((doc.text or "").strip())
    if not found and declared:
        raise ValueError("no article text found")
    if found:
        doc.text = split_joined_blocks(tree, doc.text)  # a short page's blocks joined in one line
    if meta is not None:
        text, signed = leading_byline(clean_body(doc.text, title=meta.title))
        if len(text) < SETTINGS.min_body_chars:
            raise ValueError("article text empty after cleaning")
        if one_pass:
            # 1-3 MB of markup or over one_pass_elements elements: trafilatura's JSON-LD reader and
            # htmldate's search can take over a second each there (a live blog's JSON-LD, a shop's
            # listing); the tags alone keep the page in its time budget
            title, site, page_url, author = meta.title, meta.site_name, meta.url, _tag_authors(meta.author)
            published = _valid_date(meta.published, meta.published_time)
        else:
            # title, byline, site and URL as the default path reads them (a few ms); the date from
            # the tags, else htmldate's search (a third of the pages carry no date tag)
            info = page_info(tree, url)
            title, site, page_url, author = (info.title or meta.title, info.sitename or meta.site_name,
                                             info.url or meta.url, info.author)
            published = _valid_date(meta.published, meta.published_time)
            if published is None and not _declares_future(meta.published, meta.published_time):
                # a date the tags put after now is no publication date, and the search finds no
                # better one: htmldate, held to today, gave the 1st of that month (QA 19b)
                published = find_published(tree, url, extensive=_extensive(markup))
        return HtmlExtraction(
            text=text,
            title=headline(title, _h1_texts(tree), site, url or page_url),
            published=with_time_of_day(published, meta.published_time),
            authors=byline_names(author) or signed,
            site_name=site,
            url=url or page_url,
            language=_html_lang(tree),
            modified=meta.modified,
            future_published=_future_tag(meta),
        )
    info = page_info(tree, url)
    # an article's headline (<h1>) repeated as its first line is no body line; on other pages an
    # <h1> heads the content (wcxb's golds keep it)
    headlines = _h1_texts(tree) if declared else ()
    text = clean_body(doc.text, title=info.title, headlines=headlines) if found else ""
    if declared and text and SETTINGS.split_body_max_levels > 0:
        text = split_body_text(tree, text, max_levels=SETTINGS.split_body_max_levels,
                               min_words=SETTINGS.split_body_min_words, min_share=SETTINGS.split_body_min_share)
    if not declared:
        rescued = rescue_region(tree, text, info.title)
        text = rescued if rescued is not None else rescue_prose(tree, text, info.title)
        if not text and not found:
            raise ValueError("no article text found")
    teasers = 0 if declared else teaser_headlines(tree, text, url or info.url)
    if precise and text and SETTINGS.gap_fill_max_lines > 0:
        text = _fill_precise_gaps(tree, url, text, balanced, info.title, headlines)
    elif precise and text:
        # no second pass: the page's own <p>s between two read ones (pass_gaps.fill_from_paragraphs)
        text = fill_from_paragraphs(text, tree, max_gap=SETTINGS.paragraph_gap_max_lines,
                                    min_words=SETTINGS.gap_fill_min_words, sentence_end=SETTINGS.gap_fill_sentence_end)
    # a byline the pass kept as the body's first line ("Par Claire Dumont, avec AFP": QA pass 27a, 09)
    text, signed = leading_byline(text)
    if len(text) < SETTINGS.min_body_chars:
        raise ValueError("article text empty after cleaning")
    tags = page_meta(tree)
    # a page whose tags date it after now has no publication date yet: htmldate's search, held
    # to today, answered the 1st of that month (QA 19b)
    published = None if _declares_future(tags.published, tags.published_time) else find_published(
        tree, url, extensive=_extensive(markup))
    return HtmlExtraction(
        text=text,
        title=headline(info.title, _h1_texts(tree), info.sitename, url or info.url) or None,
        published=with_time_of_day(published, tags.published_time),
        authors=byline_names(info.author) or signed,
        site_name=info.sitename or None,
        url=url or info.url or tags.url,
        language=_html_lang(tree),
        modified=tags.modified,
        teasers=teasers,
        future_published=_future_tag(tags),
        page_lines=visible_lines(tree) if _dated_by_lines(with_time_of_day(published, tags.published_time), tags.modified) else [],
    )


def _dated_by_lines(published: str | None, modified: str | None) -> bool:
    """Whether the page's visible lines are read for its times: its date has no time of day (or
    none was found), or no tag gives its modified time, which a visible last-update stamp then
    gives ("Оновлено: 5 грудня 2026, 14:35"), as page text's (QA pass 26c, 2: a saved update
    with no modified tag was ordered by its file name, before the version it updates)."""
    return not published or "T" not in published or not modified


_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th", "blockquote", "figure", "figcaption", "time",
    "address", "br", "hr", "form", "pre",
})
_UNSEEN_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})
VISIBLE_LINES_MAX = 400  # lines of a page read for its date: the date stands near its top


def visible_lines(tree: HtmlElement) -> list[str]:
    """The page's visible text, one line for each block element's own text, in page order."""
    from lxml import etree

    parts: list[str] = []
    skip = 0
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _UNSEEN_TAGS:
            skip += 1 if event == "start" else -1
            if event == "end" and skip == 0 and el.tail:
                parts.append(el.tail)
            continue
        if skip:
            continue
        if tag in _BLOCK_TAGS:
            parts.append("\n")
        if event == "start" and el.text and tag:
            parts.append(el.text)
        if event == "end" and el.tail:
            parts.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if line][:VISIBLE_LINES_MAX]


def _body_pass(tree: HtmlElement, url: str | None,
               declared: bool) -> tuple[trafilatura.settings.Document | None, str | None, bool]:
    """trafilatura's precise pass on a page that declares itself an article (``declared``,
    page_type), re-checked against its balanced pass when it reads little; its balanced pass on any
    other page. With the document: the re-check's balanced text when the precise body was kept, and
    whether the body is the precise pass's."""
    if not declared:
        # Forums, products, listings, services: the precise pass keeps one block of them.
        return _trafilatura(tree, url), None, False
    with linked_headings_kept(SETTINGS.precise_keeps_linked_headings):
        doc = _trafilatura(tree, url, favor_precision=True)
    words = _word_count(doc.text if doc else "")
    balanced = None
    if words < SETTINGS.recheck_below_words:
        # The precise pass sometimes settles on a small wrong block of a page (a teaser, a
        # caption): when the balanced pass reads several times more, it found the article.
        balanced = _trafilatura(tree, url)
        if balanced is not None and words < SETTINGS.recheck_ratio * _word_count(balanced.text or ""):
            return balanced, None, False
    return doc, (balanced.text if balanced is not None else None), doc is not None


def _fill_precise_gaps(tree: HtmlElement, url: str | None, text: str, balanced: str | None,
                       title: str | None, headlines: Iterable[str]) -> str:
    """The precise body ``text`` (cleaned) with its gaps filled from the balanced pass (pass_gaps):
    the re-check's pass when it ran, else a pass run only when the page's own ``<p>``s show a gap
    (most articles have none: the pass would cost as much again as the precise one)."""
    options = {"max_gap": SETTINGS.gap_fill_max_lines, "min_words": SETTINGS.gap_fill_min_words,
               "sentence_end": SETTINGS.gap_fill_sentence_end}
    if balanced is None:
        if SETTINGS.gap_fill_when_paragraphs_show and not shows_gap(text, page_paragraphs(tree), **options):
            return text
        # without trafilatura's fallback extractors: a third of a full pass, and the same gaps
        # (bench/extraction.py's gap-fill table reads the full pass: the same F1 to 0.0001)
        doc = _trafilatura(tree, url, fast=True)
        balanced = doc.text if doc is not None else None
    if not balanced:
        return text
    return fill_gaps(text, clean_body(balanced, title=title, headlines=headlines), **options)


def rescue_region(tree: HtmlElement, text: str, title: str | None) -> str | None:
    """The visible text of the content region of ``text`` (a pass's cleaned body; page_region),
    line-cleaned, when ``text`` holds less than ``region_rescue_below_share`` of its words; None
    otherwise (and when ``text`` is not found in the page)."""
    share = SETTINGS.region_rescue_below_share
    words = _word_count(text)
    # the words of all the page's text nodes bound the region's: a pass that holds most of the
    # page is kept without the region's walk
    if share <= 0 or not words or words >= share * _word_count(" ".join(tree.itertext())):
        return None
    region = clean_body(region_text(tree, text, cover=SETTINGS.region_cover, min_share=SETTINGS.region_min_share,
                                    wrapper_share=SETTINGS.region_wrapper_share), title=title)
    return region if words < share * _word_count(region) else None


def rescue_prose(tree: HtmlElement, text: str, title: str | None) -> str:
    """``text`` (a pass's cleaned body), or the page's prose outside its chrome (page_prose) when
    ``text`` holds less than ``prose_rescue_below_share`` of its words: on a listing, a forum thread
    or a service page the pass kept one block of what the page is made of."""
    share = SETTINGS.prose_rescue_below_share
    words = _word_count(text)
    # the words of all the page's text nodes bound its prose's: most pages are done here, without
    # page_prose's walk (text_content() would join "foo<b>bar</b>" into one word, no bound)
    if share <= 0 or words >= share * _word_count(" ".join(tree.itertext())):
        return text
    prose = clean_body(page_prose(tree), title=title)
    return prose if words < share * _word_count(prose) else text


def _tag_authors(raw: str | None) -> str | None:
    """An author tag's names as trafilatura writes them ("Jane Doe, John Roe" -> "Jane Doe; John Roe")."""
    from trafilatura.json_metadata import normalize_authors

    return normalize_authors(None, raw) if raw else None


def _h1_texts(tree: HtmlElement) -> list[str]:
    """The page's first <h1> texts: the headline the title repeats, or a logo."""
    return [" ".join(h.text_content().split()) for h in islice(tree.iter("h1"), 5)]


def page_info(tree: HtmlElement, url: str | None) -> trafilatura.settings.Document:
    """Title, author, site name and URL as trafilatura's metadata pass finds them (its
    ``extract_metadata``, step for step), without the date, categories, tags and licence it also
    reads and storydiff does not use; an empty Document when the page defeats it."""
    from trafilatura import metadata as tm
    from trafilatura.settings import Document

    try:
        info = tm.examine_meta(tree)
        if info.author and " " not in info.author:
            info.author = None
        try:
            info = tm.extract_meta_json(tree, info)
            info = _json_ld_without_context(tree, info)
        except Exception:  # as trafilatura: bugs in its JSON-LD reader cost only the JSON-LD
            pass
        info.title = _live_blog_headline(tree, info.title) or info.title or tm.extract_title(tree)
        info.author = info.author or byline_from_dom(tree)  # tm.extract_author, a fifth of its cost
        info.url = info.url or tm.extract_url(tree, url)
        if not info.sitename:
            info.sitename = tm.extract_sitename(tree)
        if info.sitename:
            info.sitename = info.sitename.lstrip("@")
            if "." not in info.sitename and not info.sitename[0].isupper():
                info.sitename = info.sitename.title()
        elif info.url:
            found = tm.META_URL.match(info.url)
            if found:
                info.sitename = found[1]
        info.clean_and_trim()
        return info
    except (ValueError, TypeError, RecursionError, etree.LxmlError):
        return Document()


def _live_blog_headline(tree: HtmlElement, title: str | None) -> str | None:
    """A live blog's own headline from its JSON-LD, when the title read so far is none or one of
    its updates' headlines. trafilatura's JSON-LD reader replaces a LiveBlogPosting by its
    liveBlogUpdate entries, so without a title tag the first update's headline ("Update 0")
    became the page's title; a title from the page's tags (og:title) stays."""
    import json

    for script in tree.iter("script"):
        text = script.text or ""
        if "liveBlogUpdate" not in text or (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for item in _json_ld_items(data):
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            headline = item.get("headline")
            if not (any(isinstance(t, str) and t.lower() == "liveblogposting" for t in types)
                    and isinstance(headline, str)):
                continue
            updates = item.get("liveBlogUpdate")
            updates = updates if isinstance(updates, list) else [updates]
            if not title or any(isinstance(u, dict) and u.get("headline") == title for u in updates):
                return " ".join(headline.split()) or None
    return None


def _json_ld_without_context(tree: HtmlElement, info: trafilatura.settings.Document) -> trafilatura.settings.Document:
    """``info`` with what the JSON-LD objects that name no "@context" say, read by trafilatura's
    reader as schema.org's: it reads only objects that name it, and a page writing
    {"@type": "NewsArticle", "author": {...}} alone had no author (QA pass 25a, 11). Only where
    nothing else named an author: an object with "@context" was read already."""
    import json

    from trafilatura.json_metadata import extract_json

    if info.author:
        return info
    for script in tree.iter("script"):
        text = script.text or ""
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not text or "@context" in text:
            continue
        try:
            data = json.loads(text, strict=False)
        except ValueError:
            continue
        items = [item for item in (data if isinstance(data, list) else [data]) if isinstance(item, dict)]
        info = extract_json([{**item, "@context": "https://schema.org"} for item in items], info)
    return info


def _json_ld_items(data: object) -> list[dict]:
    """A JSON-LD block's top-level objects: the block itself, a list of them, or its @graph."""
    items = data if isinstance(data, list) else [data]
    found = []
    for item in items:
        if isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            found.extend(g for g in (graph if isinstance(graph, list) else []) if isinstance(g, dict))
    return found


def _check_size(html: str | bytes) -> str | bytes:
    """The page, scripts cut when it is heavy; ``ValueError`` when it is empty or too large."""
    if html is None or len(html) == 0:
        raise ValueError("empty page")
    if len(html) > SETTINGS.max_html_bytes:
        raise ValueError(f"page larger than {SETTINGS.max_html_bytes} bytes")
    if len(html) > SETTINGS.strip_scripts_above:
        html = strip_heavy_markup(html)
        if len(html) > SETTINGS.max_markup_bytes:
            raise ValueError(f"page too large for one article: {len(html)} bytes of markup without scripts")
    work = attribute_work(html)  # before the parser meets them: its time is quadratic in them
    if work > SETTINGS.max_attribute_work:
        raise ValueError(f"page too heavy for one article: tags with too many attributes ({work:,} attribute "
                         f"pairs, limit {SETTINGS.max_attribute_work:,})")
    return html


def parse_html(html: str | bytes) -> HtmlElement:
    """One lxml tree for the page, or ``ValueError`` when it is not HTML we can read."""
    return _parse_markup(_check_size(html))


def _parse_markup(html: str | bytes) -> HtmlElement:
    """parse_html after its size check (and the cut of a heavy page's scripts)."""
    if isinstance(html, str) and html.lstrip().startswith("<?xml"):
        # lxml refuses a str that declares its own encoding; bytes it can decode itself.
        html = html.encode("utf-8", errors="replace")
    try:
        tree = load_html(html)
    except Exception as err:  # lxml raises several types on hostile input
        raise ValueError(f"unparseable HTML: {type(err).__name__}") from err
    if tree is None:
        # trafilatura gives up on a fragment ("<p>text</p>", an export's or a POST's body field):
        # it is read as the body of a page, as a browser would
        wrapped = b"<html><body>" + html + b"</body></html>" if isinstance(html, bytes) else f"<html><body>{html}</body></html>"
        try:
            tree = load_html(wrapped)
        except Exception as err:
            raise ValueError(f"unparseable HTML: {type(err).__name__}") from err
    if tree is None or len(tree) == 0:
        raise ValueError("unparseable HTML")
    return tree


# trafilatura's parser settings (trafilatura.utils.HTML_PARSER), with each element's Python class
# picked in C: lxml.html's own lookup is a Python method called for every element a walk over
# the tree touches (trafilatura's passes, htmldate, the byline search: ~4,000 calls a page, 0.3 us
# each). It would give <form>, <input>, <select>, <textarea> and <label> lxml's form classes, whose
# extra methods (.value, .fields) nothing here calls; every other element is an HtmlElement as before.
_PARSER = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))


def load_html(html: str | bytes) -> HtmlElement | None:
    """``trafilatura.utils.load_html`` (2.3) step for step, with ``_PARSER``: None when the page is
    not HTML; lxml's errors on hostile input raised."""
    html = decode_file(html)
    beginning = html[:50].lower()
    dubious = is_dubious_html(beginning)
    html = repair_faulty_html(html, beginning)
    tree, as_bytes = None, False
    try:
        tree = fromstring(html, parser=_PARSER)
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, as_bytes = _from_bytes(html), True
    except Exception:  # as trafilatura: any other parse failure leaves no tree
        tree = None
    if (tree is None or len(tree) < 1) and not as_bytes:
        tree = _from_bytes(html)
    if tree is not None and dubious and len(tree) < 2:
        return None
    return tree


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        return fromstring(html.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # as trafilatura's fromstring_bytes
        return None


def _trafilatura(tree: HtmlElement | str | bytes, url: str | None, **options) -> trafilatura.settings.Document | None:
    try:
        return trafilatura.bare_extraction(
            tree,
            url=url,
            include_comments=False,  # reader comments are not the article
            include_tables=True,
            **options,
        )
    except (ValueError, TypeError, RecursionError, etree.LxmlError):
        return None


@dataclass
class PageMeta:
    title: str | None = None
    site_name: str | None = None
    published: str | None = None
    author: str | None = None
    url: str | None = None  # <link rel=canonical> or og:url
    published_time: str | None = None  # the tag's full timestamp, when it gives the time of day
    modified: str | None = None  # when the page says it was last changed, with its time of day


_META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title", "headline"),
    "site_name": ("og:site_name", "application-name", "publisher"),
    "published": ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date", "sailthru.date", "parsely-pub-date"),
    "modified": ("article:modified_time", "og:updated_time", "datemodified", "dc.modified", "dcterms.modified",
                 "last-modified", "lastmod"),
    "author": ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"),
}
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_JSONLD_MODIFIED = re.compile(r'"dateModified"\s*:\s*"([^"]{8,40})"')


def page_meta(tree: HtmlElement) -> PageMeta:
    """Metadata from the page's <meta> tags, JSON-LD and <title>: microseconds, no heuristics."""
    found: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if not key or not value:
            continue
        for field_name, keys in _META_KEYS.items():
            if key in keys and field_name not in found and not (field_name == "author" and value.startswith("http")):
                found[field_name] = value
    for field_name, pattern in (("published", _JSONLD_DATE), ("modified", _JSONLD_MODIFIED)):
        if field_name in found:
            continue
        for script in tree.iter("script"):
            if (script.get("type") or "").lower() == "application/ld+json" and script.text:
                m = pattern.search(script.text)
                if m:
                    found[field_name] = m.group(1)
                    break
    if "title" not in found:
        for xpath in ("//title", "//h1"):
            hits = tree.xpath(xpath)
            if hits and hits[0].text_content().strip():
                found["title"] = " ".join(hits[0].text_content().split())
                break
    published = found.get("published")
    published_time = None
    if published:
        m = re.match(r"\d{4}-\d{2}-\d{2}", published)
        published_time = _timestamp(published) if m else None
        published = m.group(0) if m else None
    canonical = None
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and (link.get("href") or "").startswith(("http://", "https://")):
            canonical = link.get("href").strip()
            break
    # a bare day orders no two versions of one day's page: only a timestamp counts
    modified = _timestamp(found["modified"]) if found.get("modified") else None
    return PageMeta(found.get("title"), found.get("site_name"), published, found.get("author"), canonical,
                    published_time, modified)


def _timestamp(value: str) -> str | None:
    """ISO 8601 date and time from a tag's value, or None when it gives no time of day."""
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.isoformat() if "T" in value or " " in value.strip() else None


def with_time_of_day(day: str | None, timestamp: str | None) -> str | None:
    """``day`` (YYYY-MM-DD) as the page's full timestamp when that names the same day: stories
    order their reports and bound their windows by time, and a day is too coarse for both."""
    if day and timestamp and timestamp[:10] == day[:10]:
        return timestamp
    return day


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _valid_date(value: str | None, timestamp: str | None = None) -> str | None:
    """The date unless it lies in the future or before any newspaper (a placeholder). With the
    page's ``timestamp`` for that day, the moment is compared with now, not its local day with
    the machine's: a Moscow page of 00:30 on the 8th is 21:30 UTC on the 7th (QA 19b: it was
    "future", and htmldate's search then gave the 1st of the month). A timestamp without an offset
    is a local time of an unknown zone (a Kyiv or Moscow CMS writes its own): read as UTC, a page an
    hour old was "future" and stored undated (review 19), so only its day is compared."""
    if not value or not value[:4].isdigit() or int(value[:4]) < EARLIEST_YEAR:
        return None
    moment = parse_iso_utc(timestamp) if timestamp and timestamp[:10] == value[:10] else None
    if moment is not None and _has_offset(timestamp):
        return value if moment <= _now() else None
    return value if value[:10] <= _latest_day() else None


def _has_offset(timestamp: str) -> bool:
    """Whether an ISO timestamp names its offset ("...+03:00", "...Z"), not a local time."""
    try:
        return datetime.fromisoformat(timestamp.strip().replace("Z", "+00:00")).tzinfo is not None
    except ValueError:
        return False


def _future_tag(tags: PageMeta) -> str | None:
    """The tags' publication date (its timestamp where it has one) when it lies after now."""
    if not _declares_future(tags.published, tags.published_time):
        return None
    return tags.published_time or tags.published


def _declares_future(value: str | None, timestamp: str | None) -> bool:
    """Whether a tag's date (a newspaper's year, not a placeholder's) lies after now."""
    return bool(value and value[:4].isdigit() and int(value[:4]) >= EARLIEST_YEAR
                and _valid_date(value, timestamp) is None)


def _now() -> datetime:
    return datetime.now(timezone.utc)


# The zone furthest ahead of UTC (Kiribati, UTC+14): a page's own day is "today" there at most.
_AHEAD_OF_UTC = timedelta(hours=14)


def _latest_day() -> str:
    """The latest calendar day anywhere now: a page's local day up to it is no future day."""
    return (_now() + _AHEAD_OF_UTC).strftime("%Y-%m-%d")


def _extensive(markup: str | bytes) -> bool:
    """Whether htmldate's extensive search is worth its cost on a page of this much markup."""
    return len(markup) <= SETTINGS.extensive_date_search_bytes


def find_published(tree: HtmlElement, url: str | None = None, *, extensive: bool = True) -> str | None:
    """The original publication date (YYYY-MM-DD), never later than today, never from a script.
    ``extensive``: htmldate's free-text search too (ExtractSettings.extensive_date_search_bytes)."""
    # scripts emptied in place for the search and given back after it: a copy of the whole tree
    # cost more than the search's fast part
    emptied = [(s, s.text) for s in tree.iter("script") if (s.get("type") or "").lower() != "application/ld+json"]
    for script, _ in emptied:
        script.text = None
    try:
        with page_languages(_html_lang(tree)):
            return _find_published(tree, url, extensive)
    finally:
        for script, text in emptied:
            script.text = text


def _find_published(pruned: HtmlElement, url: str | None, extensive: bool) -> str | None:
    try:
        found = htmldate.find_date(
            pruned, original_date=True, extensive_search=extensive, url=url, max_date=_latest_day()
        )
        if extensive and found and found[5:10] == "01-01" and not _names_new_year(pruned, found[:4]):
            # htmldate's extensive search falls back to a bare year (a copyright line, "2019"
            # in a sidebar) and reports it as 1 January: a year is not a publication date.
            # Keep 1 January only when the precise search agrees or the page spells that day.
            found = htmldate.find_date(
                pruned, original_date=True, extensive_search=False, url=url, max_date=_latest_day()
            )
        return found
    except Exception:  # htmldate's parsers raise many types on odd pages; a date is optional
        return None


def _names_new_year(tree: HtmlElement, year: str) -> bool:
    """Whether the page's text writes 1 January of ``year`` as a full date."""
    text = " ".join(tree.itertext())
    y = re.escape(year)
    return bool(
        re.search(
            rf"{y}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{y}|\b(jan(uary)?\.?\s+1(st)?,?\s+{y}|1(st)?\s+jan(uary)?\.?,?\s+{y})",
            text,
            re.I,
        )
    )


def _html_lang(tree: HtmlElement) -> str | None:
    lang = (tree.get("lang") or "").split("-")[0].strip().lower()
    return lang if 2 <= len(lang) <= 3 and lang.isalpha() else None
