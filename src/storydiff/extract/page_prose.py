"""The page's own text without its chrome: what a page that is no article is made of.

trafilatura's passes are made for articles: on a listing, a forum thread, a course catalogue or a
service page they often keep one block (an intro, the first post) and drop the items the page is
made of, which are short, linked lines. Such a page's body then goes missing without a word, the
worst failure for a diff tool (issue 16: "no silent loss"). ``page_prose`` reads the page's visible
text without what every page wraps its content in: navigation, header, footer, sidebars, forms,
hidden elements and the blocks a page names as menus, cookie banners, share bars or newsletter
prompts, from the page's ``<main>`` when it has one. It is broader than any pass of trafilatura's
and noisier (AEB-metric precision about 0.73 on its own), so ``extract_html`` takes it only when
the pass it chose keeps a small share of it (``ExtractSettings.prose_rescue_below_share``), on
pages that do not declare themselves articles. Its walk (``block_texts``) is also the one
``page_region`` reads the page's blocks with.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

# Elements that hold no content of the page's own, whatever the page is.
_CHROME_TAGS = frozenset({
    "nav", "header", "footer", "aside", "form", "script", "style", "noscript", "svg", "iframe", "button",
    "select", "template", "dialog", "head", "title", "meta", "link",
})
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu",
                           "menubar"})
# A class or id naming one of these words (as a whole word of the name: "site-nav", "cookie_banner",
# not "navy" or "header-image-credit"'s "credit").
_CHROME_NAME = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|navigation|menu|footer|header|masthead|cookie|consent|gdpr|sidebar|"
    r"breadcrumbs?|social|share|sharing|newsletter|banner|modal|popup|subscribe|skip|related|"
    r"recommended|promo|ads?|advert\w*)(?:$|[-_ ])",
    re.I,
)
# Elements after which the text goes on on a new line.
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "thead",
    "tbody", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "br", "hr", "figure", "figcaption",
    "address", "details", "summary", "caption", "body", "center", "fieldset", "legend",
})
_CELL_TAGS = frozenset({"td", "th"})
# <main> is the page's content when it holds at least this share of the page's text (a <main> around
# a cookie notice alone is not).
_MAIN_MIN_SHARE = 0.3


def page_prose(tree: HtmlElement) -> str:
    """The page's visible text outside its chrome, one block a line (read-only on ``tree``)."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    mains = [m for m in root.xpath(".//main|.//*[@role='main']") if not _is_chrome(m)]
    if mains:
        main = max(mains, key=_text_length)
        if _text_length(main) >= _MAIN_MIN_SHARE * _text_length(root):
            root = main
    text = "\n".join(piece for _, piece in block_texts(root))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _text_length(element: HtmlElement) -> int:
    return len(element.text_content())


def _is_chrome(element: HtmlElement) -> bool:
    tag = element.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return True
    if tag in _CHROME_TAGS or element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if (element.get("role") or "").strip().lower() in _CHROME_ROLES:
        return True
    if tag in ("body", "main", "html"):
        return False
    name = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(name.strip()) and bool(_CHROME_NAME.search(name))


def block_texts(root: HtmlElement,
                read_chrome: Callable[[HtmlElement], bool] | None = None) -> list[tuple[HtmlElement, str]]:
    """The text under ``root`` outside the chrome, cut at every block element's start and end, in
    reading order: (the innermost block element the piece was read in, the piece as the page writes
    it, its spaces and line breaks kept); pieces of nothing but whitespace are left out. A chrome
    element for which ``read_chrome`` says True is read like any other (``page_region``'s layout
    wrappers); comments never are."""
    pieces: list[tuple[HtmlElement, str]] = []
    open_blocks: list[HtmlElement] = [root]
    current: list[str] = []

    def cut() -> None:
        piece = "".join(current)
        if piece and not piece.isspace():
            pieces.append((open_blocks[-1], piece))
        current.clear()

    # An explicit stack, not recursion: a hostile page nests elements thousands deep.
    stack: list[tuple[HtmlElement, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        block = tag in _BLOCK_TAGS
        if closing:
            if block:
                cut()
                if node is not root:
                    open_blocks.pop()
            elif tag in _CELL_TAGS:
                current.append(" ")
            if node.tail and node is not root:
                current.append(node.tail)
            continue
        if node is not root and _is_chrome(node) and not (tag and read_chrome is not None and read_chrome(node)):
            if node.tail:
                current.append(node.tail)
            continue
        if block:
            cut()
            if node is not root:
                open_blocks.append(node)
        if node.text:
            current.append(node.text)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    cut()
    return pieces
