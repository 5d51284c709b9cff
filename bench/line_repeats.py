"""Page text (no HTML): the lines a page repeats, and a learned filter of kept lines (round 20).

``nice -n 10 python bench/line_repeats.py`` (add ``--learned`` for the second table, ~10 min on the
busy 2-core box). Data: ``../shared/data/extraction/{aeb,wcxb-dev,fundus-tests}-lines/``. The
shipped line model's flags for each page alone (clean_page_text's steps after the model, as
``line_loco.finish`` takes them; before ``drop_near_repeats``) are the starting point.

1. ``drop_near_repeats(within)``: a kept line whose normalised text already stood at most
   ``within`` lines above it is dropped. ``within`` is chosen on aeb + wcxb (the highest mean line-F1
   change over the two with no page newly lost) and fundus is scored with that choice; wcxb is
   also shown by its two halves by site (``extraction_corpora.site_half``).
2. ``--learned``: a boosted-tree filter of the kept lines (language-independent features of the
   line against its page: how often and how near the page repeats it, its length, capitals and
   sentence end, the model's score, where it lies against the kept sentences, how list-like the page's kept
   lines are) fitted leave-one-corpus-out: for each corpus the filter is fitted on the kept lines
   of the other two (each corpus weighing the same), its threshold chosen on their out-of-fold
   scores (3 folds by site) by the mean, or by the worse, of the two corpora's line-F1 change
   minus lost-share change; every row of that table is held out (the aeb row's flags come from a
   line model fitted on aeb, its filter from wcxb + fundus).

Finally the shipped ``clean_page_text`` is checked against "flags, then drop_near_repeats" on a
sample of pages of each corpus. Nothing from the pages is stored in the repository.
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter

import numpy as np
from extraction_corpora import CORPORA, site_half
from extraction_pagetext import line_scores
from line_loco import _cached_shipped, _n_shape, load_data
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from storydiff.extract import pagetext
from storydiff.extract.line_features import normalise_line
from storydiff.extract.line_model import load_models
from storydiff.settings import ExtractSettings

WITHIN_GRID = (0, 1, 2, 3, 4, 6)
FILTER_GB = dict(max_iter=80, learning_rate=0.15, max_leaf_nodes=15, min_samples_leaf=40, l2_regularization=1.0,
                 random_state=0)
THRESHOLDS = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
_SENTENCE_END_ANY = re.compile(r"[.!?…。！？][\"'”’»)」』]?\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _cell(s: dict) -> str:
    return f"{s['P']:.3f} / {s['R']:.3f} / **{s['F1']:.4f}** ({s['lost pages']})"


def repeats_table(data: dict, flags: dict[str, list[list[bool]]]) -> int:
    parts = {"aeb": data["pages"]["aeb"]}
    for half in ("dev", "held-out"):
        parts[f"wcxb {half}"] = [p for p in data["pages"]["wcxb"] if site_half(p["group"]) == half]
    parts["wcxb"] = data["pages"]["wcxb"]
    parts["fundus"] = data["pages"]["fundus"]
    index = {c: {id(p): i for i, p in enumerate(data["pages"][c])} for c in CORPORA}
    scores = {}
    for within in WITHIN_GRID:
        for name, pages in parts.items():
            corpus = name.split()[0]
            got = [pagetext.drop_near_repeats(p["lines"], flags[corpus][index[corpus][id(p)]], within) for p in pages]
            scores[within, name] = line_scores(pages, got)

    def gain(within: int) -> tuple[bool, float]:
        lost = sum(scores[within, c]["lost pages"] - scores[0, c]["lost pages"] for c in ("aeb", "wcxb"))
        return lost <= 0, np.mean([scores[within, c]["F1"] - scores[0, c]["F1"] for c in ("aeb", "wcxb")])

    chosen = max(WITHIN_GRID, key=gain)
    print("\nA kept line dropped when its text stood at most `within` lines above it: line P / R / F1 (lost pages)\n")
    print("| within | " + " | ".join(parts) + " |")
    print("|---|" + "---:|" * len(parts))
    for within in WITHIN_GRID:
        mark = " (chosen on aeb + wcxb)" if within == chosen else ""
        print(f"| {within}{mark} | " + " | ".join(_cell(scores[within, n]) for n in parts) + " |")
    print(f"\nchosen on aeb + wcxb: within = {chosen}; fundus {scores[0, 'fundus']['F1']:.4f} -> "
          f"{scores[chosen, 'fundus']['F1']:.4f}", flush=True)
    return chosen


def kept_line_features(lines: list[str], kept: np.ndarray, p2: np.ndarray) -> np.ndarray:
    """Features of every line against its page and the model's kept lines (language-independent)."""
    n = len(lines)
    stripped = [line.strip() for line in lines]
    norms = [normalise_line(s) for s in stripped]
    count = Counter(x for x in norms if x)
    kept_count = Counter(x for x, k in zip(norms, kept) if k and x)
    units = np.array([len(s.split()) + len(_CJK.findall(s)) / 2 for s in stripped], dtype=float)
    sentence_end = np.array([bool(_SENTENCE_END_ANY.search(s)) for s in stripped], dtype=float)
    prose = (sentence_end > 0) & (units >= 8)
    rep = np.array([count[x] if x else 0 for x in norms], dtype=float)
    rep_kept = np.array([kept_count[x] if x else 0 for x in norms], dtype=float)
    first = np.zeros(n)
    gap = np.full(n, 1000.0)
    last_at: dict[str, int] = {}
    for i, x in enumerate(norms):
        if not x:
            continue
        if x in last_at:
            g = i - last_at[x]
            gap[i] = min(gap[i], g)
            gap[last_at[x]] = min(gap[last_at[x]], g)
        else:
            first[i] = 1
        last_at[x] = i
    K = np.flatnonzero(kept)
    nk = max(len(K), 1)
    kept_prose = np.flatnonzero(kept & prose)
    idx = np.arange(n)
    if len(kept_prose):
        pos = np.searchsorted(kept_prose, idx)
        above = np.where(pos > 0, idx - kept_prose[np.clip(pos - 1, 0, None)], 1000)
        pos = np.searchsorted(kept_prose, idx, side="right")
        below = np.where(pos < len(kept_prose), kept_prose[np.clip(pos, 0, len(kept_prose) - 1)] - idx, 1000)
        before_first, after_last = idx < kept_prose[0], idx > kept_prose[-1]
    else:
        above = below = np.full(n, 1000)
        before_first = after_last = np.ones(n, dtype=bool)
    kept_rank = np.zeros(n)
    kept_rank[K] = np.arange(len(K)) / nk
    short = (units <= 3) & (sentence_end == 0)
    prev_prose, next_prose = np.zeros(n), np.zeros(n)
    for a, b in zip(K[:-1], K[1:]):
        next_prose[a], prev_prose[b] = prose[b], prose[a]
    repeated = (rep > 1).astype(float)
    cum = np.concatenate([[0], np.cumsum(repeated)])
    window = (cum[np.clip(idx + 4, 0, n)] - cum[np.clip(idx - 3, 0, n)]) / 7
    page = [(rep[K] > 1).mean() if len(K) else 0, len({norms[i] for i in K if rep[i] > 1}) / nk,
            prose[K].mean() if len(K) else 0, short[K].mean() if len(K) else 0, np.log1p(nk), len(K) / max(n, 1),
            np.log1p(len({x for x in norms if x and count[x] > 1}))]
    max_rep = max(count.values()) if count else 0
    return np.column_stack([
        np.log1p(rep), np.log1p(rep_kept), first, np.log1p(gap), np.log1p(units), np.log1p([len(s) for s in stripped]),
        sentence_end, prose, p2, p2 - (p2[K].mean() if len(K) else 0), np.log1p(above), np.log1p(below),
        before_first, after_last, kept_rank, *[np.full(n, v) for v in page],
        [sum(ch.isdigit() for ch in s) / max(len(s), 1) for s in stripped],
        [s.endswith(":") for s in stripped],
        [sum(w[:1].isupper() for w in s.split()) / max(len(s.split()), 1) for s in stripped],
        prev_prose, next_prose, short, window, np.log1p(rep) - np.log1p(max_rep),
        np.array([rep_kept[i] / rep[i] if rep[i] else 0 for i in range(n)]),
    ]).astype(float)


