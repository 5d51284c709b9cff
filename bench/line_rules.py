"""What each line rule (storydiff.extract.line_rules) removes on the labelled line sets: per kind,
how many lines it matches that the gold calls body (recall it costs) and boilerplate (what it
cleans). No model is fitted: the rules are fixed patterns, so every page counts.

    python bench/line_rules.py      # aeb-lines, wcxb-dev-lines and fundus-tests-lines (~40 s)
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

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


if __name__ == "__main__":
    main()
