"""Quotes and speakers that change between two checkouts on real pages in the rule languages.

    python bench/speaker_changes.py --src /path/to/other/checkout/src

fundus-tests' gold article bodies (``../shared/data/extraction/fundus-tests/ground_truth.json``:
German, Austrian, Swiss, Luxembourg, Liechtenstein, Polish, Russian and Ukrainian pages, paragraphs
joined by blank lines) go through ``find_quotes`` with this checkout's code and with ``--src``'s; each
quote whose span, speaker or cue differs is printed with both readings and the words before it, to be
read by a person (no gold speakers here). Counts of quotes and of changes at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "fundus-tests" / "ground_truth.json"
LANG = {"de": "de", "at": "de", "ch": "de", "li": "de", "lu": "de", "pl": "pl", "ru": "ru", "ua": "uk"}
_DUMP = """
import json, sys
from storydiff.analyze.quotes import find_quotes
pages = json.load(sys.stdin)
out = {k: [(q.start, q.end, q.speaker, q.cue) for q in find_quotes(t, language=lang)] for k, (lang, t) in pages.items()}
json.dump(out, sys.stdout)
"""


def quotes_with(src: str | None, pages: dict) -> dict:
    env = {**os.environ, "PYTHONPATH": src} if src else None
    done = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps(pages), capture_output=True, text=True,
                          env=env, check=True)
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", required=True, help="the other checkout's src folder (the anchor)")
    ap.add_argument("--data", default=str(DATA))
    args = ap.parse_args()
    if not Path(args.data).exists():
        sys.exit(f"no fundus-tests ground truth at {args.data}")
    truth = json.loads(Path(args.data).read_text(encoding="utf-8"))
    pages = {k: (LANG[k.split("/")[0]], "\n\n".join(r.get("body") or []))
             for k, r in truth.items() if k.split("/")[0] in LANG}
    old, new = quotes_with(args.src, pages), quotes_with(None, pages)
    changed = 0
    for key, (_, text) in pages.items():
        a = {tuple(q[:2]): q for q in old[key]}
        b = {tuple(q[:2]): q for q in new[key]}
        for span in sorted(set(a) | set(b)):
            if a.get(span) != b.get(span):
                changed += 1
                start, end = span
                before = text[max(0, start - 160):start].replace("\n\n", " ¶ ")
                print(f"{key} [{start}:{end}] «{text[start:end][:70]}»\n   ...{before}\n"
                      f"   --src: {a.get(span) and a[span][2:]}   this: {b.get(span) and b[span][2:]}")
    print(f"\n{len(pages)} pages; quotes {sum(map(len, old.values()))} (--src) -> {sum(map(len, new.values()))} "
          f"(this); {changed} quotes differ")


if __name__ == "__main__":
    main()
