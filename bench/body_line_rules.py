"""What HTML line cleanup (``storydiff.extract.line_cleanup.clean_body``) drops on the labelled line
sets, each line alone: how many lines the gold calls body (recall it costs) and boilerplate (what it
cleans), by the rule that drops them. No model, nothing fitted: every page counts, and a rule
designed on other text (a QA pass's pages) is blind on all three sets. wcxb-dev-lines is also
counted by the halves of its sites (``extraction_corpora.site_half``): a rule adjusted after reading
the development half's lines is blind only on the held-out half, aeb and fundus.

    python bench/body_line_rules.py     # aeb-lines, wcxb-dev-lines, fundus-tests-lines (~1 min)

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


if __name__ == "__main__":
    main()
