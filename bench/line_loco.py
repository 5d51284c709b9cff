"""Page text (no HTML): the line model trained leave-one-corpus-out, beside the shipped one.

``nice -n 10 python bench/line_loco.py`` (round 19). For each of the three line corpora (aeb,
wcxb-dev, fundus-tests) a two-stage line model is fitted on the OTHER two and scores this one,
page alone; the decoder's settings are chosen on the two training corpora's out-of-fold scores
(inner folds by site), so no number touching a scored page was fitted or tuned on its corpus.
Every variant goes through the same steps after the model as ``clean_page_text`` (the line
rules, ``keep_prose_runs`` with the shipped settings, the headline, page_chrome's rules), and the
shipped model (fitted on aeb alone) is scored by the same code beside it (its flags are checked
against ``clean_page_text``'s on a sample). Variants:

- ``base``: the shipped features (``line_features``), corpora weighted equally (each training
  corpus's lines sum to the same weight; wcxb has 12x aeb's lines);
- ``base+li``: plus language-independent features of the line's place in its page
  (``page_shape_features`` below: the share of the line's words among the page's own most common
  words in its long lines, i.e. the function words of whatever language the page is in; its
  length against the page's median and rank; sentence ends in CJK scripts; the runs of prose lines
  and the line's distance to the page's largest one), same weighting;
- ``base+li, unweighted``: the lines of the two corpora as they come.

Features and fold scores are cached under ``$STORYDIFF_BENCH_CACHE/line_loco``. Nothing from the
pages is stored in the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import math
import re
import time
from collections import Counter

import numpy as np
from extraction_corpora import CACHE, CORPORA, code_hash, line_pages
from extraction_pagetext import line_scores
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.model_selection import GroupKFold

from storydiff.extract import pagetext
from storydiff.extract.line_features import _window_mean, boundary_features, context_features, line_features
from storydiff.extract.line_model import load_models
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.page_chrome import chrome_kind
from storydiff.settings import ExtractSettings

SHIPPED = ExtractSettings()
# Fewer, larger steps than line_train's 120 at 0.12: the busy 2-core box fits 18 of these per variant.
GB_PARAMS = dict(max_iter=80, learning_rate=0.15, max_leaf_nodes=31, min_samples_leaf=20, l2_regularization=1.0,
                 random_state=0)
INNER_FOLDS = 2
# wcxb's pages in a training set: every other one (by id), to fit in the busy box's time; the
# corpora are weighted equally anyway. Scoring always reads every page.
TRAIN_EVERY = {"aeb": 1, "wcxb": 3, "fundus": 1}
# span_decode's grid (the shipped decoder's shape), chosen per fold on the training corpora's out-of-fold scores.
DECODER_GRID = [{"threshold": 0.5, "span_cost": c, "inside_threshold": i, "outside_threshold": o}
                for c in (0.15, 0.25, 0.35, 0.5) for i in (0.05, 0.1, 0.2, 0.3) for o in (0.5, 0.7, 0.9)]
OUT = CACHE / "line_loco"

_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_END_ANY = re.compile(r"[.!?…。！？][\"'”’»)」』]?\s*$")
PAGE_SHAPE_NAMES = ["func_ratio", "log_rel_chars", "len_rank", "cjk_share", "log_units", "sentence_end_any",
                    "prose_like", "run_share", "log_run_lines", "in_main_run", "log_dist_main_run", "main_run_share"]
_SHAPE_WINDOWED = ["func_ratio", "log_rel_chars", "prose_like"]


def page_shape_features(lines: list[str]) -> np.ndarray:
    """Language-independent features of each line against its own page (see the module's doc)."""
    n = len(lines)
    stripped = [line.strip() for line in lines]
    chars = np.array([len(s) for s in stripped], dtype=float)
    cjk = np.array([len(_CJK.findall(s)) for s in stripped], dtype=float)
    tokens = [[w for w in _WORD.findall(s.lower()) if not w.isdigit()] for s in stripped]
    # The page's function words: the words in the most of its long lines (any language with spaces).
    df = Counter()
    for t in tokens:
        if len(t) >= 6:
            df.update(set(t))
    func = {w for w, c in df.most_common(30) if c >= 3}
    func_ratio = np.array([sum(w in func for w in t) / len(t) if t else 0.0 for t in tokens])
    nonempty = chars > 0
    median = float(np.median(chars[nonempty])) if nonempty.any() else 1.0
    log_rel = np.log((chars + 1) / (median + 1))
    order = np.argsort(np.argsort(chars))
    len_rank = order / max(n - 1, 1)
    units = np.array([len(t) for t in tokens], dtype=float) + cjk / 2
    sent = np.array([bool(_SENTENCE_END_ANY.search(s)) for s in stripped], dtype=float)
    prose = (sent > 0) & (units >= 8)
    run_share = np.zeros(n)
    run_lines = np.zeros(n)
    in_main = np.zeros(n)
    dist_main = np.full(n, math.log1p(n))
    main_share = 0.0
    at = np.flatnonzero(prose)
    if len(at):
        breaks = np.flatnonzero(np.diff(at) > 3)
        runs = list(zip(at[np.concatenate([[0], breaks + 1])], at[np.concatenate([breaks, [len(at) - 1]])]))
        total = chars[prose].sum()
        sizes = [chars[a:b + 1][prose[a:b + 1]].sum() / total for a, b in runs]
        for (a, b), share in zip(runs, sizes):
            run_share[a:b + 1] = share
            run_lines[a:b + 1] = prose[a:b + 1].sum()
        k = int(np.argmax(sizes))
        a, b = runs[k]
        main_share = sizes[k]
        in_main[a:b + 1] = 1
        idx = np.arange(n)
        dist_main = np.log1p(np.where(idx < a, a - idx, np.where(idx > b, idx - b, 0)))
    base = np.column_stack([func_ratio, log_rel, len_rank, cjk / np.maximum(chars, 1), np.log1p(units), sent,
                            prose, run_share, np.log1p(run_lines), in_main, dist_main, np.full(n, main_share)])
    windowed = base[:, [PAGE_SHAPE_NAMES.index(name) for name in _SHAPE_WINDOWED]]
    parts = [base] + [_window_mean(windowed, w) for w in (2, 5)]
    for k in (1, -1):
        shifted = np.zeros_like(windowed)
        if k > 0:
            shifted[k:] = windowed[:-k]
        else:
            shifted[:k] = windowed[-k:]
        parts.append(shifted)
    return np.hstack(parts)


def _source_hash(*functions) -> str:
    """A short hash of these functions' source: the cache keys change only when what they compute does."""
    return hashlib.sha1("".join(inspect.getsource(f) for f in functions).encode()).hexdigest()[:6]


def features(corpus: str, pages: list[dict]) -> list[np.ndarray]:
    """Per page, [line_features (alone) | page_shape_features] (cached)."""
    key = code_hash("extract/line_features.py", "extract/line_sections.py") + _source_hash(page_shape_features)
    path = OUT / f"X-{corpus}-{key}.npz"
    if path.exists():
        data = np.load(path)
        return [data[str(i)] for i in range(len(pages))]
    out = [np.hstack([line_features(p["lines"]), page_shape_features(p["lines"])]) for p in pages]
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, **{str(i): x for i, x in enumerate(out)})
    return out


