"""Page text (no HTML): body lines kept by clean_page_text on three corpora.

The shipped line model (``extract/line_weights.json``) is fitted on aeb-lines alone, so
wcxb-dev-lines and fundus-tests-lines are corpora it has never seen: its scores there are
held-out results. Its aeb-lines row is printed for completeness and marked as fitted on those
pages (aeb's own held-out number is the cross-validation by domain in BENCHMARKS.md's history).
After the model, ``keep_prose_runs`` keeps runs of sentence lines (no silent loss); its three
settings for a corpus are chosen on the other corpus the model never saw (wcxb for fundus,
fundus for wcxb; both for aeb, which is the shipped choice), lowest share of pages with body
recall < 0.5 first, then line F1, over the raw model's flags (``prose_choice``).
Each page is scored three ways: alone; in a batch with the other pages of its site, whose
template lines it finds from their text alone (``page_siblings``: no URL or outlet given; the
Jaccard threshold is the one chosen on the other two corpora by ``siblings_table``); and with
the site's pages given as siblings (the gold grouping, as a URL would give it). Beside it: C4's
line rules, keeping every line, and the published anchors of the data README. page_chrome's rules
(captions with their credit, widget templates: round 16) are clean_page_text's last step, so the
shipped rows are round 15's flags (printed beside) with the rules applied. Kept-line flags are
cached (``CACHE/outputs``), keyed by the code and the weights.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import time
from collections import Counter, defaultdict

import numpy as np
from extraction_corpora import CACHE, CORPORA, code_hash, line_pages

from storydiff.extract.line_features import c4_keep, normalise_line
from storydiff.extract.pagetext import clean_page_text, keep_prose_runs, prose_mask
from storydiff.settings import ExtractSettings

PUBLISHED = {  # the data README's anchors: (what, line F1)
    "aeb": [("C4 line rules, published", 0.698)],
    "wcxb": [("C4 line rules, published (articles 0.610)", 0.514), ("keep every line, published", 0.437)],
    "fundus": [("C4 line rules, published (English pages 0.767)", 0.702), ("keep every line, published", 0.168)],
}
FITTED_ON = ("aeb",)  # the corpora the shipped line model was fitted on (line_train.py: aeb-lines)
# keep_prose_runs and page_chrome's rules off: the model's flags
RAW = ExtractSettings(prose_run_keep=2.0, prose_fallback_below=0.0, prose_run_gap=1, page_chrome_rules=False)
PROSE_GRID = [dict(prose_run_keep=k, prose_fallback_below=f, prose_run_gap=g)
              for k, f, g in itertools.product((0.3, 0.5, 2.0), (0.0, 0.2, 0.5, 0.7, 0.9), (1, 3, 6, 10))]


def _text(page: dict) -> str:
    return "\n".join(page["lines"])


def _key() -> str:
    return code_hash("extract/line_features.py", "extract/line_sections.py", "extract/line_model.py",
                     "extract/line_weights.json", "extract/line_rules.py", "extract/pagetext.py",
                     "extract/page_siblings.py", "extract/page_chrome.py")


def detected_siblings(pages: list[dict], threshold: float) -> list[list[int]]:
    """Per page, the indexes (into ``pages``) of the pages of its batch that ``page_siblings`` links
    to it; a batch is the pages of one site, given as text only."""
    from storydiff.extract.page_siblings import sibling_pages

    settings = ExtractSettings(sibling_min_jaccard=threshold)
    by_site = defaultdict(list)
    for i, page in enumerate(pages):
        by_site[page["group"]].append(i)
    found: list[list[int]] = [[] for _ in pages]
    for members in by_site.values():
        if len(members) < 2:
            continue
        links = sibling_pages([_text(pages[i]) for i in members], settings=settings)
        for k, i in enumerate(members):
            found[i] = [members[j] for j in links[k]]
    return found


# drop_page_repeats (measured, not shipped): (min count, max words); (0, 0) is off.
REPEAT_GRID = [(0, 0)] + list(itertools.product((2, 3, 4), (0, 3, 6, 11)))


def _settings_tag(settings: ExtractSettings) -> str:
    tag = f"k{settings.prose_run_keep}-f{settings.prose_fallback_below}-g{settings.prose_run_gap}"
    if settings.page_chrome_rules:
        tag += "-chrome"
    return tag


def with_chrome_rules(pages: list[dict], flags: list[list[bool]]) -> list[list[bool]]:
    """``flags`` with page_chrome's rules applied, as clean_page_text applies them last."""
    from storydiff.extract.page_chrome import chrome_kind

    return [[k and chrome_kind(line) is None for k, line in zip(f, p["lines"])] for p, f in zip(pages, flags)]