def _line_scores(data: dict) -> dict[str, list[np.ndarray]]:
    """The shipped model's stage-two line scores (page alone), from the cached features."""
    models = load_models()
    out = {}
    for c in CORPORA:
        out[c] = []
        for x in data["X"][c]:
            base = x[:, : -_n_shape()]
            out[c].append((pagetext._two_stage(models, "", base) + pagetext._two_stage(models, "single_", base)) / 2)
    return out


def learned_table(data: dict, flags: dict[str, list[list[bool]]]) -> None:
    probs = _line_scores(data)
    rows = {}  # corpus -> per page (kept indexes, features of kept lines, labels of kept lines)
    for c in CORPORA:
        rows[c] = []
        for p, f, pr in zip(data["pages"][c], flags[c], probs[c]):
            kept = np.asarray(f, dtype=bool)
            K = np.flatnonzero(kept)
            rows[c].append((K, kept_line_features(p["lines"], kept, pr)[K], np.asarray(p["labels"])[K]))

    def filtered(c, scores, t):
        out = []
        for f, (K, _, _), s in zip(flags[c], rows[c], scores):
            g = np.asarray(f, dtype=bool).copy()
            g[K[s < t]] = False
            out.append(g)
        return line_scores(data["pages"][c], out)

    def fit(items):
        lines = Counter()
        for c, i in items:
            lines[c] += len(rows[c][i][2])
        mean = np.mean(list(lines.values()))
        X = np.vstack([rows[c][i][1] for c, i in items])
        y = np.concatenate([rows[c][i][2] for c, i in items])
        w = np.concatenate([np.full(len(rows[c][i][2]), mean / lines[c]) for c, i in items])
        return HistGradientBoostingClassifier(**FILTER_GB).fit(X, y, sample_weight=w)

    def predict(model, X):
        return model.predict_proba(X)[:, 1] if len(X) else np.zeros(0)

    print("\nA learned filter of the kept lines, leave-one-corpus-out (every row held out): line P / R / F1 (lost pages)\n")
    print("| held out (fitted on) | shipped flags | threshold by the mean of the training corpora's gains | "
          "by the worse training corpus | every threshold (F1 / lost pages) |")
    print("|---|---:|---:|---:|---|")
    for held in ("fundus", "wcxb", "aeb"):
        t0 = time.time()
        train = [c for c in CORPORA if c != held]
        items = [(c, i) for c in train for i in range(len(rows[c]))]
        groups = [f"{c}:{data['pages'][c][i]['group']}" for c, i in items]
        oof = {c: [None] * len(rows[c]) for c in train}
        for a, b in GroupKFold(3).split(items, groups=groups):
            model = fit([items[j] for j in a])
            for j in b:
                c, i = items[j]
                oof[c][i] = predict(model, rows[c][i][1])
        base = {c: filtered(c, oof[c], -1) for c in train}
        gains = {t: [(s["F1"] - base[c]["F1"]) - (s["lost"] - base[c]["lost"])
                     for c in train for s in [filtered(c, oof[c], t)]] for t in THRESHOLDS}
        by_mean = max(THRESHOLDS, key=lambda t: np.mean(gains[t]))
        by_worst = max(THRESHOLDS, key=lambda t: (min(gains[t]), -t))
        model = fit(items)
        scores = [predict(model, X) for _, X, _ in rows[held]]
        every = " ".join(f"{t}: {s['F1']:.4f} / {s['lost pages']}" for t in THRESHOLDS
                         for s in [filtered(held, scores, t)])
        print(f"| {held} ({' + '.join(train)}) | {_cell(filtered(held, scores, -1))} | "
              f"t={by_mean}: {_cell(filtered(held, scores, by_mean))} | t={by_worst}: "
              f"{_cell(filtered(held, scores, by_worst))} | {every} |", flush=True)
        print(f"<!-- {held}: {time.time() - t0:.0f} s -->", flush=True)


def check_shipped(data: dict, flags: dict[str, list[list[bool]]], within: int, per_corpus: int = 15) -> None:
    """clean_page_text (page alone, the shipped settings) against the table's flags + drop_near_repeats."""
    settings = ExtractSettings(page_repeat_within=within)
    same = total = 0
    for c in CORPORA:
        for i in range(0, len(data["pages"][c]), max(1, len(data["pages"][c]) // per_corpus)):
            p = data["pages"][c][i]
            want = pagetext.drop_near_repeats(p["lines"], flags[c][i], within)
            got = pagetext.clean_page_text("\n".join(p["lines"]), settings=settings).kept
            same += list(map(bool, got)) == list(map(bool, want))
            total += 1
    print(f"\nclean_page_text equals the table's flags + drop_near_repeats({within}) on {same} of {total} pages",
          flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learned", action="store_true", help="also the leave-one-corpus-out learned filter")
    args = parser.parse_args()
    data = load_data()
    flags = {c: _cached_shipped(c, data) for c in CORPORA}
    within = repeats_table(data, flags)
    check_shipped(data, flags, within)
    if args.learned:
        learned_table(data, flags)


if __name__ == "__main__":
    main()