_PREP: dict[int, tuple] = {}


def _prep(lines: list[str]) -> tuple:
    """What finish reads of a page that does not depend on the flags (computed once per page)."""
    key = id(lines)
    if key not in _PREP:
        ok = np.array([bool(line.strip()) and boilerplate_kind(line) is None for line in lines], dtype=bool)
        clean = pagetext._is_clean_text(lines)
        sentence = np.array([clean and pagetext._sentence_line(line) for line in lines], dtype=bool)
        chrome_ok = np.array([chrome_kind(line) is None for line in lines], dtype=bool)
        _PREP[key] = (ok, sentence, pagetext.prose_mask(lines), chrome_ok)
    return _PREP[key]


def finish(lines: list[str], flags, title: bool = True) -> list[bool]:
    """clean_page_text's steps after the model's flags (page alone, no siblings); ``title=False``
    skips the headline's removal (a line or two a page; the decoder's grid search runs without it)."""
    ok, sentence, mask, chrome_ok = _prep(lines)
    kept = (np.asarray(flags, dtype=bool) | sentence) & ok
    kept = pagetext.keep_prose_runs(lines, kept.tolist(), set(), SHIPPED, mask=mask)
    if title:
        found = pagetext.find_title(lines, kept)
        if found is not None:
            norm = pagetext.normalise_line(found)
            kept = [k and pagetext.normalise_line(line) != norm for k, line in zip(kept, lines)]
    return (np.asarray(kept, dtype=bool) & chrome_ok).tolist()


