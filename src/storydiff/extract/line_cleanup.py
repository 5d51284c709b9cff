"""Line cleanup of an extracted article body: what trafilatura keeps but a reader skips.

Captions, photo credits, "Read more" links, newsletter and share prompts, and the headline
repeated as the first line. Each rule is one pattern over a whole line, so a body sentence
that merely mentions a newsletter survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storydiff.extract.line_rules import boilerplate_kind

_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:read|see|watch|listen)\s+(?:more|also|next)\b.{0,120}"
    r"|related(?:\s+(?:articles?|stories|coverage|content))?\s*:?.{0,120}"
    r"|(?:photo|image|picture|video|graphic)s?\s*(?:credit)?\s*:.{0,160}"
    r"|(?:sign up|subscribe)\b.{0,160}"
    r"|advertisement|sponsored(?: content)?|share (?:this|on).{0,60}"
    r"|(?:copyright|©|\(c\)).{0,160}"
    r"|click here\b.{0,160}"
    r"|tags?|topics?|comments?|\d+\s+comments?|leave a (comment|reply)|tell us what you think.{0,20}"
    r"|(tags?|topics?|filed under|categor(y|ies))\s*:.{0,200}"
    r"|\[\w+\s[^\]]*=[^\]]*\].{0,200}"  # an unrendered CMS shortcode: [button link="..."]
    r"|(updated|published|posted|publicado|publié|actualizado|aktualisiert)\b.{0,60}"
    r"|get .{0,60} delivered .{0,80}"
    r")\s*$",
    re.I,
)


# A line that is only a date or time stamp ("segunda-feira, 22 de janeiro de 2018 às 0:13").
_DATE_LINE = re.compile(
    r"^\W*(\w+\W+){0,6}?(\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}:\d\d\b)(\W+\w+){0,6}\W*$"
)


# A news agency's editors' initials signing off a report ("mws/ mk/", "kw/ ep/", PAP's): lower-case
# groups of a few letters, each closed by "/". Dropped near the body's end only, whatever path read
# the page (a watched page and a pasted copy of it differed by it, QA pass 20a, 13).
_EDITOR_INITIALS = re.compile(r"(?:[^\W\d_]{1,4}\s?/\s*){1,5}")
_INITIALS_REACH = 3  # among the last this-many lines


# Notices in an extracted body are short; longer lines are paragraphs and skip the notice rules
# (also the costliest regex per line: skipping them keeps fast mode at trafilatura's speed).
_RULE_MAX_CHARS = 300


def clean_body(text: str, title: str | None = None, headlines: Iterable[str] = ()) -> str:
    """Drop boilerplate lines and a leading repeat of the headline (``title``, or one of the
    page's ``headlines``: its <h1>s, as an article's headline differs from a title that names the
    site); paragraphs joined by "\\n"."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    repeats = {_norm(name) for name in (title or "", *headlines)} - {""}
    kept = []
    for index, line in enumerate(lines):
        if index < 3 and repeats and _norm(line) in repeats:
            continue
        short = len(line) < _RULE_MAX_CHARS
        # a table row with a date in a cell ("| 1/1/2013 | +13.1% |", trafilatura's rendering of a
        # table) is data the article shows, not a date stamp
        if ((short and boilerplate_kind(line)) or _BOILERPLATE_LINE.match(line)
                or (_DATE_LINE.match(line) and "@" not in line and not line.startswith("|"))):
            continue
        kept.append(line)
    return "\n".join(kept)


def drop_editor_initials(text: str) -> str:
    """``text`` (an extracted body, paragraphs joined by "\\n") without a line of a news agency's
    editors' initials among its last lines ("mws/ mk/"): every reading path drops it, so that a
    page stored from its HTML and a pasted copy of it are the same text."""
    lines = text.split("\n")
    tail = len(lines) - _INITIALS_REACH
    return "\n".join(line for i, line in enumerate(lines)
                     if i < tail or not (line.strip().islower() and _EDITOR_INITIALS.fullmatch(line.strip())))


