"""trafilatura's three passes per page (precise, balanced, recall), as bench/extraction.py shows them
beside storydiff, which combines the first two. Cached (``CACHE/outputs``): they depend on
trafilatura, not on our code.
"""

from __future__ import annotations

import json
import re

from extraction_corpora import HtmlPage, cached_outputs

from storydiff.extract.html import SETTINGS, _trafilatura, parse_html


def readings_key() -> str:
    import trafilatura

    return f"traf{trafilatura.__version__}-htmltext0.7.1"


def _readings(page: HtmlPage) -> str:
    tree = parse_html(page.html())
    r = {"title": None}
    for name, options in (("precision", {"favor_precision": True}), ("balanced", {"with_metadata": False}),
                          ("recall", {"favor_recall": True, "with_metadata": False})):
        doc = _trafilatura(tree, page.url, **options)
        r[name] = (doc.text or "") if doc else ""
        if name == "precision" and doc is not None:
            r["title"] = doc.title
    return json.dumps(r)


def page_readings(corpus: str) -> dict[str, dict]:
    """Per page id: trafilatura's precise (and its title), balanced and recall passes."""
    empty = {"precision": "", "title": None, "balanced": "", "recall": ""}
    return {k: (json.loads(v) if v else empty)
            for k, v in cached_outputs(corpus, "readings", readings_key(), _readings).items()}


def page_declares_article(corpus: str) -> dict[str, bool]:
    """Per page id: whether it declares itself an article (extract/page_type.py), cached."""
    from extraction_corpora import code_hash

    from storydiff.extract.page_type import declares_article

    def declared(page: HtmlPage) -> str:
        try:
            return "1" if declares_article(parse_html(page.html())) else "0"
        except ValueError:
            return "0"

    return {k: v == "1" for k, v in cached_outputs(corpus, "declares_article", code_hash("extract/page_type.py"),
                                                   declared).items()}


_PASSES = ("precision", "balanced", "recall")


def _pass_rows(corpus: str) -> list[dict]:
    """Per page: each pass's text after line cleanup, its AEB counts, and the page features a chooser may use."""
    import math
    import re

    from aeb_metric import page_counts, shingles
    from extraction_corpora import html_pages

    from storydiff.extract.line_cleanup import clean_body

    readings, declared = page_readings(corpus), page_declares_article(corpus)
    words, end = re.compile(r"\w+"), re.compile(r"[.!?…。！？\"”»)]\s*$")
    rows = []
    for page in html_pages(corpus):
        r = readings[page.id]
        texts = {k: clean_body(r[k], title=r["title"]) for k in _PASSES}
        features = [float(declared[page.id])]
        for k in _PASSES:
            lines = [line for line in texts[k].split("\n") if line.strip()]
            n = len(words.findall(texts[k]))
            features += [math.log1p(n), math.log1p(len(lines)), sum(bool(end.search(x)) for x in lines) / max(1, len(lines))]
        sh = {k: set(shingles(texts[k])) for k in _PASSES}
        for i, a in enumerate(_PASSES):
            for b in _PASSES[i + 1:]:
                both = len(sh[a] & sh[b])
                features += [both / max(1, len(sh[a])), both / max(1, len(sh[b]))]
        precise, balanced = len(words.findall(r["precision"])), len(words.findall(r["balanced"]))
        rechecked = precise < SETTINGS.recheck_below_words and precise < SETTINGS.recheck_ratio * balanced
        rows.append({"id": page.id, "kind": page.kind, "group": page.group,
                     "rule": 0 if declared[page.id] and not rechecked else 1, "declared": declared[page.id],
                     "words": (precise, balanced),
                     "counts": {k: page_counts(page.body, texts[k]) for k in _PASSES}, "x": features})
    return rows


def _f1(counts: tuple[float, float, float]) -> float:
    tp, fp, fn = counts
    return 1.0 if fp == 0 and fn == 0 else 2 * tp / (2 * tp + fp + fn)


