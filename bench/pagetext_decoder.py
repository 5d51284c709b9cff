"""Measured and not kept (round 16): the page-text span decoder's settings chosen leave-one-corpus-out.

``python bench/pagetext_decoder.py`` (about 20 min on the busy 2-core box: the line features of
all three line corpora). The shipped line model's line, first-line and last-line scores (page
alone) are decoded with each of 288 settings of ``pagetext.boundary_decode`` (boundary weight, span
cost, inside and outside thresholds), then line_rules, keep_prose_runs (shipped settings) and
page_chrome's rules as clean_page_text applies them (no headline step). For each corpus the setting
is chosen on the other two, by F1 and by the lowest share of pages with body recall < 0.5 first,
and scored on it. aeb's scores come from the model fitted on its pages, so its rows are not held out.
"""

from __future__ import annotations

import argparse
import itertools

import numpy as np
from extraction_corpora import CORPORA, line_pages
from extraction_pagetext import line_scores

from storydiff.extract import pagetext as pt
from storydiff.extract.line_features import boundary_features, line_features
from storydiff.extract.line_model import load_models
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.page_chrome import chrome_kind

GRID = [dict(weight=w, span_cost=s, inside_threshold=i, outside_threshold=o)
        for w, s, i, o in itertools.product((0.0, 1.0, 3.0), (0.15, 0.25, 0.35, 0.5),
                                            (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7), (0.5, 0.7, 0.9))]


def page_scores(pages: list[dict]) -> list[tuple]:
    """Per page: (line scores, first-line and last-line probabilities, lines kept by the rules,
    sentence lines of an already clean text or None, keep_prose_runs' mask), as body_flags has them."""
    models = load_models()
    out = []
    for page in pages:
        lines = [line[: pt.MAX_LINE_CHARS] for line in page["lines"]]
        X = line_features(lines, [])
        p2 = (pt._two_stage(models, "", X) + pt._two_stage(models, "single_", X)) / 2
        B = boundary_features(p2, X)
        ok = np.array([bool(line.strip()) and boilerplate_kind(line) is None and chrome_kind(line) is None
                       for line in lines], dtype=bool)
        sentences = np.array([pt._sentence_line(line) for line in lines], dtype=bool) if pt._is_clean_text(lines) \
            else None
        out.append((p2, models["start"].proba(B), models["end"].proba(B), ok, sentences, pt.prose_mask(lines)))
    return out


def decoded(pages: list[dict], scores: list[tuple], decoder: dict) -> list[list[bool]]:
    flags = []
    for page, (p2, p_start, p_end, ok, sentences, mask) in zip(pages, scores):
        f = pt.boundary_decode(p2, p_start, p_end, decoder)
        if sentences is not None:
            f = f | sentences
        f = pt.keep_prose_runs(page["lines"], list(f & ok), mask=mask)
        flags.append([a and b for a, b in zip(f, ok)])
    return flags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", nargs="+", default=list(CORPORA), choices=CORPORA)
    corpora = parser.parse_args().corpora
    results: dict[str, list[dict]] = {}
    for c in corpora:
        pages = line_pages(c)
        scores = page_scores(pages)
        results[c] = [line_scores(pages, decoded(pages, scores, g)) for g in GRID]
    shipped = GRID.index(load_models()["_meta"]["boundary_decoder"])

    def by_f1(cs: list[str]) -> int:
        return max(range(len(GRID)), key=lambda i: sum(results[c][i]["F1"] for c in cs))

    def by_lost(cs: list[str]) -> int:
        return max(range(len(GRID)), key=lambda i: (-sum(results[c][i]["lost"] for c in cs),
                                                    sum(results[c][i]["F1"] for c in cs)))

    print("| scored on | chosen on | ranking | setting (weight, span cost, inside, outside) | F1 shipped -> chosen "
          "| pages with body recall < 0.5, shipped -> chosen |")
    print("|---|---|---|---|---:|---:|")
    for c in corpora:
        others = [o for o in corpora if o != c]
        if not others:
            continue
        for name, rank in (("F1", by_f1), ("lost share, then F1", by_lost)):
            i = rank(others)
            s, g = results[c][shipped], results[c][i]
            print(f"| {c} | {' + '.join(others)} | {name} | {tuple(GRID[i].values())} | {s['F1']:.4f} -> "
                  f"{g['F1']:.4f} | {s['lost pages']} -> {g['lost pages']} |")
    for c in corpora:
        i = by_f1([c])
        print(f"\nbest on {c} itself: {tuple(GRID[i].values())} F1 {results[c][i]['F1']:.4f} "
              f"(lost pages {results[c][i]['lost pages']})")


if __name__ == "__main__":
    main()
