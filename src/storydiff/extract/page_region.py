"""The page's content region: the block of the page that holds what the chosen pass kept.

On a page that is no article (a listing, a service page, a forum thread, a product page)
trafilatura's passes often keep some of the region the page's content sits in (an intro, a few of
the items, the first post) and drop the rest: short, linked or repeated blocks that an article's
rules read as boilerplate. Where the kept text sits in the page says where the content is: the
lowest element that holds most of the kept text (``cover`` of its matched words) and a fair share
of the page's visible words (``min_share``) is the page's content region, and its visible text
outside the chrome (``page_prose``'s rules) is the body when the pass kept a small share of it
(``extract_html``, ``ExtractSettings.region_rescue_below_share``). Unlike the whole page's prose
(``page_prose``) it leaves out the sidebars, mega menus and footers that the kept text does not
sit in, whatever their class names. Nothing in it depends on the page's language.

A chrome element that holds most of the page's text is a layout wrapper, not chrome (an ASP.NET
page's one ``<form>``, a ``has-sidebar`` layout ``<div>``, React's hidden streaming ``<div>``s, an
``aria-hidden`` ``<main>``): the region's walk reads into it (``wrapper_share``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from storydiff.extract.page_prose import block_texts

_WORD = re.compile(r"\w+")
# Kept text and the page's blocks are matched by runs of this many words (lower case): long enough
# that a menu word or a date does not place the kept text, short enough for a list item's name.
_RUN = 3
# Chrome that is never a page's content, however much text it holds (a mega menu can hold most of
# a product page's words); any other chrome can be a wrapper.
_NEVER_CONTENT = frozenset({"nav", "script", "style", "noscript", "svg", "iframe", "button", "select", "template",
                            "head", "title", "meta", "link"})
_NAVIGATION_ROLES = frozenset({"navigation", "menu", "menubar"})
_VISIBLE_TEXT = etree.XPath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")


def visible_chars(element: HtmlElement) -> int:
    """The length of the element's text outside scripts and styles."""
    return sum(len(t) for t in _VISIBLE_TEXT(element))


def _wrapper(element: HtmlElement, page_chars: int, wrapper_share: float) -> bool:
    """Whether a chrome element is a wrapper around the page's content: it holds at least
    ``wrapper_share`` of the page's visible text and is no navigation."""
    if element.tag in _NEVER_CONTENT or (element.get("role") or "").strip().lower() in _NAVIGATION_ROLES:
        return False
    need = wrapper_share * page_chars
    # text_content() (in C) counts scripts' text too: an upper bound that rules out most chrome
    # without the XPath
    return len(element.text_content()) >= need and visible_chars(element) >= need


def prose_blocks(root: HtmlElement, page_chars: int = 0,
                 wrapper_share: float = 1.0) -> list[tuple[HtmlElement, str]]:
    """The visible text under ``root`` outside the chrome, as (block element, text) in reading
    order: ``block_texts``'s pieces (a new block at every block element's start and end, with the
    innermost block element it was read in), spaces folded. A chrome element holding
    ``wrapper_share`` (< 1) of ``page_chars`` (the page's visible text) is read as a wrapper (``_wrapper``)."""
    def wrapper(element: HtmlElement) -> bool:
        return _wrapper(element, page_chars, wrapper_share)

    wrappers = 0 < wrapper_share < 1 and page_chars > 0
    return [(element, " ".join(piece.split())) for element, piece in block_texts(root, wrapper if wrappers else None)]


def _runs(text: str) -> Iterator[tuple[str, ...]]:
    words = _WORD.findall(text.lower())
    if 0 < len(words) < _RUN:
        yield tuple(words)
    for i in range(len(words) - _RUN + 1):
        yield tuple(words[i:i + _RUN])


def _depth(element: HtmlElement) -> int:
    depth = 0
    node = element.getparent()
    while node is not None:
        depth += 1
        node = node.getparent()
    return depth


def page_blocks(tree: HtmlElement, wrapper_share: float) -> tuple[HtmlElement, list[tuple[HtmlElement, str]]]:
    """The page's root (its ``<body>``) and its ``prose_blocks``, chrome that wraps
    ``wrapper_share`` of the page's visible text read as a wrapper."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    return root, prose_blocks(root, visible_chars(root), wrapper_share)


def content_region(root: HtmlElement, blocks: list[tuple[HtmlElement, str]], kept: str, *, cover: float,
                   min_share: float) -> HtmlElement | None:
    """The content region of the kept text among the page's ``blocks`` (``page_blocks``): the lowest
    element whose blocks hold at least ``cover`` (> 0.5) of the kept text's matched word runs and at
    least ``min_share`` of the blocks' words; None when none of the kept text is among them."""
    return lowest_holding(region_weights(root, blocks, kept), cover=cover, min_share=min_share)


Weights = tuple[dict[HtmlElement, int], dict[HtmlElement, int], int, int]


def region_weights(root: HtmlElement, blocks: list[tuple[HtmlElement, str]], kept: str) -> Weights:
    """Per element at or above a block: the kept text's word runs its blocks hold and their words,
    with the totals over all blocks."""
    wanted = set(_runs(kept))
    hits_under: dict[HtmlElement, int] = {}
    words_under: dict[HtmlElement, int] = {}
    total_hits = total_words = 0
    if not wanted:
        return hits_under, words_under, 0, 0
    for element, text in blocks:
        words = len(_WORD.findall(text))
        hits = sum(1 for run in _runs(text) if run in wanted)
        total_hits += hits
        total_words += words
        node: HtmlElement | None = element
        while node is not None:
            hits_under[node] = hits_under.get(node, 0) + hits
            words_under[node] = words_under.get(node, 0) + words
            if node is root:
                break
            node = node.getparent()
    return hits_under, words_under, total_hits, total_words


def lowest_holding(weights: Weights, *, cover: float, min_share: float) -> HtmlElement | None:
    """The lowest element holding ``cover`` of the kept runs and ``min_share`` of the words (``region_weights``)."""
    hits_under, words_under, total_hits, total_words = weights
    if not total_hits:
        return None
    # with cover > 0.5 the elements holding that much of the kept text are nested (one chain); the
    # region is the chain's lowest element that also holds min_share of the page's words
    chain = [element for element, hits in hits_under.items()
             if hits >= cover * total_hits and words_under[element] >= min_share * total_words]
    return max(chain, key=_depth) if chain else None


def blocks_text(blocks: list[tuple[HtmlElement, str]], region: HtmlElement | None) -> str:
    """The text of the ``blocks`` read inside ``region`` (the element or its descendants), one a
    line; empty for no region."""
    if region is None:
        return ""
    inside = set(region.iter())
    return "\n".join(text for element, text in blocks if element in inside)


def region_text(tree: HtmlElement, kept: str, *, cover: float, min_share: float, wrapper_share: float) -> str:
    """The visible text outside the chrome of the kept text's content region (``content_region``),
    one block a line; empty when the kept text is not found among the page's blocks."""
    root, blocks = page_blocks(tree, wrapper_share)
    return blocks_text(blocks, content_region(root, blocks, kept, cover=cover, min_share=min_share))
