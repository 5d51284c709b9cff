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


def rule_pass(reading: dict, declared: bool) -> str:
    """The pass storydiff's rule takes for a page (extract/html.py's _body_pass): the precise one on a
    declared article unless the re-check replaces it, else the balanced one."""
    precise_words, balanced_words = (len(re.findall(r"\w+", reading[k])) for k in ("precision", "balanced"))
    rechecked = (precise_words < SETTINGS.recheck_below_words
                 and precise_words < SETTINGS.recheck_ratio * balanced_words)
    return "precision" if declared and not rechecked else "balanced"


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
        if rule_pass(r, declared[page.id]) == "balanced":
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


PROSE_GRID = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def page_prose_texts(corpus: str) -> dict[str, str]:
    """Per page id: the page's prose outside its chrome (extract/page_prose.py), cached."""
    from extraction_corpora import code_hash

    from storydiff.extract.page_prose import page_prose

    return cached_outputs(corpus, "page_prose", code_hash("extract/page_prose.py"),
                          lambda page: page_prose(parse_html(page.html())))


def prose_rescue_rows(corpus: str) -> list[dict]:
    """Per page: the gold's AEB counts of the pass storydiff's rule chooses and of the page's prose
    (both after line cleanup), the pass's share of the prose's words, the declared type and the site."""
    from aeb_metric import page_counts
    from extraction_corpora import html_pages

    from storydiff.extract.line_cleanup import clean_body

    readings, declared, prose = page_readings(corpus), page_declares_article(corpus), page_prose_texts(corpus)
    rows = []
    for page in html_pages(corpus):
        r = readings[page.id]
        chosen = clean_body(r[rule_pass(r, declared[page.id])], title=r["title"])
        whole = clean_body(prose.get(page.id) or "", title=r["title"])
        rows.append({"group": page.group, "kind": page.kind, "declared": declared[page.id],
                     "share": len(re.findall(r"\w+", chosen)) / max(1, len(re.findall(r"\w+", whole))),
                     "counts": (page_counts(page.body, chosen), page_counts(page.body, whole))})
    return rows


def _rescued(rows: list[dict], share: float) -> tuple[float, float, float, float]:
    """P, R, F1 and the share of pages with body recall < 0.5 with the prose rescue at ``share``."""
    counts = [r["counts"][int(not r["declared"] and r["share"] < share)] for r in rows]
    with_body = [(tp, fn) for tp, _, fn in counts if tp + fn > 0]
    lost = sum(tp / (tp + fn) < 0.5 for tp, fn in with_body) / max(1, len(with_body))
    return (*_mean_score(counts), lost)


def prose_rescue_table() -> None:
    """The share below which a non-article page's prose replaces the pass (extract/page_prose.py),
    chosen leave-one-corpus-out. Criterion: the largest share whose F1 is not below the no-rescue F1
    on any corpus fitted on (a rescue for pages that would go missing should cost no corpus); printed
    beside it, the highest smallest gain with ties to the smaller share (the gap fill's criterion).
    aeb and fundus hold 9 and 4 non-article pages, so their folds say little about wcxb's: within wcxb,
    5 folds by site (fitted on the other sites, by F1) are shown too."""
    from extraction_corpora import CORPORA
    from sklearn.model_selection import GroupKFold

    rows = {c: prose_rescue_rows(c) for c in CORPORA}
    f1 = {c: {s: _rescued(rows[c], s)[2] for s in PROSE_GRID} for c in CORPORA}

    def pick(fit: list[str], criterion: str) -> float:
        if criterion == "largest share costing no corpus":
            return max(s for s in PROSE_GRID if all(round(f1[o][s] - f1[o][0.0], 5) >= 0 for o in fit))
        return max(PROSE_GRID, key=lambda s: (round(min(f1[o][s] - f1[o][0.0] for o in fit), 5), -s))

    print("\n### The page's prose when the pass keeps little of it (non-article pages; extract/page_prose.py)\n")
    print("A page that does not declare itself an article gets its prose outside the chrome instead of trafilatura's "
          "balanced pass when the pass holds less than the share below of its words. Each fold's share is chosen on "
          "the other two corpora. Lost: pages with body recall < 0.5.\n")
    print("| corpus | without: P / R / F1 (lost) | criterion | share chosen on the other two | P / R / F1 (lost), held out |")
    print("|---|---:|---|---:|---:|")
    for c in CORPORA:
        fit = [o for o in CORPORA if o != c]
        p0, r0, f0, lost0 = _rescued(rows[c], 0.0)
        for criterion in ("largest share costing no corpus", "highest smallest gain"):
            s = pick(fit, criterion)
            p, r, f, lost = _rescued(rows[c], s)
            print(f"| {c} | {p0:.4f} / {r0:.4f} / {f0:.4f} ({lost0:.3f}) | {criterion} | {s} | "
                  f"{p:.4f} / {r:.4f} / {f:.4f} ({lost:.3f}) |")
    wcxb = rows["wcxb"]
    held_counts: list = [None] * len(wcxb)
    shares = []
    for fit, held in GroupKFold(5).split(wcxb, groups=[r["group"] for r in wcxb]):
        s = max(PROSE_GRID, key=lambda s: (round(_rescued([wcxb[i] for i in fit], s)[2], 5), -s))
        shares.append(s)
        for i in held:
            held_counts[i] = wcxb[i]["counts"][int(not wcxb[i]["declared"] and wcxb[i]["share"] < s)]
    with_body = [(tp, fn) for tp, _, fn in held_counts if tp + fn > 0]
    p, r, f = _mean_score(held_counts)
    lost = sum(tp / (tp + fn) < 0.5 for tp, fn in with_body) / max(1, len(with_body))
    print(f"| wcxb | | 5 folds by site within wcxb (shares {', '.join(map(str, shares))}) | | "
          f"{p:.4f} / {r:.4f} / {f:.4f} ({lost:.3f}) |")
    print("\nF1 per share (" + ", ".join(map(str, PROSE_GRID)) + "):")
    for c in CORPORA:
        print(f"- {c}: " + " ".join(f"{f1[c][s]:.4f}" for s in PROSE_GRID))
    print(f"\nShipped: {SETTINGS.prose_rescue_below_share} (the first criterion on all three corpora: "
          f"{pick(list(CORPORA), 'largest share costing no corpus')}).")