def shipped_flags(pages: list[dict], X: list[np.ndarray]) -> list[list[bool]]:
    """The shipped model's body_flags for pages alone, from the cached features."""
    models = load_models()
    meta = models["_meta"]
    out = []
    for p, x in zip(pages, X):
        base = x[:, : -_n_shape()]
        p2 = (pagetext._two_stage(models, "", base) + pagetext._two_stage(models, "single_", base)) / 2
        B = boundary_features(p2, base)
        flags = pagetext.boundary_decode(p2, models["start"].proba(B), models["end"].proba(B), meta["boundary_decoder"])
        out.append(finish(p["lines"], flags))
    return out


def _cached_shipped(corpus: str, data: dict) -> list[list[bool]]:
    key = code_hash("extract/line_weights.json", "extract/line_features.py", "extract/line_sections.py")
    path = OUT / f"shipped-{corpus}-{key}-{data['key']}.npz"
    if path.exists():
        return [list(f) for f in np.load(path, allow_pickle=True)["flags"]]
    flags = shipped_flags(data["pages"][corpus], data["X"][corpus])
    np.savez_compressed(path, flags=np.array([np.array(f, dtype=bool) for f in flags], dtype=object))
    return flags


def _n_shape() -> int:
    return len(PAGE_SHAPE_NAMES) + len(_SHAPE_WINDOWED) * 4


def _weights(pages: list[dict], balanced: bool) -> np.ndarray:
    lines = Counter()
    for p in pages:
        lines[p["corpus"]] += len(p["lines"])
    mean = sum(lines.values()) / len(lines)
    return np.concatenate([np.full(len(p["lines"]), mean / lines[p["corpus"]] if balanced else 1.0) for p in pages])


def _fit(X, y, w):
    return HistGradientBoostingClassifier(**GB_PARAMS).fit(X, y, sample_weight=w)


def fit_fold(train: list[dict], Xs: list[np.ndarray], balanced: bool):
    """(stage1, stage2, out-of-fold stage-two scores of ``train``): inner folds by site."""
    y = np.concatenate([p["y"] for p in train])
    w = _weights(train, balanced)
    bounds = np.cumsum([0] + [len(x) for x in Xs])
    X = np.vstack(Xs)
    groups = [f"{p['corpus']}:{p['group']}" for p in train]
    splits = list(GroupKFold(INNER_FOLDS).split(train, groups=groups))

    def rows(idx):
        return np.concatenate([np.arange(bounds[i], bounds[i + 1]) for i in idx])

    stage1 = _fit(X, y, w)
    oof1 = [None] * len(train)
    for tr, te in splits:
        r = rows(tr)
        inner = _fit(X[r], y[r], w[r])
        for i in te:
            oof1[i] = inner.predict_proba(Xs[i])[:, 1]
    X2s = [np.hstack([x, context_features(o)]) for x, o in zip(Xs, oof1)]
    X2 = np.vstack(X2s)
    stage2 = _fit(X2, y, w)
    oof2 = [None] * len(train)
    for tr, te in splits:
        r = rows(tr)
        inner = _fit(X2[r], y[r], w[r])
        for i in te:
            oof2[i] = inner.predict_proba(X2s[i])[:, 1]
    return stage1, stage2, oof2


def choose_decoder(train: list[dict], probs: list[np.ndarray]) -> dict:
    """The grid point with the best mean over the training corpora of (line F1 - lost share), on
    out-of-fold scores, after the steps clean_page_text takes."""
    corpora = sorted({p["corpus"] for p in train})

    def score(d):
        flags = [finish(p["lines"], pagetext.span_decode(pr, d), title=False) for p, pr in zip(train, probs)]
        total = 0.0
        for c in corpora:
            idx = [i for i, p in enumerate(train) if p["corpus"] == c]
            s = line_scores([train[i] for i in idx], [flags[i] for i in idx])
            total += s["F1"] - s["lost"]
        return total / len(corpora)

    return max(DECODER_GRID, key=score)


