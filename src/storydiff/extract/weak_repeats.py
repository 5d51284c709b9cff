"""Page-text lines the page prints more than once and the line model barely believes: widgets.

A news page repeats its furniture, whatever its language: a "most read" box printed after every
few paragraphs (Vogue's "Am beliebtesten" block three times), a subscription box printed twice
(Postmedia), a teaser list's "mehr" / "Artikel lesen" closing every item, a comment thread's
"Antworten" under every post. ``pagetext.drop_near_repeats`` drops a copy a few lines below the
first; these copies are further apart. Repeats alone are no proof (a list body repeats "Pros" and
"Cons" per product, a meal plan its day's list), so a repeat is dropped only where the line model
scores it under a bar (the lines of a list body the model believes are kept) and only on a page
whose kept text is mostly sentences (a list, forum or product body is made of repeated short
lines). No language's words, no fitted model. Off by default (``ExtractSettings.weak_repeat_below``
0): round 27 measured it leave-one-corpus-out (bench/pagetext_weak_repeats.py): chosen on aeb +
wcxb it lifts fundus-tests 0.7423 -> 0.7489 with no page lost, but chosen on aeb + fundus it costs
wcxb-dev 0.7229 -> 0.7147 and 45 more lost pages.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storydiff.extract.line_features import normalise_line

MAX_LINE_CHARS = 20_000


def drop_weak_repeats(lines: Sequence[str], kept: Sequence[bool], scores: Sequence[float], *, words: int,
                      block: int, below: float, prose_share: float = 0.0) -> list[bool]:
    """``kept`` without the kept lines scoring under ``below`` (``scores``: the line model's, one per
    line of ``lines``' first ``len(scores)``) that are a line of at most ``words`` words the page
    prints more than once anywhere (``words`` 0: none), or a line of a run of ``block`` consecutive
    non-empty lines whose text the page prints again elsewhere, every copy (``block`` 0: none).
    Only on a page whose kept text is at least ``prose_share`` sentences (``prose_share_of``): an
    article with widgets in it, not a list, forum or product body made of repeated short lines."""
    if prose_share > 0 and prose_share_of(lines, kept) < prose_share:
        return list(kept)
    marked_at = repeat_marks(lines, len(scores), words=words, block=block)
    out = list(kept)
    for i in marked_at:
        if out[i] and scores[i] < below:
            out[i] = False
    return out


_SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»“‘«)\]」』]*\s*$")


def prose_share_of(lines: Sequence[str], kept: Sequence[bool]) -> float:
    """The share of the kept characters in lines that read as sentences (a sentence's end and 8+
    words or 60+ characters, so that scripts without spaces count); 0.0 when nothing is kept."""
    total = prose = 0
    for line, k in zip(lines, kept):
        if k:
            s = line.strip()[:MAX_LINE_CHARS]
            total += len(s)
            if _SENTENCE_END.search(s) and (len(s.split()) >= 8 or len(s) >= 60):
                prose += len(s)
    return prose / total if total else 0.0


def repeat_marks(lines: Sequence[str], n: int, *, words: int, block: int) -> list[int]:
    """Indices among ``lines``' first ``n`` that ``drop_weak_repeats`` may drop, by their text alone."""
    n = min(len(lines), n)
    filled = [i for i in range(n) if lines[i].strip()]
    norms = [normalise_line(lines[i][:MAX_LINE_CHARS]) for i in filled]
    marked = [False] * len(filled)
    if words > 0:
        counts = Counter(x for x in norms if x)
        for j, i in enumerate(filled):
            marked[j] = bool(norms[j]) and counts[norms[j]] > 1 and len(lines[i].split()) <= words
    if block > 0:
        for j in _repeated_blocks(norms, block):
            marked[j] = True
    return [i for j, i in enumerate(filled) if marked[j]]


def _repeated_blocks(norms: list[str], size: int) -> set[int]:
    """Positions in runs of ``size`` consecutive texts that occur again, not overlapping their
    first occurrence; every copy's positions, the first's too."""
    first: dict[tuple[str, ...], int] = {}
    hits: set[int] = set()
    for s in range(len(norms) - size + 1):
        key = tuple(norms[s : s + size])
        if not all(key):
            continue
        if key not in first:
            first[key] = s
        elif s - first[key] >= size:
            hits.update(range(s, s + size))
            hits.update(range(first[key], first[key] + size))
    return hits
