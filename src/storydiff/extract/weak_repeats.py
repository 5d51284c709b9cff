"""Page-text lines the page prints more than once and the line model barely believes: widgets.

A news page repeats its furniture, whatever its language: a "most read" box printed after every
few paragraphs (Vogue's "Am beliebtesten" block three times), a subscription box printed twice
(Postmedia), a teaser list's "mehr" / "Artikel lesen" closing every item, a comment thread's
"Antworten" under every post. ``pagetext.drop_near_repeats`` drops a copy a few lines below the
first; these copies are further apart. Repeats alone are no proof (a list body repeats "Pros" and
"Cons" per product, a meal plan its day's list), so a repeat is dropped only where the line model
scores it under a bar: the lines of a list body the model believes are kept. No language's words,
no fitted model. Off by default (``ExtractSettings.weak_repeat_below`` 0): round 27 measured it
leave-one-corpus-out (bench/pagetext_weak_repeats.py); it lifts fundus-tests (0.742 -> 0.750-0.775)
and aeb but every setting loses more of wcxb-dev's pages (list, forum and service bodies whose
repeated lines the model scores low), so the fundus fold, chosen on aeb + wcxb, takes none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from storydiff.extract.line_features import normalise_line

MAX_LINE_CHARS = 20_000


def drop_weak_repeats(lines: Sequence[str], kept: Sequence[bool], scores: Sequence[float], *, words: int,
                      block: int, below: float) -> list[bool]:
    """``kept`` without the kept lines scoring under ``below`` (``scores``: the line model's, one per
    line of ``lines``' first ``len(scores)``) that are a line of at most ``words`` words the page
    prints more than once anywhere (``words`` 0: none), or a line of a run of ``block`` consecutive
    non-empty lines whose text the page prints again elsewhere, every copy (``block`` 0: none)."""
    n = min(len(lines), len(scores))
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
    out = list(kept)
    for j, i in enumerate(filled):
        if marked[j] and out[i] and scores[i] < below:
            out[i] = False
    return out


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
