"""Direct quotes and speakers on PolNeAR (scoring: bench/polnear.py, shared/data/README.md).

    python bench/quotes.py                 # dev, 84 texts
    python bench/quotes.py --split train   # tuning split
    python bench/quotes.py --limit 20      # quick
    python bench/quotes.py --errors 30     # print missed/wrong quotes too

Anchor: a plain quote regex with no speakers (README: finds 580 gold quotes on dev, 0.28 end
to end), run here on the same texts. CofeNet (published, all attributions, exact match, test
split) is printed for reference only: not comparable with direct-quote scoring.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import Counts, _norm, _span_match, _speaker_ok, load, score_text

from storydiff.analyze.nlp import get_nlp
from storydiff.analyze.quotes import find_quotes

ANCHOR = re.compile(r"[\"“]([^\"“”\n]+)[\"”]")


def anchor_quotes(text: str) -> list[tuple[str, None]]:
    return [(m.group(1).strip(" ,"), None) for m in ANCHOR.finditer(text)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="show this many wrong/missed quotes")
    args = ap.parse_args()
    data = load(args.split, args.limit)
    if not data:
        print("PolNeAR data not found under shared/data/quotes/polnear; nothing to do.")
        return
    n_gold = sum(len(g) for _, _, g in data)

    a_span, a_e2e = Counts(), Counts()
    t0 = time.perf_counter()
    anchor_preds = [anchor_quotes(text) for _, text, _ in data]
    t_anchor = time.perf_counter() - t0
    for preds, (_, _, gold) in zip(anchor_preds, data):
        score_text(preds, gold, a_span, a_e2e)

    nlp = get_nlp()
    nlp("warm up")
    # no parse: the English attribution rules (what ``compare`` shows for a one-article story)
    r_span, r_e2e = Counts(), Counts()
    t0 = time.perf_counter()
    for _, text, gold in data:
        score_text([(q.text, q.speaker) for q in find_quotes(text, language="en", parse=False)], gold, r_span, r_e2e)
    t_rules = time.perf_counter() - t0
    o_span, o_e2e = Counts(), Counts()
    errors: list[str] = []
    n_quotes = 0
    t_parse = t_quotes = 0.0
    t_spans = 0.0
    for name, text, gold in data:
        t0 = time.perf_counter()
        find_quotes(text, with_speakers=False)
        t_spans += time.perf_counter() - t0
        t0 = time.perf_counter()
        doc = nlp(text)
        t1 = time.perf_counter()
        qs = find_quotes(text, doc=doc)
        t2 = time.perf_counter()
        t_parse += t1 - t0
        t_quotes += t2 - t1
        n_quotes += len(qs)
        preds = [(q.text, q.speaker) for q in qs]
        score_text(preds, gold, o_span, o_e2e)
        if args.errors and len(errors) < args.errors:
            errors.extend(_explain(name, preds, gold))

    print(f"PolNeAR {args.split}: {len(data)} texts, {n_gold} gold direct quotes (>= 3 words)\n")
    print("| system | found | span P | span R | span F1 | end-to-end F1 |")
    print("|---|---|---|---|---|---|")
    for label, s, e in (
        ("anchor: quote regex, no speakers", a_span, a_e2e),
        ("storydiff find_quotes", o_span, o_e2e),
        ("storydiff find_quotes, no parse (English rules)", r_span, r_e2e),
    ):
        p, r, f = s.prf()
        print(f"| {label} | {s.tp} | {p:.3f} | {r:.3f} | {f:.3f} | {e.prf()[2]:.3f} |")
    print(
        "| CofeNet (published, all attributions, exact, test; not comparable) "
        "| | | | content 0.729 | source 0.832 |"
    )
    print("\nTargets: span F1 >= 0.92, end-to-end F1 >= 0.85.\n")
    total = t_parse + t_quotes
    print("| speed | seconds | quotes/s | texts/s |")
    print("|---|---|---|---|")
    print(
        f"| anchor regex | {t_anchor:.3f} | {n_quotes / max(t_anchor, 1e-9):,.0f} | "
        f"{len(data) / max(t_anchor, 1e-9):,.0f} |"
    )
    print(
        f"| find_quotes, spans only | {t_spans:.3f} | {n_quotes / max(t_spans, 1e-9):,.0f} | "
        f"{len(data) / max(t_spans, 1e-9):,.0f} |"
    )
    print(
        f"| find_quotes + speakers, doc given | {t_quotes:.2f} | {n_quotes / t_quotes:,.0f} | "
        f"{len(data) / t_quotes:.1f} |"
    )
    print(f"| spaCy parse + find_quotes | {total:.2f} | {n_quotes / total:,.1f} | {len(data) / total:.2f} |")
    print(f"| find_quotes, no parse (English rules) | {t_rules:.2f} | {n_quotes / t_rules:,.0f} | "
          f"{len(data) / t_rules:.1f} |")
    print(
        f"\nspans-only time = {t_spans / max(t_anchor, 1e-9):.1f}x the anchor regex; "
        f"with parse = {total / max(t_anchor, 1e-9):,.0f}x."
    )
    if errors:
        print("\nErrors:")
        print("\n".join(errors))


def _explain(name, preds, gold):
    out = []
    for g in gold:
        ng = _norm(g.text)
        hit = [(t, s) for t, s in preds if _span_match(_norm(t), ng)]
        if not hit:
            out.append(f"- MISS {name}: {g.text[:90]!r} [{g.source}]")
        elif not any(_speaker_ok(s, g.source) for _, s in hit):
            out.append(f"- SPEAKER {name}: {g.text[:60]!r} gold [{g.source}] got [{hit[0][1]}]")
    gnorm = [_norm(g.text) for g in gold]
    for t, _ in preds:
        if len(t.split()) >= 3 and not any(_span_match(_norm(t), g) for g in gnorm):
            out.append(f"- EXTRA {name}: {t[:90]!r}")
    return out


if __name__ == "__main__":
    main()
