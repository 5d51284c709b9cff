"""Whether an HTML page declares itself an article, from its own markup.

trafilatura's precise pass is made for articles: on a forum thread, a product page, a listing or a
service page it keeps one block and drops the rest of what the page is made of (bench/extraction.py,
wcxb-dev by page type). Publishers say what a page is in markup that does not depend on its language:
Open Graph's ``og:type``, schema.org types in JSON-LD and microdata. A page that declares an article
type gets the precise pass; any other page trafilatura's balanced pass (its default).
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

# schema.org's CreativeWork types that are one text by one author or newsroom (Article and its
# subtypes, and the posting types news sites use for live pages and columns).
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "factcheck", "blogposting",
    "liveblogposting", "techarticle", "scholarlyarticle", "report", "satiricalarticle", "socialmediaposting",
})
_TYPE_VALUE = re.compile(r'"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")')
_NAME = re.compile(r'"([^"]+)"')


def declared_types(tree: HtmlElement) -> set[str]:
    """The page's declared types, lower case, without vocabulary prefixes: ``og:type``'s value,
    every JSON-LD ``@type`` and every microdata ``itemtype``."""
    found: set[str] = set()
    for meta in tree.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == "og:type":
            found.add((meta.get("content") or "").strip().lower())
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            # A regex, not json.loads: JSON-LD blocks are often invalid JSON (trailing commas,
            # raw newlines in strings) and only the type names are needed.
            for value in _TYPE_VALUE.findall(script.text):
                found.update(_short(name) for name in _NAME.findall(value))
    for itemtype in tree.xpath("//@itemtype"):
        found.update(_short(name) for name in str(itemtype).split())
    found.discard("")
    return found


def declares_article(tree: HtmlElement) -> bool:
    """Whether the page says it is an article (``og:type`` ``article`` or a schema.org article type)."""
    return bool(declared_types(tree) & ARTICLE_TYPES)


def _short(name: str) -> str:
    """``https://schema.org/NewsArticle`` and ``schema:NewsArticle`` as ``newsarticle``."""
    return re.split(r"[/:#]", name)[-1].strip().lower()


# A section front or index: a list of teaser cards, each a headline linking to an article of its
# own, the extracted text made of them from its top (QA pass 20b, 09: Suspilne's "Новини Харкова"
# front, dated by its oldest teaser, became a story's "first report" three days before the event).
# An article's "related stories" links follow its body: they neither open the text nor stand
# through it (review 20, 3: a brief's "Read also" list was taken for a listing).
LISTING_MIN_TEASERS = 3  # headline links to distinct pages
LISTING_HEADLINE_SHARE = 0.3  # of the text's characters, on lines that are those headlines
# the text before the first teaser's headline (the page's <h1>, a section's one-line description)
# at most this share of it: an article's "Read also" list follows its body
LISTING_BEFORE_FIRST_SHARE = 0.25
_TEASER_XPATH = "//a[@href][.//h2 or .//h3 or .//h4 or ancestor::h2 or ancestor::h3 or ancestor::h4]"


def teaser_headlines(tree: HtmlElement, text: str, url: str | None = None) -> int:
    """How many headline links to distinct other pages make up the lines of ``text`` (the page's
    extracted text), when they open it, run through it and are at least ``LISTING_HEADLINE_SHARE``
    of its characters; else 0."""
    lines = list(dict.fromkeys(" ".join(line.split()) for line in text.splitlines() if line.strip()))
    if len(lines) < LISTING_MIN_TEASERS:
        return 0
    own = (url or "").split("#")[0].rstrip("/")
    at = {line: i for i, line in enumerate(lines)}
    found: dict[str, int] = {}  # href -> the line its headline stands on
    for a in tree.xpath(_TEASER_XPATH):
        href = (a.get("href") or "").split("#")[0].rstrip("/")
        words = " ".join(a.text_content().split())
        if href and href != own and href not in found and len(words.split()) >= 3 and words in at:
            found[href] = at[words]
    places = sorted(set(found.values()))
    total = max(sum(len(line) for line in lines), 1)
    before_first = sum(len(line) for line in lines[:places[0]]) if places else total
    if (len(places) < LISTING_MIN_TEASERS or before_first > LISTING_BEFORE_FIRST_SHARE * total
            or places[-1] < len(lines) // 2):
        return 0
    share = sum(len(lines[i]) for i in places) / total
    return len(places) if share >= LISTING_HEADLINE_SHARE else 0
