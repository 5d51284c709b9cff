"""Which Latin and Cyrillic names ``compare.translation.same_person`` calls one person, on the
names of professional translations: every capitalised word (no sentence opener) of the WMT
English documents against every one of their Russian and Ukrainian translations'.

    python bench/same_person_pairs.py            # counts, and the pairs the sound rule adds

A pair found in one document pair (a name and its translation) is mostly one person; a pair of
two names never seen in one document pair is mostly two people, the false "same person" this
counts. Without gold: the added pairs are printed to be read. "before" is the rule without the
sound keys (``HEARD_LANGUAGES`` empty).

Data: ../shared/data/crosslingual/wmt-dev/docs.jsonl (skipped when absent).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parent))
from crosslingual_quotes import DOCS, doc_pairs

from storydiff.compare import translation
from storydiff.lexicon.names import is_cyrillic
from storydiff.romanisation import heard_cyrillic, heard_latin, romanised, sounds

_NAME = re.compile(r"(?<![.!?\"«\n]\s)(?<!^)\b([A-ZА-ЯІЇЄҐ][a-zа-яіїєґ'’]{2,})\b")


def names(text: str) -> set[str]:
    return {m.group(1) for line in text.splitlines() for m in _NAME.finditer(line) if m.start() > 0}


def main() -> None:
    argparse.ArgumentParser(description=__doc__).parse_args()
    if not DOCS.exists():
        print(f"skipped: {DOCS} absent")
        return
    latin: dict[str, set[int]] = {}
    cyrillic: dict[str, tuple[str, set[int]]] = {}
    for k, (en, tr) in enumerate(doc_pairs()):
        for w in names(en["text"]):
            if not is_cyrillic(w):
                latin.setdefault(w, set()).add(k)
        for w in names(tr["text"]):
            if is_cyrillic(w):
                cyrillic.setdefault(w, (tr["lang"], set()))[1].add(k)
    lat, cyr = sorted(latin), sorted(cyrillic)
    # candidates: pairs either key finds close (the rule compares no others)
    plain = process.cdist([sounds(romanised(w)) for w in lat], [sounds(romanised(w)) for w in cyr],
                          scorer=fuzz.ratio, score_cutoff=60, workers=1)
    heard = process.cdist([heard_latin(w) for w in lat], [heard_cyrillic(w) for w in cyr],
                          scorer=fuzz.ratio, score_cutoff=60, workers=1)
    counts = {"before": [0, 0], "after": [0, 0]}
    added = []
    saved = translation.HEARD_LANGUAGES
    for i, j in zip(*((plain > 0) | (heard > 0)).nonzero()):
        lw, cw = lat[i], cyr[j]
        lang = cyrillic[cw][0]
        together = bool(latin[lw] & cyrillic[cw][1])
        translation.HEARD_LANGUAGES = frozenset()
        before = translation.same_person(cw, lw, lang, "en")
        translation.HEARD_LANGUAGES = saved
        after = translation.same_person(cw, lw, lang, "en")
        for name, v in (("before", before), ("after", after)):
            counts[name][0 if together else 1] += v
        if after and not before:
            added.append((lw, cw, together))
        assert before <= after, (lw, cw)
    print(f"{len(lat)} Latin x {len(cyr)} Cyrillic names of {len(doc_pairs())} document pairs\n")
    print("| rule | one person, names in one document pair | one person, names never in one pair (mostly false) |")
    print("|---|---|---|")
    for name, (together, apart) in counts.items():
        print(f"| {name} | {together} | {apart} |")
    print("\nadded (Latin, Cyrillic, in one document pair):")
    for lw, cw, together in sorted(added, key=lambda t: (not t[2], t[0])):
        print(f"  {lw} / {cw}{'' if together else '   (never together)'}")


if __name__ == "__main__":
    main()
