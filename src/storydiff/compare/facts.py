"""Facts of a story: claims aligned across its articles.

Two claims from different articles report the same fact when their content words overlap
enough (Dice coefficient over prefix-stemmed content words, which survives rewording like
"escalating"/"escalatory" and translation-style paraphrase that keeps the names and nouns).
Alignment is one-to-one per article pair (greedy by score), then facts are the connected
components across all pairs. Aligned claims whose numbers differ are one fact with a
conflict, not two facts: "5 dead" and "7 dead" is the same event told differently.
"""

from __future__ import annotations

from collections.abc import Sequence

from storydiff.compare.claims import Claim, article_claims
from storydiff.records import Article, Fact
from storydiff.settings import FactSettings


def claim_similarity(a: Claim, b: Claim) -> float:
    if not a.keys or not b.keys:
        return 0.0
    shared = len(a.keys & b.keys)
    dice = 2 * shared / (len(a.keys) + len(b.keys))
    # a short claim fully inside a longer one (a rewrite that cut a clause) is still the same fact
    containment = shared / min(len(a.keys), len(b.keys))
    return max(dice, 0.8 * containment if min(len(a.keys), len(b.keys)) >= 4 else 0.0)


class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _pair_alignment(ca: list[Claim], cb: list[Claim], threshold: float) -> list[tuple[Claim, Claim, float]]:
    scored = [(claim_similarity(a, b), i, j) for i, a in enumerate(ca) for j, b in enumerate(cb)]
    scored = sorted((s for s in scored if s[0] >= threshold), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for s, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((ca[i], cb[j], s))
    return out


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


def align_facts(articles: Sequence[Article], settings: FactSettings | None = None) -> list[Fact]:
    """Facts of a story in the order of the earliest article that reports each.
    ``articles`` must be in story order (earliest first)."""
    settings = settings or FactSettings()
    per_article = [article_claims(a.id, a.text, settings.min_claim_words) for a in articles]
    uf = _UnionFind()
    for claims in per_article:
        for c in claims:
            uf.find((c.article_id, c.index))
    for i in range(len(per_article)):
        for j in range(i + 1, len(per_article)):
            for a, b, _ in _pair_alignment(per_article[i], per_article[j], settings.fact_threshold):
                uf.union((a.article_id, a.index), (b.article_id, b.index))
    order = {a.id: k for k, a in enumerate(articles)}
    groups: dict[tuple, list[Claim]] = {}
    for claims in per_article:
        for c in claims:
            groups.setdefault(uf.find((c.article_id, c.index)), []).append(c)
    keyed: list[tuple[tuple[int, int], Fact]] = []
    for members in groups.values():
        members.sort(key=lambda c: (order[c.article_id], c.index))
        variants: dict[str, str] = {}
        for c in members:
            variants.setdefault(c.article_id, c.text)
        ids = sorted(variants, key=order.__getitem__)
        keyed.append(
            ((order[members[0].article_id], members[0].index), Fact(
                text=members[0].text,
                article_ids=ids,
                variants=variants,
                conflicts=_conflicts(members),
                first_article_id=ids[0],
            ))
        )
    keyed.sort(key=lambda kf: kf[0])
    return [f for _, f in keyed]
