"""Weighted term vectors and the same-story score that combines the channels.

Each channel is a unit-length TF-IDF vector (sublinear tf); the score is the weighted mean of
the channel cosines over the channels both sides have (a missing title must not count as a
mismatch). Average-link to a story is the same formula with the story's summed member vectors
divided by its size, so the online clusterer and the pairwise score agree exactly.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from storydiff.match.doc import MatchDoc
from storydiff.match.features import DocTerms, extract_terms
from storydiff.settings import MatchSettings

CHANNELS = ("words", "entities", "numbers", "title", "years")
Vec = dict[str, float]


def weigh(counts: Mapping[str, int], idf: Callable[[str], float] | None = None) -> Vec:
    """Unit-length sublinear-tf x idf vector of one bag of terms."""
    vec: Vec = {}
    for term, c in counts.items():
        w = 1.0 + math.log(c)
        if idf is not None:
            w *= idf(term)
        vec[term] = w
    norm = math.sqrt(sum(w * w for w in vec.values()))
    if norm == 0.0:
        return {}
    return {t: w / norm for t, w in vec.items()}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    # Set intersection of the key views runs in C; the shared terms are few.
    if len(a) > len(b):
        a, b = b, a
    return sum([a[t] * b[t] for t in a.keys() & b.keys()])


@dataclass
class DocVectors:
    words: Vec
    entities: Vec
    numbers: Vec
    title: Vec
    years: Vec

    def channel(self, name: str) -> Vec:
        return getattr(self, name)


def vectors(terms: DocTerms, idf: Callable[[str], float] | None = None) -> DocVectors:
    return DocVectors(*(weigh(getattr(terms, ch), idf) for ch in CHANNELS))


def channel_weights(settings: MatchSettings) -> dict[str, float]:
    return {
        "words": settings.w_words,
        "entities": settings.w_entities,
        "numbers": settings.w_numbers,
        "title": settings.w_title,
        "years": settings.w_years,
    }


def combine(cosines: Mapping[str, float | None], weights: Mapping[str, float]) -> float:
    """Weighted mean of the channel cosines that are defined (None = one side lacks it)."""
    num = den = 0.0
    for ch, w in weights.items():
        c = cosines.get(ch)
        if c is None or w <= 0.0:
            continue
        num += w * c
        den += w
    if den == 0.0:
        return 0.0
    return max(0.0, min(1.0, num / den))


def vector_similarity(a: DocVectors, b: DocVectors, weights: Mapping[str, float]) -> float:
    cos: dict[str, float | None] = {}
    for ch in CHANNELS:
        va, vb = a.channel(ch), b.channel(ch)
        cos[ch] = dot(va, vb) if va and vb else None
    return combine(cos, weights)


def similarity(
    a: MatchDoc,
    b: MatchDoc,
    settings: MatchSettings | None = None,
    idf: Callable[[str], float] | None = None,
) -> float:
    """Same-story score in [0, 1] of two articles on their own.

    With no ``idf`` (term -> weight, e.g. from a background corpus the caller holds) terms are
    weighed by sublinear tf only; bench/pairs.py measures both.
    """
    settings = settings or MatchSettings()
    if not isinstance(a, MatchDoc) or not isinstance(b, MatchDoc):
        return 0.0
    va = vectors(extract_terms(a.text, a.title if isinstance(a.title, str) else None), idf)
    vb = vectors(extract_terms(b.text, b.title if isinstance(b.title, str) else None), idf)
    weights = {"words": settings.pair_w_words, "entities": settings.pair_w_entities}
    return vector_similarity(va, vb, weights)
