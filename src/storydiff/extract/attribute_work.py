"""How much work a page's attributes make for libxml2's HTML parser, read before parsing it.

The parser checks each attribute of a start tag against the ones before it (duplicates are
dropped), in time quadratic in their number: one ``<div>`` with 100,000 attributes, 1.3 MB of
markup, took 110 s to parse (review 26). ``attribute_work`` is that cost in attribute pairs: each
tag's attribute count, squared, summed over the page. The markup is read as the parser tokenizes
it, in one pass without backtracking: a quoted value is skipped whole (``title="a > b"`` ends no
tag, ``data-x="<svg ...>"`` opens none), and comments, scripts and styles are text.
"""

from __future__ import annotations

import re

# an attribute: its name, then its value if it has one (an unclosed quote runs to the end)
_ATTRIBUTE = r"""[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+))?"""
# a comment, or a start tag: its name and its attributes, possessively (each character read once)
_NEXT = r"<!--(?s:.*?)(?:-->|\Z)|<([A-Za-z][^\s/>]*+)((?:" + _ATTRIBUTE + r")*+)"
_NEXT_STR, _ATTRIBUTE_STR = re.compile(_NEXT), re.compile(_ATTRIBUTE)
_NEXT_BYTES, _ATTRIBUTE_BYTES = re.compile(_NEXT.encode()), re.compile(_ATTRIBUTE.encode())
# elements whose content is text up to their end tag
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
# tags with fewer characters of attributes hold so few that their work is no one's concern
_SHORT = 64


def attribute_work(markup: str | bytes) -> int:
    """The sum over the page's start tags of the square of each one's attribute count."""
    as_bytes = isinstance(markup, bytes)
    tag_or_comment, attribute = (_NEXT_BYTES, _ATTRIBUTE_BYTES) if as_bytes else (_NEXT_STR, _ATTRIBUTE_STR)
    lower = markup.lower()  # to find a raw-text element's end tag whatever its case
    work, at = 0, 0
    while (m := tag_or_comment.search(markup, at)) is not None:
        at = max(m.end(), m.start() + 1)
        if m.group(1) is None:  # a comment
            continue
        attributes = m.group(2)
        if len(attributes) >= _SHORT:
            work += sum(1 for _ in attribute.finditer(attributes)) ** 2
        name = m.group(1).decode("ascii", "replace").lower() if as_bytes else m.group(1).lower()
        if name in _RAW_TEXT:  # its end tag, or the page's end where it has none
            close = lower.find(("</" + name).encode() if as_bytes else "</" + name, at)
            at = len(markup) if close < 0 else close
    return work
