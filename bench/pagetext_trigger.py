"""Page text (no HTML): a learned page-level trigger for growing the decoder's span (round 23; measured, not shipped).

``STORYDIFF_BENCH_CACHE=DIR nice -n 10 python bench/pagetext_trigger.py`` (about 10 min on the busy
2-core box once ``line_loco``'s features and ``pagetext_floor``'s line scores are cached). Data:
``../shared/data/extraction/{aeb,wcxb-dev,fundus-tests}-lines/``. Every row is a page alone with
clean_page_text's own flags (``pagetext_lost.exact_flags``).

Round 21 found the lost wcxb bodies are mostly a span that closes after a page's few sentences
while its list or table goes on below, and that growing the span (``pagetext_lost.grown``: lines
scoring 0.003+ at most 5 lines apart, the setting round 21 chose on wcxb's development half) on
every page costs fundus and aeb their precision. Here the growth is applied to a page only when a
page-level classifier (boosted trees on 14 language-independent numbers of the page: the short
share of the span's kept lines, the kept share of lines and characters, what the growth adds and
how its lines score against the rest, their prose share, lengths and repeats, ...) says it raises
the page's line F1; its label on a training page is whether it did. Rows:

- ``oracle``: the growth on exactly the pages where it raises line F1 (an upper bound, not a method);
- ``LOCO``: each corpus scored by the trigger fitted on the other two (threshold 0.5, fixed);
- ``by site half``: each wcxb half scored by the trigger fitted on the other half plus aeb and fundus.
Nothing from the pages is stored in the repository.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from extraction_corpora import CORPORA, site_half
from extraction_pagetext import line_scores
from line_loco import load_data
from pagetext_lost import exact_flags, grown
from sklearn.ensemble import HistGradientBoostingClassifier

from storydiff.extract import pagetext
from storydiff.extract.line_features import normalise_line
from storydiff.extract.line_model import load_models
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.settings import ExtractSettings

GROW = (0.003, 5)  # round 21's growth chosen on wcxb's development half
THRESHOLD = 0.5
GB = dict(max_iter=100, max_depth=3, learning_rate=0.1, min_samples_leaf=10, random_state=0)


def _page_f1(y: np.ndarray, kept: np.ndarray) -> float:
    tp = (y & kept).sum()
    p = tp / kept.sum() if kept.sum() else 1.0
    r = tp / y.sum() if y.sum() else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def candidates(data: dict, flags: dict, scores: dict) -> list[dict]:
    """One row per page where the growth adds a line: its features, its grown flags, its label."""
    models = load_models()
    decoder = models["_meta"]["boundary_decoder"]
    settings = ExtractSettings()
    rows = []
    for c in flags:
        for i, (page, sc, base) in enumerate(zip(data["pages"][c], scores[c], flags[c])):
            p2 = sc[0]
            if not len(p2):
                continue
            lines = page["lines"]
            s, e = pagetext.boundary_span(*sc, decoder)
            ok = np.array([bool(line.strip()) and boilerplate_kind(line) is None for line in lines])
            g = grown(p2, s, e, *GROW) & ok
            b = np.asarray(base, dtype=bool)
            if not (g & ~b).any():
                continue
            model = pagetext.body_flags(lines, [], models, scores=sc)
            more = np.asarray(pagetext._after_model(lines, lines, [bool(f) or bool(x) for f, x in zip(model, g)],
                                                    set(), settings)[0], dtype=bool)
            prose, _ = pagetext.prose_mask(lines)
            chars = np.array([len(line.strip()) for line in lines])
            idx = np.arange(len(lines))
            in_span = b & (idx >= s) & (idx <= e)
            rest = (chars > 0) & ~b & ~g
            counts = Counter(normalise_line(line[: pagetext.MAX_LINE_CHARS]) for line in lines)
            dup = np.array([counts[normalise_line(line[: pagetext.MAX_LINE_CHARS])] > 1 for line in lines])
            x = [(in_span & ~prose).sum() / max(in_span.sum(), 1), np.log1p(b.sum()), b.sum() / max((chars > 0).sum(), 1),
                 (chars * b).sum() / max(chars.sum(), 1), np.log1p(g.sum() / max(b.sum(), 1)),
                 np.median(np.log10(p2[g] + 1e-6)), np.median(np.log10(p2[rest] + 1e-6)) if rest.any() else -6.0,
                 prose[g].mean(), np.log((np.median(chars[g]) + 1) / (np.median(chars[b]) + 1)) if b.any() else 0.0,
                 pagetext.sentence_share(lines, base), dup[g].mean(), (e - s + 1) / len(lines),
                 np.log1p((chars > 0).sum()), prose[chars > 0].mean()]
            y = np.asarray(page["labels"]) == 1
            rows.append({"corpus": c, "i": i, "part": site_half(page["group"]) if c == "wcxb" else c,
                         "x": np.nan_to_num(np.array(x, dtype=float)), "grown": more.tolist(),
                         "label": _page_f1(y, more) > _page_f1(y, b)})
    return rows


def _cell(s: dict) -> str:
    return f"{s['P']:.3f} / {s['R']:.3f} / **{s['F1']:.4f}** ({s['lost']:.3f}, {s['lost pages']})"


def main() -> None:
    data = load_data()
    flags, scores = exact_flags(data, list(CORPORA))
    rows = candidates(data, flags, scores)
    print("\ncandidate pages (the growth adds a line) / where it raises line F1: "
          + ", ".join(f"{part} {sum(r['part'] == part for r in rows)} / {sum(r['part'] == part and r['label'] for r in rows)}"
                      for part in ("aeb", "dev", "held-out", "fundus")))
    parts = {"aeb": ("aeb", None), "wcxb dev": ("wcxb", "dev"), "wcxb held-out": ("wcxb", "held-out"),
             "wcxb": ("wcxb", None), "fundus": ("fundus", None)}

    def scored(chosen: set[tuple[str, int]]) -> dict[str, dict]:
        grown_at = {(r["corpus"], r["i"]): r["grown"] for r in rows}
        out = {}
        for name, (c, half) in parts.items():
            idx = [i for i, p in enumerate(data["pages"][c]) if half is None or site_half(p["group"]) == half]
            out[name] = line_scores([data["pages"][c][i] for i in idx],
                                    [grown_at[c, i] if (c, i) in chosen else flags[c][i] for i in idx])
        return out

    def fitted(train_parts: set[str]) -> HistGradientBoostingClassifier | None:
        train = [r for r in rows if r["part"] in train_parts]
        if len({r["label"] for r in train}) < 2:
            return None
        return HistGradientBoostingClassifier(**GB).fit(np.array([r["x"] for r in train]),
                                                         np.array([r["label"] for r in train]))

    def fires(model, test_parts: set[str]) -> set[tuple[str, int]]:
        test = [r for r in rows if r["part"] in test_parts]
        if model is None or not test:
            return set()
        p = model.predict_proba(np.array([r["x"] for r in test]))[:, 1]
        return {(r["corpus"], r["i"]) for r, q in zip(test, p) if q > THRESHOLD}

    table = {"clean_page_text (shipped)": (scored(set()), "")}
    table["growth on every page"] = (scored({(r["corpus"], r["i"]) for r in rows}), "")
    table["oracle: growth where it raises the page's F1"] = (scored({(r["corpus"], r["i"]) for r in rows if r["label"]}), "")
    loco = set()
    notes = []
    for held, held_parts, train_parts in (("aeb", {"aeb"}, {"dev", "held-out", "fundus"}),
                                          ("wcxb", {"dev", "held-out"}, {"aeb", "fundus"}),
                                          ("fundus", {"fundus"}, {"aeb", "dev", "held-out"})):
        model = fitted(train_parts)
        got = fires(model, held_parts)
        notes.append(f"{held}: fires on {len(got)}" + (" (one class in training: never fires)" if model is None else ""))
        loco |= got
    table["LOCO trigger (each corpus by the other two)"] = (scored(loco), "; ".join(notes))
    halves = set()
    for held in ("dev", "held-out"):
        other = "held-out" if held == "dev" else "dev"
        halves |= fires(fitted({other, "aeb", "fundus"}), {held})
    table["wcxb by site half (the other half + aeb + fundus); aeb, fundus: LOCO"] = (
        scored(halves | {k for k in loco if k[0] != "wcxb"}), "")
    print("\nline P / R / F1 (lost share, pages with body recall < 0.5), page alone\n")
    print("| flags | " + " | ".join(parts) + " | note |")
    print("|---|" + "---:|" * len(parts) + "---|")
    for name, (s, note) in table.items():
        print(f"| {name} | " + " | ".join(_cell(s[p]) for p in parts) + f" | {note} |", flush=True)


if __name__ == "__main__":
    main()
