"""Facts of a story: claims aligned across its articles.

Two claims from different articles report the same fact when a small logistic scorer says so.
Its features, all in [0, 1]: Dice (or containment of the shorter) over prefix-stemmed content
words weighted by IDF inside the story; the same Dice unweighted; TF-IDF cosine over words and
over character n-grams (fit on the story's claims, so inflections and hyphenation still meet);
whether they share a number; and, scaled by the pair's own overlap so that context alone never
links two unrelated claims, whether both are their articles' first claims and whether each is
the other's best match in its article (by IDF Dice, by character TF-IDF). When the optional
MiniLM tier is on and available (FactSettings.use_embeddings, storydiff/embeddings.py), the
sentence-embedding cosine and its (scaled) mutual-best flag join them. The weights are fit by logistic regression
on the dev half of the hand-aligned ECB+ gold set (``python bench/facts.py --fit``).

Facts are built greedily, best pair first, and two facts merge only when no article is in both:
union-find over every link above threshold chains loose matches into one giant fact (checked on
the gold set: single-link without the article rule and average-link both lose dev F1). Then a
claim left alone joins the fact whose claims in *other* articles it matches on average, even when
its own article is already there: a restatement ("She checked in today." under "Lohan checked
into a rehab") is the same fact, not a unique one. Aligned claims whose numbers differ are one
fact with a conflict, not two facts: "5 dead" and "7 dead" is the same event told differently.

What limits F1 is the pair scorer, not the grouping: on the dev half, 69 of 74 missed gold pairs
score under the cut (paraphrase: "A ship has been sent out to fix the problems" / "The company is
sending a repair ship"), 2 are lost in the merge (``bench/facts.py --errors dev``). Measured by
leave-one-cluster-out on dev (F1 0.715 for this scorer) and left out because none moved it by more
than one or two gold pairs: spaCy lemma / verb / entity / noun overlap, number Jaccard and number
conflict, length ratio, relative position, both-early (0.68-0.72, and spaCy costs ~0.1 s a claim
set); a second stage over first-stage probabilities (path via a third article, aligned
neighbours: 0.68-0.72); MiniLM token-level BERTScore (0.69-0.71); interaction terms, C in 0.1-10;
average-link, average-link letting one article hold several claims of a fact, moving claims to
their best fact after the merge, attaching lone claims by their similarity to their own
article's member (0.69-0.72, all at or under greedy + attach).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from storydiff.compare.claims import Claim, Quantity, article_claims
from storydiff.records import Article, Fact
from storydiff.settings import FactSettings
from storydiff.unionfind import UnionFind

# the containment score only counts when at least half of the shorter claim's weight is shared:
# at less, "In Estonia, such a move would require parliamentary approval" joined Lithuania's
# "Parliament approved sending troops" on the seed pair (ECB+ dev F1 0.655 -> 0.595 for the fix)
CONTAINMENT_MIN_SHARE = 0.5

LEXICAL_FEATURES = ("idf_dice", "key_dice", "idf_mutual_best", "both_lede", "shared_number",
                    "word_tfidf", "char_tfidf", "char_mutual_best")
MINILM_FEATURES = LEXICAL_FEATURES + ("minilm_cos", "minilm_mutual_best")
# logistic weights (coefficients in feature order, intercept), fit on the dev half of
# tests/data/fact_gold.jsonl by `python bench/facts.py --fit` (L2, C=1); refit after changing features
WEIGHTS: dict[tuple[str, ...], tuple[tuple[float, ...], float]] = {
    LEXICAL_FEATURES: ((1.8, 2.26, 2.47, 1.45, 1.1, 2.08, 3.08, 3.15), -4.07),
    MINILM_FEATURES: ((0.9, 0.67, 1.54, 0.86, 1.27, 0.91, 2.26, 2.3, 2.87, 1.81), -4.82),
}


def claim_similarity(a: Claim, b: Claim, weight: Mapping[str, float] | None = None) -> float:
    """Weighted Dice over content keys, or containment of the shorter claim in the longer.
    ``weight`` maps a key to its weight (story IDF); missing keys weigh 1. One pair of
    ``_key_dice``, which scores a whole story's claims at once."""
    return float(_key_dice([a, b], weight)[0, 1])


def story_idf(claims: Sequence[Claim]) -> dict[str, float]:
    """IDF of each key over the story's own claims: the names every sentence repeats ("Lohan",
    "Klitschko") say little about which fact a sentence reports; the rarer words do."""
    df: Counter[str] = Counter()
    for c in claims:
        df.update(c.keys)
    n = len(claims)
    return {k: math.log(1 + n / d) for k, d in df.items()}


