"""A heavy page's scripts, styles, inline SVG, noscript blocks, comments and base64 data cut
before parsing (``extract.html``, above ``strip_scripts_above``), in linear time: most of a heavy
page's bytes, none of its text (QA pass 18: a 4 MB article whose weight was one inline photo was
refused as too much markup). JSON-LD scripts stay (they carry the date and authors).

One regex did this (``<script\\b...>.*?</script\\s*>|...``), and each opener without its end tag
made it scan the rest of the page before it tried the next character: 800 unclosed "<script>"
before 1 MB of text took 24 s, a 20 MB page of them hours (review 26). Here each end tag is looked
for once: the first one after a place is the first one after any earlier place that comes before
it, and where none is left, none is left for any later opener either. What is cut is what the
regex cut: an element whose end tag is missing stays.
"""

from __future__ import annotations

import re

# where a cut may begin: a script, style, svg or noscript start tag, a comment, base64 data
_OPENER = r"<(script|style|svg|noscript)\b|<!--|(?<=data:)[\w.+-]+/[\w.+-]+;base64,"
# base64 data, as long as it runs (wrapped at 76 columns too)
_BASE64 = r"[\w.+-]+/[\w.+-]+;base64,[A-Za-z0-9+/=\s]{1024,}"
_PATTERNS = {kind: (re.compile(_OPENER.encode() if kind is bytes else _OPENER, re.I),
                    re.compile(_BASE64.encode() if kind is bytes else _BASE64))
             for kind in (str, bytes)}


class _NextEnd:
    """The first match of ``pattern`` at or after a place, each part of the page read once."""

    def __init__(self, pattern: re.Pattern, text: str | bytes):
        self.pattern, self.text = pattern, text
        self.found: tuple[int, int] | None = None  # the last match: (start, end)
        self.none_from: int | None = None  # no match at or after this place

    def after(self, at: int) -> tuple[int, int] | None:
        if self.none_from is not None and at >= self.none_from:
            return None
        if self.found is not None and self.found[0] >= at:
            return self.found
        m = self.pattern.search(self.text, at)
        if m is None:
            self.none_from = at
            return None
        self.found = (m.start(), m.end())
        return self.found


def strip_heavy_markup(html: str | bytes) -> str | bytes:
    """``html`` without its scripts (not JSON-LD), styles, inline SVG, noscript blocks, comments
    and long base64 data."""
    as_bytes = isinstance(html, bytes)
    opener, base64 = _PATTERNS[bytes if as_bytes else str]
    ends: dict[str, _NextEnd] = {}

    def end_of(key: str, pattern: str) -> _NextEnd:
        if key not in ends:
            ends[key] = _NextEnd(re.compile(pattern.encode() if as_bytes else pattern, re.I | re.S), html)
        return ends[key]

    kept, at, cut_to = [], 0, 0
    while (m := opener.search(html, at)) is not None:
        start, at = m.start(), m.start() + 1
        name = m.group(1)
        if m.group()[:4] in (b"<!--", "<!--"):
            span = end_of("comment", "-->").after(m.end())
        elif name is None:
            data = base64.match(html, start)
            span = data and data.span()
        elif (name := (name.decode("ascii") if as_bytes else name).lower()) == "script":
            # JSON-LD stays: it holds the page's metadata
            tag_end = end_of(">", ">").after(m.end())
            json_ld = tag_end is not None and (b"ld+json" if as_bytes else "ld+json") in html[m.end():tag_end[0]].lower()
            span = None if tag_end is None or json_ld else end_of(name, rf"</{name}\s*>").after(tag_end[1])
        else:
            span = end_of(name, rf"</{name}\s*>").after(m.end())
        if span is not None:
            kept.append(html[cut_to:start])
            cut_to = at = span[1]
    kept.append(html[cut_to:])
    return (b"" if as_bytes else "").join(kept)
