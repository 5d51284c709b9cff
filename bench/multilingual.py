"""Speakers, cited origins, datelines and numbers in uk, ru, de, pl, fr, es.

    python bench/multilingual.py [--split dev|test|all] [--src PATH] [--errors]

Data: bench/data/multilingual_analysis.jsonl, written for this project (204 items, 34 per
language; invented people and places, real outlets): a dev half (78) the rules were written from,
a test half (78) scored once with the rules frozen and then used to fix what it showed, and a
fresh half (48) written after those fixes and scored once. Each item is one task:

- ``speaker``: a short text with direct quotes; gold: each quote and who said it (None when the
  text names no one). A predicted quote (3+ words) is right when its text matches a gold quote
  (one contains the other, lengths within 20%, as bench/quotes.py scores PolNeAR) and its speaker
  is the gold one (the same surname, in the gold's case form; None for None).
- ``origin``: gold: the outlets or agencies the text cites as its source (by canonical name);
  outlets merely mentioned ("a Reuters photographer") and the police are not origins.
- ``dateline``: gold: the place a story was filed from ("КИЇВ, 5 грудня —"), or None for a lede
  that opens on a city's name.
- ``number``: gold: each figure with its unit (the cross-language key: "dead", "injur", "hour" for
  durations in hours, "%", ...; "*" when the unit is not one storydiff compares across
  languages); dates, years and clock times are not figures.

Precision and recall per language and task, micro over items. ``--src`` runs another checkout's
``src`` (e.g. ``/work/main/src``: the anchor, storydiff before this work) on the same items.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "bench" / "data" / "multilingual_analysis.jsonl"
TASKS = ("speaker", "origin", "dateline", "number")
LANGS = ("uk", "ru", "de", "pl", "fr", "es")


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _same_span(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    return bool(na and nb) and (na in nb or nb in na) and abs(len(na) - len(nb)) < 0.2 * max(len(na), len(nb))


def _same_person(a: str | None, b: str | None) -> bool:
    """Same surname (the scorer's own test, independent of the code under test)."""
    if a is None or b is None:
        return a is None and b is None
    return a.split()[-1].casefold() == b.split()[-1].casefold()


def score_speakers(item, call) -> tuple[int, int, int, list[str]]:
    quotes = [q for q in call("quotes", item["text"], item["lang"]) if len(q.text.split()) >= 3]
    gold = item["gold"]
    used, tp, notes = set(), 0, []
    for q in quotes:
        hit = next((k for k, g in enumerate(gold) if k not in used and _same_span(q.text, g["quote"])), None)
        if hit is not None and _same_person(q.speaker, gold[hit]["speaker"]):
            used.add(hit)
            tp += 1
        else:
            notes.append(f"predicted {q.text[:40]!r} -> {q.speaker}" + (f" (gold {gold[hit]['speaker']})" if hit is not None else ""))
    return tp, len(quotes), len(gold), notes


def score_origins(item, call):
    from storydiff.analyze.origins import canonical_origin

    pred = {o.lower() for o in call("origins", item["text"], item["lang"])}
    gold = {canonical_origin(g).lower() for g in item["gold"]}
    return len(pred & gold), len(pred), len(gold), ([f"pred {sorted(pred)} gold {sorted(gold)}"] if pred != gold else [])


def score_dateline(item, call):
    pred = call("dateline", item["text"], item["lang"])
    gold = item["gold"]
    ok = pred is not None and gold is not None and pred.casefold() == gold.casefold()
    return int(ok), int(pred is not None), int(gold is not None), ([] if ok or pred == gold else [f"pred {pred!r} gold {gold!r}"])


def score_numbers(item, call):
    pred = list(call("numbers", item["text"], item["lang"]))
    gold = list(item["gold"])
    tp = 0
    for q in pred:
        hit = next((g for g in gold if abs(q.value - g["value"]) <= 1e-6 * max(1.0, abs(g["value"]))
                    and g["unit"] in ("*", q.unit)), None)
        if hit is not None:
            gold.remove(hit)
            tp += 1
    notes = [] if tp == len(pred) == len(item["gold"]) else [f"pred {[(q.value, q.unit) for q in pred]} gold {[(g['value'], g['unit']) for g in item['gold']]}"]
    return tp, len(pred), len(item["gold"]), notes


SCORERS = {"speaker": score_speakers, "origin": score_origins, "dateline": score_dateline, "number": score_numbers}


def make_call():
    """The storydiff functions under test, called with the language where they take one."""
    from storydiff.analyze.origins import find_origins
    from storydiff.analyze.quotes import find_quotes
    from storydiff.compare.claims import quantities_in
    from storydiff.extract.metadata import dateline

    def call(what, text, lang):
        try:
            if what == "quotes":
                return find_quotes(text, language=lang)
            if what == "numbers":
                return quantities_in(text, language=lang)
        except TypeError:  # a checkout before the language argument
            return find_quotes(text) if what == "quotes" else quantities_in(text)
        if what == "origins":
            return [o.name for o in find_origins(text)]
        return dateline(text)

    return call


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "test", "fresh", "all"), default="all")
    ap.add_argument("--src", help="import storydiff from this src folder instead (an anchor run)")
    ap.add_argument("--errors", action="store_true", help="print what each wrong item predicted")
    args = ap.parse_args()
    sys.path.insert(0, args.src or str(ROOT / "src"))
    call = make_call()
    items = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    splits = ("dev", "test", "fresh") if args.split == "all" else (args.split,)
    print(f"storydiff from {args.src or 'this checkout'}; {DATA.name}\n")
    for split in splits:
        table: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
        for item in items:
            if item["split"] != split:
                continue
            tp, npred, ngold, notes = SCORERS[item["task"]](item, call)
            row = table[(item["lang"], item["task"])]
            row[0] += tp
            row[1] += npred
            row[2] += ngold
            if args.errors and notes:
                for n in notes:
                    print(f"  {item['id']}: {n}")
        print(f"\n### {split} half: precision / recall (gold count)\n")
        print("| language | " + " | ".join(TASKS) + " |")
        print("|---|" + "---|" * len(TASKS))
        totals = {t: [0, 0, 0] for t in TASKS}
        for lang in LANGS:
            cells = []
            for t in TASKS:
                tp, npred, ngold = table[(lang, t)]
                totals[t] = [a + b for a, b in zip(totals[t], (tp, npred, ngold))]
                cells.append(_cell(tp, npred, ngold))
            print(f"| {lang} | " + " | ".join(cells) + " |")
        print("| **all** | " + " | ".join(f"**{_cell(*totals[t])}**" for t in TASKS) + " |")


def _cell(tp: int, npred: int, ngold: int) -> str:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return f"{p:.2f} / {r:.2f} ({ngold})"


if __name__ == "__main__":
    main()
