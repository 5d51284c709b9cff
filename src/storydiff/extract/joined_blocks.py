"""A short page's body that trafilatura gave as one line, back in the page's own blocks.

On a page too short for its main pass, trafilatura falls back to the text of the article's
container, every block joined into one line: the headline, the date and the first paragraph read
"ДСНС завершила роботи на місці удару 2026-12-04 Дніпро, 4 грудня. Рятувальники ..." (QA pass 27b,
08). Line cleanup, which drops a repeated headline and a date stamp, and the dateline reader, which
reads a line's start, saw none of them. When the line is exactly the text of one container of the
page, its blocks (<h1>, <p>, a date's <div>) are its lines again.
"""

from __future__ import annotations

from lxml.html import HtmlElement

# the elements that start a line of their own in a browser
_BLOCKS = frozenset({
    "p", "div", "section", "article", "header", "footer", "main", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
    "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "address", "pre", "table", "tr",
    "time",
})
_CONTAINERS = ("article", "main", "section", "div")
MAX_JOINED_CHARS = 5_000  # trafilatura joins only short pages: a long line is some page's own paragraph


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _lines_of(el: HtmlElement) -> list[str]:
    """The text of ``el`` a block a line: text outside any child block is a line of its own."""
    lines: list[str] = []
    run: list[str] = [el.text or ""]
    for child in el:
        if not isinstance(child.tag, str):  # a comment or a processing instruction
            run.append(child.tail or "")
            continue
        if child.tag in _BLOCKS:
            lines.append(" ".join("".join(run).split()))
            lines.extend(_lines_of(child))
            run = [child.tail or ""]
        else:
            run.extend([child.text_content(), child.tail or ""])
    lines.append(" ".join("".join(run).split()))
    return [line for line in lines if line]


def split_joined_blocks(tree: HtmlElement, text: str | None) -> str | None:
    """``text`` a block a line when it is one line made of one container's blocks; else ``text``."""
    if not text or "\n" in text.strip() or len(text) > MAX_JOINED_CHARS:
        return text
    target = _squeezed(text)
    for el in tree.iter(*_CONTAINERS):
        if _squeezed(el.text_content()) != target:
            continue
        lines = _lines_of(el)
        if len(lines) > 1 and _squeezed("".join(lines)) == target:
            return "\n".join(lines)
    return text
