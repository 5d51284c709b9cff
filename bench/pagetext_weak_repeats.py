"""Page text (no HTML): repeats the line model scores low, chosen leave-one-corpus-out (round 27).

``STORYDIFF_BENCH_CACHE=DIR nice -n 10 python bench/pagetext_weak_repeats.py [--corpora aeb fundus]``
Data: ``../shared/data/extraction/{aeb,wcxb-dev,fundus-tests}-lines/``. Every row is a page alone
through ``clean_page_text``'s own decisions (``pagetext.kept_from_scores`` on the shipped line
model's scores, cached per corpus; the shipped model was fitted on aeb alone, so aeb's rows are not
held out for the model). ``weak_repeats.drop_weak_repeats`` is clean_page_text's last step, so the
flags without it (``weak_repeat_below`` 0) and the grid below give every setting's flags exactly.

For each corpus the setting is chosen on the other two: among the settings whose line F1 is not
below the flags without the step on either training corpus and which lose no more pages there
(body recall < 0.5), the highest mean F1 change over the two (fixed before the first run); the
chosen setting then scores the held-out corpus. Printed: micro line P / R / F1 and the lost share
(pages) per corpus for the flags without the step and each fold's choice; then one setting
(``--setting WORDS BLOCK BELOW PROSE``, default the fundus fold's choice) on every corpus, fundus
by language, wcxb by its site halves and page types (its flags are ``drop_weak_repeats``' own,
asserted equal to the grid's masks); then every setting's F1 and lost pages. The step ships off
(``weak_repeat_below`` 0): the wcxb fold's choice loses wcxb pages. About 8 minutes at load 15
once the scores are cached (computing them: about 10 minutes a corpus on the busy box).
Nothing from the pages is stored in the repository.
"""

from __future__ import annotations

import argparse
import pickle
from dataclasses import replace

import numpy as np
from extraction_corpora import CACHE, CORPORA, code_hash, line_pages, site_half

from storydiff.extract import pagetext
from storydiff.extract.line_features import line_features
from storydiff.extract.line_model import load_models
from storydiff.extract.weak_repeats import drop_weak_repeats, prose_share_of, repeat_marks
from storydiff.settings import ExtractSettings

OFF = replace(ExtractSettings(), weak_repeat_below=0.0)
# (words, block, below, prose share): words 0 / block 0 turn that half off, prose share 0 the page gate.
MARKS = [(w, b) for w in (0, 4, 8, 12) for b in (0, 2, 3) if w or b]
GRID = [(w, b, t, g) for w, b in MARKS for t in (0.2, 0.3, 0.45, 0.6, 0.8) for g in (0.0, 0.6, 0.75, 0.85, 0.9, 0.95)]


