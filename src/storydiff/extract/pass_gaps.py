"""Paragraphs trafilatura's precise pass cut out of the middle of an article, put back.

The precise pass drops a paragraph here and there inside an article it otherwise reads right
(one that carries a link or two: BBC explainers, Ottawa Citizen, Evening Standard), and cuts a
paragraph's linked words out of it ("bei hohen Temperaturen . Das führe", MDR). Its balanced
pass keeps both. Taking the balanced pass whole costs precision (its extra blocks are teasers and
related links), so only what lies *between* two paragraphs both passes read is taken from it: a
gap of at most ``max_gap`` lines, each a sentence of at least ``min_words`` words. A precise
line that the balanced pass reads longer (the same start, nothing else) is taken in its longer form.
"""

from __future__ import annotations

import re
from collections import Counter

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
    where: list[int | None] = []  # each precise line's line in the balanced pass
    last = -1
    for line in mine:
        found = next((i for i in range(last + 1, min(len(theirs), last + 1 + _SEARCH_AHEAD))
                      if _same_paragraph(line, theirs[i])), None)
        where.append(found)
        if found is not None:
            last = found
    out = []
    for k, line in enumerate(mine):
        here = where[k]
        out.append(line if here is None else theirs[here])
        after = where[k + 1] if k + 1 < len(mine) else None
        if here is None or after is None:
            continue
        gap = theirs[here + 1:after]
        if 0 < len(gap) <= max_gap and all(
                len(_WORD.findall(g)) >= min_words and (not sentence_end or _SENTENCE_END.search(g)) for g in gap):
            out.extend(gap)
    return "\n".join(out)


def _same_paragraph(mine: str, theirs: str) -> bool:
    """Whether the balanced line is the precise line, or it with words the precise pass cut
    (same first words, at least 90% of the precise line's words in it, at most twice as long)."""
    if mine == theirs:
        return True
    a, b = _WORD.findall(mine.lower()), _WORD.findall(theirs.lower())
    if not a or len(b) < len(a) or a[:3] != b[:3] or len(a) < 0.5 * len(b):
        return False
    return sum((Counter(a) & Counter(b)).values()) >= 0.9 * len(a)