def kept_lines(corpus: str, pages: list[dict], mode: str, siblings: list[list[int]],
               settings: ExtractSettings = RAW) -> list[list[bool]]:
    """clean_page_text's flags for every page (cached): ``single`` (alone), ``site`` (the site's other
    pages as siblings), ``detected`` (the siblings ``detected_siblings`` found). A page without
    siblings in a mode is the page alone."""
    path = CACHE / "outputs" / corpus / f"pagetext-{mode}-{_key()}-{_settings_tag(settings)}.json"
    cached = json.loads(path.read_text()) if path.exists() else {}
    single = {} if mode == "single" else dict(zip((p["id"] for p in pages), kept_lines(corpus, pages, "single",
                                                                                        [[] for _ in pages], settings)))
    out = []
    for i, page in enumerate(pages):
        sib = siblings[i]
        sig = f"{page['id']}|{','.join(pages[j]['id'] for j in sib)}"
        if sig not in cached:
            cached[sig] = (single[page["id"]] if not sib and mode != "single"
                           else clean_page_text(_text(page), [_text(pages[j]) for j in sib], settings=settings).kept)
        out.append(cached[sig])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(cached))
    return out


def line_scores(pages: list[dict], predicted: list[list[bool]]) -> dict[str, float]:
    """Micro P/R/F1 over lines, per-page F1, and the share of pages (with body) whose body recall < 0.5."""
    totals = np.zeros(3, dtype=int)
    page_f1, lost, with_body = [], 0, 0
    for page, flags in zip(pages, predicted):
        y, pred = np.asarray(page["labels"]) == 1, np.asarray(flags, dtype=bool)
        tp, fp, fn = int((y & pred).sum()), int((~y & pred).sum()), int((y & ~pred).sum())
        totals += (tp, fp, fn)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        page_f1.append(2 * p * r / (p + r) if p + r else 0.0)
        if y.any():
            with_body += 1
            lost += r < 0.5
    tp, fp, fn = totals
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0, "page F1": float(np.mean(page_f1)),
            "lost": lost / max(with_body, 1), "lost pages": lost, "n": len(pages)}


def _row(name: str, s: dict) -> str:
    return (f"| {name} | {s['P']:.3f} | {s['R']:.3f} | **{s['F1']:.3f}** | {s['page F1']:.3f} | "
            f"{s['lost']:.3f} ({s['lost pages']}) |")


