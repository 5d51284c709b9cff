"""One story across languages: WMT news translations as a stream, and same-story pairs.

    python bench/crosslingual.py             # wmt-dev streams (held out by year), `compare`
    python bench/crosslingual.py --fit       # fit the cross-language scorer, write its weights
    python bench/crosslingual.py --pairs     # SemEval / tgcontest pairs through `same-story`

**Streams** (`../shared/data/crosslingual/wmt-dev/docs.jsonl`): every English document with its
Russian (and for 2022 Ukrainian) translation is one story; the rows go to the clusterer without
titles or dates, their language detected. Orders: each document followed by its translations;
the languages in blocks (all English, then all Russian, then Ukrainian: every translation has
to find its story across languages); all languages mixed and shuffled (5 seeds, mean). B3
against the documents (the task's gold) and against stories (three WMT21 documents report the
UK's quarantine for travellers from Spain: one story, as the data's README warns).

**Held out by year**: the cross-language scorer (match/multilingual.py, 3 features) and its
join threshold are fitted on one year's documents and scored on the other's, both ways; the
shipped weights are fitted on both years. `--fit` prints the per-year fits and writes the
shipped one. Teacher rows: each year replayed in 5 shuffled orders with the gold stories, every
article described against the candidate stories in other languages the clusterer would score.

The multilingual model's cost is shown as the number of ledes it read per article and its
time; its vectors are memoised by text inside this script only (the orders reuse them).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

from storydiff.match import MatchDoc, OnlineClusterer, prepare
from storydiff.match import multilingual as ml
from storydiff.match.scorer import LinearScorer, fit
from storydiff.settings import MatchSettings

sys.path.insert(0, str(Path(__file__).parent))
from clustering import ari, bcubed

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WMT = DATA / "crosslingual" / "wmt-dev" / "docs.jsonl"
# WMT21 documents of one story (the data's README): one story in the story gold
SAME_STORY = {
    "wmt21.standard.co.uk.57834": "wmt21.spain-quarantine",
    "wmt21.bbc.500823": "wmt21.spain-quarantine",
    "wmt21.express.co.uk.44069": "wmt21.spain-quarantine",
}
SEEDS = range(5)
THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]

_memo: dict[str, np.ndarray] = {}
_embed_time = [0.0]


def _memo_embed(texts):
    from storydiff.embeddings import embed_multilingual

    todo = [t for t in dict.fromkeys(texts) if t not in _memo]
    if todo:
        t0 = time.perf_counter()
        vecs = embed_multilingual(todo)
        _embed_time[0] += time.perf_counter() - t0
        if vecs is None:
            return None
        _memo.update(zip(todo, vecs))
    return np.stack([_memo[t] for t in texts])


ml.embed_ledes = _memo_embed  # this script only: the orders and folds reuse each lede's vector


def load(path: Path = WMT) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def doc_of(r: dict) -> MatchDoc:
    return MatchDoc(f"{r['doc_id']}/{r['lang']}", r["text"])


def orders(rows: list[dict]) -> dict[str, list[list[dict]]]:
    by_doc: dict[str, list[dict]] = {}
    for r in rows:
        by_doc.setdefault(r["doc_id"], []).append(r)
    lang_rank = {"en": 0, "ru": 1, "uk": 2}
    story = [r for d in by_doc.values() for r in sorted(d, key=lambda r: lang_rank[r["lang"]])]
    blocks = sorted(rows, key=lambda r: lang_rank[r["lang"]])
    return {
        "each document, then its translations": [story],
        "languages in blocks (en, ru, uk)": [blocks],
        "all languages mixed and shuffled (5 seeds)": [random.Random(s).sample(rows, len(rows)) for s in SEEDS],
    }


def cluster_rows(seq: list[dict], settings: MatchSettings, cross: LinearScorer | None) -> tuple[list[str], int]:
    c = OnlineClusterer(settings, cross_scorer=cross)
    sids = [c.add(doc_of(r)) for r in seq]
    return [c.resolve(s) for s in sids], c.embedded


def score(seq: list[dict], pred: list[str]) -> tuple[float, ...]:
    docs = [r["doc_id"] for r in seq]
    stories = [SAME_STORY.get(d, d) for d in docs]
    return (*bcubed(pred, docs), ari(pred, docs), bcubed(pred, stories)[2])


# -- fitting ------------------------------------------------------------------------------
def teacher_rows(rows: list[dict], settings: MatchSettings) -> tuple[np.ndarray, np.ndarray]:
    """Cross-language candidate features and labels, replaying shuffled orders with gold stories."""
    zeros = (0.0,) * len(ml.FEATURES)
    probe = LinearScorer(ml.FEATURES, zeros, (1.0,) * len(ml.FEATURES), zeros, 0.0)
    xs, ys = [], []
    for seed in SEEDS:
        c = OnlineClusterer(settings, cross_scorer=probe)
        story_of: dict[str, object] = {}
        gold_of: dict[int, str] = {}
        for r in random.Random(seed).sample(rows, len(rows)):
            g = SAME_STORY.get(r["doc_id"], r["doc_id"])
            d = c._new_doc(prepare(doc_of(r)))
            for f, s in c.cross_candidates(d):
                xs.append(f)
                ys.append(int(gold_of[s.key] == g))
            s = story_of.get(g)
            if s is None:
                s = story_of[g] = c._open_story(d, g)
                gold_of[s.key] = g
            c._attach(d, s)
            d.vecs = None
    return np.array(xs), np.array(ys)


def fit_year(rows: list[dict], settings: MatchSettings) -> tuple[LinearScorer, float, np.ndarray]:
    """The scorer fitted on ``rows``, the join threshold with the best mean B3-F1 (doc gold)
    over their orders, and the teacher labels."""
    x, y = teacher_rows(rows, settings)
    scorer = fit(x, y, ml.FEATURES)
    best = None
    for th in THRESHOLDS:
        s = replace(settings, cross_threshold=th)
        f1s = [score(seq, cluster_rows(seq, s, scorer)[0])[2] for seqs in orders(rows).values() for seq in seqs]
        if best is None or np.mean(f1s) > best[1]:
            best = (th, float(np.mean(f1s)))
    return scorer, best[0], y


def fit_main(rows: list[dict]) -> None:
    base = MatchSettings()
    print("## Cross-language scorer fits\n")
    print("| fitted on | teacher rows (same story) | weights (standardised: cos_e5, key_cover, key_shared) | threshold |")
    print("|---|---:|---|---:|")
    for name, part in (*((str(y), [r for r in rows if r["year"] == y]) for y in (2021, 2022)), ("both years", rows)):
        scorer, th, y = fit_year(part, base)
        print(f"| {name} | {len(y)} ({y.sum()}) | {np.round(scorer.coef, 2).tolist()} + {scorer.intercept:.2f} | {th} |",
              flush=True)
    ml.WEIGHTS.write_text(scorer.to_json(
        trained_on="wmt-dev 2021 + 2022, 5 shuffled orders each (bench/crosslingual.py --fit)", threshold=th))
    print(f"\nwrote {ml.WEIGHTS} (threshold {th}; MatchSettings.cross_threshold must say the same)")


# -- streams --------------------------------------------------------------------------------
def streams_main(rows: list[dict], skip_compare: bool) -> None:
    base = MatchSettings()
    years = {y: [r for r in rows if r["year"] == y] for y in (2021, 2022)}
    fitted = {y: fit_year(part, base) for y, part in years.items()}
    print("## wmt-dev as a stream: B3 against documents (and against stories)\n")
    print("| year (rows) | order | scorer | B3 P | B3 R | B3 F1 | ARI | B3 F1, story gold | ledes embedded / article |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for year, part in years.items():
        other = 2022 if year == 2021 else 2021
        scorer, th, _ = fitted[other]
        for oname, seqs in orders(part).items():
            for label, s, sc in (
                (f"fitted on {other} (held out), threshold {th}", replace(base, cross_threshold=th), scorer),
                ("shipped (`cluster` defaults)", base, None),
                ("lexical only (before)", replace(base, cross_language=False), None),
            ):
                res, emb = [], 0
                for seq in seqs:
                    pred, n = cluster_rows(seq, s, sc)
                    res.append(score(seq, pred))
                    emb += n
                m = np.mean(res, axis=0)
                print(f"| {year} ({len(part)}) | {oname} | {label} | {m[0]:.3f} | {m[1]:.3f} | {m[2]:.3f} | {m[3]:.3f} "
                      f"| {m[4]:.3f} | {emb / (len(part) * len(seqs)):.2f} |", flush=True)
    print()
    if not skip_compare:
        compare_table(rows)


def compare_table(rows: list[dict]) -> None:
    """`storydiff compare` (pipeline.compare_paths) over the rows as a JSONL export: extraction,
    language detection, analysis and grouping, all years and languages, shuffled."""
    from storydiff.pipeline import compare_paths

    print("## `compare` over wmt-dev (all 229 rows, one JSONL export, shuffled)\n")
    print("| seed | stories | B3 P | B3 R | B3 F1 | ARI | B3 F1, story gold | seconds |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for seed in (0, 1):
        seq = random.Random(seed).sample(rows, len(rows))
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "wmt.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for r in seq:
                    f.write(json.dumps({"id": f"{r['doc_id']}/{r['lang']}", "text": r["text"]}, ensure_ascii=False) + "\n")
            t0 = time.perf_counter()
            result = compare_paths([str(path)])
            dt = time.perf_counter() - t0
        story_of = {aid: s.id for s in result.stories for aid in s.article_ids}
        pred = [story_of.get(f"{r['doc_id']}/{r['lang']}", "missing") for r in seq]
        m = score(seq, pred)
        print(f"| {seed} | {len(result.stories)} | {m[0]:.3f} | {m[1]:.3f} | {m[2]:.3f} | {m[3]:.3f} | {m[4]:.3f} | {dt:.0f} |",
              flush=True)
    print()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wmt", type=Path, default=WMT)
    ap.add_argument("--fit", action="store_true", help="fit the cross-language scorer and write its weights")
    ap.add_argument("--no-compare", action="store_true", help="streams: skip the `compare` table")
    args = ap.parse_args()
    if not args.wmt.exists():
        sys.exit(f"no wmt-dev data at {args.wmt}")
    rows = load(args.wmt)
    t0 = time.perf_counter()
    if args.fit:
        fit_main(rows)
    else:
        streams_main(rows, args.no_compare)
    print(f"multilingual model: {len(_memo)} distinct ledes embedded in {_embed_time[0]:.0f} s "
          f"({len(_memo) / max(_embed_time[0], 1e-9):.1f}/s); whole run {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