def _key_dice(claims: Sequence[Claim], weight: Mapping[str, float] | None) -> np.ndarray:
    """Weighted Dice (or containment of the shorter claim) for every pair of claims at once,
    through a sparse claim-by-key matrix."""
    from scipy.sparse import csr_matrix

    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, c in enumerate(claims):
        for k in c.keys:
            rows.append(i)
            cols.append(vocab.setdefault(k, len(vocab)))
    n = len(claims)
    if not vocab:
        return np.zeros((n, n), dtype=np.float32)
    w = np.ones(len(vocab)) if weight is None else np.array([weight.get(k, 1.0) for k in vocab])
    keys = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, len(vocab)))
    shared = (keys.multiply(w) @ keys.T).toarray()
    mass = keys @ w
    sizes = np.asarray(keys.sum(axis=1)).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        dice = np.nan_to_num(2 * shared / (mass[:, None] + mass[None, :]))
        containment = np.nan_to_num(shared / np.minimum(mass[:, None], mass[None, :]))
    # a short claim fully inside a longer one (a rewrite that cut a clause) is still the same fact
    use = (np.minimum(sizes[:, None], sizes[None, :]) >= 4) & (containment >= CONTAINMENT_MIN_SHARE)
    return np.where(use, np.maximum(dice, 0.8 * containment), dice).astype(np.float32)


def _tfidf_cosine(texts: list[str], **vectorizer) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        m = TfidfVectorizer(sublinear_tf=True, **vectorizer).fit_transform(texts)
    except ValueError:  # nothing left after stop words: no similarity to speak of
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    return (m @ m.T).toarray().astype(np.float32)


def _mutual_best(sim: np.ndarray, article: np.ndarray) -> np.ndarray:
    """1 where each claim is the other's best-scoring claim in the other's article."""
    n = len(article)
    best = np.zeros((n, n), dtype=bool)
    rows = np.arange(n)
    for a in np.unique(article):
        cols = np.flatnonzero(article == a)
        pick = cols[np.argmax(sim[:, cols], axis=1)]
        hit = sim[rows, pick] > 0
        best[rows[hit], pick[hit]] = True
    return (best & best.T).astype(np.float32)


def pair_features(claims: Sequence[Claim], use_embeddings: bool = False
                  ) -> tuple[tuple[str, ...], list[np.ndarray]]:
    """Feature names and one claim-by-claim matrix per feature (pairs inside one article are
    scored too; callers ignore them). MiniLM features only when asked for and available."""
    texts = [c.text for c in claims]
    article = np.array([c.article_id for c in claims])
    idf_dice = _key_dice(claims, story_idf(claims))
    char = _tfidf_cosine(texts, analyzer="char_wb", ngram_range=(3, 5))
    pos = np.array([c.index == 0 for c in claims])
    nums = [set(c.numbers) for c in claims]
    shared_number = np.array([[bool(a & b) for b in nums] for a in nums], dtype=np.float32)
    # the context flags (mutual best, both ledes) count in proportion to the pair's own overlap:
    # as bare flags they made two unrelated one-line articles "the same fact"
    feats = [idf_dice, _key_dice(claims, None), _mutual_best(idf_dice, article) * idf_dice,
             (pos[:, None] & pos[None, :]) * idf_dice, shared_number,
             _tfidf_cosine(texts, stop_words="english"), char, _mutual_best(char, article) * char]
    if use_embeddings:
        from storydiff.embeddings import embed

        vecs = embed(texts)
        if vecs is not None:
            cos = (vecs @ vecs.T).astype(np.float32)
            return MINILM_FEATURES, [*feats, cos, _mutual_best(cos, article) * cos]
    return LEXICAL_FEATURES, feats


def claim_match_probabilities(claims: list[Claim], settings: FactSettings) -> tuple[np.ndarray, float]:
    """Claim-by-claim match score (0 inside one article) and the threshold it is cut at."""
    article = np.array([c.article_id for c in claims])
    if settings.scorer == "idf_dice":  # the previous scorer, kept as a benchmark baseline
        sim = _key_dice(claims, story_idf(claims) if settings.idf_weighting else None)
        threshold = settings.fact_threshold
    else:
        names, feats = pair_features(claims, settings.use_embeddings)
        coef, intercept = WEIGHTS[names]
        logit = np.full(feats[0].shape, intercept, dtype=np.float32)
        for w, f in zip(coef, feats):
            logit += w * f
        sim = 1 / (1 + np.exp(-logit))
        sim = (sim + sim.T) / 2
        threshold = settings.match_probability
    sim[article[:, None] == article[None, :]] = 0.0
    return sim, threshold


def _merge(claims: list[Claim], sim: np.ndarray, threshold: float) -> UnionFind:
    """Greedy agglomeration, best pair first: two claims' facts merge only when no article is in
    both, so a chain of loose matches cannot grow into one giant fact."""
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


def _attach_restatements(groups: list[list[int]], claims: list[Claim], sim: np.ndarray,
                         threshold: float) -> list[list[int]]:
    """A claim left alone joins the multi-article fact whose claims in other articles it matches
    best on average (at least ``threshold``): an article restating its own fact in other words.
    Only lone claims move, so no fact built by ``_merge`` is split."""
    shared = [g for g in groups if len({claims[k].article_id for k in g}) > 1]
    if not shared:
        return groups
    for g in [g for g in groups if len(g) == 1]:
        x = g[0]
        best, target = threshold, None
        for h in shared:
            others = [k for k in h if claims[k].article_id != claims[x].article_id]
            score = float(np.mean(sim[x, others]))
            if score >= best:
                best, target = score, h
        if target is not None:
            target.append(x)
            g.clear()
    return [g for g in groups if g]