def run_variant(name: str, columns: slice | None, balanced: bool, data: dict,
                held_out: tuple[str, ...] = CORPORA) -> dict[str, list[list[bool]]]:
    out = {}
    for held in held_out:
        tag = f"{name.replace(' ', '_').replace(',', '').replace('+', 'p')}-{held}"
        path = OUT / f"flags-{tag}-{data['key']}.npz"
        pages = data["pages"][held]
        if path.exists():
            saved = np.load(path, allow_pickle=True)
            out[held] = [list(f) for f in saved["flags"]]
            print(f"{name} / {held}: cached ({saved['decoder']})", flush=True)
            continue
        t0 = time.time()
        train = [p for c in CORPORA if c != held for p in data["pages"][c][:: TRAIN_EVERY[c]]]
        Xs = [x[:, columns] if columns else x for c in CORPORA if c != held for x in data["X"][c][:: TRAIN_EVERY[c]]]
        stage1, stage2, oof2 = fit_fold(train, Xs, balanced)
        decoder = choose_decoder(train, oof2)
        flags = []
        for p, x in zip(pages, data["X"][held]):
            x = x[:, columns] if columns else x
            p1 = stage1.predict_proba(x)[:, 1]
            p2 = stage2.predict_proba(np.hstack([x, context_features(p1)]))[:, 1]
            flags.append(finish(p["lines"], pagetext.span_decode(p2, decoder)))
        np.savez_compressed(path, flags=np.array([np.array(f, dtype=bool) for f in flags], dtype=object),
                            decoder=str(decoder))
        out[held] = flags
        print(f"{name} / {held}: fitted on {len(train)} pages in {time.time() - t0:.0f} s, decoder {decoder}",
              flush=True)
    return out


def load_data() -> dict:
    """The three line corpora, their cached features and the cache key of the flags computed from them."""
    data = {"pages": {}, "X": {}}
    for c in CORPORA:
        pages = line_pages(c)
        for p in pages:
            p["y"] = np.asarray(p["labels"])
        data["pages"][c] = pages
        data["X"][c] = features(c, pages)
    data["key"] = code_hash("extract/pagetext.py", "extract/line_rules.py", "extract/page_chrome.py")
    settings = repr((GB_PARAMS, INNER_FOLDS, TRAIN_EVERY, DECODER_GRID)).encode()
    data["key"] += _source_hash(_prep, finish, _weights, fit_fold, choose_decoder, run_variant)
    data["key"] += hashlib.sha1(settings).hexdigest()[:6]
    return data


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--variants", nargs="*", default=["base+li", "base"])
    parser.add_argument("--held-out", nargs="*", default=["fundus", "wcxb", "aeb"], help="the folds, in this order")
    args = parser.parse_args()
    data = load_data()
    rows = {"shipped (fitted on aeb alone)": {c: _cached_shipped(c, data) for c in CORPORA}}
    n_shape = _n_shape()
    specs = {"base": (slice(0, -n_shape), True), "base+li": (None, True), "base+li, unweighted": (None, False)}
    for name in args.variants:
        columns, balanced = specs[name]
        rows[f"LOCO {name}"] = run_variant(name, columns, balanced, data, tuple(args.held_out))
    rows["anchor: C4 line rules"] = {c: [[pagetext.c4_keep(line) for line in p["lines"]] for p in data["pages"][c]]
                                     for c in CORPORA}
    rows["anchor: keep every line"] = {c: [[True] * len(p["lines"]) for p in data["pages"][c]] for c in CORPORA}
    print("\n| method | " + " | ".join(f"{c} P / R / F1 (lost pages)" for c in CORPORA) + " |")
    print("|---|" + "---:|" * len(CORPORA))
    for name, by_corpus in rows.items():
        cells = []
        for c in CORPORA:
            if c not in by_corpus:
                cells.append("not run")
                continue
            s = line_scores(data["pages"][c], by_corpus[c])
            cells.append(f"{s['P']:.3f} / {s['R']:.3f} / **{s['F1']:.3f}** ({s['lost']:.3f}, {s['lost pages']})")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
