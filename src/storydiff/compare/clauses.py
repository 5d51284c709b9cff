"""A sentence's clauses, for reading one outlet's sentence that carries several facts.

A wire lede often packs a story's facts into one sentence ("A car bomb exploded in Baghdad on
Friday, killing three people and wounding 12, police said"), where another outlet gives each in
a sentence of its own. Scored against the whole long sentence, each short one is far from it;
scored against the clause that tells its fact, it is near. ``clause_pieces`` cuts a sentence
where a clause or a participle phrase starts (punctuation, and the conjunctions and "-ing" verbs
that open a clause); a piece with too few content words to say anything alone stays with its
neighbour ("police said" is no fact of its own).
"""

from __future__ import annotations

import re
from functools import lru_cache

from storydiff.compare.claims import claim_keys

# a piece needs this many content keys to stand alone: "killing three people" (kill, 3, people)
# does, "police said" does not
CLAUSE_MIN_KEYS = 2

_BREAK = re.compile(
    r"\s*(?:[,;:()\u2013\u2014]|\s-{1,2}\s)\s*"
    r"|\s+(?=(?:and|but|while|when|after|before|because|although|though|whereas|until|which|who|where"
    r"|killing|leaving|injuring|wounding|forcing|prompting|causing)\s)",
    re.IGNORECASE)


@lru_cache(maxsize=65_536)
def clause_pieces(text: str) -> tuple[str, ...]:
    """The clauses of ``text`` in order, each with at least CLAUSE_MIN_KEYS content keys (a
    shorter piece joins the one before it, or the first after it); ``(text,)`` when it has one.
    Cached: a story's sentences are read again by each rule that asks."""
    spans: list[list[int]] = []
    start = 0
    for cut in [*_BREAK.finditer(text), None]:
        end = len(text) if cut is None else cut.start()
        if text[start:end].strip(" ,;:"):
            if spans and len(claim_keys(text[spans[-1][0]:spans[-1][1]])) < CLAUSE_MIN_KEYS:
                spans[-1][1] = end  # the piece before is too short to stand alone: this one extends it
            else:
                spans.append([start, end])
        start = len(text) if cut is None else cut.end()
    if len(spans) > 1 and len(claim_keys(text[spans[-1][0]:spans[-1][1]])) < CLAUSE_MIN_KEYS:
        last = spans.pop()
        spans[-1][1] = last[1]
    pieces = tuple(text[a:b].strip(" ,;:") for a, b in spans)
    return pieces if len(pieces) > 1 else (text,)
