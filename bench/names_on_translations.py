"""False 'names' warnings on professional translations: every WMT news sentence against its
translation, and every quote against its translated quote (both directions), should name the same
people, places and organisations.

    python bench/names_on_translations.py            # table
    python bench/names_on_translations.py --errors   # the WMT21 pairs flagged (the rules were
                                                     # tuned on these; WMT22 is scored, not read)
    python bench/names_on_translations.py --e5       # the e5 options measured (minutes on CPU)

Data: ../shared/data/crosslingual/wmt-dev/docs.jsonl (WMT21 en-ru, WMT22 en-ru and en-uk,
sentence-aligned), quote pairs as bench/crosslingual_quotes.py reads them (quote k of sentence i
is quote k of translated sentence i). A sentence pair is flagged when either side, taken as the
version of the other, names something the other does not (compare.quote_names.new_names).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crosslingual_quotes import DOCS, doc_pairs, translated_pairs

from storydiff.compare import quote_names as names_module
from storydiff.compare.quote_names import new_names
from storydiff.lexicon.names import is_cyrillic

SET = Path(__file__).resolve().parents[1] / "tests" / "data" / "quote_meaning.jsonl"


def flagged(a: str, la: str, b: str, lb: str) -> list[str]:
    return new_names(a, b, la, lb) + new_names(b, a, lb, la)


def e5_options() -> None:
    """Two uses of multilingual-e5-small measured against the rules: (1) the whole quotes' cosine
    as the warning (cut chosen on the pairs themselves: in-sample, its best case); (2) the cosine
    of a name alone, for the capitalised words across scripts the rules leave unchecked, against
    every word of the other side (WMT21 plus the names pairs)."""
    import numpy as np

    from storydiff.embeddings import embed_multilingual

    rows = [json.loads(line) for line in SET.open(encoding="utf-8")]
    rows = [r for r in rows if r["split"].startswith("names") and r["lang_a"] != r["lang_b"]]
    a = embed_multilingual([r["a"] for r in rows], query=True)
    b = embed_multilingual([r["b"] for r in rows], query=True)
    cos = np.sum(a * b, axis=1)
    swap = [float(c) for c, r in zip(cos, rows) if r["changes"]]
    kept = [float(c) for c, r in zip(cos, rows) if not r["changes"]]
    print(f"\n(1) cross-language names pairs: {len(swap)} changes, {len(kept)} kept; "
          f"labelled translated (>= 0.875): {sum(c >= 0.875 for c in swap)} changes, {sum(c >= 0.875 for c in kept)} kept")

    def f1(t: float) -> float:
        tp, fp = sum(c < t for c in swap), sum(c < t for c in kept)
        return 2 * tp / (len(swap) + tp + fp)

    t = max(np.arange(0.80, 0.97, 0.002), key=f1)
    tp, fp = sum(c < t for c in swap), sum(c < t for c in kept)
    print(f"best cut (in-sample) cos < {t:.3f}: P {tp / max(tp + fp, 1):.3f} R {tp / len(swap):.3f}")

    def unchecked(x: str, y: str, lx: str, ly: str) -> tuple[list[str], list[str]]:
        tx, ty = names_module._text(x, lx), names_module._text(y, ly)
        script = is_cyrillic(x)
        loose = [w for _, w, named in ty.names(None, script) if not named and is_cyrillic(w) != script
                 and w.upper() != w and not tx.has(w, named)]
        return loose, sorted({w for w, _ in tx.words if len(w) >= 3})

    cases = []
    for en, tr in doc_pairs():
        if tr["year"] == 2021:
            for s_en, s_tr in zip(en["sentences"], tr["sentences"]):
                for x, y, lx, ly in ((s_en, s_tr, "en", tr["lang"]), (s_tr, s_en, tr["lang"], "en")):
                    cases.append(("WMT21",) + unchecked(x, y, lx, ly))
    for r in rows:
        cases.append((r["id"] + (" (change)" if r["changes"] else ""),) + unchecked(r["a"], r["b"], r["lang_a"], r["lang_b"]))
    cases = [c for c in cases if c[1] and c[2]]
    vocab = sorted({w for _, names, words in cases for w in names + words})
    t0 = time.perf_counter()
    vec = embed_multilingual(vocab, query=True)
    took = time.perf_counter() - t0
    row = {w: i for i, w in enumerate(vocab)}
    best = [(tag, n, max(float(vec[row[n]] @ vec[row[w]]) for w in words)) for tag, names, words in cases for n in names]
    wmt = sorted(c for tag, _, c in best if tag == "WMT21")
    print(f"\n(2) names alone: {len(vocab)} words embedded in {took:.0f} s; WMT21 names against their translation, "
          f"best cosine: min {wmt[0]:.3f}, 5th percentile {wmt[len(wmt) // 20]:.3f}, median {wmt[len(wmt) // 2]:.3f}")
    for tag, n, c in best:
        if tag != "WMT21":
            print(f"  {tag}: {n} {c:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print the WMT21 pairs flagged")
    ap.add_argument("--e5", action="store_true", help="measure the e5 options instead (minutes on CPU)")
    args = ap.parse_args()
    if args.e5:
        e5_options()
        return
    if not DOCS.exists():
        raise SystemExit(f"{DOCS} is missing")
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # sentences, flagged, quotes, flagged
    t0, checks = time.perf_counter(), 0
    for key, kind, s_en, lang, s_tr, year in translated_pairs():
        names = flagged(s_en, "en", s_tr, lang)
        checks += 2
        row = table[key]
        at = 0 if kind == "sentence" else 2
        row[at] += 1
        row[at + 1] += bool(names)
        if names and kind == "sentence" and args.errors and year == 2021:
            print(f"{names}\n  en: {s_en}\n  {lang}: {s_tr}")
    per_check = (time.perf_counter() - t0) / checks * 1e6
    print("| set | sentence pairs | flagged `names` | share | quote pairs | flagged | share |")
    print("|---|---|---|---|---|---|---|")
    rows = sorted(table.items()) + [("all", [sum(column) for column in zip(*table.values())])]
    for key, (s, fs, q, fq) in rows:
        print(f"| {key} | {s} | {fs} | {fs / s:.3f} | {q} | {fq} | {fq / q if q else 0:.3f} |")
    print(f"\n{per_check:.0f} µs per check (tokenising, the table, the quote-pair reading included)")


if __name__ == "__main__":
    main()