# A "read also" teaser flattened into a paragraph's end by a vendor's export or an HTML body ("...
# працюють рятувальники ДСНС. Читайте також: Вибухи у Харкові 4 грудня: загинули двоє людей"): another
# article's headline, whose figures became a fact of the story (QA pass 21b, 09). Its cue after a
# sentence's end, with a colon or a dash, running to the paragraph's end in a headline's length.
# (On a line of its own, line_rules' "promo" kind drops it.) Only cues that open teasers: "Read
# more:" and "See also:" open an article's own sentences too (review 21c #5).
_INLINE_TEASER = re.compile(
    r"(?<=[.!?…»\"”)])[ \t]+(?i:читайте\s+(?:також|ще|більше|также|еще|ещё)|читати\s+також|дивіться\s+також"
    r"|смотрите\s+также|read\s+(?:also|next)|also\s+read|czytaj\s+(?:też|także|również|więcej)"
    r"|zobacz\s+(?:też|także|również)|lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|lire\s+aussi)"
    r"[ \t]*[:–—-][ \t]*+(?P<teaser>[^\n]{1,200})$",
    re.M,
)
_TEASER_MAX_WORDS = 25
# A headline opens with a capital, a digit or a quote, and does not end in a full stop or a closing
# quote (a sentence of the article does: "Read more: it asks every teacher...", «...Читайте також:
# пам'ятку МОН, її розіслали всім школам»)
_HEADLINE_START = re.compile(r"[\d«„\"“'‘]|[^\W\d_]")
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"))


def _is_teaser(m: re.Match[str]) -> bool:
    """Whether a cue and what follows it to the paragraph's end are a teaser: a headline's length
    and shape, and not inside a quotation opened before the cue (an official's own "read also")."""
    teaser = m.group("teaser").rstrip()
    if len(teaser.split()) > _TEASER_MAX_WORDS or teaser.endswith((".", "»", "”", '"')):
        return False
    first = _HEADLINE_START.match(teaser)
    if first is None or (first.group().isalpha() and not first.group().isupper()):
        return False
    before = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
    if before.count('"') % 2:
        return False
    return not any(before.count(o) > before.count(c) for o, c in _QUOTE_PAIRS if o != c)


# A tag cut by the export at the end of a text ("... — написав Терехов. <p class="rea"): markup
# debris, never the article's words (QA pass 21b, 09). Only an HTML tag's name (or the start of one,
# cut short), after a blank or a sentence's end: "a<b" is a comparison (review 21c #5).
_CUT_TAG = re.compile(r"(?:(?<=[.!?…»\"”)>])|\s++|\A)<(?P<name>/?[A-Za-z][A-Za-z0-9]*)(?P<attrs>[ \t/][^<>\n]*)?\Z")
_TAG_NAMES = frozenset((
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "i", "iframe", "img", "ins", "li", "main", "mark", "nav", "noscript", "ol", "p", "picture",
    "pre", "q", "s", "script", "section", "small", "source", "span", "strong", "style", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "video",
))


def _cut_tag(text: str) -> str:
    """``text`` without a tag cut short at its end (``_CUT_TAG``) whose name is an HTML tag's."""
    m = _CUT_TAG.search(text)
    if m is None:
        return text
    name = m.group("name").lstrip("/").lower()
    if name in _TAG_NAMES or (m.group("attrs") is None and any(t.startswith(name) for t in _TAG_NAMES)):
        return text[:m.start()].rstrip()
    return text


def drop_inline_clutter(text: str) -> str:
    """``text`` (an extracted body, paragraphs joined by "\\n") without a "read also" teaser at a
    paragraph's end and without a tag cut short at its very end: every reading path drops them."""
    if "<" in text[-300:]:
        text = _cut_tag(text.rstrip())
    return _INLINE_TEASER.sub(lambda m: "" if _is_teaser(m) else m.group(0), text)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
