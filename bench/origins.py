"""Wire detection and credited origins on PolNeAR (train + dev) against metadata.tsv.

    python bench/origins.py [--limit N] [--data PATH] [--show-errors]

Gold: the ``wire`` column (AP / UPI / AFP / Reuters; rows marked NA or empty are unannotated and
skipped). Scored per article and agency: a predicted agency is a true positive when it is the
gold agency. Anchor: the naive rule, an agency name (AP, Associated Press, Reuters, AFP, UPI...)
anywhere in the text. The ``credit`` column (h/t lines of Western Journalism) is mostly absent
from the texts, so it is reported as: credited outlet found among find_origins() names, over
the credited articles whose text names that outlet at all.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from storydiff.analyze.origins import canonical_origin, find_origins, wire_services

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "quotes" / "polnear" / "data"
GOLD_WIRE = {
    "ap": "Associated Press",
    "upi": "United Press International",
    "afp": "Agence France-Presse",
    "reuters": "Reuters",
}
NAIVE = {  # the anchor: agency names anywhere in the text
    "Associated Press": re.compile(r"\b(?:AP|Associated Press)\b"),
    "United Press International": re.compile(r"\b(?:UPI|United Press International)\b"),
    "Agence France-Presse": re.compile(r"\b(?:AFP|Agence France-Presse)\b"),
    "Reuters": re.compile(r"\bReuters\b"),
}


def naive_wires(text: str) -> list[str]:
    return [name for name, rx in NAIVE.items() if rx.search(text)]


def load(data: Path, limit: int | None):
    rows = list(csv.DictReader((data / "metadata.tsv").open(encoding="utf-8"), delimiter="\t"))
    out = []
    for r in rows:
        if r["compartment"] not in ("train", "dev"):
            continue
        path = data / r["compartment"] / "text" / f"{r['filename']}.txt"
        if path.exists():
            out.append((r, path.read_text(encoding="utf-8", errors="replace")))
    return out[:limit] if limit else out


def score(items, predict):
    tp = fp = fn = 0
    errors = []
    for r, text, gold in items:
        pred = set(predict(text))
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if pred != gold:
            errors.append((r["filename"], sorted(gold), sorted(pred)))
    p = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    return p, rec, f1, tp, fp, fn, errors


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--show-errors", action="store_true")
    args = ap.parse_args()
    if not (args.data / "metadata.tsv").exists():
        sys.exit(f"PolNeAR not found at {args.data}")
    docs = load(args.data, args.limit)
    items = []
    for r, text in docs:
        wire = r["wire"].strip().lower()
        if wire in ("na", ""):
            continue
        items.append((r, text, {GOLD_WIRE[wire]} if wire in GOLD_WIRE else set()))
    n_pos = sum(1 for *_, g in items if g)
    print(
        f"PolNeAR train+dev: {len(items)} articles with a wire label ({n_pos} wire copy), "
        f"{len(docs) - len(items)} unannotated (NA) skipped\n"
    )

    results = {}
    for name, fn in [
        ("storydiff wire_services", wire_services),
        ("anchor: agency name anywhere", naive_wires),
    ]:
        t0 = time.perf_counter()
        results[name] = score(items, fn)
        results[name] += (len(items) / (time.perf_counter() - t0),)
    print("| method | precision | recall | F1 | TP | FP | FN | articles/s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, (p, r, f1, tp, fp, fn, _, speed) in results.items():
        print(f"| {name} | {p:.3f} | {r:.3f} | {f1:.3f} | {tp} | {fp} | {fn} | {speed:,.0f} |")
    print("\ntarget: precision and recall >= 0.90")

    # credits: only the h/t lines of west-journal; the h/t line itself was stripped from the texts
    credited = [(r, t) for r, t in docs if r["credit"].lower().startswith("h/t")]
    visible = found = 0
    for r, text in credited:
        name = canonical_origin(r["credit"].split(":", 1)[1].strip().rstrip("."))
        key = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
        if not re.search(re.escape(key), text, flags=re.IGNORECASE):
            continue
        visible += 1
        found += name in {o.name for o in find_origins(text, outlet=r["publisher"])}
    print(
        f"\ncredit column: {len(credited)} credited articles; the credited outlet is named in the text of "
        f"{visible}; find_origins() returns it for {found} of those ({found / visible if visible else 0:.2f})"
    )

    if args.show_errors:
        for name, res in results.items():
            print(f"\n{name} errors (file, gold, predicted):")
            for e in res[6]:
                print("  ", *e)


if __name__ == "__main__":
    main()
