"""Who signed an HTML page when its meta tags and JSON-LD do not say: its byline element.

trafilatura's own search (``trafilatura.metadata.extract_author``) costs a quarter of a fast
extraction; ``byline_from_dom`` finds the same element in one walk over the tree, so both
extraction paths (``html.page_info``) can afford it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from storydiff.extract.metadata import without_dashed_label

# trafilatura's byline element search, at most this many characters (its own limit)
_BYLINE_MAX_CHARS = 120


def byline_from_dom(tree: HtmlElement) -> str | None:
    """``trafilatura.metadata.extract_author`` at a fifth of its cost: the first byline element
    outside comments, sidebars and figures, read without the dates and figures inside it.

    trafilatura asks three XPath queries, each testing every element with regular expressions
    that call back into Python, on a copy of the tree pruned by two more (30 ms on a news page,
    a quarter of a fast extraction). Here one walk over the tree finds the candidates of all
    three, and only they, their ancestors and their text are tested against the pruning rules."""
    from trafilatura.json_metadata import normalize_authors

    tiers: tuple[list[HtmlElement], ...] = ([], [], [])
    for el in _candidates(tree):
        tier = _tier(el)
        if tier is not None:
            tiers[tier].append(el)
    blocked: dict[HtmlElement, bool] = {}  # an element or an ancestor pruned: each decided once
    for found in tiers:
        for el in found[:_MAX_CANDIDATES]:
            if _blocked(el, blocked):
                continue
            content = _short_text(el)
            if content and 2 < len(content) < _BYLINE_MAX_CHARS:
                return normalize_authors(None, without_dashed_label(content))
    return None


# Hostile pages nest hundreds of byline-like elements: the candidates of a tier read, and the
# elements walked for one candidate's text, stop here (a byline is a line, not a subtree).
_MAX_CANDIDATES = 200
_MAX_TEXT_ELEMENTS = 200


def _blocked(el: HtmlElement, memo: dict) -> bool:
    """Whether the element or one of its ancestors is pruned (memo: answers for elements seen)."""
    chain = []
    node, answer = el, False
    while node is not None:
        known = memo.get(node)
        if known is not None:
            answer = known
            break
        chain.append(node)
        if _pruned(node):
            answer = True
            break
        node = node.getparent()
    for n in chain:  # below a pruned element everything is blocked; above it, nothing learned
        memo[n] = answer
        if _pruned(n):
            break
    return answer


def _short_text(el: HtmlElement) -> str | None:
    """The element's text as trafilatura's search reads it (``_text_outside``, spaces squeezed), or
    None once it is too long for a byline or spans more than _MAX_TEXT_ELEMENTS elements."""
    parts, chars = [], 0
    try:
        for part in _text_outside(el, [0]):
            parts.append(part)
            chars += len("".join(part.split()))
            if chars >= _BYLINE_MAX_CHARS:
                return None
    except _TooLarge:
        return None
    return " ".join(" ".join(parts).split())


class _TooLarge(Exception):
    """A candidate's subtree is larger than any byline."""


# trafilatura.xpaths.AUTHOR_XPATHS and AUTHOR_DISCARD_XPATHS (2.3): _candidates() finds what any of
# its three byline queries could match; _tier() and _pruned() apply their exact rules.
_CANDIDATE_CLASS = re.compile(r"uthor|[Bb]yl|BBL|username|screenname|writer|channel-name|zuozhe|bianji|xiaobian|"
                              r"submitted-by|posted-by|journalist-name")
_CANDIDATE_ID = re.compile(r"uthor|zuozhe|bianji|xiaobian")


def _candidates(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Elements a byline query may match, in document order: one walk over the tree (an XPath
    query with as many contains() tests costs four times more)."""
    for el in tree.iter(etree.Element):
        attrs = el.attrib
        if not attrs:
            if el.tag == "author":
                yield el
            continue
        cls, ident = attrs.get("class"), attrs.get("id")
        if ((cls and _CANDIDATE_CLASS.search(cls)) or (ident and _CANDIDATE_ID.search(ident)) or "itemprop" in attrs
                or "data-testid" in attrs or attrs.get("rel") == "author" or "Byline" in attrs.get("data-component", "")
                or el.tag == "author"):
            yield el


_TIER1_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_TIER1_CLASS = re.compile(r"author-?name|AuthorName|authorName")
_TIER2_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_TIER2_ID = re.compile(r"author|zuozhe|bianji|xiaobian")
_TIER2_CLASS = re.compile(r"author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_TIER3_ID = re.compile(r"[Aa]uthor")
_TIER3_CLASS = re.compile(r"[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile(r"^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(r"^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|"
                            r"article-(?:share|support)|print|category|meta-date|meta-reviewer")


def _tier(el: HtmlElement) -> int | None:
    """Which of trafilatura's byline queries (0, 1, 2) first matches the element, if any."""
    tag, cls, ident, itemprop = el.tag, el.get("class") or "", el.get("id") or "", el.get("itemprop") or ""
    if tag == "author" or (tag in _TIER1_TAGS and (
            el.get("rel") == "author" or ident == "author" or cls == "author" or itemprop == "author name"
            or el.get("data-testid") in ("AuthorCard", "AuthorURL") or _TIER1_CLASS.search(cls))):
        return 0
    if tag in _TIER2_TAGS and (cls in ("byline", "username", "byl", "BBL") or "author" in itemprop
                               or _TIER2_ID.search(ident) or _TIER2_CLASS.search(cls)):
        return 1
    if ("Byline" in (el.get("data-component") or "") or "author" in itemprop or _TIER3_ID.search(ident)
            or _TIER3_CLASS.search(cls)):
        return 2
    return None


def _pruned(el: HtmlElement) -> bool:
    """Whether trafilatura prunes the element before its byline search (the root it cannot)."""
    tag = el.tag
    if tag in ("time", "figure"):
        return el.getparent() is not None
    if tag not in _DISCARD_TAGS or el.getparent() is None:
        return False
    cls, ident = el.get("class") or "", el.get("id") or ""
    return (ident == "comments" or cls in ("comments", "title", "date") or bool(_DISCARD_ID.search(ident))
            or bool(_DISCARD_CLASS.search(cls)) or "Figure" in (el.get("data-component") or ""))


def _text_outside(el: HtmlElement, walked: list[int]) -> Iterator[str]:
    """The element's text without its pruned descendants' (their tails are kept, as trafilatura
    keeps them when it deletes an element); ``walked`` counts the elements entered: _TooLarge past
    _MAX_TEXT_ELEMENTS."""
    walked[0] += 1
    if walked[0] > _MAX_TEXT_ELEMENTS:
        raise _TooLarge
    if el.text:
        yield el.text
    for child in el:
        if isinstance(child.tag, str) and not _pruned(child):
            yield from _text_outside(child, walked)
        if child.tail:
            yield child.tail