def _by_kind(pages: list[dict], rows: dict[str, list[list[bool]]], corpus: str) -> None:
    kinds = defaultdict(list)
    for i, page in enumerate(pages):
        kinds[page["kind"]].append(i)
    if corpus == "fundus":  # 25 languages: the larger ones alone, the rest together
        small = [k for k, v in kinds.items() if len(v) < 5]
        kinds["other (" + ", ".join(sorted(small)) + ")"] = [i for k in small for i in kinds.pop(k)]
        kinds["all but English"] = [i for i, p in enumerate(pages) if p["kind"] != "en"]
    elif corpus == "wcxb":
        kinds["all but articles"] = [i for i, p in enumerate(pages) if p["kind"] != "article"]
    else:
        return
    names = list(rows)
    print(f"\n{corpus} by {'language' if corpus == 'fundus' else 'page type'}: line F1 "
          f"(share of pages with body recall < 0.5)\n")
    print("| " + ("language" if corpus == "fundus" else "page type") + " | pages | " + " | ".join(names) + " |")
    print("|---|---:|" + "---:|" * len(names))
    for kind, idx in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        sub = [pages[i] for i in idx]
        cells = []
        for name in names:
            s = line_scores(sub, [rows[name][i] for i in idx])
            cells.append(f"{s['F1']:.3f} ({s['lost']:.2f})")
        print(f"| {kind} | {len(idx)} | " + " | ".join(cells) + " |")


