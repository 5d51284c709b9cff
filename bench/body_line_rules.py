"""What HTML line cleanup (``storydiff.extract.line_cleanup.clean_body``) drops on the labelled line
sets, each line alone: how many lines the gold calls body (recall it costs) and boilerplate (what it
cleans), by the rule that drops them. No model, nothing fitted: every page counts, and a rule
designed on other text (a QA pass's pages) is blind on all three sets. wcxb-dev-lines is also
counted by the halves of its sites (``extraction_corpora.site_half``): a rule adjusted after reading
the development half's lines is blind only on the held-out half, aeb and fundus.

    python bench/body_line_rules.py         # aeb-lines, wcxb-dev-lines, fundus-tests-lines (~1 min)
    python bench/body_line_rules.py --html  # and the HTML bodies clean_body cleans (AEB metric)

``--html``: trafilatura's pass storydiff's page-type rule picks (precise where the page declares an
article and the pass is not re-checked, else balanced), before line cleanup, cached per page under
``$STORYDIFF_BENCH_CACHE`` (``chosen-pass``; the first run ~25 min on the busy box), then
``clean_body`` and the AEB score against the gold body: aeb, fundus-tests and wcxb-dev's held-out
half (the sites no rule of round 23 was read on). No gap fill, prose rescue or content region:
what line cleanup alone changes.

The line sets are page text's lines (every line of the page), not a trafilatura body: a count here
is what a rule would do to such a line wherever the HTML pass kept it. ``line_rules`` kinds (which
``bench/line_rules.py`` counts) are one row here, so the totals are clean_body's.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from extraction_corpora import domain, site_half

from storydiff.extract import line_cleanup

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"
if not DATA.exists():
    DATA = Path("/work/shared/data/extraction")
SETS = ("aeb-lines", "wcxb-dev-lines", "fundus-tests-lines")


def _rule(line: str) -> str | None:
    """The rule of clean_body that drops ``line`` alone (``line_cleanup.dropping_rule`` where the code
    has it; else only whether it is dropped, for a tree from before it)."""
    rule = getattr(line_cleanup, "dropping_rule", None)
    if rule is not None:
        return rule(line)
    return None if line_cleanup.clean_body(line) else "dropped"


def main() -> None:
    print("| set | rule | body lines dropped | boilerplate lines dropped | body lines in set |")
    print("|---|---|---:|---:|---:|")
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
                half = f" ({site_half(domain(page['url']))} half)" if name.startswith("wcxb") else ""
                for line, label in zip(page["lines"], page["labels"]):
                    body += label
                    if not line.strip():
                        continue
                    rule = _rule(line.strip())
                    if rule:
                        for key in (rule, "(all)", f"(all{half})" if half else None):
                            if key:
                                counts.setdefault(key, Counter())[label] += 1
        for rule, c in sorted(counts.items()):
            print(f"| {name} | {rule} | {c[1]} | {c[0]} | {body} |", flush=True)


def _chosen_pass(page) -> str:
    import re

    from storydiff.extract.html import SETTINGS, _trafilatura, parse_html
    from storydiff.extract.page_type import declares_article

    words = re.compile(r"\w+")
    precise = _trafilatura(parse_html(page.html()), page.url, favor_precision=True)
    title, text = (precise.title, precise.text or "") if precise else (None, "")
    declared = declares_article(parse_html(page.html()))
    doc = _trafilatura(parse_html(page.html()), page.url, with_metadata=False)
    balanced = (doc.text or "") if doc else ""
    n_precise, n_balanced = len(words.findall(text)), len(words.findall(balanced))
    rechecked = n_precise < SETTINGS.recheck_below_words and n_precise < SETTINGS.recheck_ratio * n_balanced
    return json.dumps({"text": balanced if not declared or rechecked else text, "title": title})


def html_table() -> None:
    import trafilatura
    from aeb_metric import page_counts, score_counts
    from extraction_corpora import cached_outputs, code_hash, html_pages

    key = f"traf{trafilatura.__version__}-" + code_hash("extract/page_type.py", "settings.py")
    print("\n| corpus | pages | P | R | F1 (AEB) |")
    print("|---|---:|---:|---:|---:|")
    for corpus in ("aeb", "fundus", "wcxb"):
        pages = html_pages(corpus)
        if corpus == "wcxb":
            pages = [p for p in pages if site_half(p.group) == "held-out"]
        chosen = cached_outputs(corpus, "chosen-pass", key, _chosen_pass, pages)
        counts = []
        for page in pages:
            r = json.loads(chosen.get(page.id) or '{"text": "", "title": null}')
            counts.append(page_counts(page.body, line_cleanup.clean_body(r["text"], title=r["title"])))
        s = score_counts(counts)
        name = "wcxb (held-out half)" if corpus == "wcxb" else corpus
        print(f"| {name} | {len(pages)} | {s['precision']:.4f} | {s['recall']:.4f} | {s['f1']:.4f} |", flush=True)


if __name__ == "__main__":
    main()
    if "--html" in sys.argv[1:]:
        html_table()