# Round 17: the content region's settings (extract/page_region.py): (cover, min_share, wrapper_share);
# wrapper_share 1.0 reads no chrome as a wrapper
REGION_GRID = [(cover, min_share, wrapper) for wrapper in (1.0, 0.5) for cover in (0.7, 0.9)
               for min_share in (0.1, 0.2, 0.35, 0.5)]
REGION_SHARES = (0.5, 0.7, 0.8, 0.9)


def region_rows(corpus: str) -> dict[str, dict]:
    """Per page id: whether it declares itself an article, the words and AEB counts of what
    storydiff's default path keeps before either rescue (round 16's pass after line cleanup), of the
    page's prose (page_prose) and of each REGION_GRID setting's content region (all line-cleaned).
    Cached: the text kept comes from extract_html with both rescues off."""
    import dataclasses

    from aeb_metric import page_counts
    from extraction_corpora import code_hash

    from storydiff.extract import html as html_module
    from storydiff.extract.line_cleanup import clean_body
    from storydiff.extract.page_prose import page_prose
    from storydiff.extract.page_region import blocks_text, lowest_holding, page_blocks, region_weights
    from storydiff.extract.page_type import declares_article

    words = re.compile(r"\w+")
    no_rescue = dataclasses.replace(SETTINGS, prose_rescue_below_share=0.0, region_rescue_below_share=0.0)

    def row(page: HtmlPage) -> str:
        shipped = html_module.SETTINGS
        html_module.SETTINGS = no_rescue
        try:
            kept = html_module.extract_html(page.html(), page.url).text
        except ValueError:
            kept = ""
        finally:
            html_module.SETTINGS = shipped
        try:
            markup = html_module._check_size(page.html())
            tree = html_module._parse_markup(markup)
        except ValueError:
            return json.dumps({"declared": False, "kept": [0, page_counts(page.body, kept)]})
        if (int(tree.xpath("count(//*)")) > SETTINGS.one_pass_elements
                or len(markup) > SETTINGS.one_pass_markup_bytes):  # extract_html's one fast pass: no rescue
            return json.dumps({"declared": False, "kept": [len(words.findall(kept)), page_counts(page.body, kept)]})
        title = html_module.page_info(tree, page.url).title
        out = {"declared": declares_article(tree), "kept": [len(words.findall(kept)), page_counts(page.body, kept)]}
        prose = clean_body(page_prose(tree), title=title)
        out["prose"] = [len(words.findall(prose)), page_counts(page.body, prose)]
        for wrapper in sorted({g[2] for g in REGION_GRID}):
            root, blocks = page_blocks(tree, wrapper)
            weights = region_weights(root, blocks, kept)
            for cover, min_share, w in REGION_GRID:
                if w == wrapper:
                    region = lowest_holding(weights, cover=cover, min_share=min_share) if kept else None
                    text = clean_body(blocks_text(blocks, region), title=title)
                    out[str((cover, min_share, w))] = [len(words.findall(text)), page_counts(page.body, text)]
        return json.dumps(out)

    key = code_hash("extract/html.py", "extract/page_region.py", "extract/page_prose.py", "extract/line_cleanup.py",
                    "extract/page_type.py", "settings.py")
    return {k: json.loads(v) for k, v in cached_outputs(corpus, "region_rows", key, row).items()}


