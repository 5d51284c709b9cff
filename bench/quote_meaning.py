"""Quote meaning warnings: precision and recall of each change a version is flagged with.

    python bench/quote_meaning.py            # table per warning, dev / held-out / all
    python bench/quote_meaning.py --errors   # the pairs it gets wrong

Set: tests/data/quote_meaning.jsonl, 110 quote pairs written for this project (54 with a real
change of meaning: a negation flipped, a figure changed, an opposite word swapped; 56 that keep
it: negation or figures worded another way, contractions, trims, synonyms, reorderings;
en, de, fr, es, pl, ru, uk, 14 across two languages). Written whole before any rule was run;
rows alternate dev / held-out; the rules were developed on dev failures only. Later splits: blind
(round 11), names-* (rounds 13-15), r18-blind (round 18: 24 pairs across two of pl, de, uk, ru,
en, quotes of one and two sentences, figures in words and "none" counts; written before the
round's rules were).

A pair's warnings are right when they equal its labelled changes. Per warning: precision = of
the pairs flagged with it, those labelled with it; recall = of the pairs labelled with it,
those flagged. "any" counts a pair flagged with anything against a pair with any change.
Anchor: the word-diff rule before this module (a negation word added, or cut with at most one
other word; a figure string not in the reference), run on the same pairs.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from storydiff.compare.meaning import CHANGES, meaning_changes

SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "quote_meaning.jsonl"
_NEGATIONS = re.compile(r"\b(?:not|no|never|nobody|nothing|none|neither|nor|without|cannot)\b|n['’]t\b", re.IGNORECASE)


def word_diff_rule(a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> list[str]:
    """The rule storydiff shipped before compare/meaning.py (compare/quotes.py, round 9)."""
    from storydiff.compare.claims import numbers_in
    from storydiff.compare.quotes import word_diff

    changes = []
    for op, words in word_diff(a, b):
        if _NEGATIONS.search(words) and (op == "+" or (op == "-" and len(words.split()) <= 2)):
            changes.append("negation")
            break
    if set(numbers_in(b)) - set(numbers_in(a)):
        changes.append("numbers")
    return changes


def table(rows: list[dict], method) -> list[tuple[str, int, int, int, float, float]]:
    out = []
    preds = [set(method(r["a"], r["b"], r["lang_a"], r["lang_b"])) for r in rows]
    for name in (*CHANGES, "any"):
        def has(s: set[str], name=name) -> bool:
            return bool(s) if name == "any" else name in s
        tp = sum(has(p) and has(set(r["changes"])) for p, r in zip(preds, rows))
        flagged = sum(has(p) for p in preds)
        gold = sum(has(set(r["changes"])) for r in rows)
        out.append((name, gold, flagged, tp, tp / flagged if flagged else 1.0, tp / gold if gold else 1.0))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print the dev pairs it gets wrong")
    ap.add_argument("--all", action="store_true", help="with --errors: every pair but the names held-out and blind ones")
    args = ap.parse_args()
    rows = [json.loads(line) for line in SET.open(encoding="utf-8")]
    parts = {"dev": [r for r in rows if r["split"] == "dev"],
             "held-out": [r for r in rows if r["split"] == "heldout"],
             "blind": [r for r in rows if r["split"] == "blind"],
             "r18-blind": [r for r in rows if r["split"] == "r18-blind"],
             "names-dev": [r for r in rows if r["split"] == "names-dev"],
             "names-held-out": [r for r in rows if r["split"] == "names-heldout"],
             "names-blind": [r for r in rows if r["split"] == "names-blind"],
             "names-blind2": [r for r in rows if r["split"] == "names-blind2"], "all": rows}
    print(f"{len(rows)} pairs ({sum(bool(r['changes']) for r in rows)} with a change of meaning)\n")
    print("| method | warning | set | labelled | flagged | right | precision | recall |")
    print("|---|---|---|---|---|---|---|---|")
    for label, method in (("storydiff `meaning_changes`", meaning_changes), ("anchor: word-diff rule", word_diff_rule)):
        for part, rs in parts.items():
            for name, gold, flagged, tp, p, r in table(rs, method):
                if method is word_diff_rule and name in ("antonym", "names"):
                    continue
                print(f"| {label} | {name} | {part} | {gold} | {flagged} | {tp} | {p:.3f} | {r:.3f} |")
    print("\n`names` by pair: within one language / across two (labelled, flagged, right)\n")
    print("| set | within: labelled / flagged / right | across: labelled / flagged / right |")
    print("|---|---|---|")
    for part in ("names-dev", "names-held-out", "names-blind", "names-blind2"):
        cells = []
        for across in (False, True):
            rs = [r for r in parts[part] if (r["lang_a"] != r["lang_b"]) == across]
            (_, gold, flagged, tp, _, _), = [t for t in table(rs, meaning_changes) if t[0] == "names"]
            cells.append(f"{gold} / {flagged} / {tp} (of {len(rs)} pairs)")
        print(f"| {part} | {cells[0]} | {cells[1]} |")
    t0 = time.perf_counter()
    for _ in range(5):
        for r in rows:
            meaning_changes(r["a"], r["b"], r["lang_a"], r["lang_b"])
    print(f"\n{(time.perf_counter() - t0) / (5 * len(rows)) * 1e6:.0f} µs per pair (languages given; tokens cached after the first pass)")
    # the names check's cost: each pair's first read, with and without it, interleaved
    import statistics

    from storydiff.compare import meaning, quote_names

    def first_read(check) -> float:
        meaning.new_names = check
        quote_names._text.cache_clear()
        meaning._tokens.cache_clear()
        t = time.perf_counter()
        for r in rows:
            meaning_changes(r["a"], r["b"], r["lang_a"], r["lang_b"])
        return (time.perf_counter() - t) / len(rows) * 1e6

    real, timings = meaning.new_names, {"with": [], "without": []}
    for _ in range(5):
        timings["without"].append(first_read(lambda *a, **k: []))
        timings["with"].append(first_read(real))
    meaning.new_names = real
    w, wo = statistics.median(timings["with"]), statistics.median(timings["without"])
    print(f"first read of each pair: {w:.0f} µs with the names check, {wo:.0f} µs without ({w / wo:.1f}x; medians of 5, interleaved)")
    # hostile input: a 20,000-character "quote" (the most one is read) of distinct capitalised junk
    import random
    import string

    def junk(seed: int, letters: str) -> str:
        rnd = random.Random(seed)
        return " ".join("".join(rnd.choice(letters) for _ in range(rnd.randint(3, 9))).capitalize()
                        for _ in range(3000))[:20_000]

    for la, lb, x, y in (("en", "en", junk(1, string.ascii_lowercase), junk(2, string.ascii_lowercase)),
                         ("uk", "uk", junk(3, "абвгдежзиклмнопрстуф"), junk(4, "абвгдежзиклмнопрстуф"))):
        t = time.perf_counter()
        found = quote_names.new_names(x, y, la, lb)
        print(f"20,000 characters of capitalised junk against another ({la}): {time.perf_counter() - t:.2f} s, "
              f"{len(found)} names new")
    if args.errors:
        for r in rows:
            got = meaning_changes(r["a"], r["b"], r["lang_a"], r["lang_b"])
            if got != r["changes"] and (r["split"] in ("dev", "names-dev") or (args.all and r["split"] not in ("names-heldout", "names-blind", "names-blind2"))):
                print(f"\n{r['id']} [{r['split']}, {r['kind']}] labelled {r['changes']} got {got}\n  a: {r['a']}\n  b: {r['b']}")


if __name__ == "__main__":
    main()
