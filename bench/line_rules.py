"""What each line rule (storydiff.extract.line_rules) removes on the labelled line sets: per kind,
how many lines it matches that the gold calls body (recall it costs) and boilerplate (what it
cleans). No model is fitted: the rules are fixed patterns, so every page counts.

    python bench/line_rules.py          # aeb-lines, wcxb-dev-lines and fundus-tests-lines (~40 s)
    python bench/line_rules.py --f1     # and page text's line F1 with the rules and without (~3 min)

``--f1``: what the rules do to page text (``clean_page_text``, a page alone, the shipped line model
and settings): micro line F1 with every rule on, and with ``boilerplate_kind`` answering None (the
anchor, same run; the model's flags are computed once per page and shared).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from storydiff.extract import pagetext
from storydiff.extract.line_rules import boilerplate_kind

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"
SETS = ("aeb-lines", "wcxb-dev-lines", "fundus-tests-lines")


def main() -> None:
    print(f"{'set':16} {'kind':14} {'body':>7} {'boilerplate':>12} {'body lines in set':>18}")
    for name in SETS:
        path = DATA / name / "lines.jsonl"
        if not path.exists():
            print(f"{name}: not found at {path}")
            continue
        counts: dict[str, Counter] = {}
        body = 0
        with path.open(encoding="utf-8") as f:
            for row in f:
                page = json.loads(row)
                for line, label in zip(page["lines"], page["labels"]):
                    body += label
                    kind = boilerplate_kind(line)
                    if kind:
                        counts.setdefault(kind, Counter())[label] += 1
        for kind, c in sorted(counts.items()):
            print(f"{name:16} {kind:14} {c[1]:>7} {c[0]:>12} {body:>18}")


def page_text_f1() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from extraction_corpora import line_pages
    from extraction_pagetext import line_scores

    model_flags = pagetext.body_flags
    raw: dict[str, list[bool]] = {}
    rules = {"kind": boilerplate_kind}

    def body_flags(lines, siblings, models, scores=None):  # the model's flags once a page, the rules on them each time
        key = "\n".join(lines)
        if key not in raw:
            pagetext.boilerplate_kind = lambda line: None
            try:
                raw[key] = model_flags(lines, siblings, models, scores=scores)
            finally:
                pagetext.boilerplate_kind = rules["kind"]
        return [f and rules["kind"](line) is None for f, line in zip(raw[key], lines)]

    pagetext.body_flags = body_flags
    print("\n| corpus | line rules | P | R | F1 (micro) | per-page F1 | pages with body recall < 0.5 |")
    print("|---|---|---:|---:|---:|---:|---:|")
    try:
        for corpus in ("aeb", "wcxb", "fundus"):
            pages = line_pages(corpus)
            for name, kind in (("off (anchor)", lambda line: None), ("on", boilerplate_kind)):
                rules["kind"] = pagetext.boilerplate_kind = kind
                s = line_scores(pages, [pagetext.clean_page_text("\n".join(p["lines"])).kept for p in pages])
                print(f"| {corpus} | {name} | {s['P']:.4f} | {s['R']:.4f} | {s['F1']:.4f} | {s['page F1']:.4f} "
                      f"| {s['lost pages']} of {s['n']} |", flush=True)
            raw.clear()
    finally:
        pagetext.body_flags, pagetext.boilerplate_kind = model_flags, boilerplate_kind


if __name__ == "__main__":
    main()
    if "--f1" in sys.argv[1:]:
        page_text_f1()