def page_scores(corpus: str, pages: list[dict]) -> list[tuple]:
    """The shipped line model's (scores, first-line, last-line probabilities) per page alone (cached)."""
    key = code_hash("extract/line_weights.json", "extract/line_features.py", "extract/line_sections.py",
                    "extract/line_model.py")
    path = CACHE / "weak_repeats" / f"scores-{corpus}-{key}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    models = load_models()
    out = []
    for page in pages:
        lines = [line[: pagetext.MAX_LINE_CHARS] for line in page["lines"][: pagetext.MAX_LINES]]
        X = line_features(lines, [])
        out.append(pagetext.scores_of_features(X, models))  # the page alone
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def score(pages: list[dict], flags: list[list[bool]]) -> tuple[float, float, float, float, int]:
    """Micro line (P, R, F1), the share and count of pages with a body whose body recall is under 0.5."""
    tp = fp = fn = lost = bodies = 0
    for page, kept in zip(pages, flags):
        y, k = np.asarray(page["labels"]) == 1, np.asarray(kept, dtype=bool)
        tp += int((y & k).sum())
        fp += int((~y & k).sum())
        fn += int((y & ~k).sum())
        if y.any():
            bodies += 1
            lost += int((y & k).sum() < 0.5 * y.sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0, lost / max(bodies, 1), lost


def row(s: tuple) -> str:
    return f"{s[0]:.3f} / {s[1]:.3f} / **{s[2]:.4f}** ({s[3]:.3f}, {s[4]})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", nargs="+", default=list(CORPORA), choices=CORPORA)
    parser.add_argument("--setting", nargs=4, type=float, metavar=("WORDS", "BLOCK", "BELOW", "PROSE"),
                        help="the setting shown on every corpus (default: the fundus fold's choice)")
    args = parser.parse_args()
    models = load_models()
    pages, base, scores = {}, {}, {}
    for c in args.corpora:
        pages[c] = line_pages(c)
        scores[c] = page_scores(c, pages[c])
        base[c] = [pagetext.kept_from_scores(p["lines"], p["lines"][: pagetext.MAX_LINES], s, set(), models, OFF)[0]
                   for p, s in zip(pages[c], scores[c])]

    # Each page's repeat marks per (words, block) and prose share, once: a setting's flags are then
    # a mask (drop_weak_repeats' own rule, checked against it below on every page of one setting).
    marks = {c: {m: [repeat_marks(p["lines"], len(s[0]), words=m[0], block=m[1]) for p, s in zip(pages[c], scores[c])]
                 for m in MARKS} for c in args.corpora}
    shares = {c: [prose_share_of(p["lines"], k) for p, k in zip(pages[c], base[c])] for c in args.corpora}

    def flags(c: str, setting: tuple) -> list[list[bool]]:
        w, b, t, g = setting
        out = []
        for k, s, at, share in zip(base[c], scores[c], marks[c][(w, b)], shares[c]):
            k = list(k)
            if not (g > 0 and share < g):
                for i in at:
                    k[i] = k[i] and s[0][i] >= t
            out.append(k)
        return out

    off = {c: score(pages[c], base[c]) for c in args.corpora}
    grid = {c: {g: score(pages[c], flags(c, g)) for g in GRID} for c in args.corpora}
    chosen = {}
    print("| held out | chosen on | setting (words, block, below, prose share) | without the step | with it (held out) |")
    print("|---|---|---|---:|---:|")
    for held in args.corpora:
        train = [c for c in args.corpora if c != held]
        eligible = [g for g in GRID if all(grid[c][g][2] >= off[c][2] and grid[c][g][4] <= off[c][4] for c in train)]
        if not train or not eligible:
            print(f"| {held} | {' + '.join(train) or '-'} | none eligible | {row(off[held])} | |")
            continue
        best = max(eligible, key=lambda g: (np.mean([grid[c][g][2] - off[c][2] for c in train]), -g[2]))
        chosen[held] = best
        print(f"| {held} | {' + '.join(train)} | {best} | {row(off[held])} | {row(grid[held][best])} |")
    shown = (int(args.setting[0]), int(args.setting[1]), args.setting[2], args.setting[3]) if args.setting else \
        chosen.get("fundus", GRID[0])
    exact = [drop_weak_repeats(p["lines"], k, s[0], words=shown[0], block=shown[1], below=shown[2], prose_share=shown[3])
             for c in args.corpora for p, k, s in zip(pages[c], base[c], scores[c])]
    assert exact == [f for c in args.corpora for f in flags(c, shown)], "the bench's masks differ from drop_weak_repeats"
    print(f"\nThe setting {shown} on every corpus (drop_weak_repeats' flags, equal to the grid's):\n")
    print(f"| corpus / part | without the step | {shown} |")
    print("|---|---:|---:|")
    for c in args.corpora:
        with_step = flags(c, shown)
        print(f"| {c} | {row(off[c])} | {row(score(pages[c], with_step))} |")
        parts = {}
        for i, p in enumerate(pages[c]):
            names = [p["kind"]] if c != "aeb" else []
            if c == "wcxb":
                names.append(site_half(p["group"]) + " half")
            if c == "fundus" and p["kind"] != "en":
                names.append("all but en")
            for name in names:
                parts.setdefault(name, []).append(i)
        for name, idx in sorted(parts.items(), key=lambda kv: -len(kv[1])):
            if len(idx) < 5:
                continue
            sub = [pages[c][i] for i in idx]
            print(f"| {c} {name} ({len(idx)}) | {row(score(sub, [base[c][i] for i in idx]))} "
                  f"| {row(score(sub, [with_step[i] for i in idx]))} |")
    print("\nEvery setting (F1, lost pages): " + ", ".join(args.corpora))
    for g in GRID:
        print(g, " ".join(f"{grid[c][g][2]:.4f}/{grid[c][g][4]}" for c in args.corpora))


if __name__ == "__main__":
    main()
