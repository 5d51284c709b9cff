"""Paragraphs trafilatura's precise pass cut out of the middle of an article, put back.

The precise pass drops a paragraph here and there inside an article it otherwise reads right
(one that carries a link or two: BBC explainers, Ottawa Citizen, Evening Standard), and cuts a
paragraph's linked words out of it ("bei hohen Temperaturen . Das führe", MDR). Its balanced
pass keeps both. Taking the balanced pass whole costs precision (its extra blocks are teasers and
related links), so only what lies *between* two paragraphs both passes read is taken from it: a
gap of at most ``max_gap`` lines, each a sentence of at least ``min_words`` words. A precise
line that the balanced pass reads longer (the same start, nothing else) is taken in its longer form.

The balanced pass costs as much again as the precise one, and most articles have no gap: the page's
own ``<p>`` elements tell first (``page_paragraphs``, ``shows_gap``), so the pass runs only where
a paragraph the precise pass left out lies between two it read, or one of its paragraphs is longer
on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from lxml.html import HtmlElement

_WORD = re.compile(r"\w+")
# A line that ends as a sentence does (a paragraph, not a teaser's headline or a menu entry).
_SENTENCE_END = re.compile(r"[.!?…。！？\"”»)\]:]\s*$")
_SEARCH_AHEAD = 40  # balanced lines searched for the next precise line (passes agree in order)


def fill_gaps(precise: str, balanced: str, *, max_gap: int, min_words: int, sentence_end: bool = True) -> str:
    """``precise`` (lines joined by "\\n") with the balanced pass's lines of each short gap between
    two of its lines put back; ``max_gap`` 0 gives ``precise`` unchanged."""
    if max_gap <= 0 or not balanced:
        return precise
    mine = [line for line in precise.split("\n") if line.strip()]
    theirs = [line for line in balanced.split("\n") if line.strip()]
    where = _align(mine, theirs, first_anywhere=False)
    out = []
    for k, line in enumerate(mine):
        here = where[k]
        out.append(line if here is None else theirs[here])
        after = where[k + 1] if k + 1 < len(mine) else None
        if here is None or after is None:
            continue
        gap = theirs[here + 1:after]
        if _fillable(gap, max_gap, min_words, sentence_end):
            out.extend(gap)
    return "\n".join(out)


def page_paragraphs(tree: HtmlElement) -> list[str]:
    """The text of each of the page's ``<p>`` elements, in the page's order."""
    return [text for text in (" ".join(p.text_content().split()) for p in tree.iter("p")) if text]


def shows_gap(precise: str, paragraphs: list[str], *, max_gap: int, min_words: int, sentence_end: bool = True) -> bool:
    """Whether the page's paragraphs (``page_paragraphs``) hold a gap ``fill_gaps`` could fill
    between two lines of ``precise``, or a precise line in a longer form: where the balanced pass
    is worth running. It is a cheap test, not the fill: the balanced pass leaves out what the
    page's ``<p>``s also hold (captions, teasers, consent notices), so the fill takes only what
    the pass reads."""
    if max_gap <= 0 or not paragraphs:
        return False
    mine = [line for line in precise.split("\n") if line.strip()]
    # an article's first paragraph can lie after many <p>s of menus and teasers: searched anywhere
    where = _align(mine, paragraphs, first_anywhere=True)
    for line, here in zip(mine, where):
        if here is not None and paragraphs[here] != line:
            return True  # read longer on the page (a paragraph's linked words cut out)
    return any(here is not None and after is not None and _fillable(paragraphs[here + 1:after], max_gap, min_words, sentence_end)
               for here, after in zip(where, where[1:]))


def _align(mine: list[str], theirs: list[str], *, first_anywhere: bool) -> list[int | None]:
    """Each of ``mine``'s lines' index in ``theirs`` (in order; None where it has none)."""
    # _same_paragraph needs the same first three words: only those lines of theirs are compared
    starts: dict[tuple[str, ...], list[int]] = {}
    for i, line in enumerate(theirs):
        starts.setdefault(_start(line), []).append(i)
    where: list[int | None] = []
    last = -1
    for line in mine:
        end = len(theirs) if first_anywhere and last < 0 else last + 1 + _SEARCH_AHEAD
        found = None
        for i in starts.get(_start(line), ()):
            if i >= end:
                break
            if i > last and _same_paragraph(line, theirs[i]):
                found = i
                break
        where.append(found)
        if found is not None:
            last = found
    return where


def _start(line: str) -> tuple[str, ...]:
    """A line's first three words, as _same_paragraph compares them."""
    return tuple(m.group() for m in islice(_WORD.finditer(line.lower()), 3))


def _fillable(gap: list[str], max_gap: int, min_words: int, sentence_end: bool) -> bool:
    return 0 < len(gap) <= max_gap and all(
        len(_WORD.findall(g)) >= min_words and (not sentence_end or _SENTENCE_END.search(g)) for g in gap)


def _same_paragraph(mine: str, theirs: str) -> bool:
    """Whether the balanced line is the precise line, or it with words the precise pass cut
    (same first words, at least 90% of the precise line's words in it, at most twice as long)."""
    if mine == theirs:
        return True
    a, b = _WORD.findall(mine.lower()), _WORD.findall(theirs.lower())
    if not a or len(b) < len(a) or a[:3] != b[:3] or len(a) < 0.5 * len(b):
        return False
    return sum((Counter(a) & Counter(b)).values()) >= 0.9 * len(a)
