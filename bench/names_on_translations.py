"""False 'names' warnings on professional translations: every WMT news sentence against its
translation, and every quote against its translated quote (both directions), should name the same
people, places and organisations.

    python bench/names_on_translations.py            # table
    python bench/names_on_translations.py --errors   # the WMT21 pairs flagged (the rules were
                                                     # tuned on these; WMT22 is scored, not read)

Data: ../shared/data/crosslingual/wmt-dev/docs.jsonl (WMT21 en-ru, WMT22 en-ru and en-uk,
sentence-aligned), quote pairs as bench/crosslingual_quotes.py reads them (quote k of sentence i
is quote k of translated sentence i). A sentence pair is flagged when either side, taken as the
version of the other, names something the other does not (compare.names.new_names).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crosslingual_quotes import DOCS, doc_pairs, quote_case

from storydiff.compare.names import new_names


def flagged(a: str, la: str, b: str, lb: str) -> list[str]:
    return new_names(a, b, la, lb) + new_names(b, a, lb, la)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print the WMT21 pairs flagged")
    args = ap.parse_args()
    if not DOCS.exists():
        raise SystemExit(f"{DOCS} is missing")
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # sentences, flagged, quotes, flagged
    t0, checks = time.perf_counter(), 0
    for en, tr in doc_pairs():
        key = f"WMT{str(tr['year'])[2:]} en-{tr['lang']}"
        row = table[key]
        for s_en, s_tr in zip(en["sentences"], tr["sentences"]):
            names = flagged(s_en, "en", s_tr, tr["lang"])
            checks += 2
            row[0] += 1
            row[1] += bool(names)
            if names and args.errors and tr["year"] == 2021:
                print(f"{names}\n  en: {s_en}\n  {tr['lang']}: {s_tr}")
        qa, qb, gold, _ = quote_case(en, tr)
        by_id = {id(q): q for q in qa + qb}
        for x, y in gold:
            names = flagged(by_id[x].text, "en", by_id[y].text, tr["lang"])
            checks += 2
            row[2] += 1
            row[3] += bool(names)
    per_check = (time.perf_counter() - t0) / checks * 1e6
    print("| set | sentence pairs | flagged `names` | share | quote pairs | flagged | share |")
    print("|---|---|---|---|---|---|---|")
    total = [0, 0, 0, 0]
    for key in sorted(table):
        s, fs, q, fq = table[key]
        total = [x + y for x, y in zip(total, table[key])]
        print(f"| {key} | {s} | {fs} | {fs / s:.3f} | {q} | {fq} | {fq / q if q else 0:.3f} |")
    s, fs, q, fq = total
    print(f"| all | {s} | {fs} | {fs / s:.3f} | {q} | {fq} | {fq / q:.3f} |")
    print(f"\n{per_check:.0f} µs per check (tokenising, the table, the quote-pair reading included)")


if __name__ == "__main__":
    main()