def region_pick(row: dict, setting: tuple | None, share: float, on_declared: float = 0.0) -> tuple:
    """A page's AEB counts with the region rescue at ``setting`` and ``share`` (None: off), the prose
    rescue after it at its shipped share, as extract_html does; ``on_declared``: a share for declared
    articles too (0: never, the shipped rule)."""
    kept_words, kept = row["kept"]
    if "prose" not in row:
        return tuple(kept)
    if row["declared"]:
        region_words, region = row[str(setting)] if setting else (0, None)
        return tuple(region) if setting and kept_words and kept_words < on_declared * region_words else tuple(kept)
    if setting:
        region_words, region = row[str(setting)]
        if kept_words and kept_words < share * region_words:
            return tuple(region)
    prose_words, prose = row["prose"]
    return tuple(prose) if kept_words < SETTINGS.prose_rescue_below_share * prose_words else tuple(kept)


def region_rescue_table() -> None:
    """The content region's settings, chosen on wcxb's development half (by site) with aeb and
    fundus as checks that must not drop; wcxb's held-out half scored with the chosen setting."""
    from extraction_corpora import html_pages, site_half

    rows = {}
    for corpus in ("wcxb", "aeb", "fundus"):
        found = region_rows(corpus)
        for page in html_pages(corpus):
            name = corpus if corpus != "wcxb" else f"wcxb {site_half(page.group)}"
            rows.setdefault(name, []).append(found[page.id])

    def scored(name: str, setting: tuple | None, share: float, on_declared: float = 0.0) -> tuple:
        counts = [region_pick(r, setting, share, on_declared) for r in rows[name]]
        with_body = [(tp, fn) for tp, _, fn in counts if tp + fn > 0]
        return (*_mean_score(counts), sum(tp / (tp + fn) < 0.5 for tp, fn in with_body))

    checks = ("aeb", "fundus")
    base = {name: scored(name, None, 0) for name in rows}
    grid = [(g, s) for g in REGION_GRID for s in REGION_SHARES]
    results = {(g, s): {name: scored(name, g, s) for name in ("wcxb dev", *checks)} for g, s in grid}
    allowed = [k for k in grid if all(round(results[k][c][2] - base[c][2], 5) >= 0 for c in checks)]
    chosen = max(allowed, key=lambda k: (round(results[k]["wcxb dev"][2], 5), -k[1]))
    print("\n### The content region of what the pass kept (non-article pages; extract/page_region.py)\n")
    print("Setting: (cover, min_share, wrapper_share) and the share below which the region replaces the pass "
          "(wrapper_share 1.0: no chrome read as a wrapper). Chosen on wcxb's development half (sites split by a "
          "seeded hash, bench/extraction_corpora.site_half): the highest F1 there among the settings that lower "
          "neither aeb nor fundus. F1 (pages with body recall < 0.5), on cached passes.\n")
    print("| setting | share | wcxb dev | aeb | fundus |")
    print("|---|---:|---:|---:|---:|")
    cell = lambda v: f"{v[2]:.4f} ({v[3]})"  # noqa: E731
    print(f"| no region (round 16's default) | | {cell(base['wcxb dev'])} | {cell(base['aeb'])} | {cell(base['fundus'])} |")
    for k in sorted(grid, key=lambda k: -results[k]["wcxb dev"][2])[:12] + [chosen]:
        mark = " **(chosen)**" if k == chosen else ("" if k in allowed else " (lowers aeb or fundus)")
        print(f"| {k[0]}{mark} | {k[1]} | " + " | ".join(cell(results[k][n]) for n in ("wcxb dev", *checks)) + " |")
    print("\nThe region on declared articles too (a second share; measured, not shipped):\n")
    print("| share on declared articles | wcxb dev | aeb | fundus |")
    print("|---:|---:|---:|---:|")
    for on_declared in (0.1, 0.2, 0.3):
        print(f"| {on_declared} | " + " | ".join(cell(scored(n, chosen[0], chosen[1], on_declared))
                                              for n in ("wcxb dev", *checks)) + " |")
    held = scored("wcxb held-out", *chosen)
    print(f"\nwcxb held-out half ({len(rows['wcxb held-out'])} pages, scored once with the chosen setting): "
          f"P / R / F1 {held[0]:.4f} / {held[1]:.4f} / {held[2]:.4f}, lost {held[3]}; without the region "
          f"{base['wcxb held-out'][0]:.4f} / {base['wcxb held-out'][1]:.4f} / {base['wcxb held-out'][2]:.4f}, "
          f"lost {base['wcxb held-out'][3]}.")
    shipped = ((SETTINGS.region_cover, SETTINGS.region_min_share, SETTINGS.region_wrapper_share),
               SETTINGS.region_rescue_below_share)
    print(f"\nShipped: {shipped} ({'the choice above' if shipped == chosen else 'NOT the choice above'}).")