def table(quick: bool = False, thresholds: dict[str, float] | None = None) -> dict:
    """Print the page-text tables; return {corpus: {row: scores}}. ``thresholds``: the sibling
    Jaccard threshold for each corpus, chosen on the other two (``sibling_thresholds``)."""
    thresholds = thresholds or sibling_thresholds()[0]
    prose = prose_choice()
    repeat_choice(prose)
    results = {}
    for corpus in CORPORA:
        test = line_pages(corpus)
        if quick:
            test = test[:: max(1, len(test) // 150)]
        by_site = defaultdict(list)
        for i, page in enumerate(test):
            by_site[page["group"]].append(i)
        site = [[j for j in by_site[p["group"]] if j != i] for i, p in enumerate(test)]
        siblings = detected_siblings(test, thresholds[corpus])
        # Round 15's page text (page_chrome's rules off); the rules are clean_page_text's last step, so
        # the shipped flags are round 15's with the rules applied (the same as running it with them on).
        round15 = dataclasses.replace(RAW, **prose[corpus])
        alone15 = kept_lines(corpus, test, "single", [[] for _ in test], round15)
        batch15 = kept_lines(corpus, test, "detected", siblings, round15)
        site15 = kept_lines(corpus, test, "site", site, round15)
        rows = {
            "storydiff, page alone": with_chrome_rules(test, alone15),
            "storydiff, batch of the site's pages (siblings found from the text)": with_chrome_rules(test, batch15),
            "storydiff, the site's pages given as siblings (as a URL would)": with_chrome_rules(test, site15),
            "storydiff, page alone, round 15 (without page_chrome's rules)": alone15,
            "storydiff, batch (siblings found from the text), round 15": batch15,
            "storydiff, page alone, without keep_prose_runs": kept_lines(corpus, test, "single",
                                                                         [[] for _ in test]),
            "anchor: C4 line rules (same script)": [[c4_keep(line) for line in p["lines"]] for p in test],
            "anchor: keep every line": [[True] * len(p["lines"]) for p in test],
        }
        scores = {name: line_scores(test, flags) for name, flags in rows.items()}
        results[corpus] = scores
        n_lines = sum(len(p["lines"]) for p in test)
        held = corpus not in FITTED_ON
        status = ("never seen by the line model (fitted on " + " + ".join(FITTED_ON) + ")" if held
                  else "**the line model was fitted on these pages: not a held-out result**")
        print(f"\n### {corpus}: {len(test)} pages, {n_lines:,} lines; {status}\n")
        print("| method | P | R | F1 (micro) | per-page F1 | pages with body recall < 0.5 |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, s in scores.items():
            print(_row(name, s))
        for name, f1 in PUBLISHED[corpus]:
            print(f"| anchor: {name} | | | {f1:.3f} | | |")
        multi_site = [i for i, s in enumerate(site) if s]
        chosen_on = " + ".join(c for c in CORPORA if c not in FITTED_ON and c != corpus)
        print(f"\nkeep_prose_runs chosen on {chosen_on}: {prose[corpus]}; "
              f"sibling threshold {thresholds[corpus]} (chosen on the other two corpora); "
              f"{sum(1 for s in siblings if s)} of {len(multi_site)} pages with same-site pages here found siblings")
        if multi_site:
            sub = [test[i] for i in multi_site]
            print(f"\npages of sites with several pages here ({len(sub)}): line F1 "
                  + ", ".join(f"{name.split(',')[1].strip()} "
                              f"{line_scores(sub, [rows[name][i] for i in multi_site])['F1']:.3f}"
                              for name in list(rows)[:3]))
        _by_kind(test, {"alone": rows["storydiff, page alone"],
                        "site batch": rows["storydiff, batch of the site's pages (siblings found from the text)"],
                        "C4": rows["anchor: C4 line rules (same script)"],
                        "keep all": rows["anchor: keep every line"]}, corpus)
        lost_body_lines(test, rows["storydiff, page alone"], corpus)
    return results


def lost_body_lines(pages: list[dict], flags: list[list[bool]], corpus: str) -> None:
    """On the pages whose body recall is below 0.5 (page alone): their body lines by length and
    whether they end as a sentence, and the share of each kind that was kept (why bodies go missing)."""
    import re

    words, end = re.compile(r"\w+"), re.compile(r"[.!?…。！？\"”»)\]:]\s*$")
    kinds = ("a sentence of >= 12 words", ">= 12 words, no sentence end", "4-11 words", "1-3 words")
    total, kept = dict.fromkeys(kinds, 0), dict.fromkeys(kinds, 0)
    lost = 0
    for page, page_flags in zip(pages, flags):
        y, pred = np.asarray(page["labels"]) == 1, np.asarray(page_flags, dtype=bool)
        if not y.any() or (y & pred).sum() >= 0.5 * y.sum():
            continue
        lost += 1
        for line, keep in zip((line for line, label in zip(page["lines"], y) if label), pred[y]):
            n = len(words.findall(line))
            kind = kinds[0 if n >= 12 and end.search(line) else 1 if n >= 12 else 2 if n >= 4 else 3]
            total[kind] += 1
            kept[kind] += bool(keep)
    if lost:
        print(f"\n{corpus}: body lines of the {lost} pages with body recall < 0.5 (page alone), kept share: "
              + ", ".join(f"{k} {total[k]:,} ({kept[k] / max(total[k], 1):.2f})" for k in kinds))


def _raw_single(corpus: str) -> tuple[list[dict], list[list[bool]]]:
    pages = line_pages(corpus)
    return pages, kept_lines(corpus, pages, "single", [[] for _ in pages])


def prose_choice() -> dict[str, dict]:
    """For each corpus, the ``keep_prose_runs`` settings chosen on the other corpora the line model
    never saw (lowest share of pages with body recall < 0.5, then line F1), printed as a table."""
    unseen = [c for c in CORPORA if c not in FITTED_ON]
    scores: dict[str, list[dict]] = {}
    for c in unseen:
        pages, flags = _raw_single(c)
        masks = [prose_mask(p["lines"]) for p in pages]
        scores[c] = [line_scores(pages, [keep_prose_runs(p["lines"], f, settings=dataclasses.replace(RAW, **g), mask=m)
                                         for p, f, m in zip(pages, flags, masks)]) for g in PROSE_GRID]

    def best(corpora: list[str]) -> dict:
        def rank(i: int) -> tuple[float, float]:
            return (-sum(scores[c][i]["lost"] for c in corpora), sum(scores[c][i]["F1"] for c in corpora))
        return PROSE_GRID[max(range(len(PROSE_GRID)), key=rank)]

    chosen = {c: best([o for o in unseen if o != c] or unseen) for c in CORPORA}
    print("\n### keep_prose_runs chosen on one unseen corpus, scored on the other (page alone)\n")
    print("| scored on | chosen on | run keep, fallback below, gap | F1 raw -> chosen | "
          "pages with body recall < 0.5, raw -> chosen |")
    print("|---|---|---|---:|---:|")
    for c in unseen:
        raw = scores[c][PROSE_GRID.index(dict(prose_run_keep=2.0, prose_fallback_below=0.0, prose_run_gap=1))]
        got = scores[c][PROSE_GRID.index(chosen[c])]
        g = chosen[c]
        print(f"| {c} | {' + '.join(o for o in unseen if o != c)} | {g['prose_run_keep']}, "
              f"{g['prose_fallback_below']}, {g['prose_run_gap']} | {raw['F1']:.3f} -> {got['F1']:.3f} | "
              f"{raw['lost']:.3f} ({raw['lost pages']}) -> {got['lost']:.3f} ({got['lost pages']}) |")
    print(f"\nchosen on {' + '.join(unseen)} (shipped, settings.ExtractSettings.prose_*): {best(unseen)}")
    return chosen


def drop_page_repeats(lines: list[str], kept: list[bool], min_count: int, max_words: int) -> list[bool]:
    """Measured and not shipped (round 16): drop kept lines whose text the page repeats at least
    ``min_count`` times (``normalise_line``), of at most ``max_words`` words (0: any); 0: off.
    It takes fundus's "Article content" x30 and "advertisement" labels, but wcxb's list bodies
    (product specs, listicles' "Pros"/"Cons", an article printed twice) repeat their lines too."""
    if min_count < 2:
        return list(kept)
    norms = [normalise_line(line) for line in lines]
    counts = Counter(norms)
    return [k and not (n and counts[n] >= min_count and (not max_words or len(line.split()) <= max_words))
            for k, n, line in zip(kept, norms, lines)]


def repeat_choice(prose: dict[str, dict]) -> None:
    """Lines the page itself repeats, dropped: the settings each corpus would get, chosen on the other
    two (lowest share of pages with body recall < 0.5, then line F1), over round 15's flags (page
    alone, after keep_prose_runs); and page_chrome's rules on the same flags. aeb's flags come from
    the model fitted on its pages."""
    scores: dict[str, list[dict]] = {}
    chrome: dict[str, dict] = {}
    for c in CORPORA:
        pages = line_pages(c)
        flags = kept_lines(c, pages, "single", [[] for _ in pages], dataclasses.replace(RAW, **prose[c]))
        scores[c] = [line_scores(pages, [drop_page_repeats(p["lines"], f, *g) for p, f in zip(pages, flags)])
                     for g in REPEAT_GRID]
        chrome[c] = line_scores(pages, with_chrome_rules(pages, flags))

    def best(corpora: list[str]) -> tuple[int, int]:
        def rank(i: int) -> tuple[float, float]:
            return (-sum(scores[c][i]["lost"] for c in corpora), sum(scores[c][i]["F1"] for c in corpora))
        return REPEAT_GRID[max(range(len(REPEAT_GRID)), key=rank)]

    chosen = {c: best([o for o in CORPORA if o != c]) for c in CORPORA}
    print("\n### Lines the page repeats, dropped (round 16, measured, not shipped): chosen leave-one-corpus-out "
          "(page alone, round 15's flags)\n")
    print("| min count, max words | " + " | ".join(f"{c} F1 (lost pages)" for c in CORPORA) + " |")
    print("|---|" + "---:|" * len(CORPORA))
    for i, g in enumerate(REPEAT_GRID):
        mark = [c for c in CORPORA if chosen[c] == g]
        print(f"| {g[0]}, {g[1]}" + (f" (chosen for {', '.join(mark)})" if mark else "") + " | "
              + " | ".join(f"{scores[c][i]['F1']:.4f} ({scores[c][i]['lost pages']})" for c in CORPORA) + " |")
    print("\npage_chrome's caption and template rules alone on the same flags: "
          + ", ".join(f"{c} F1 {scores[c][0]['F1']:.4f} -> {chrome[c]['F1']:.4f} (P {scores[c][0]['P']:.3f} -> "
                      f"{chrome[c]['P']:.3f}, lost pages {scores[c][0]['lost pages']} -> {chrome[c]['lost pages']})"
                      for c in CORPORA))


def speed(n: int = 60) -> None:
    """clean_page_text with the shipped weights against C4's rules, interleaved page by page."""
    texts = ["\n".join(p["lines"]) for c in CORPORA for p in line_pages(c)[:n]]
    ours = c4 = 0.0
    for text in texts:
        t0 = time.perf_counter()
        clean_page_text(text)
        t1 = time.perf_counter()
        [c4_keep(line) for line in text.splitlines()]
        c4 += time.perf_counter() - t1
        ours += t1 - t0
    print(f"\nspeed (shipped weights, page alone, {len(texts)} pages of the three corpora): clean_page_text "
          f"{len(texts) / ours:.0f} pages/s, C4 rules {len(texts) / c4:.0f} pages/s")


SIBLING_THRESHOLDS = (0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3)


def _pair_counts(pages: list[dict], jaccard: np.ndarray, same_article: np.ndarray, threshold: float):
    site = np.array([p["group"] for p in pages], dtype=object)
    same = site[:, None] == site[None, :]
    linked = (jaccard >= threshold) & (same_article < 0.5)
    upper = np.triu(np.ones_like(same, dtype=bool), 1)
    tp = int((linked & same & upper).sum())
    return tp, int((linked & ~same & upper).sum()), int((~linked & same & upper).sum())


def sibling_thresholds() -> tuple[dict[str, float], dict, dict]:
    """({corpus: the Jaccard threshold chosen on the other two corpora}, pair counts, page counts).

    A threshold is chosen by pair F2 over a batch of each whole corpus (every page against every
    other, no URL): recall weighs double, since a missed sibling loses the template evidence and a
    false one (two sites sharing "Share" and "Advertisement") only marks lines that are boilerplate
    anyway."""
    from storydiff.extract.page_siblings import template_similarity

    counts, sizes = {}, {}
    for c in CORPORA:
        pages = line_pages(c)
        jaccard, same_article = template_similarity([_text(p) for p in pages])
        counts[c] = {t: _pair_counts(pages, jaccard, same_article, t) for t in SIBLING_THRESHOLDS}
        sizes[c] = len(pages)
    return {c: _chosen(counts, [o for o in CORPORA if o != c]) for c in CORPORA}, counts, sizes


def _chosen(counts: dict, corpora: list[str]) -> float:
    def f2(tp: int, fp: int, fn: int) -> float:
        return 5 * tp / (5 * tp + 4 * fn + fp) if tp else 0.0

    return max(SIBLING_THRESHOLDS, key=lambda t: f2(*np.sum([counts[c][t] for c in corpora], axis=0)))


def siblings_table(found: tuple[dict[str, float], dict, dict] | None = None) -> float:
    """Sibling detection on a batch of each whole corpus, at the threshold chosen on the other two.
    Returns the threshold chosen on all three (the shipped one)."""
    thresholds, counts, sizes = found or sibling_thresholds()
    print("\n### Pages of one site found from their text (a batch of the whole corpus, no URL)\n")
    print("| corpus | pages | same-site pairs | threshold (chosen on the other two) | same-site pairs linked "
          "| other pairs linked | pair precision |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for c in CORPORA:
        t = thresholds[c]
        tp, fp, fn = counts[c][t]
        print(f"| {c} | {sizes[c]} | {tp + fn} | {t} | {tp} ({tp / max(tp + fn, 1):.3f}) | {fp} | "
              f"{tp / max(tp + fp, 1):.3f} |")
    shipped = _chosen(counts, list(CORPORA))
    print(f"\nchosen on all three (shipped, settings.ExtractSettings.sibling_min_jaccard): {shipped}")
    return shipped
