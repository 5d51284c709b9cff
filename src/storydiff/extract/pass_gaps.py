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
on the page. That fill is off by default (its pass costs a seventh of every page's time).

On by default, at no pass's cost: the same gaps filled from the page's own ``<p>``s
(``fill_from_paragraphs``), where the left-out paragraph sits in the page as the two read around it
do (the same tags and classes up to their common container) and is a sentence, not a caption, a
link or a notice. It reads fewer gaps than the balanced pass (only ``<p>``s), but the placement is
a cue in every language and template: a caption, an ad's or a teaser box's ``<p>`` sits otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import islice

from lxml.html import HtmlElement

from storydiff.extract.line_cleanup import dropping_rule

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
        candidates = starts.get(_start(line), [])
        # from the first after the last found (bisect): a page of thousands of <p>s opening alike
        # was read from its first each time, in time quadratic in their number (review 26)
        for c in range(bisect_right(candidates, last), len(candidates)):
            i = candidates[c]
            if i >= end:
                break
            if _same_paragraph(line, theirs[i]):
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



def fill_from_paragraphs(precise: str, tree: HtmlElement, *, max_gap: int, min_words: int,
                         sentence_end: bool = True) -> str:
    """``precise`` (a precise body, lines joined by "\n") with the page's own ``<p>``s put back
    where the pass left them out: each gap of at most ``max_gap`` paragraphs between two of its
    lines' ``<p>``s (``_fits_gap``), and a line the pass cut a paragraph's linked words out of, in
    the paragraph's whole form (``_reads_longer``). No second pass: the page's ``<p>``s are read."""
    if max_gap <= 0:
        return precise
    elements, texts = _text_paragraphs(tree)
    mine = [line for line in precise.split("\n") if line.strip()]
    if not texts or not mine:
        return precise
    where = _align(mine, texts, first_anywhere=True)
    out = []
    for k, line in enumerate(mine):
        here = where[k]
        after = where[k + 1] if k + 1 < len(mine) else None
        before = where[k - 1] if k else None
        around = [mine[j] for j in (k - 1, k + 1) if 0 <= j < len(mine)]
        whole = _reads_longer(elements, texts, line, here, (before, after))
        # trafilatura splits a paragraph at some inline elements: a line it made of the same <p>
        # would be read twice
        out.append(texts[here] if whole and not any(" ".join(a.split()) in texts[here] for a in around) else line)
        if here is not None and after is not None and _fits_gap(elements, texts, here, after, max_gap, min_words,
                                                                 sentence_end):
            out.extend(texts[here + 1:after])
    return "\n".join(out)


def _text_paragraphs(tree: HtmlElement) -> tuple[list[HtmlElement], list[str]]:
    """The page's ``<p>`` elements that hold text, and their texts, in the page's order."""
    pairs = [(p, " ".join(p.text_content().split())) for p in tree.iter("p")]
    pairs = [(p, text) for p, text in pairs if text]
    return [p for p, _ in pairs], [text for _, text in pairs]


def _fits_gap(elements: list[HtmlElement], texts: list[str], here: int, after: int, max_gap: int, min_words: int,
              sentence_end: bool) -> bool:
    """Whether the paragraphs between ``here`` and ``after`` (two read ones) are the article's: as
    many as ``_fillable`` allows, each a sentence, and each placed as the two read ones are (the
    same tags and classes up to their common container: a caption's, an ad's or a teaser box's
    ``<p>`` sits otherwise), holding no picture and not only a link (a call to action, another
    story's headline), and no notice ``clean_body`` drops."""
    gap = range(here + 1, after)
    return (_fillable(texts[here + 1:after], max_gap, min_words, sentence_end)
            and _placed_alike(elements[here], elements[after], [elements[g] for g in gap])
            and not any(_holds_media(elements[g]) or _is_link(elements[g], texts[g]) or dropping_rule(texts[g])
                        for g in gap))


def _reads_longer(elements: list[HtmlElement], texts: list[str], line: str, here: int | None,
                  neighbours: tuple[int | None, int | None]) -> bool:
    """Whether the line's ``<p>`` (``here``) holds it with words the pass cut out (its words, in
    order), and is the article's: one paragraph (no line breaks, no picture: a caption's words would be read in),
    placed as a neighbouring read paragraph is."""
    if here is None or texts[here] == line or elements[here].find(".//br") is not None or _holds_media(elements[here]):
        return False
    # the line's words in the paragraph's order, as they stand (another paragraph that opens alike,
    # "How much does Tier 1 ... cost?" for the heading "How Much Does ... Cost?", is no longer form)
    words = iter(_WORD.findall(texts[here]))
    if not all(word in words for word in _WORD.findall(line)):
        return False
    return any(n is not None and _placed_alike(elements[n], elements[here], []) for n in neighbours)


_MEDIA = ("img", "picture", "figure", "video", "iframe", "svg", "audio")


def _holds_media(element: HtmlElement) -> bool:
    return next(element.iter(*_MEDIA), None) is not None


def _is_link(element: HtmlElement, text: str) -> bool:
    """Whether the paragraph's text is (nearly) all a link's."""
    return sum(len(" ".join(a.text_content().split())) for a in element.iter("a")) >= 0.9 * len(text)


def _placed_alike(first: HtmlElement, last: HtmlElement, gap: list[HtmlElement]) -> bool:
    """Whether ``gap``'s paragraphs and ``last`` sit under the common container of ``first`` and
    ``last`` as ``first`` does: the same tags and classes from the paragraph up to that
    container's child (an article's paragraphs are siblings, or each in a wrapper of one kind)."""
    above = set(first.iterancestors())
    top = next((e for e in last.iterancestors() if e in above), None)
    if top is None:
        return False
    kind = _placed(first, top)
    return _placed(last, top) == kind and all(_placed(g, top) == kind for g in gap)


def _placed(element: HtmlElement, top: HtmlElement) -> tuple[tuple[str, str], ...]:
    """The tags and classes from ``element`` up to the child of ``top`` that holds it."""
    chain = []
    while element is not None and element is not top:
        chain.append((element.tag, element.get("class", "")))
        element = element.getparent()
    return tuple(chain)
