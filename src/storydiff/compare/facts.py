"""Facts of a story: claims aligned across its articles.

Two claims from different articles report the same fact when their content words overlap
enough: Dice (or containment of the shorter) over prefix-stemmed content words, each weighted by
its IDF over the story's own claims, so the names every sentence repeats count little and the
words that tell one statement from another count much. Optionally the score is blended with
MiniLM cosine (storydiff/embeddings.py, FactSettings.use_embeddings). Facts are built greedily,
best pair first, and two facts merge only when no article is in both: one claim per article per
fact, and no chain of loose matches across the story. Aligned claims whose numbers differ are one
fact with a conflict, not two facts: "5 dead" and "7 dead" is the same event told differently.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np

from storydiff.compare.claims import Claim, article_claims
from storydiff.records import Article, Fact
from storydiff.settings import FactSettings
from storydiff.unionfind import UnionFind

# the containment score only counts when at least half of the shorter claim's weight is shared:
# at less, "In Estonia, such a move would require parliamentary approval" joined Lithuania's
# "Parliament approved sending troops" on the seed pair (ECB+ dev F1 0.655 -> 0.595 for the fix)
CONTAINMENT_MIN_SHARE = 0.5


def claim_similarity(a: Claim, b: Claim, weight: Mapping[str, float] | None = None) -> float:
    """Weighted Dice over content keys, or containment of the shorter claim in the longer.
    ``weight`` maps a key to its weight (story IDF); missing keys weigh 1."""
    if not a.keys or not b.keys:
        return 0.0
    w = weight.get if weight is not None else (lambda k, d=1.0: d)
    shared = sum(w(k, 1.0) for k in a.keys & b.keys)
    wa = sum(w(k, 1.0) for k in a.keys)
    wb = sum(w(k, 1.0) for k in b.keys)
    dice = 2 * shared / (wa + wb)
    # a short claim fully inside a longer one (a rewrite that cut a clause) is still the same fact
    containment = shared / min(wa, wb)
    if min(len(a.keys), len(b.keys)) < 4 or containment < CONTAINMENT_MIN_SHARE:
        return dice
    return max(dice, 0.8 * containment)


def story_idf(claims: Sequence[Claim]) -> dict[str, float]:
    """IDF of each key over the story's own claims: the names every sentence repeats ("Lohan",
    "Klitschko") say little about which fact a sentence reports; the rarer words do."""
    df: Counter[str] = Counter()
    for c in claims:
        df.update(c.keys)
    n = len(claims)
    return {k: math.log(1 + n / d) for k, d in df.items()}


def _similarities(claims: list[Claim], settings: FactSettings) -> tuple[np.ndarray, float]:
    """Claim-by-claim similarity matrix and the threshold it is cut at: lexical, or blended with
    MiniLM cosine when enabled and available (falls back to lexical otherwise)."""
    threshold = settings.fact_threshold
    weight = story_idf(claims) if settings.idf_weighting else None
    n = len(claims)
    sim = np.zeros((n, n), dtype=np.float32)
    # only pairs that share a key can score above 0: find them through an inverted index
    by_key: dict[str, list[int]] = {}
    for k, c in enumerate(claims):
        for key in c.keys:
            by_key.setdefault(key, []).append(k)
    pairs = {(i, j) for ks in by_key.values() for a, i in enumerate(ks) for j in ks[a + 1:]
             if claims[i].article_id != claims[j].article_id}
    for i, j in pairs:
        sim[i, j] = sim[j, i] = claim_similarity(claims[i], claims[j], weight)
    if settings.use_embeddings and n:
        from storydiff.embeddings import embed

        vecs = embed([c.text for c in claims])
        if vecs is not None:
            mix = settings.embedding_weight
            sim = (1 - mix) * sim + mix * (vecs @ vecs.T)
            np.fill_diagonal(sim, 0.0)
            same = np.array([c.article_id for c in claims])
            sim[same[:, None] == same[None, :]] = 0.0
            threshold = settings.embedding_threshold
    return sim, threshold


def _merge(claims: list[Claim], sim: np.ndarray, threshold: float) -> UnionFind:
    """Greedy agglomeration, best pair first: two claims' facts merge only when no article is in
    both, so one fact holds at most one claim per article and a chain of loose matches cannot
    grow into one giant fact."""
    uf = UnionFind()
    members: dict[int, set[str]] = {}
    for k, c in enumerate(claims):
        uf.find(k)
        members[k] = {c.article_id}
    rows, cols = np.nonzero(np.triu(sim >= threshold, 1))
    order = np.argsort(-sim[rows, cols], kind="stable")
    for i, j in zip(rows[order].tolist(), cols[order].tolist()):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or members[ri] & members[rj]:
            continue
        uf.union(ri, rj)
        root = uf.find(ri)
        members[root] = members.pop(ri if root != ri else rj) | members[root]
    return uf


def _conflicts(claims: Sequence[Claim]) -> list[str]:
    sets = {c.article_id: set(c.numbers) for c in claims if c.numbers}
    if len(sets) < 2:
        return []
    values = list(sets.values())
    if all(v == values[0] for v in values):
        return []
    if any(a <= b or b <= a for i, a in enumerate(values) for b in values[i + 1:]):
        return []  # one outlet gives fewer numbers than the other, none contradicts
    return ["numbers differ: " + " vs ".join(", ".join(sorted(v)) or "-" for v in values)]


def align_claims(articles: Sequence[Article], settings: FactSettings | None = None) -> list[list[Claim]]:
    """The claims of ``articles`` grouped into facts (each group in story order); the claim-level
    view behind ``align_facts``, with offsets, for benchmarks and callers that need them."""
    settings = settings or FactSettings()
    claims = [c for a in articles for c in article_claims(a.id, a.text or "", settings.min_claim_words)]
    if not claims:
        return []
    uf = _merge(claims, *_similarities(claims, settings))
    order = {a.id: k for k, a in enumerate(articles)}
    groups: dict[int, list[Claim]] = {}
    for k, c in enumerate(claims):
        groups.setdefault(uf.find(k), []).append(c)
    out = [sorted(g, key=lambda c: (order[c.article_id], c.index)) for g in groups.values()]
    out.sort(key=lambda g: (order[g[0].article_id], g[0].index))
    return out


def align_facts(articles: Sequence[Article], settings: FactSettings | None = None) -> list[Fact]:
    """Facts of a story in the order of the earliest article that reports each.
    ``articles`` must be in story order (earliest first)."""
    order = {a.id: k for k, a in enumerate(articles)}
    facts = []
    for members in align_claims(articles, settings):
        variants: dict[str, str] = {}
        for c in members:
            variants.setdefault(c.article_id, c.text)
        ids = sorted(variants, key=order.__getitem__)
        facts.append(Fact(
            text=members[0].text,
            article_ids=ids,
            variants=variants,
            conflicts=_conflicts(members),
            first_article_id=ids[0],
        ))
    return facts
