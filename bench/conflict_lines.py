"""How many "differ" lines a comparison prints, by kind, on stories with no planted disagreement:
the fact gold's 31 stories (tests/data/fact_gold.jsonl: 25 ECB+ dev clusters, the seed pair and 5
written stories; ../shared/data) and the bundled examples. No gold marks their disagreements, so
every line is listed (--show) for a reader to judge; a rule that adds lines here adds them to
real reports.

    python bench/conflict_lines.py           # counts by kind
    python bench/conflict_lines.py --show    # and each line with its fact
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from facts import articles_of, load  # bench/facts.py: the gold's stories as articles

from storydiff.compare.facts import align_facts
from storydiff.pipeline import compare_paths

EXAMPLES = Path(__file__).resolve().parent.parent / "src" / "storydiff" / "examples"
_KIND = re.compile(r"^([a-z ]+?)(?: \([a-z]+\))?:")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    found: list[tuple[str, str, str]] = []  # (where, line, fact)
    stories = load()
    for s in stories:
        arts, _ = articles_of(s)
        for f in align_facts(arts):
            found += [(s.name, c, f.text) for c in f.conflicts]
    examples = compare_paths([str(EXAMPLES)], workers=0).to_dict()
    for st in examples["stories"]:
        for f in st["facts"]:
            found += [("examples", c, f["text"]) for c in f["conflicts"]]
    kinds = Counter(_KIND.match(c).group(1) if _KIND.match(c) else c for _, c, _ in found)
    print(f"{len(stories)} gold stories + the bundled examples ({len(examples['stories'])} stories): "
          f"{len(found)} conflict lines\n")
    print("| kind | lines |\n|---|---|")
    for kind, n in sorted(kinds.items()):
        print(f"| {kind} | {n} |")
    if args.show:
        for where, line, fact in found:
            print(f"\n[{where}] {line}\n    fact: {fact[:200]}")


if __name__ == "__main__":
    main()