def _mean_score(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    from aeb_metric import score_counts

    s = score_counts(counts)
    return s["precision"], s["recall"], s["f1"]


def pass_choice_table() -> None:
    """What choosing trafilatura's pass per page can reach: each pass alone, the page-type rule storydiff
    uses, a learned chooser (gradient boosting on the passes' lengths, sentence shares and agreement and
    the page's declared type; leave-one-corpus-out, and by site within wcxb) and the oracle (the best
    pass of each page, known only from the gold)."""
    import numpy as np
    from extraction_corpora import CORPORA
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.model_selection import GroupKFold

    rows = {c: _pass_rows(c) for c in CORPORA}

    def chosen(train: list[dict], test: list[dict]) -> list[int]:
        x = np.array([r["x"] for r in train])
        gains = np.zeros((len(test), len(_PASSES)))
        for j in (1, 2):  # predicted F1 gain of the balanced / recall pass over the precise one
            y = np.array([_f1(r["counts"][_PASSES[j]]) - _f1(r["counts"]["precision"]) for r in train])
            model = HistGradientBoostingRegressor(max_iter=150, learning_rate=0.05, max_leaf_nodes=7,
                                                  min_samples_leaf=20, random_state=0).fit(x, y)
            gains[:, j] = model.predict(np.array([r["x"] for r in test]))
        return list(gains.argmax(1))

    systems: dict[str, dict[str, list[int]]] = {c: {} for c in CORPORA}
    for c in CORPORA:
        systems[c]["storydiff's rule: precise pass (re-checked) if declared article, else balanced"] = [
            r["rule"] for r in rows[c]]
        train = [r for other in CORPORA if other != c for r in rows[other]]
        systems[c]["learned chooser, leave-one-corpus-out"] = chosen(train, rows[c])
    wcxb = rows["wcxb"]
    by_site = [0] * len(wcxb)
    others = [r for c in CORPORA if c != "wcxb" for r in rows[c]]
    for fit, held in GroupKFold(5).split(wcxb, groups=[r["group"] for r in wcxb]):
        for i, k in zip(held, chosen([wcxb[i] for i in fit] + others, [wcxb[i] for i in held])):
            by_site[i] = k
    systems["wcxb"]["learned chooser, 5 folds by site within wcxb (+ aeb, fundus)"] = by_site
    grid = [(below, ratio) for below in (150, 300, 600, 10**9) for ratio in (0.2, 0.3, 0.5)]

    def recheck(row: dict, below: int, ratio: float) -> int:
        precise, balanced = row["words"]
        return 0 if row["declared"] and not (precise < below and precise < ratio * balanced) else 1

    def corpus_f1(c: str, below: int, ratio: float) -> float:
        return _mean_score([r["counts"][_PASSES[recheck(r, below, ratio)]] for r in rows[c]])[2]

    for c in CORPORA:
        fit = [other for other in CORPORA if other != c]
        best = max(grid, key=lambda g: (sum(corpus_f1(o, *g) for o in fit), -g[0], -g[1]))
        name = f"rule with re-check thresholds chosen on {' + '.join(fit)} (below {best[0]}, ratio {best[1]})"
        systems[c][name] = [recheck(r, *best) for r in rows[c]]
    print("\n### Choosing trafilatura's pass per page (no line merge; comments off; after line cleanup)\n")
    print("Measured to see what pass choice can reach; storydiff ships its rule (the re-check at 300 words, 0.3).\n")
    print("| corpus | choice | P | R | F1 | wcxb non-articles F1 |")
    print("|---|---|---:|---:|---:|---:|")
    for c in CORPORA:
        lines = {f"{k} pass": [_PASSES.index(k)] * len(rows[c]) for k in _PASSES}
        lines.update(systems[c])
        lines["oracle (best pass per page, from the gold)"] = [
            int(np.argmax([_f1(r["counts"][k]) for k in _PASSES])) for r in rows[c]]
        for name, picks in lines.items():
            p, r, f = _mean_score([row["counts"][_PASSES[k]] for row, k in zip(rows[c], picks)])
            rest = ""
            if c == "wcxb":
                rest = f"{_mean_score([row['counts'][_PASSES[k]] for row, k in zip(rows[c], picks) if row['kind'] != 'article'])[2]:.3f}"
            print(f"| {c} | {name} | {p:.3f} | {r:.3f} | {f:.3f} | {rest} |")


GAP_GRID = [(0, 0, True)] + [(gap, words, end) for gap in (1, 2, 3) for words in (0, 5, 10) for end in (True, False)]


def gap_fill_rows(corpus: str) -> list[dict]:
    """Per page that storydiff's rule gives the precise pass: the gold and each GAP_GRID setting's
    AEB counts (precise pass with the balanced pass's gaps put back, extract/pass_gaps.py)."""
    from aeb_metric import page_counts
    from extraction_corpora import html_pages

    from storydiff.extract.line_cleanup import clean_body
    from storydiff.extract.pass_gaps import fill_gaps

    readings, declared = page_readings(corpus), page_declares_article(corpus)
    rows = []
    for page in html_pages(corpus):
        r = readings[page.id]
        precise_words, balanced_words = (len(re.findall(r"\w+", r[k])) for k in ("precision", "balanced"))
        rechecked = (precise_words < SETTINGS.recheck_below_words
                     and precise_words < SETTINGS.recheck_ratio * balanced_words)
        if not declared[page.id] or rechecked:
            text = clean_body(r["balanced"], title=r["title"])
            rows.append({"counts": [page_counts(page.body, text)] * len(GAP_GRID)})
            continue
        precise, balanced = (clean_body(r[k], title=r["title"]) for k in ("precision", "balanced"))
        rows.append({"counts": [page_counts(page.body, fill_gaps(precise, balanced, max_gap=g, min_words=w,
                                                                 sentence_end=e)) for g, w, e in GAP_GRID]})
    return rows


def gap_fill_table() -> None:
    """The gap fill's three settings (extract/pass_gaps.py), chosen leave-one-corpus-out: fit on two
    corpora, scored on the third. Two criteria: the highest summed F1, and the highest smallest gain
    over the corpora fitted on (a setting for sites never seen should not trade one corpus for another);
    ties go to the setting that changes least. storydiff ships the second criterion's choice on all three."""
    from extraction_corpora import CORPORA

    rows = {c: gap_fill_rows(c) for c in CORPORA}
    f1 = {c: [_mean_score([r["counts"][k] for r in rows[c]])[2] for k in range(len(GAP_GRID))] for c in CORPORA}

    def pick(fit: list[str], criterion: str) -> int:
        def key(i: int) -> tuple:
            gains = [f1[o][i] - f1[o][0] for o in fit]
            first = min(gains) if criterion == "smallest gain" else sum(gains)
            return round(first, 5), round(sum(gains), 5), -GAP_GRID[i][0], GAP_GRID[i][1], GAP_GRID[i][2]
        return max(range(len(GAP_GRID)), key=key)

    print("\n### Putting back what the precise pass cut between two paragraphs (extract/pass_gaps.py)\n")
    print("Setting: (max gap lines, min words a line, sentence end needed); (0, ...) is no gap fill. Each fold's "
          "setting is chosen on the other two corpora.\n")
    print("| corpus | without | criterion | setting chosen on the other two | F1 (held out) | best setting on this corpus (F1) |")
    print("|---|---:|---|---|---:|---|")
    for c in CORPORA:
        fit = [o for o in CORPORA if o != c]
        own = max(range(len(GAP_GRID)), key=lambda i: f1[c][i])
        for criterion in ("summed F1", "smallest gain"):
            k = pick(fit, criterion)
            print(f"| {c} | {f1[c][0]:.4f} | {criterion} | {GAP_GRID[k]} | {f1[c][k]:.4f} ({f1[c][k] - f1[c][0]:+.4f}) | "
                  f"{GAP_GRID[own]} ({f1[c][own]:.4f}) |")
    k = pick(list(CORPORA), "smallest gain")
    print(f"\nChosen on all three corpora (smallest gain; the shipped setting): {GAP_GRID[k]}: " + ", ".join(
        f"{c} {f1[c][k]:.4f} ({f1[c][k] - f1[c][0]:+.4f})" for c in CORPORA))
