"""Pairwise same-story score: storydiff.match.similarity against a TF-IDF cosine anchor.

SemEval-2022 Task 8 pairs: Pearson |r| of the score with ``overall`` (1 = same, 4 = different,
so r is negative), English-English and all pairs. tgcontest pairs: F1 of OK (same story) at
the best threshold on the same data (optimistic for both columns alike) and at 0.5.

    python bench/pairs.py [--data /work/shared/data/stories]
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    sem = args.data / "semeval2022-pairs.jsonl"
    tg = args.data / "tgcontest-pairs"
    if not sem.exists() and not tg.exists():
        sys.exit(f"no evaluation data under {args.data}")
    if sem.exists():
        semeval(sem)
    if tg.exists():
        tgcontest(tg)


if __name__ == "__main__":
    main()
