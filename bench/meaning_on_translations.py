"""False meaning warnings on professional translations: a WMT news sentence and its translation,
and a quote and its translated quote, say the same thing, so a "negation" or "numbers" warning
on them (compare.meaning.meaning_changes, either side taken as the version of the other) is false.

    python bench/meaning_on_translations.py            # table
    python bench/meaning_on_translations.py --errors   # the WMT21 pairs flagged

Data: ../shared/data/crosslingual/wmt-dev/docs.jsonl (WMT21 en-ru, WMT22 en-ru and en-uk,
sentence-aligned), quote pairs as bench/crosslingual_quotes.py reads them. Translations do change
a few figures ("12 months" / «год») and negations ("failed to" / «не смог»): the share flagged is
an upper bound on the false warnings, to compare between checkouts (PYTHONPATH=other/src).
No rule was fitted on these pairs (round 18's cross-language rules were written on the QA pass's
quotes and tests/data/quote_meaning.jsonl).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crosslingual_quotes import DOCS, translated_pairs

from storydiff.compare.meaning import meaning_changes

WARNINGS = ("negation", "numbers")


def flags(a: str, la: str, b: str, lb: str) -> set[str]:
    return (set(meaning_changes(a, b, la, lb)) | set(meaning_changes(b, a, lb, la))) & set(WARNINGS)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print the WMT21 pairs flagged")
    args = ap.parse_args()
    if not DOCS.exists():
        raise SystemExit(f"{DOCS} is missing")
    # per set: sentence pairs, flagged per warning; quote pairs, flagged per warning
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    t0, checks = time.perf_counter(), 0
    for key, kind, s_en, lang, s_tr, year in translated_pairs():
        got = flags(s_en, "en", s_tr, lang)
        checks += 2
        row = table[key]
        row["sentences" if kind == "sentence" else "quotes"] += 1
        for w in got:
            row[f"{kind[0]} {w}"] += 1
        if got and kind == "sentence" and args.errors and year == 2021:
            print(f"{sorted(got)}\n  en: {s_en}\n  {lang}: {s_tr}")
    per_check = (time.perf_counter() - t0) / checks * 1e6
    print("| set | sentence pairs | flagged `negation` | flagged `numbers` | quote pairs | flagged `negation` | flagged `numbers` |")
    print("|---|---|---|---|---|---|---|")
    total: dict[str, int] = defaultdict(int)
    for row in table.values():
        for k, v in row.items():
            total[k] += v
    for key, row in [*sorted(table.items()), ("all", total)]:
        s, q = row["sentences"], row["quotes"]
        print(f"| {key} | {s} | {row['s negation']} ({row['s negation'] / s:.3f}) | {row['s numbers']} "
              f"({row['s numbers'] / s:.3f}) | {q} | {row['q negation']} | {row['q numbers']} |")
    print(f"\n{per_check:.0f} µs per check")


if __name__ == "__main__":
    main()
