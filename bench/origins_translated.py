"""Cited origins in Ukrainian and Russian, read against the English they were translated from.

    python bench/origins_translated.py [--src PATH] [--list]

Data (read by path): ``crosslingual/wmt-dev/docs.jsonl`` (WMT21/22 English news documents with
professional Russian and Ukrainian translations) and the Russian texts of
``stories/tgcontest-pairs/*.tsv``. Neither was read while the uk/ru rules were written.

- WMT: silver gold is what ``find_origins`` reads in the English original (PolNeAR precision 0.99);
  a translation should cite the same origins. Recall = English origins also found in the
  translation; "extra" = origins found in a translation that its original does not cite (a false
  origin, or one the English rules miss: ``--list`` prints them to read).
- tgcontest: Russian news texts without gold: how many cite an origin (``--list`` prints each
  origin with its evidence, to read by hand which are right).

``--src`` runs another checkout's ``src`` (the anchor: storydiff before a change) on the same texts.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
WMT = DATA / "crosslingual" / "wmt-dev" / "docs.jsonl"
TG = DATA / "stories" / "tgcontest-pairs"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", help="import storydiff from this src folder instead (an anchor run)")
    ap.add_argument("--list", action="store_true", help="print every origin found in the uk/ru texts")
    args = ap.parse_args()
    sys.path.insert(0, args.src or str(ROOT / "src"))
    from storydiff.analyze.origins import find_origins

    if not WMT.is_file():
        sys.exit(f"{WMT} not found")
    rows = [json.loads(line) for line in WMT.read_text().splitlines() if line.strip()]
    english = {r["doc_id"]: r for r in rows if r["lang"] == "en"}
    print(f"storydiff from {args.src or 'this checkout'}\n")
    print("| translation | documents | English origins | found in translation | recall | extra origins |")
    print("|---|---|---|---|---|---|")
    for lang in ("ru", "uk"):
        docs = gold_n = hit = extra = 0
        for r in rows:
            if r["lang"] != lang or r["doc_id"] not in english:
                continue
            docs += 1
            gold = {o.name for o in find_origins(english[r["doc_id"]]["text"])}
            found = find_origins(r["text"])
            names = {o.name for o in found}
            gold_n += len(gold)
            hit += len(gold & names)
            extra += len(names - gold)
            if args.list:
                for o in found:
                    print(f"  wmt {lang} {r['doc_id']}: {o.name} [{'in en' if o.name in gold else 'EXTRA'}] | {o.evidence}")
        print(f"| {lang} | {docs} | {gold_n} | {hit} | {hit / gold_n if gold_n else 1:.2f} | {extra} |")

    texts: dict[str, None] = {}
    for path in sorted(TG.glob("ru_*.tsv")):
        with path.open(newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                for key in ("INPUT:first_text", "INPUT:second_text"):
                    if row.get(key):
                        texts[row[key]] = None
    citing = origins = 0
    for k, text in enumerate(texts):
        found = find_origins(text)
        citing += bool(found)
        origins += len(found)
        if args.list:
            for o in found:
                print(f"  tg {k}: {o.name} | {o.evidence}")
    print(f"\ntgcontest Russian texts: {len(texts)}; citing an origin: {citing}; origins found: {origins}")

    # speed on the uk/ru texts (where the other-language rules run), as a ratio to an anchor run
    # here: one regex of the cue verbs anywhere
    corpus = [r["text"] for r in rows if r["lang"] != "en"] + list(texts)
    anchor = re.compile(r"(?i)\b(?:пише|повідомляє|сообщает|пишет|передает|по данным|за даними)\b")
    t0 = time.perf_counter()
    for _ in range(3):
        for text in corpus:
            anchor.findall(text)
    t_anchor = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(3):
        for text in corpus:
            find_origins(text)
    t_rules = time.perf_counter() - t0
    print(f"speed on {len(corpus)} uk/ru texts (x3): find_origins {3 * len(corpus) / t_rules:.0f} texts/s, "
          f"anchor (cue regex) {3 * len(corpus) / t_anchor:.0f} texts/s, ratio {t_anchor / t_rules:.3f}")


if __name__ == "__main__":
    main()