def _conflicts(claims: Sequence[Claim], label: Callable[[str], str]) -> list[str]:
    """One line per unit in which the outlets' numbers contradict: "numbers differ: 14 people
    (Harbor Wire) vs 17 (Veyra Post)", each distinct value with the outlets that gave it."""
    sets: dict[str, set[str]] = {}
    for c in claims:
        if c.numbers:
            sets.setdefault(c.article_id, set(c.numbers))  # an article's first wording of the fact
    if len(sets) < 2:
        return []
    values = list(sets.values())
    if all(v == values[0] for v in values):
        return []
    if all(a <= b or b <= a for i, a in enumerate(values) for b in values[i + 1:]):
        return []  # each outlet gives a subset of another's numbers: none contradicts
    lines = []
    for by_article in _contradictions(claims):
        # each outlet's figures that some other outlet's figures do not allow: "17" against "14",
        # not the "78 votes" both print before their "62" and "61"
        disputed = {aid: [q for q in qs if not all(any(_overlap(q, o) for o in other)
                                                   for oid, other in by_article.items() if oid != aid)]
                    for aid, qs in by_article.items()}
        outlets_of: dict[tuple[float, ...], list[str]] = {}  # by value: "eight" and "Eight" are one
        wording: dict[tuple[float, ...], str] = {}
        for article_id, qs in disputed.items():
            qs = qs or by_article[article_id]
            key = tuple(sorted({q.value for q in qs}))
            wording.setdefault(key, ", ".join(dict.fromkeys(q.written for q in qs)))
            outlets_of.setdefault(key, [])
            if label(article_id) not in outlets_of[key]:
                outlets_of[key].append(label(article_id))
        lines.append("numbers differ: " + " vs ".join(f"{wording[k]} ({', '.join(o)})" for k, o in outlets_of.items()))
    return lines


def _overlap(a: Quantity, b: Quantity) -> bool:
    """Whether two figures can be the same: equal, or within a rounded figure's or a range's span."""
    return a.low <= b.high + 1e-9 and b.low <= a.high + 1e-9


def _allows(xs: Sequence[Quantity], ys: Sequence[Quantity]) -> bool:
    """Whether every figure in xs is one that ys allows (xs says less than ys, or the same)."""
    return all(any(_overlap(x, y) for y in ys) for x in xs)


def _contradictions(claims: Sequence[Claim]) -> list[dict[str, list[Quantity]]]:
    """For each unit in which two articles give figures that cannot be the same ("48 hours" and
    "two days" can; "about 200" and "213" can; "14" and "17" cannot), every article's figures in
    it (the first claim of each article), articles in claim order."""
    by_article: dict[str, dict[str, list[Quantity]]] = {}
    for c in claims:
        if c.quantities and c.article_id not in by_article:
            units: dict[str, list[Quantity]] = {}
            for q in c.quantities:
                units.setdefault(q.unit, []).append(q)
            by_article[c.article_id] = units
    tables = list(by_article.values())
    found: list[str] = []
    for i, a in enumerate(tables):
        for b in tables[i + 1:]:
            for unit in a.keys() & b.keys():
                if not (_allows(a[unit], b[unit]) or _allows(b[unit], a[unit])) and unit not in found:
                    found.append(unit)
    return [{aid: t[unit] for aid, t in by_article.items() if unit in t} for unit in found]


def align_claims(articles: Sequence[Article], settings: FactSettings | None = None) -> list[list[Claim]]:
    """The claims of ``articles`` grouped into facts (each group in story order); the claim-level
    view behind ``align_facts``, with offsets, for benchmarks and callers that need them. A fact
    may hold two claims of one article when the article restates it."""
    settings = settings or FactSettings()
    claims = [c for a in articles for c in article_claims(a.id, a.text or "", settings.min_claim_words, a.language)]
    if not claims:
        return []
    sim, threshold = claim_match_probabilities(claims, settings)
    uf = _merge(claims, sim, threshold)
    groups = [list(g) for g in uf.groups().values()]
    if settings.attach_restatements:
        groups = _attach_restatements(groups, claims, sim, threshold)
    order = {a.id: k for k, a in enumerate(articles)}
    out = [sorted((claims[k] for k in g), key=lambda c: (order[c.article_id], c.index)) for g in groups]
    out.sort(key=lambda g: (order[g[0].article_id], g[0].index))
    return out


def align_facts(articles: Sequence[Article], settings: FactSettings | None = None) -> list[Fact]:
    """Facts of a story in the order of the earliest article that reports each.
    ``articles`` must be in story order (earliest first)."""
    order = {a.id: k for k, a in enumerate(articles)}
    outlet = {a.id: a.outlet or a.id for a in articles}
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
            conflicts=_conflicts(members, outlet.__getitem__),
            first_article_id=ids[0],
        ))
    return facts
