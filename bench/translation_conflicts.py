"""False "differ" lines on professional translations: each WMT sentence and its translation read
as one shared fact, as ``compare.facts`` reads an aligned fact (``facts._conflicts``, the
articles' languages given), and as ``storydiff same-fact`` reads a pair (``figures_differ``). A
translation states the same figures, so every line is false.

    python bench/translation_conflicts.py [--src PATH] [--show]

Data: ../shared/data/crosslingual/wmt-dev/docs.jsonl (WMT21/22 English news with professional
Russian and Ukrainian translations, sentence-aligned; en-ru, en-uk, and ru-uk where WMT22 has
both). Nothing is fitted on it. ``--src`` runs another checkout's ``src`` (the anchor) on the
same pairs; ``--show`` prints each line with its pair.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "data" / "crosslingual" / "wmt-dev" / "docs.jsonl"
if not DOCS.exists():
    DOCS = Path("/work/shared/data/crosslingual/wmt-dev/docs.jsonl")
PAIRS = (("en", "ru"), ("en", "uk"), ("ru", "uk"))


def sentence_pairs() -> list[tuple[str, str, str, str, str]]:
    """(set, lang a, lang b, sentence, its translation) for each gold-aligned sentence pair."""
    docs: dict[tuple[int, str], dict[str, list[str]]] = {}
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        docs.setdefault((r["year"], r["doc_id"]), {})[r["lang"]] = r.get("sentences") or r["text"].split("\n")
    out = []
    for (year, _), d in sorted(docs.items()):
        for la, lb in PAIRS:
            if la in d and lb in d and len(d[la]) == len(d[lb]):
                out += [(f"WMT{year % 100} {la}-{lb}", la, lb, a, b) for a, b in zip(d[la], d[lb])]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=None, help="another checkout's src (the anchor)")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if not DOCS.exists():
        sys.exit(f"data not found: {DOCS}")
    sys.path.insert(0, str(args.src or ROOT / "src"))
    import inspect

    import storydiff
    from storydiff.compare.claims import article_claims
    from storydiff.compare.facts import _conflicts
    from storydiff.compare.same_fact import figures_differ

    takes_languages = "languages" in inspect.signature(_conflicts).parameters
    try:
        from storydiff.compare.fact_conflicts import with_lone_counts as lone_counts
    except ImportError:  # a checkout before round 18
        lone_counts = None
    print(f"storydiff from {Path(storydiff.__file__).parents[1]}; {DOCS.name}\n")
    pairs = sentence_pairs()
    rows: dict[str, Counter] = defaultdict(Counter)
    shown = []
    for name, la, lb, a, b in pairs:
        ca, cb = article_claims("a", a, 1, la), article_claims("b", b, 1, lb)
        row = rows[name]
        row["pairs"] += 1
        if not ca or not cb:
            continue
        both = bool(ca[0].quantities and cb[0].quantities)
        row["with figures"] += both
        label = {"a": la, "b": lb}.__getitem__
        kw = {"languages": {"a": la, "b": lb}} if takes_languages else {}
        lines = _conflicts([ca[0], cb[0]], label, **kw)
        for line in lines:
            kind = line.split(":")[0].split(" (")[0]
            row[kind] += 1
            shown.append((name, line, a, b))
        row["figures_differ"] += figures_differ(a, b, la, lb)
        if lone_counts is not None:  # pairs whose one unnamed count each is compared (no table names it)
            figures_of = lone_counts([ca[0], cb[0]], lambda c, la=la, lb=lb: la if c.article_id == "a" else lb)
            row["lone counts compared"] += any(figures_of(c) != c.quantities for c in (ca[0], cb[0]))
    kinds = sorted({k for r in rows.values() for k in r} - {"pairs", "with figures", "figures_differ"})
    # "lone counts compared": pairs where each side's one count of a word no table names is compared
    head = ["set", "sentence pairs", "both with figures", "same-fact figures_differ", *kinds]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    total: Counter = Counter()
    for name in sorted(rows):
        r = rows[name]
        total.update(r)
        print(f"| {name} | {r['pairs']} | {r['with figures']} | {r['figures_differ']} | "
              + " | ".join(str(r[k]) for k in kinds) + " |")
    print(f"| **all** | {total['pairs']} | {total['with figures']} | **{total['figures_differ']}** | "
          + " | ".join(f"**{total[k]}**" for k in kinds) + " |")
    if args.show:
        for name, line, a, b in shown:
            print(f"\n[{name}] {line}\n    a: {a}\n    b: {b}")


if __name__ == "__main__":
    main()
